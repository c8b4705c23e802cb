package media

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// ErrBadPDF is matched (errors.Is) when a file that starts like a PDF is
// damaged or not a PDF after all.
var ErrBadPDF = errors.New("the PDF is damaged or not a PDF")

// pdfcpuSetup keeps pdfcpu from writing a configuration folder into the
// home directory of the server's account: we pass our settings in code.
var pdfcpuSetup sync.Once

func pdfConfig() *model.Configuration {
	pdfcpuSetup.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	// Relaxed validation accepts the small deviations common in real
	// files (as readers do) but not a broken structure.
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// PDFPages checks that data is a whole, readable PDF (header, cross-reference
// table, object structure and page tree, validated by pdfcpu) and counts
// its pages. A file that needs a password to open is refused: readers could
// not open it either.
func PDFPages(data []byte) (pages int, err error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return 0, fmt.Errorf("%w: it does not start with %%PDF-", ErrBadPDF)
	}
	// A parser facing hostile input must not take the server down.
	defer func() {
		if r := recover(); r != nil {
			pages, err = 0, fmt.Errorf("%w: %v", ErrBadPDF, r)
		}
	}()
	conf := pdfConfig()
	conf.Cmd = model.VALIDATE
	ctx, err := api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrBadPDF, err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrBadPDF, err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrBadPDF, err)
	}
	if ctx.PageCount < 1 {
		return 0, fmt.Errorf("%w: it has no pages", ErrBadPDF)
	}
	return ctx.PageCount, nil
}

// PDFOfImages makes a PDF with one page per picture (JPEG or PNG), each page
// the picture's size. The demo draws its documents as pictures, so that
// Arabic and Persian text is shaped by our own code (internal/shareimg)
// rather than by a PDF font engine.
func PDFOfImages(pictures ...[]byte) (out []byte, err error) {
	if len(pictures) == 0 {
		return nil, errors.New("a PDF needs at least one page")
	}
	readers := make([]io.Reader, len(pictures))
	for i, p := range pictures {
		readers[i] = bytes.NewReader(p)
	}
	imp := pdfcpu.DefaultImportConfig()
	imp.Pos = types.Full
	var buf bytes.Buffer
	if err := api.ImportImages(nil, &buf, readers, imp, pdfConfig()); err != nil {
		return nil, fmt.Errorf("making a PDF: %w", err)
	}
	return buf.Bytes(), nil
}
