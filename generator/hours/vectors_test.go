package hours

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"
)

// vector is one case of testdata/vectors.json, shared with hours.js.
type vector struct {
	Why      string          `json:"why"`
	Schedule json.RawMessage `json:"schedule"`          // Schedule.JSON
	TZ       string          `json:"tz"`                // IANA zone of the guide
	Cal      string          `json:"cal"`               // key of the file's calendars
	At       string          `json:"at"`                // the instant, RFC 3339
	State    State           `json:"state"`             // expected state
	Next     string          `json:"next,omitempty"`    // expected next change, RFC 3339 in tz; none when empty
	Until    string          `json:"until,omitempty"`   // expected last day of a closure
	Holiday  bool            `json:"holiday,omitempty"` // expected Holiday
}

// vectorFile is testdata/vectors.json: hand-written vectors, whose
// expectations were worked out by reasoning from the package doc, and
// generated ones, made by the oracle (go test -run TestVectors -update).
type vectorFile struct {
	Note      string                     `json:"note"`
	Calendars map[string]json.RawMessage `json:"calendars"` // Calendar.JSON by name
	Hand      []vector                   `json:"hand"`
	Generated []vector                   `json:"generated"`
}

const vectorPath = "testdata/vectors.json"

var update = flag.Bool("update", false, "regenerate the generated vectors of "+vectorPath)

func readVectors(t *testing.T) vectorFile {
	t.Helper()
	data, err := os.ReadFile(vectorPath)
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", vectorPath, err)
	}
	return f
}

// setup reads what a vector needs to run.
func (f vectorFile) setup(v vector) (Schedule, *time.Location, Calendar, time.Time, error) {
	s, err := ParseJSON(string(v.Schedule))
	if err != nil {
		return Schedule{}, nil, Calendar{}, time.Time{}, fmt.Errorf("schedule: %v", err)
	}
	loc, err := time.LoadLocation(v.TZ)
	if err != nil {
		return Schedule{}, nil, Calendar{}, time.Time{}, err
	}
	raw, ok := f.Calendars[v.Cal]
	if !ok {
		return Schedule{}, nil, Calendar{}, time.Time{}, fmt.Errorf("no calendar %q", v.Cal)
	}
	cal, err := ParseCalendarJSON(string(raw))
	if err != nil {
		return Schedule{}, nil, Calendar{}, time.Time{}, err
	}
	at, err := time.Parse(time.RFC3339, v.At)
	return s, loc, cal, at, err
}

// expect turns a status into the vector's expectation fields.
func expect(v vector, st Status) vector {
	v.State, v.Next, v.Until, v.Holiday = st.State, "", "", st.Holiday
	if !st.Next.IsZero() {
		v.Next = st.Next.Format(time.RFC3339)
	}
	if !st.Until.IsZero() {
		v.Until = st.Until.String()
	}
	return v
}

func same(a, b vector) bool {
	return a.State == b.State && a.Next == b.Next && a.Until == b.Until && a.Holiday == b.Holiday
}

func describeVector(v vector) string {
	return fmt.Sprintf("state %s next %q until %q holiday %v", v.State, v.Next, v.Until, v.Holiday)
}

func TestVectors(t *testing.T) {
	f := readVectors(t)
	if *update {
		f.Generated = generateVectors(t, f)
		writeVectors(t, f)
	}
	// The machine's zone must not matter: hours are in the guide's.
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = time.FixedZone("far away", 13*3600+45*60)
	all := append(append([]vector{}, f.Hand...), f.Generated...)
	if len(f.Hand) < 40 || len(all) < 200 {
		t.Errorf("%d vectors, %d by hand; want at least 200, 40 by hand", len(all), len(f.Hand))
	}
	for i, v := range all {
		s, loc, cal, at, err := f.setup(v)
		if err != nil {
			t.Errorf("vector %d (%s): %v", i, v.Why, err)
			continue
		}
		if got := expect(v, s.At(at, loc, cal)); !same(got, v) {
			t.Errorf("vector %d (%s) at %s %s:\n got %s\nwant %s", i, v.Why, v.At, v.Schedule, describeVector(got), describeVector(v))
		}
	}
}

// TestHandVectorsOracle checks the reasoning behind the hand-written
// vectors against the oracle, the slow literal model.
func TestHandVectorsOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("the oracle steps minute by minute")
	}
	f := readVectors(t)
	for i, v := range f.Hand {
		s, loc, cal, at, err := f.setup(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := expect(v, newOracle(s, loc, cal).status(at)); !same(got, v) {
			t.Errorf("hand vector %d (%s) at %s %s: oracle says\n %s\nwant %s", i, v.Why, v.At, v.Schedule, describeVector(got), describeVector(v))
		}
	}
}
