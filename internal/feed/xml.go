package feed

import (
	"bytes"
	"encoding/xml"
)

// xmlWriter writes an XML document token by token; encoding/xml escapes the
// text and checks that every element is closed. Names are written as given,
// prefixes included ("content:encoded"), with the namespaces declared on the
// root element.
type xmlWriter struct {
	buf bytes.Buffer
	enc *xml.Encoder
	err error
}

func newXMLWriter() *xmlWriter {
	w := &xmlWriter{}
	w.buf.WriteString(xml.Header)
	w.enc = xml.NewEncoder(&w.buf)
	w.enc.Indent("", "  ")
	return w
}

func (w *xmlWriter) token(t xml.Token) {
	if w.err == nil {
		w.err = w.enc.EncodeToken(t)
	}
}

// start opens an element; attrs are name, value pairs. An attribute with an
// empty value is left out.
func (w *xmlWriter) start(name string, attrs ...string) {
	se := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" {
			se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
	}
	w.token(se)
}

func (w *xmlWriter) end(name string) { w.token(xml.EndElement{Name: xml.Name{Local: name}}) }

// elem writes <name attrs>text</name>.
func (w *xmlWriter) elem(name, text string, attrs ...string) {
	w.start(name, attrs...)
	if text != "" {
		w.token(xml.CharData(text))
	}
	w.end(name)
}

// opt writes an element only when text is not empty.
func (w *xmlWriter) opt(name, text string, attrs ...string) {
	if text != "" {
		w.elem(name, text, attrs...)
	}
}

func (w *xmlWriter) bytes() ([]byte, error) {
	if w.err == nil {
		w.err = w.enc.Flush()
	}
	if w.err != nil {
		return nil, w.err
	}
	w.buf.WriteByte('\n')
	return w.buf.Bytes(), nil
}
