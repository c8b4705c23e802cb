package media

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
)

// Videos: an upload is an MP4 or a WebM only when its container says so
// (http.DetectContentType reads the signature) and its header can be read
// to the end: the duration comes from the MP4 movie header ("mvhd") or the
// WebM segment information ("Duration" scaled by "TimecodeScale"). Both are
// a few dozen lines of box and EBML walking, so no library is needed.

// ErrNotVideo refuses a file offered as a video that is not an MP4 or a
// WebM video.
var ErrNotVideo = errors.New("the file is not a video: upload an MP4 or WebM file")

// maxVideoDuration bounds a plausible duration (a damaged header can claim
// anything).
const maxVideoDuration = 24 * time.Hour

// VideoDuration reads the playing time of an MP4 or WebM file from its
// container header. A file whose header cannot be read is an error.
func VideoDuration(mime string, data []byte) (time.Duration, error) {
	var d time.Duration
	var err error
	switch mime {
	case "video/mp4":
		d, err = mp4Duration(data)
	case "video/webm":
		d, err = webmDuration(data)
	default:
		return 0, ErrNotVideo
	}
	if err != nil {
		return 0, fmt.Errorf("the video is damaged or not what it claims to be: %v", err)
	}
	if d <= 0 || d > maxVideoDuration {
		return 0, fmt.Errorf("the video is damaged: its header gives an implausible duration (%v)", d)
	}
	return d, nil
}

// mp4Duration finds moov/mvhd and divides its duration by its time scale.
func mp4Duration(data []byte) (time.Duration, error) {
	moov, err := mp4Box(data, "moov")
	if err != nil {
		return 0, err
	}
	mvhd, err := mp4Box(moov, "mvhd")
	if err != nil {
		return 0, err
	}
	var scale uint32
	var units uint64
	switch {
	case len(mvhd) >= 20 && mvhd[0] == 0: // version, flags, created, modified (32-bit)
		scale, units = binary.BigEndian.Uint32(mvhd[12:]), uint64(binary.BigEndian.Uint32(mvhd[16:]))
	case len(mvhd) >= 32 && mvhd[0] == 1: // 64-bit times
		scale, units = binary.BigEndian.Uint32(mvhd[20:]), binary.BigEndian.Uint64(mvhd[24:])
	default:
		return 0, errors.New("the movie header is too short")
	}
	if scale == 0 {
		return 0, errors.New("the movie header has no time scale")
	}
	secs := float64(units) / float64(scale)
	if secs > maxVideoDuration.Seconds() {
		return 0, errors.New("the movie header gives an implausible duration")
	}
	return time.Duration(secs * float64(time.Second)), nil
}

// mp4Box gives the payload of the first box of type name among the boxes
// that fill data.
func mp4Box(data []byte, name string) ([]byte, error) {
	for len(data) >= 8 {
		size := uint64(binary.BigEndian.Uint32(data))
		typ := string(data[4:8])
		head := uint64(8)
		switch size {
		case 0: // to the end of the file
			size = uint64(len(data))
		case 1: // a 64-bit size follows
			if len(data) < 16 {
				return nil, errors.New("a box is cut short")
			}
			size, head = binary.BigEndian.Uint64(data[8:]), 16
		}
		if size < head || size > uint64(len(data)) {
			return nil, fmt.Errorf("the %q box runs past the end of the file", typ)
		}
		if typ == name {
			return data[head:size], nil
		}
		data = data[size:]
	}
	return nil, fmt.Errorf("no %q box", name)
}

// EBML element ids of the WebM header parts we read.
const (
	ebmlSegment       = 0x18538067
	ebmlInfo          = 0x1549A966
	ebmlTimecodeScale = 0x2AD7B1
	ebmlDuration      = 0x4489
	ebmlCluster       = 0x1F43B675
)

// webmDuration walks the EBML header and the segment to its Info element.
func webmDuration(data []byte) (time.Duration, error) {
	for len(data) > 0 {
		id, size, head, err := ebmlElement(data)
		if err != nil {
			return 0, err
		}
		body := data[head:]
		if size >= 0 && size <= int64(len(body)) {
			body = body[:size]
		}
		switch id {
		case ebmlSegment:
			return webmSegment(body)
		}
		if size < 0 || size > int64(len(data)-head) {
			break
		}
		data = data[head+int(size):]
	}
	return 0, errors.New("no segment")
}

func webmSegment(data []byte) (time.Duration, error) {
	for len(data) > 0 {
		id, size, head, err := ebmlElement(data)
		if err != nil {
			return 0, err
		}
		if id == ebmlCluster {
			break // media data: the information comes before it
		}
		if size < 0 || size > int64(len(data)-head) {
			return 0, errors.New("an element runs past the end of the file")
		}
		body := data[head : head+int(size)]
		if id == ebmlInfo {
			return webmInfo(body)
		}
		data = data[head+int(size):]
	}
	return 0, errors.New("no segment information")
}

func webmInfo(data []byte) (time.Duration, error) {
	scale := uint64(1_000_000) // nanoseconds per timecode unit, the default
	duration := -1.0
	for len(data) > 0 {
		id, size, head, err := ebmlElement(data)
		if err != nil {
			return 0, err
		}
		if size < 0 || size > int64(len(data)-head) {
			return 0, errors.New("an element runs past the end of the file")
		}
		body := data[head : head+int(size)]
		switch id {
		case ebmlTimecodeScale:
			if size == 0 || size > 8 {
				return 0, errors.New("a bad time scale")
			}
			scale = 0
			for _, b := range body {
				scale = scale<<8 | uint64(b)
			}
		case ebmlDuration:
			switch size {
			case 4:
				duration = float64(math.Float32frombits(binary.BigEndian.Uint32(body)))
			case 8:
				duration = math.Float64frombits(binary.BigEndian.Uint64(body))
			default:
				return 0, errors.New("a bad duration")
			}
		}
		data = data[head+int(size):]
	}
	if duration < 0 || math.IsNaN(duration) {
		return 0, errors.New("the segment information has no duration")
	}
	ns := duration * float64(scale)
	if ns > float64(maxVideoDuration) {
		return 0, errors.New("an implausible duration")
	}
	return time.Duration(ns), nil
}

// ebmlElement reads an element's id and size; size is -1 for "unknown"
// (a live stream's segment), and head is the length of id and size.
func ebmlElement(data []byte) (id uint64, size int64, head int, err error) {
	id, n, err := ebmlVint(data, true)
	if err != nil {
		return 0, 0, 0, err
	}
	sz, m, err := ebmlVint(data[n:], false)
	if err != nil {
		return 0, 0, 0, err
	}
	if sz == 1<<(7*uint(m))-1 { // all ones: unknown size
		return id, -1, n + m, nil
	}
	if sz > math.MaxInt32 {
		return 0, 0, 0, errors.New("an element is implausibly large")
	}
	return id, int64(sz), n + m, nil
}

// ebmlVint reads a variable-length integer; an id keeps its length marker.
func ebmlVint(data []byte, keepMarker bool) (uint64, int, error) {
	if len(data) == 0 {
		return 0, 0, errors.New("the header is cut short")
	}
	first := data[0]
	n := 1
	for mask := byte(0x80); n <= 8 && first&mask == 0; mask >>= 1 {
		n++
	}
	if n > 8 || len(data) < n {
		return 0, 0, errors.New("a bad element header")
	}
	v := uint64(first)
	if !keepMarker {
		v &= uint64(0xFF >> uint(n))
	}
	for _, b := range data[1:n] {
		v = v<<8 | uint64(b)
	}
	return v, n, nil
}
