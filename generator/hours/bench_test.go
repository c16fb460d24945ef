package hours

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

// benchPath holds 2,000 schedules like a guide's (Schedule.JSON), shared
// by BenchmarkAt and testdata/hours_bench.js; go test -run TestVectors
// -update rewrites it.
const benchPath = "testdata/bench.json"

// benchNow is the instant of the benchmarks: a Friday afternoon.
var benchNow = time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)

// benchSchedules makes the mix of hours of a guide: offices, day centres,
// toilets open all day, night shelters, food distributions on some days
// or weeks of the month, places without hours, closures and special hours.
func benchSchedules() []string {
	r := rand.New(rand.NewPCG(4, 2026))
	out := make([]string, 2000)
	for i := range out {
		out[i] = benchSchedule(r)
	}
	return out
}

func benchSchedule(r *rand.Rand) string {
	hhmm := func(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	ph := pick(`,"ph":"closed"`, "", `,"ph":"open"`)
	var w string
	switch n := r.IntN(100); {
	case n < 35:
		am, pm := 480+15*r.IntN(8), 960+15*r.IntN(12)
		w = fmt.Sprintf("mo-fr %s-12:00,14:00-%s", hhmm(am), hhmm(pm)) + pick("", ";sa 10:00-12:00")
	case n < 50:
		w = pick("mo-fr", "mo-sa", "tu-sa", "mo,we,fr") + " " + hhmm(510+30*r.IntN(4)) + "-" + hhmm(1020+30*r.IntN(4))
	case n < 60:
		w = pick("mo-su 00:00-24:00", "mo-su 06:00-22:00", "mo-su 06:00-22:00")
		ph = `,"ph":"open"`
	case n < 70:
		w = "mo-su " + pick("19:00-08:00", "18:30-09:00", "20:00-07:30")
	case n < 80:
		w = pick("tu,th", "we", "mo,fr") + " 11:30-13:30" + pick("", ";tu[1] 18:00-20:00", ";fr[-1] 09:00-12:00")
	case n < 90:
		return "{}"
	default:
		w = "mo-fr 09:00-17:00"
		return fmt.Sprintf(`{"w":%q%s,"c":["2026-12-24/2027-01-02"],"s":[{"d":"2026-11-01/2027-03-31","w":"mo-su 09:00-19:00"}]}`, w, ph)
	}
	return fmt.Sprintf(`{"w":%q%s}`, w, ph)
}

func writeBench(t *testing.T) {
	data, err := json.Marshal(benchSchedules())
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(data), `","`, "\",\n\"")
	if err := os.WriteFile(benchPath, []byte(s+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readBench(b testing.TB) []Schedule {
	data, err := os.ReadFile(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	var jsons []string
	if err := json.Unmarshal(data, &jsons); err != nil {
		b.Fatal(err)
	}
	out := make([]Schedule, len(jsons))
	for i, j := range jsons {
		if out[i], err = ParseJSON(j); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

// BenchmarkAt is the status of 2,000 listings at one instant: the work of
// a build that writes statuses, or of an export.
func BenchmarkAt(b *testing.B) {
	scheds := readBench(b)
	paris, _ := time.LoadLocation("Europe/Paris")
	cal, _ := CountryCalendar("FR")
	b.ResetTimer()
	for range b.N {
		for _, s := range scheds {
			s.At(benchNow, paris, cal)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/2000")
}

func TestBenchData(t *testing.T) {
	if *update {
		writeBench(t)
	}
	if got := len(readBench(t)); got != 2000 {
		t.Errorf("%s has %d schedules, want 2000", benchPath, got)
	}
}
