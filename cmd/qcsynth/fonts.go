package main

import (
	"fmt"

	"github.com/qualcheck/qualcheck/ocr"
	"golang.org/x/image/font/sfnt"
)

// fontSet holds the faces the renderers draw with. Sans (WenQuanYi Zen
// Hei) and Kai (AR PL UKai) are required; Serif and SerifBold (Noto Serif
// CJK) are optional and fall back to Sans.
type fontSet struct {
	Sans, Kai, Serif, SerifBold *sfnt.Font
	HasSerif                    bool
}

// loadFonts reads the font files named by the flags.
func loadFonts(sansPath, kaiPath, serifPath, serifBoldPath string) (*fontSet, error) {
	fs := &fontSet{}
	var err error
	if fs.Sans, err = loadFont(sansPath, "", "fonts-wqy-zenhei"); err != nil {
		return nil, err
	}
	if fs.Kai, err = loadFont(kaiPath, "", "fonts-arphic-ukai"); err != nil {
		return nil, err
	}
	fs.Serif, fs.SerifBold = fs.Sans, fs.Sans
	if serifPath == "" || serifBoldPath == "" {
		return fs, nil
	}
	serif, err1 := loadFont(serifPath, " SC", "fonts-noto-cjk")
	bold, err2 := loadFont(serifBoldPath, " SC", "fonts-noto-cjk")
	if err1 == nil && err2 == nil {
		fs.Serif, fs.SerifBold, fs.HasSerif = serif, bold, true
	}
	return fs, nil
}

// loadFont is ocr.LoadFont, its error naming the Debian package to install.
func loadFont(path, want, pkg string) (*sfnt.Font, error) {
	f, err := ocr.LoadFont(path, want)
	if err != nil {
		return nil, fmt.Errorf("%w (install the Debian package %s, or pass the path by flag)", err, pkg)
	}
	return f, nil
}
