package media

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// StripMetadata removes camera and location metadata from an image without
// re-encoding it: EXIF (with GPS), XMP and IPTC segments of a JPEG; eXIf and
// text chunks of a PNG; EXIF and XMP chunks of a WebP. Other formats come
// back unchanged. The pixels, the colour profile and the JFIF header stay.
func StripMetadata(mime string, data []byte) ([]byte, error) {
	switch mime {
	case "image/jpeg":
		return stripJPEG(data)
	case "image/png":
		return stripPNG(data)
	case "image/webp":
		return stripWebP(data)
	}
	return data, nil
}

var errBadImage = errors.New("the image is damaged")

func stripJPEG(data []byte) ([]byte, error) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, errBadImage
	}
	out := bytes.NewBuffer(make([]byte, 0, len(data)))
	out.Write(data[:2])
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return nil, errBadImage
		}
		marker := data[i+1]
		if marker == 0xDA { // start of scan: the rest is image data
			out.Write(data[i:])
			return out.Bytes(), nil
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return nil, errBadImage
		}
		seg := data[i : i+2+n]
		// APP1 (EXIF, XMP), APP13 (IPTC/Photoshop) and COM go; APP0 (JFIF),
		// APP2 (ICC profile), APP14 (Adobe colour) and the image stay.
		if marker != 0xE1 && marker != 0xED && marker != 0xFE {
			out.Write(seg)
		}
		i += 2 + n
	}
	return nil, errBadImage
}

func stripPNG(data []byte) ([]byte, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(data) < 8 || string(data[:8]) != sig {
		return nil, errBadImage
	}
	out := bytes.NewBuffer(make([]byte, 0, len(data)))
	out.Write(data[:8])
	i := 8
	for i+12 <= len(data) {
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n < 0 || i+12+n > len(data) {
			return nil, errBadImage
		}
		typ := string(data[i+4 : i+8])
		if typ != "eXIf" && typ != "tEXt" && typ != "iTXt" && typ != "zTXt" && typ != "tIME" {
			out.Write(data[i : i+12+n])
		}
		i += 12 + n
		if typ == "IEND" {
			return out.Bytes(), nil
		}
	}
	return nil, errBadImage
}

func stripWebP(data []byte) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, errBadImage
	}
	body := bytes.NewBuffer(nil)
	i := 12
	for i+8 <= len(data) {
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		end := i + 8 + n + n%2
		if n < 0 || end > len(data) {
			return nil, errBadImage
		}
		typ := string(data[i : i+4])
		chunk := data[i:end]
		if typ == "VP8X" && len(chunk) >= 9 {
			// Clear the "has EXIF" (0x08) and "has XMP" (0x04) flags.
			c := append([]byte(nil), chunk...)
			c[8] &^= 0x0C
			chunk = c
		}
		if typ != "EXIF" && typ != "XMP " {
			body.Write(chunk)
		}
		i = end
	}
	out := make([]byte, 12, 12+body.Len())
	copy(out, "RIFF")
	binary.LittleEndian.PutUint32(out[4:], uint32(4+body.Len()))
	copy(out[8:], "WEBP")
	return append(out, body.Bytes()...), nil
}
