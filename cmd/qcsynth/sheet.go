package main

import (
	"image"
	"math"
)

// quad is a box's four corners, kept as points so that rotations and
// scalings can move it exactly; bbox gives the axis-aligned result.
type quad [4][2]float64

func boxQuad(b [4]float64) quad {
	return quad{{b[0], b[1]}, {b[0] + b[2], b[1]}, {b[0] + b[2], b[1] + b[3]}, {b[0], b[1] + b[3]}}
}

func (q quad) mapped(m affine) quad {
	var o quad
	for i, p := range q {
		o[i][0], o[i][1] = m.apply(p[0], p[1])
	}
	return o
}

// bbox is the integer [x, y, w, h] box around q, clipped to a w×h image.
func (q quad) bbox(w, h int) [4]int {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range q {
		x0, x1 = math.Min(x0, p[0]), math.Max(x1, p[0])
		y0, y1 = math.Min(y0, p[1]), math.Max(y1, p[1])
	}
	ix0, iy0 := clampInt(int(math.Floor(x0)), 0, w), clampInt(int(math.Floor(y0)), 0, h)
	ix1, iy1 := clampInt(int(math.Ceil(x1)), 0, w), clampInt(int(math.Ceil(y1)), 0, h)
	return [4]int{ix0, iy0, ix1 - ix0, iy1 - iy0}
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// sheet is an image (straight, not premultiplied, alpha: cards have
// transparent rounded corners) with the seals stamped on it.
type sheet struct {
	img    *image.RGBA
	stamps []quad // company seals
	others []quad // authorities' seals
}

func (s *sheet) w() float64 { return float64(s.img.Bounds().Dx()) }
func (s *sheet) h() float64 { return float64(s.img.Bounds().Dy()) }

// placeOn composites s onto dst through m and carries its seals along.
func (s *sheet) placeOn(dst *sheet, m affine) {
	paste(dst.img, s.img, m)
	for _, q := range s.stamps {
		dst.stamps = append(dst.stamps, q.mapped(m))
	}
	for _, q := range s.others {
		dst.others = append(dst.others, q.mapped(m))
	}
}

// paste draws src (straight alpha) onto dst through m, which maps src
// pixel coordinates to dst's, with bilinear sampling; pixels outside src
// count as transparent, which antialiases the edges.
func paste(dst, src *image.RGBA, m affine) {
	sw, sh := float64(src.Rect.Dx()), float64(src.Rect.Dy())
	q := boxQuad([4]float64{-1, -1, sw + 2, sh + 2}).mapped(m)
	b := q.bbox(dst.Rect.Dx(), dst.Rect.Dy())
	inv := m.inverse()
	for y := b[1]; y < b[1]+b[3]; y++ {
		u0, v0 := inv.apply(float64(b[0])+0.5, float64(y)+0.5)
		di := dst.PixOffset(b[0], y)
		for x := b[0]; x < b[0]+b[2]; x, di = x+1, di+4 {
			u := u0 + inv.A*float64(x-b[0]) - 0.5
			v := v0 + inv.D*float64(x-b[0]) - 0.5
			p := dst.Pix[di : di+3 : di+3]
			if sampleOpaque(src, u, v, p) {
				continue
			}
			r, g, bl, a := sampleBilinear(src, u, v)
			if a <= 0 {
				continue
			}
			p[0] = clamp8(float64(p[0])*(1-a) + r)
			p[1] = clamp8(float64(p[1])*(1-a) + g)
			p[2] = clamp8(float64(p[2])*(1-a) + bl)
		}
	}
}

// sampleOpaque is the fast path of paste: where all four neighbours are
// inside src and opaque, it writes the bilinear colour into out in fixed
// point and reports true.
func sampleOpaque(src *image.RGBA, u, v float64, out []uint8) bool {
	if u < 0 || v < 0 {
		return false
	}
	x0, y0 := int(u), int(v)
	if x0+1 >= src.Rect.Dx() || y0+1 >= src.Rect.Dy() {
		return false
	}
	s := src.Stride
	k := y0*s + x0*4
	p := src.Pix[k : k+s+8 : k+s+8]
	if p[3]&p[7]&p[s+3]&p[s+7] != 255 {
		return false
	}
	fx, fy := int32((u-float64(x0))*256), int32((v-float64(y0))*256)
	w00, w10, w01, w11 := (256-fx)*(256-fy), fx*(256-fy), (256-fx)*fy, fx*fy
	for c := 0; c < 3; c++ {
		out[c] = uint8((int32(p[c])*w00 + int32(p[4+c])*w10 + int32(p[s+c])*w01 + int32(p[s+4+c])*w11 + 32768) >> 16)
	}
	return true
}

// sampleBilinear returns premultiplied colour and alpha (0..1) at (u, v).
func sampleBilinear(src *image.RGBA, u, v float64) (r, g, b, a float64) {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	if u <= -1 || v <= -1 || u >= float64(w) || v >= float64(h) {
		return 0, 0, 0, 0
	}
	x0, y0 := int(math.Floor(u)), int(math.Floor(v))
	fx, fy := u-float64(x0), v-float64(y0)
	if x0 >= 0 && y0 >= 0 && x0+1 < w && y0+1 < h {
		k := y0*src.Stride + x0*4
		p := src.Pix[k : k+src.Stride+8 : k+src.Stride+8]
		s := src.Stride
		w00, w10, w01, w11 := (1-fx)*(1-fy), fx*(1-fy), (1-fx)*fy, fx*fy
		if p[3]&p[7]&p[s+3]&p[s+7] == 255 {
			r = float64(p[0])*w00 + float64(p[4])*w10 + float64(p[s])*w01 + float64(p[s+4])*w11
			g = float64(p[1])*w00 + float64(p[5])*w10 + float64(p[s+1])*w01 + float64(p[s+5])*w11
			b = float64(p[2])*w00 + float64(p[6])*w10 + float64(p[s+2])*w01 + float64(p[s+6])*w11
			return r, g, b, 1
		}
	}
	for j := 0; j < 2; j++ {
		yy := y0 + j
		if yy < 0 || yy >= h {
			continue
		}
		wy := fy
		if j == 0 {
			wy = 1 - fy
		}
		for i := 0; i < 2; i++ {
			xx := x0 + i
			if xx < 0 || xx >= w {
				continue
			}
			wx := fx
			if i == 0 {
				wx = 1 - fx
			}
			k := src.PixOffset(xx, yy)
			pa := float64(src.Pix[k+3]) / 255 * wx * wy
			r += float64(src.Pix[k]) * pa
			g += float64(src.Pix[k+1]) * pa
			b += float64(src.Pix[k+2]) * pa
			a += pa
		}
	}
	return
}
