package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// appIcon draws the installable web app's icon, a white house on the
// theme's blue, as a PNG of size×size pixels: home screens want bitmaps.
// Drawn in code so that the output is deterministic and needs no tool.
func appIcon(size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{0x0b, 0x53, 0x94, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	f := float64(size)
	for y := range size {
		for x := range size {
			px, py := (float64(x)+.5)/f, (float64(y)+.5)/f
			switch {
			case inHouse(px, py):
				img.SetNRGBA(x, y, white)
			default:
				img.SetNRGBA(x, y, blue) // full bleed: launchers mask their own shape
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// inHouse tells whether a point of the unit square is in the house: a roof
// (triangle) over a body (rectangle) with a door cut out.
func inHouse(x, y float64) bool {
	const top, eaves, bottom, left, right = .22, .48, .78, .28, .72
	roof := y >= top && y <= eaves && abs(x-.5) <= (y-top)/(eaves-top)*.28
	body := y >= eaves && y <= bottom && x >= left && x <= right
	door := y >= .6 && y <= bottom && abs(x-.5) <= .07
	return (roof || body) && !door
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
