package render

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// Directions are plain links that open a listing's place in a maps app:
// nothing loads before the reader taps one. They are made from what
// content.Listing.Public gives, so a hidden address yields a search of its
// town, never its street nor its position.
type Directions struct {
	Geo    string // geo: link with a label, which Android hands to its maps apps; "" without a position
	Apple  string // Apple Maps, which opens the Maps app on iPhones (geo: does nothing there)
	OSM    string // OpenStreetMap in the browser, a position or a search
	Search bool   // the links search an address: there is no position
	Town   bool   // the search is of the town alone: the address is hidden
}

// directions returns the links to a place named name at pub, nil when
// there is nothing to look for.
func directions(name string, pub content.Place) *Directions {
	if g := pub.Geo; g != nil {
		lat, lon := strconv.FormatFloat(g.Lat, 'f', -1, 64), strconv.FormatFloat(g.Lon, 'f', -1, 64)
		at := lat + "," + lon
		return &Directions{
			Geo:   "geo:" + at + "?q=" + at + "(" + queryEscape(name) + ")",
			Apple: "https://maps.apple.com/?ll=" + at + "&q=" + queryEscape(name),
			OSM:   fmt.Sprintf("https://www.openstreetmap.org/?mlat=%s&mlon=%s#map=18/%s/%s", lat, lon, lat, lon),
		}
	}
	q := searchQuery(pub)
	if q == "" {
		return nil
	}
	return &Directions{
		Apple:  "https://maps.apple.com/?q=" + queryEscape(q),
		OSM:    "https://www.openstreetmap.org/search?query=" + queryEscape(q),
		Search: true,
		Town:   pub.Approximate,
	}
}

// searchQuery is the address to search for: street, postal code, town.
// The place's name is left out: for a hidden address, a name and a town
// could be enough for a search to find the street.
func searchQuery(pub content.Place) string {
	var parts []string
	if pub.Street != "" && !pub.Approximate {
		parts = append(parts, pub.Street)
	}
	if town := strings.TrimSpace(pub.PostalCode + " " + pub.City); town != "" {
		parts = append(parts, town)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ")
}

// queryEscape escapes s for a query value, spaces as %20: geo: links read
// no + as a space.
func queryEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
