package ocr

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// LoadFont parses a .ttf/.otf or one font of a .ttc. With want set, the
// collection member whose full name contains it is taken, else the first.
func LoadFont(path, want string) (*sfnt.Font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	coll, err := opentype.ParseCollection(b)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	idx := 0
	if want != "" {
		idx = pickFont(coll, want)
	}
	f, err := coll.Font(idx)
	if err == nil {
		return f, nil
	}
	// Some Debian .ttc files (wqy-zenhei, ukai) have tables that do not
	// start on 4-byte boundaries, which x/image/font/sfnt refuses; copy
	// the member into an aligned standalone font.
	ab, aerr := alignedFont(b, idx)
	if aerr != nil {
		return nil, fmt.Errorf("font %s: %v (realign: %v)", path, err, aerr)
	}
	f, err = opentype.Parse(ab)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	return f, nil
}

func pickFont(coll *opentype.Collection, want string) int {
	for i := 0; i < coll.NumFonts(); i++ {
		f, err := coll.Font(i)
		if err != nil {
			continue
		}
		if name, err := f.Name(nil, sfnt.NameIDFull); err == nil && strings.Contains(name, want) {
			return i
		}
	}
	return 0
}

// alignedFont copies member idx of a TTC (or a single font file) into a
// new sfnt whose tables start on 4-byte boundaries.
func alignedFont(b []byte, idx int) ([]byte, error) {
	be := binary.BigEndian
	if len(b) < 12 {
		return nil, errors.New("file too short")
	}
	off := 0
	if string(b[:4]) == "ttcf" {
		n := int(be.Uint32(b[8:]))
		if idx >= n || 12+4*n > len(b) {
			return nil, fmt.Errorf("font index %d out of range", idx)
		}
		off = int(be.Uint32(b[12+4*idx:]))
	}
	if off+12 > len(b) {
		return nil, errors.New("bad offset table")
	}
	nt := int(be.Uint16(b[off+4:]))
	dir := off + 12
	if dir+16*nt > len(b) {
		return nil, errors.New("bad table directory")
	}
	out := make([]byte, 12+16*nt, len(b)/2)
	copy(out, b[off:off+12])
	for i := 0; i < nt; i++ {
		rec := b[dir+16*i : dir+16*i+16]
		to, tn := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if to < 0 || tn < 0 || to+tn > len(b) {
			return nil, errors.New("table outside file")
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		nr := out[12+16*i : 12+16*i+16]
		copy(nr, rec)
		be.PutUint32(nr[8:], uint32(len(out)))
		out = append(out, b[to:to+tn]...)
	}
	return out, nil
}
