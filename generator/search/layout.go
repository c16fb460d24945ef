package search

import (
	"cmp"
	"math"
	"slices"

	"github.com/abri-guide/abri/generator/content"
)

// point is a position in ten-thousandths of a degree (about 11 m).
type point struct{ lat, lon int }

func toPoint(lat, lon float64) point {
	return point{int(math.Round(lat * 1e4)), int(math.Round(lon * 1e4))}
}

// entry is a listing in index order, with the position the index may show.
type entry struct {
	l      *content.Listing
	city   string
	postal string
	pos    point
	hasPos bool
	approx bool // pos is the centre of the city: the place's own is hidden or unknown
}

// place is a town or a postal code of the guide, that a reader can search
// near: the centre of its listings' positions.
type place struct {
	name      string // the town as listings write it, or the postal code
	centre    point
	hasCentre bool
}

// area is a run of listings whose attributes are one shard: a few
// neighbouring towns, or a part of a big one.
type area struct {
	first, count int
	min, max     point // bounding box of the positions
	hasBox       bool
}

// layout orders a guide's listings for the index: towns along a Hilbert
// curve through their centres, so that neighbouring towns are neighbours in
// the index and share shards; within a town, along the same curve, so that
// the areas a big town is cut into are neighbourhoods.
type layout struct {
	entries []entry
	towns   []place
	postals []place
	areas   []area
}

// unit is a town, or a listing without a town, placed as one block.
type unit struct {
	name      string
	entries   []*entry
	centre    point
	hasCentre bool
	key       uint64
}

func newLayout(g *content.Guide, areaSize int) *layout {
	units := makeUnits(g)
	orderUnits(units)
	lay := &layout{}
	for _, u := range units {
		if u.name != "" {
			lay.towns = append(lay.towns, place{u.name, u.centre, u.hasCentre})
		}
		for _, e := range u.entries {
			lay.entries = append(lay.entries, *e)
		}
	}
	lay.postals = postalCentres(lay.entries)
	lay.areas = makeAreas(units, areaSize, lay.entries)
	return lay
}

// postalCentres returns the postal codes of the guide with their centres,
// sorted.
func postalCentres(es []entry) []place {
	groups := map[string][]*entry{}
	for i := range es {
		if c := es[i].postal; c != "" {
			groups[c] = append(groups[c], &es[i])
		}
	}
	var out []place
	for code, g := range groups {
		c, ok := centre(g)
		out = append(out, place{code, c, ok})
	}
	slices.SortFunc(out, func(a, b place) int { return cmp.Compare(a.name, b.name) })
	return out
}

// makeUnits groups listings by town (the content's cities: LYON and Lyon
// are one, shown as the city page shows it) and gives each listing the
// position the index may show: its own unless hidden, else the town's centre.
func makeUnits(g *content.Guide) []*unit {
	byCity := map[string]*unit{}
	var units []*unit
	for _, l := range g.Listings {
		pub := l.Public()
		e := &entry{l: l, postal: pub.PostalCode}
		if c := g.CityOf(l); c != nil {
			e.city = c.Name
		}
		if p := pub.Geo; p != nil {
			e.pos, e.hasPos = toPoint(p.Lat, p.Lon), true
		}
		u := byCity[e.city]
		if u == nil || e.city == "" {
			u = &unit{name: e.city}
			units = append(units, u)
			if e.city != "" {
				byCity[e.city] = u
			}
		}
		u.entries = append(u.entries, e)
	}
	for _, u := range units {
		u.centre, u.hasCentre = centre(u.entries)
		for _, e := range u.entries {
			if !e.hasPos && u.hasCentre {
				e.pos, e.hasPos, e.approx = u.centre, true, true
			}
		}
	}
	return units
}

// centre is the mean of the exact positions of entries: hidden places
// never count, so a centre cannot give one away.
func centre(es []*entry) (point, bool) {
	var lat, lon float64
	n := 0
	for _, e := range es {
		if e.hasPos && !e.approx {
			lat += float64(e.pos.lat)
			lon += float64(e.pos.lon)
			n++
		}
	}
	if n == 0 {
		return point{}, false
	}
	return point{int(math.Round(lat / float64(n))), int(math.Round(lon / float64(n)))}, true
}

// orderUnits sorts towns along a Hilbert curve over the guide's extent;
// towns with no known position come last, by name.
func orderUnits(units []*unit) {
	var lo, hi point
	first := true
	for _, u := range units {
		if !u.hasCentre {
			continue
		}
		if first {
			lo, hi, first = u.centre, u.centre, false
		}
		lo = point{min(lo.lat, u.centre.lat), min(lo.lon, u.centre.lon)}
		hi = point{max(hi.lat, u.centre.lat), max(hi.lon, u.centre.lon)}
	}
	key := func(p point, ok bool) uint64 {
		if !ok {
			return math.MaxUint64
		}
		return hilbert(scale(p.lon, lo.lon, hi.lon), scale(p.lat, lo.lat, hi.lat))
	}
	for _, u := range units {
		u.key = key(u.centre, u.hasCentre)
		keys := map[*entry]uint64{}
		for _, e := range u.entries {
			keys[e] = key(e.pos, e.hasPos)
		}
		slices.SortFunc(u.entries, func(a, b *entry) int {
			return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(a.l.Name, b.l.Name), cmp.Compare(a.l.ID, b.l.ID))
		})
	}
	slices.SortStableFunc(units, func(a, b *unit) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.name, b.name), cmp.Compare(a.entries[0].l.ID, b.entries[0].l.ID))
	})
}

const hilbertSide = 1 << 16

// scale maps v from [lo, hi] to the grid; positions of listings may lie
// outside the towns' extent, and are clamped.
func scale(v, lo, hi int) uint32 {
	if hi == lo {
		return 0
	}
	return uint32(min(hilbertSide-1, max(0, int64(v-lo)*(hilbertSide-1)/int64(hi-lo))))
}

// hilbert returns the distance along a Hilbert curve of the cell x, y of a
// hilbertSide × hilbertSide grid.
func hilbert(x, y uint32) uint64 {
	var d uint64
	for s := uint32(hilbertSide / 2); s > 0; s /= 2 {
		var rx, ry uint32
		if x&s != 0 {
			rx = 1
		}
		if y&s != 0 {
			ry = 1
		}
		d += uint64(s) * uint64(s) * uint64((3*rx)^ry)
		if ry == 0 {
			if rx == 1 {
				x, y = hilbertSide-1-x, hilbertSide-1-y
			}
			x, y = y, x
		}
	}
	return d
}

// makeAreas packs consecutive towns into areas of at most size listings;
// a bigger town is cut into areas of its own.
func makeAreas(units []*unit, size int, entries []entry) []area {
	var areas []area
	cur := area{}
	next := 0
	flush := func() {
		if cur.count > 0 {
			areas = append(areas, cur)
		}
		cur = area{first: next}
	}
	for _, u := range units {
		n := len(u.entries)
		if cur.count > 0 && cur.count+n > size {
			flush()
		}
		for n > 0 {
			take := min(n, size-cur.count)
			if take == 0 {
				flush()
				continue
			}
			cur.count += take
			next += take
			n -= take
		}
	}
	flush()
	for i := range areas {
		areas[i].box(entries[areas[i].first : areas[i].first+areas[i].count])
	}
	return areas
}

func (a *area) box(es []entry) {
	for _, e := range es {
		if !e.hasPos {
			continue
		}
		if !a.hasBox {
			a.min, a.max, a.hasBox = e.pos, e.pos, true
		}
		a.min = point{min(a.min.lat, e.pos.lat), min(a.min.lon, e.pos.lon)}
		a.max = point{max(a.max.lat, e.pos.lat), max(a.max.lon, e.pos.lon)}
	}
}
