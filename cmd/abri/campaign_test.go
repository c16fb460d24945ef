package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
)

// odd is a listing written to test the edits: CRLF line ends, comments
// everywhere, a quoted date, a block list of closures.
const odd = "# checked by Samia\r\nname: 'Essai : CRLF' # the name\r\ncategories: [shower]\r\naddress: {city: LYON}  # spelled in capitals\r\n" +
	"closures:\r\n  # the annual one\r\n  - start: 2026-12-24 # eve\r\n    end: 2027-01-02\r\n\r\n# when\r\nupdated: \"2026-01-05\" # by phone\r\nstatus: open"

// campaignGuide copies the demo guide, with odd, to a temporary folder
// and fixes the day of the campaign; it returns the folder and its files.
func campaignGuide(t *testing.T) (string, map[string][]byte) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796212800") // 2026-12-02 12:00 UTC
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "listings/lyon/essai-crlf.yaml"), []byte(odd), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, readAll(t, dir)
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// changed lists the files whose bytes differ, and fails on files added or removed.
func changed(t *testing.T, before, after map[string][]byte) []string {
	t.Helper()
	var out []string
	for name, b := range before {
		a, ok := after[name]
		if !ok {
			t.Errorf("%s was removed", name)
		} else if !bytes.Equal(a, b) {
			out = append(out, name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was added", name)
		}
	}
	return out
}

func TestVerifyChangesOnlyTheDate(t *testing.T) {
	dir, before := campaignGuide(t)
	out, stderr, err := run(t, "verify", "--content", dir, "--city", "lyon")
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, stderr)
	}
	after := readAll(t, dir)
	g, _ := content.Load(os.DirFS(dir), content.Options{Root: dir})
	lyon := 0
	for _, l := range g.Listings {
		if g.CityOf(l).Name == "Lyon" {
			lyon++
		}
	}
	names := changed(t, before, after)
	if len(names) != lyon || lyon < 3 || !strings.Contains(out, "abri verify: "+itoa(lyon)+" places checked on 2026-12-02") {
		t.Errorf("%d files changed for %d places of Lyon:\n%s", len(names), lyon, out)
	}
	for _, name := range names {
		if !strings.HasPrefix(name, "listings/lyon/") {
			t.Errorf("%s is not in Lyon", name)
		}
		old, now := before[name], after[name]
		i := bytes.Index(old, []byte("updated: ")) + len("updated: ")
		if name == "listings/lyon/essai-crlf.yaml" {
			i++ // the quote
		}
		if !bytes.Equal(now, append(append(append([]byte{}, old[:i]...), "2026-12-02"...), old[i+10:]...)) {
			t.Errorf("%s: more than the date changed:\n%q\n%q", name, old, now)
		}
	}
	if string(after["listings/lyon/essai-crlf.yaml"]) != strings.Replace(odd, `"2026-01-05"`, `"2026-12-02"`, 1) {
		t.Errorf("the CRLF listing: %q", after["listings/lyon/essai-crlf.yaml"])
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestVerifyDraftAndDate(t *testing.T) {
	dir, before := campaignGuide(t)
	draft := filepath.Join(dir, "listings/marseille/vestiaire-du-panier.yaml")
	out, stderr, err := run(t, "verify", "--content", dir, "--date", "2026-11-30", draft, "escale-belsunce", "halte-des-canaux")
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, stderr)
	}
	after := readAll(t, dir)
	if got := changed(t, before, after); len(got) != 3 {
		t.Errorf("changed: %v\n%s", got, out)
	}
	if want := strings.Replace(string(before["listings/marseille/vestiaire-du-panier.yaml"]), "2026-11-25", "2026-11-30", 1); string(after["listings/marseille/vestiaire-du-panier.yaml"]) != want {
		t.Errorf("the draft: %q", after["listings/marseille/vestiaire-du-panier.yaml"])
	}
	out, _, err = run(t, "verify", "--content", dir, "--date", "2026-11-01", "halte-des-canaux")
	if err != nil || !strings.Contains(out, "halte-des-canaux.yaml: already checked on 2026-11-30, kept") || changed(t, after, readAll(t, dir)) != nil {
		t.Errorf("an earlier date must not set a date back: %v\n%s", err, out)
	}
	for _, tc := range []struct{ args, msg string }{
		{"--date 2026-12-03 halte-des-canaux", "abri verify: --date 2026-12-03 is after today, 2026-12-02: give the day the places were checked\n"},
		{"--date 2026-13-01 halte-des-canaux", "abri verify: --date 2026-13-01 is not a day (want YYYY-MM-DD, e.g. 2026-12-01)\n"},
		{"", "abri verify: say which places were checked: their files or ids, --city or --category\n"},
		{"halte-des-canau", "abri verify: halte-des-canau: no listing has this id (did you mean halte-des-canaux?)\n"},
	} {
		_, stderr, err := run(t, append([]string{"verify", "--content", dir}, strings.Fields(tc.args)...)...)
		if err == nil || stderr != tc.msg {
			t.Errorf("verify %s: %v, %q; want %q", tc.args, err, stderr, tc.msg)
		}
	}
}

func TestCloseAndReopen(t *testing.T) {
	dir, before := campaignGuide(t)
	args := []string{"--content", dir, "--city", "Paris", "--category", "hygiene_and_wellness", "--from", "2026-12-10", "--to", "2026-12-14"}
	closeArgs := append(append([]string{"close"}, args...), "--note", "Grand froid : allez au gymnase Japy.")
	out, stderr, err := run(t, closeArgs...)
	if err != nil || changed(t, before, readAll(t, dir)) != nil || !strings.Contains(out, "nothing written: run again with --write") {
		t.Fatalf("the dry run: %v\n%s%s", err, out, stderr)
	}
	if !strings.Contains(out, dir+"/listings/paris/sanisette-1-rue-saint-bruno.yaml:\n  10 + closures:\n  11 +   - {start: 2026-12-10, end: 2026-12-14, note: {fr: \"Grand froid : allez au gymnase Japy.\"}}\n") {
		t.Errorf("the dry run does not show the change:\n%s", out)
	}
	if _, _, err := run(t, append(closeArgs, "--write")...); err != nil {
		t.Fatal(err)
	}
	closed := readAll(t, dir)
	names := changed(t, before, closed)
	flow := "  - {start: 2026-12-10, end: 2026-12-14, note: {fr: \"Grand froid : allez au gymnase Japy.\"}}\n"
	exact := map[string]string{
		"listings/paris/sanisette-1-rue-saint-bruno.yaml": strings.Replace(string(before["listings/paris/sanisette-1-rue-saint-bruno.yaml"]), "access:", "closures:\n"+flow+"access:", 1),
		"listings/paris/halte-des-canaux.yaml": strings.Replace(string(before["listings/paris/halte-des-canaux.yaml"]), "audience:",
			"  - start: 2026-12-10\n    end: 2026-12-14\n    note:\n      fr: \"Grand froid : allez au gymnase Japy.\"\naudience:", 1),
	}
	for name, want := range exact {
		if string(closed[name]) != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, closed[name], want)
		}
	}
	g, ps := content.Load(os.DirFS(dir), content.Options{Root: dir, Now: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)})
	if ps.Errors() > 0 {
		t.Fatalf("the closed guide has errors:\n%v", ps)
	}
	inClosure := 0
	for _, l := range g.Listings {
		for _, c := range l.Closures {
			if c.Start.String() == "2026-12-10" && c.End.String() == "2026-12-14" && c.Note["fr"] == "Grand froid : allez au gymnase Japy." {
				inClosure++
			}
		}
	}
	if inClosure != len(names) || len(names) < 10 {
		t.Errorf("%d files changed, %d places closed", len(names), inClosure)
	}
	out, _, err = run(t, append(closeArgs, "--write")...)
	if err != nil || changed(t, closed, readAll(t, dir)) != nil || !strings.Contains(out, "0 places closed from 2026-12-10 to 2026-12-14, "+itoa(len(names))+" already have this closure") {
		t.Errorf("closing again: %v\n%s", err, out)
	}
	if _, _, err := run(t, append(append([]string{"reopen"}, args...), "--write")...); err != nil {
		t.Fatal(err)
	}
	if got := changed(t, before, readAll(t, dir)); got != nil {
		t.Errorf("reopen does not give the files back: %v", got)
	}
}

func TestCloseRefuses(t *testing.T) {
	dir, before := campaignGuide(t)
	for _, tc := range []struct{ args, msg string }{
		{"--city Paris --from 2026-12-10 --to 2026-12-01 --note x", "abri close: --to 2026-12-01 is before --from 2026-12-10: swap them\n"},
		{"--city Paris --from 2026-11-10 --to 2026-11-20 --note x", "abri close: --to 2026-11-20 is before today, 2026-12-02: a closure that is over is not shown\n"},
		{"--from 2026-12-10 --to 2026-12-14 --note x", "abri close: say which places: --city, --category or --ids\n"},
		{"--ids halte-des-canaux --from 2026-12-10 --to 2026-12-14", "abri close: --note: say why, or what to do instead (e.g. --note \"Fermé pendant le confinement.\")\n"},
		{"--city Pariss --from 2026-12-10 --to 2026-12-14 --note x", "abri close: --city Pariss: no place of the guide is in this city (did you mean Paris?)\n"},
		{"--city Lyon --ids halte-des-canaux --from 2026-12-10 --to 2026-12-14 --note x", "abri close: no place matches: check --city, --category and --ids (abri stale lists the places)\n"},
	} {
		_, stderr, err := run(t, append([]string{"close", "--content", dir}, strings.Fields(tc.args)...)...)
		if err == nil || stderr != tc.msg {
			t.Errorf("close %s: %v, %q; want %q", tc.args, err, stderr, tc.msg)
		}
	}
	if changed(t, before, readAll(t, dir)) != nil {
		t.Error("a refused close changed files")
	}
}

func TestStaleCommand(t *testing.T) {
	dir, _ := campaignGuide(t)
	page := filepath.Join(t.TempDir(), "calls.html")
	out, _, err := run(t, "stale", "--content", dir, "--city", "LYON", "--older-than", "60", "--csv", "--html", page)
	if err != nil {
		t.Fatal(err)
	}
	want := "\ufeffid,name,city,phone,email,updated,days,file\r\n" +
		"essai-crlf,Essai : CRLF,Lyon,,,2026-01-05,331," + dir + "/listings/lyon/essai-crlf.yaml\r\n" +
		"coup-de-pouce-mobilite,Coup de pouce mobilité,Lyon,+33 4 72 00 00 07,mobilite@coupdepouce.example.org,2026-04-15,231," + dir + "/listings/lyon/coup-de-pouce-mobilite.yaml\r\n" +
		"foot-solidaire-gerland,Foot solidaire de Gerland,Lyon,,ballon@foot-gerland.example.org,2026-09-25,68," + dir + "/listings/lyon/foot-solidaire-gerland.yaml\r\n"
	if out != want {
		t.Errorf("stale --csv:\n%q\nwant\n%q", out, want)
	}
	html, err := os.ReadFile(page)
	if err != nil || !bytes.Contains(html, []byte("Coup de pouce mobilité")) || bytes.Count(html, []byte(`type="checkbox"`)) != 3 {
		t.Errorf("the printable page: %v\n%s", err, html)
	}
	out, _, _ = run(t, "stale", "--content", dir)
	if !strings.HasPrefix(out, "checked     days  name") || strings.Count(out, "\n") != 3 {
		t.Errorf("stale with stale_after's 180 days:\n%s", out)
	}
}

// TestCampaignSummariesInSingular: one place is "1 place", and one that
// already has the closure "already has" it.
func TestCampaignSummariesInSingular(t *testing.T) {
	dir, _ := campaignGuide(t)
	out, stderr, err := run(t, "verify", "--content", dir, "halte-des-canaux")
	if err != nil || !strings.Contains(out, "abri verify: 1 place checked on 2026-12-02, 0 already up to date\n") {
		t.Errorf("verify: %v\n%s%s", err, out, stderr)
	}
	args := []string{"close", "--content", dir, "--from", "2026-12-10", "--to", "2026-12-14", "--ids", "halte-des-canaux", "--note", "Travaux."}
	if out, stderr, err = run(t, append(args, "--write")...); err != nil || !strings.Contains(out, "abri close: 1 place closed from 2026-12-10 to 2026-12-14, 0 already have this closure\n") {
		t.Errorf("close: %v\n%s%s", err, out, stderr)
	}
	if out, stderr, err = run(t, args...); err != nil || !strings.Contains(out, "abri close: 0 places to be closed from 2026-12-10 to 2026-12-14, 1 already has this closure\n") {
		t.Errorf("close again: %v\n%s%s", err, out, stderr)
	}
}
