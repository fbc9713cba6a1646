package main

import (
	"image"
	"math"
)

// gaussianBlur blurs the colour channels of an opaque image in place.
// Small sigmas use an exact separable kernel, large ones three box blurs.
func gaussianBlur(img *image.RGBA, sigma float64) {
	if sigma < 0.15 {
		return
	}
	if sigma > 3 {
		for _, r := range boxRadii(sigma) {
			boxPass(img, r, true)
			boxPass(img, r, false)
		}
		return
	}
	k := kernel(sigma)
	convPass(img, k, true)
	convPass(img, k, false)
}

// kernel is a normalised Gaussian in 16.16 fixed point.
func kernel(sigma float64) []int32 {
	r := int(math.Ceil(sigma * 2.5))
	ws := make([]float64, 2*r+1)
	sum := 0.0
	for i := range ws {
		x := float64(i - r)
		ws[i] = math.Exp(-x * x / (2 * sigma * sigma))
		sum += ws[i]
	}
	k := make([]int32, len(ws))
	for i, w := range ws {
		k[i] = int32(math.Round(w / sum * 65536))
	}
	return k
}

// convPass convolves along x (horiz) or y with clamped edges.
func convPass(img *image.RGBA, k []int32, horiz bool) {
	if horiz {
		convRows(img, k)
	} else {
		convCols(img, k)
	}
}

// convRows blurs each row through an edge-padded copy of it.
func convRows(img *image.RGBA, k []int32) {
	b := img.Bounds()
	w, h, st := b.Dx(), b.Dy(), img.Stride
	r := len(k) / 2
	pad := make([]int32, (w+2*r)*3)
	for y := 0; y < h; y++ {
		row := img.Pix[y*st : y*st+w*4]
		for x := -r; x < w+r; x++ {
			xx := clampInt(x, 0, w-1) * 4
			i := (x + r) * 3
			pad[i], pad[i+1], pad[i+2] = int32(row[xx]), int32(row[xx+1]), int32(row[xx+2])
		}
		for x := 0; x < w; x++ {
			var a0, a1, a2 int32
			win := pad[x*3 : x*3+len(k)*3]
			for j, kw := range k {
				a0 += kw * win[j*3]
				a1 += kw * win[j*3+1]
				a2 += kw * win[j*3+2]
			}
			row[x*4], row[x*4+1], row[x*4+2] = clampAcc(a0), clampAcc(a1), clampAcc(a2)
		}
	}
}

// convCols blurs down the columns, reading from a copy of the image.
func convCols(img *image.RGBA, k []int32) {
	b := img.Bounds()
	w, h, st := b.Dx(), b.Dy(), img.Stride
	r := len(k) / 2
	src := make([]uint8, len(img.Pix))
	copy(src, img.Pix)
	acc := make([]int32, w*4)
	for y := 0; y < h; y++ {
		clear(acc)
		for j, kw := range k {
			row := src[clampInt(y+j-r, 0, h-1)*st:][: w*4 : w*4]
			for i, v := range row {
				acc[i] += kw * int32(v)
			}
		}
		out := img.Pix[y*st : y*st+w*4]
		for x := 0; x < w; x++ {
			out[x*4], out[x*4+1], out[x*4+2] = clampAcc(acc[x*4]), clampAcc(acc[x*4+1]), clampAcc(acc[x*4+2])
		}
	}
}

func clampAcc(v int32) uint8 {
	v = (v + 32768) >> 16
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}

// boxRadii approximates a Gaussian by three box blurs.
func boxRadii(sigma float64) []int {
	wIdeal := math.Sqrt(12*sigma*sigma/3 + 1)
	wl := int(math.Floor(wIdeal))
	if wl%2 == 0 {
		wl--
	}
	wu := wl + 2
	mIdeal := (12*sigma*sigma - 3*float64(wl*wl) - 12*float64(wl) - 9) / (-4*float64(wl) - 4)
	m := int(math.Round(mIdeal))
	out := make([]int, 3)
	for i := range out {
		if i < m {
			out[i] = (wl - 1) / 2
		} else {
			out[i] = (wu - 1) / 2
		}
	}
	return out
}

// boxPass is a running-sum box blur of radius r along one axis.
func boxPass(img *image.RGBA, r int, horiz bool) {
	b := img.Bounds()
	w, h, st := b.Dx(), b.Dy(), img.Stride
	n, lines, step, lineStep := w, h, 4, st
	if !horiz {
		n, lines, step, lineStep = h, w, st, 4
	}
	buf := make([]int32, n*3)
	div := int32(2*r + 1)
	for l := 0; l < lines; l++ {
		base := l * lineStep
		for i := 0; i < n; i++ {
			p := base + i*step
			buf[i*3], buf[i*3+1], buf[i*3+2] = int32(img.Pix[p]), int32(img.Pix[p+1]), int32(img.Pix[p+2])
		}
		var s [3]int32
		for i := -r - 1; i < r; i++ {
			ii := clampInt(i, 0, n-1) * 3
			for c := 0; c < 3; c++ {
				s[c] += buf[ii+c]
			}
		}
		for i := 0; i < n; i++ {
			in, out := clampInt(i+r, 0, n-1)*3, clampInt(i-r-1, 0, n-1)*3
			p := base + i*step
			for c := 0; c < 3; c++ {
				s[c] += buf[in+c] - buf[out+c]
				img.Pix[p+c] = uint8(s[c] / div)
			}
		}
	}
}
