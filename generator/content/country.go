package content

import "gopkg.in/yaml.v3"

// box is a rectangle of latitudes and longitudes, in degrees.
type box struct{ south, north, west, east float64 }

func (b box) contains(lat, lon float64) bool {
	return lat >= b.south && lat <= b.north && lon >= b.west && lon <= b.east
}

// Overseas parts of France, each with its own ISO code too: a guide of
// Réunion may say country: RE or country: FR.
var (
	guadeloupe   = box{15.8, 16.6, -61.9, -60.9}
	martinique   = box{14.3, 14.95, -61.3, -60.75}
	guyane       = box{2.0, 5.9, -54.7, -51.5}
	reunion      = box{-21.45, -20.8, 55.15, 55.9}
	mayotte      = box{-13.1, -12.55, 44.9, 45.35}
	stPierre     = box{46.7, 47.2, -56.5, -56.05}
	stMartinBart = box{17.85, 18.15, -63.2, -62.75}
	caledonie    = box{-23.0, -19.4, 163.4, 168.3}
	polynesie    = box{-28.0, -7.8, -155.0, -134.3}
	wallis       = box{-14.45, -13.1, -178.3, -176.05}
)

// countryBoxes hold each country's land, a little generously: a place
// outside all of its country's boxes is almost surely a mistake. The
// countries are those of abri's public-holiday calendars and their
// neighbours; for a country not listed, coordinates are not checked.
var countryBoxes = map[Country][]box{
	"FR": {{41.3, 51.15, -5.3, 9.7}, guadeloupe, martinique, guyane, reunion, mayotte, stPierre, stMartinBart, caledonie, polynesie, wallis},
	"GP": {guadeloupe}, "MQ": {martinique}, "GF": {guyane}, "RE": {reunion}, "YT": {mayotte},
	"PM": {stPierre}, "BL": {stMartinBart}, "MF": {stMartinBart}, "NC": {caledonie}, "PF": {polynesie}, "WF": {wallis},
	"MC": {{43.71, 43.77, 7.39, 7.45}},
	"AD": {{42.42, 42.66, 1.4, 1.8}},
	"BE": {{49.45, 51.55, 2.5, 6.45}},
	"LU": {{49.4, 50.2, 5.7, 6.55}},
	"NL": {{50.7, 53.6, 3.3, 7.25}},
	"DE": {{47.2, 55.1, 5.8, 15.1}},
	"CH": {{45.8, 47.85, 5.9, 10.55}},
	"AT": {{46.35, 49.05, 9.5, 17.2}},
	"IT": {{35.45, 47.1, 6.6, 18.55}},
	"ES": {{35.95, 43.85, -9.4, 4.4}, {27.6, 29.5, -18.2, -13.3}, {35.25, 35.95, -5.45, -2.9}},     // mainland and Balearics, Canaries, Ceuta and Melilla
	"PT": {{36.9, 42.2, -9.6, -6.15}, {32.35, 33.15, -17.3, -16.25}, {36.9, 39.8, -31.35, -24.75}}, // mainland, Madeira, Azores
	"GB": {{49.85, 60.9, -8.7, 1.8}},
	"IE": {{51.4, 55.45, -10.7, -5.95}},
}

// inCountry tells whether a position is in the country; known is false
// when abri has no boxes for it.
func inCountry(c Country, lat, lon float64) (in, known bool) {
	boxes, known := countryBoxes[c]
	for _, b := range boxes {
		if b.contains(lat, lon) {
			return true, true
		}
	}
	return false, known
}

// checkCountry warns about coordinates outside the place's country, and
// gives the likely fix when latitude and longitude look swapped.
func (g *Geo) checkCountry(d *decoder, n *yaml.Node, c Country) {
	in, known := inCountry(c, g.Lat, g.Lon)
	if in || !known {
		return
	}
	if swapped, _ := inCountry(c, g.Lon, g.Lat); swapped {
		d.warnf(n, "geo: [%v, %v] is not in %s: latitude and longitude look swapped (did you mean geo: [%v, %v]?)", g.Lat, g.Lon, c, g.Lon, g.Lat)
		return
	}
	d.warnf(n, "geo: [%v, %v] is not in %s: check the coordinates (latitude first, then longitude; openstreetmap.org shows them when you right-click the place), or the address's country", g.Lat, g.Lon, c)
}
