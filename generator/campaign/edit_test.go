package campaign

import (
	"strings"
	"testing"
)

func TestSetUpdated(t *testing.T) {
	for _, tc := range []struct{ name, in, want, old string }{
		{"plain", "name: A\nupdated: 2026-01-02 # checked by phone\nstatus: open\n", "name: A\nupdated: 2026-12-01 # checked by phone\nstatus: open\n", "2026-01-02"},
		{"double quotes kept", "name: A\nupdated: \"2026-01-02\"\n", "name: A\nupdated: \"2026-12-01\"\n", "2026-01-02"},
		{"single quotes kept", "updated: '2026-01-02'\nname: A\n", "updated: '2026-12-01'\nname: A\n", "2026-01-02"},
		{"crlf", "name: Été\r\nupdated: 2026-01-02\r\n", "name: Été\r\nupdated: 2026-12-01\r\n", "2026-01-02"},
		{"bom and accents before", "\ufeffname: Café éé\nupdated: 2026-01-02", "\ufeffname: Café éé\nupdated: 2026-12-01", "2026-01-02"},
		{"flow mapping", "{name: Ñandú, updated: 2026-01-02, status: open}\n", "{name: Ñandú, updated: 2026-12-01, status: open}\n", "2026-01-02"},
		{"draft without updated", "name: A\nstatus: draft\n", "name: A\nstatus: draft\nupdated: 2026-12-01\n", ""},
		{"no final line break", "name: A\r\nstatus: draft", "name: A\r\nstatus: draft\r\nupdated: 2026-12-01\r\n", ""},
		{"ends in a comment", "name: A\n# the end", "name: A\n# the end\nupdated: 2026-12-01\n", ""},
		{"ends in a literal block", "name: A\nnote: |\n  two\n  lines\n", "name: A\nnote: |\n  two\n  lines\nupdated: 2026-12-01\n", ""},
	} {
		got, old, err := SetUpdated([]byte(tc.in), "2026-12-01")
		if err != nil || string(got) != tc.want || old != tc.old {
			t.Errorf("%s: got %q, %q, %v; want %q, %q", tc.name, got, old, err, tc.want, tc.old)
		}
	}
}

func TestSetUpdatedRefuses(t *testing.T) {
	for _, tc := range []struct{ name, in, msg string }{
		{"not yaml", "name: [A\n", "not valid YAML"},
		{"a list", "- name: A\n", "not a listing"},
		{"empty", "", "not a listing"},
		{"flow without updated", "{name: A}", "add updated: 2026-12-01 by hand"},
		{"updated empty", "name: A\nupdated:\n", "2:9: updated: is not a date"},
		{"updated a list", "updated: [2026-01-01]\n", "is not a date"},
		{"block scalar", "updated: |\n  2026-01-01\n", "by hand"},
		{"tagged", "updated: !!str 2026-01-01\n", "by hand"},
	} {
		got, _, err := SetUpdated([]byte(tc.in), "2026-12-01")
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: got %q, %v; want an error with %q", tc.name, got, err, tc.msg)
		}
	}
}

var cold = Closure{Start: "2026-12-10", End: "2026-12-14", Lang: "fr", Note: `Grand froid : "gymnase" ouvert`}

const coldFlow = `{start: 2026-12-10, end: 2026-12-14, note: {fr: "Grand froid : \"gymnase\" ouvert"}}`

func TestAddClosure(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"new block after hours",
			"name: A\nhours:\n  mo: 09:00-12:00\n# who to call\nspecial_hours: []\nupdated: 2026-01-01\n",
			"name: A\nhours:\n  mo: 09:00-12:00\nclosures:\n  - " + coldFlow + "\n# who to call\nspecial_hours: []\nupdated: 2026-01-01\n"},
		{"new block at the end, no line break, 4 spaces",
			"name: A\naddress:\n    city: Lyon\nhours:\n    mo: 09:00-12:00",
			"name: A\naddress:\n    city: Lyon\nhours:\n    mo: 09:00-12:00\nclosures:\n    - " + coldFlow + "\n"},
		{"block list of flow items, crlf",
			"closures:\r\n- {start: 2026-01-01, end: 2026-01-02}  # new year\r\n\r\n# next\r\nupdated: 2026-01-01\r\n",
			"closures:\r\n- {start: 2026-01-01, end: 2026-01-02}  # new year\r\n- " + coldFlow + "\r\n\r\n# next\r\nupdated: 2026-01-01\r\n"},
		{"block list of blocks",
			"closures:\n  - start: 2026-01-01\n    end: 2026-01-02\n    note:\n      fr: Nouvel an\nupdated: 2026-01-01\n",
			"closures:\n  - start: 2026-01-01\n    end: 2026-01-02\n    note:\n      fr: Nouvel an\n  - start: 2026-12-10\n    end: 2026-12-14\n    note:\n      fr: \"Grand froid : \\\"gymnase\\\" ouvert\"\nupdated: 2026-01-01\n"},
		{"flow list",
			"closures: [{start: 2026-01-01, end: 2026-01-02}] # one\nupdated: 2026-01-01\n",
			"closures: [{start: 2026-01-01, end: 2026-01-02}, " + coldFlow + "] # one\nupdated: 2026-01-01\n"},
		{"flow list with a trailing comma and a bracket in a note",
			"closures: [\n  {start: 2026-01-01, end: 2026-01-02, note: \"a ] b\"}, # x]\n]\n",
			"closures: [\n  {start: 2026-01-01, end: 2026-01-02, note: \"a ] b\"}, " + coldFlow + ", # x]\n]\n"},
		{"empty flow list", "closures: []\n", "closures: [" + coldFlow + "]\n"},
		{"closures left empty", "closures:\n#  - {start: 2025-01-01, end: 2025-01-02}\nupdated: 2026-01-01\n",
			"closures:\n  - " + coldFlow + "\n#  - {start: 2025-01-01, end: 2025-01-02}\nupdated: 2026-01-01\n"},
		{"bom", "\ufeffname: Ça\nupdated: 2026-01-01\n", "\ufeffname: Ça\nclosures:\n  - " + coldFlow + "\nupdated: 2026-01-01\n"},
	} {
		got, added, err := AddClosure([]byte(tc.in), cold)
		if err != nil || !added || string(got) != tc.want {
			t.Errorf("%s: got %v, %v\n%s\nwant\n%s", tc.name, added, err, got, tc.want)
			continue
		}
		back, removed, err := RemoveClosure(got, cold.Start, cold.End)
		restore := tc.in
		switch tc.name {
		case "new block at the end, no line break, 4 spaces":
			restore += "\n" // the line break added before the new lines stays
		case "closures left empty":
			restore = strings.TrimPrefix(restore, "closures:\n") // a list left empty goes with its key
		}
		if err != nil || !removed || string(back) != restore {
			t.Errorf("%s: reopen gave %v, %v\n%q\nwant\n%q", tc.name, removed, err, back, restore)
		}
	}
}

func TestAddClosureTwiceIsOnce(t *testing.T) {
	in := "name: A\nclosures:\n  - {start: 2026-12-10, end: 2026-12-14, note: {fr: Autre texte}}\n"
	got, added, err := AddClosure([]byte(in), cold)
	if err != nil || added || string(got) != in {
		t.Errorf("the same dates again: got %v, %v\n%s", added, err, got)
	}
}

func TestAddClosureRefuses(t *testing.T) {
	for _, tc := range []struct{ name, in, msg string }{
		{"flow document", "{name: A}", "by hand"},
		{"closures a text", "closures: fermé\n", "closures: is not a list"},
		{"closures ~", "closures: ~\n", "closures: is not a list"},
		{"items not mappings", "closures:\n  - 2026-01-01\n", "not {start"},
		{"anchor list", "x: &a [{start: 2026-01-01, end: 2026-01-02}]\nclosures: *a\n", "not a list"},
	} {
		got, _, err := AddClosure([]byte(tc.in), cold)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: got %q, %v; want an error with %q", tc.name, got, err, tc.msg)
		}
	}
	if _, _, err := AddClosure([]byte("name: A\n"), Closure{Start: "2026-02-30", End: "2026-03-01", Lang: "fr", Note: "x"}); err == nil {
		t.Error("February 30th was accepted")
	}
}

func TestRemoveClosure(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"middle of a block list",
			"closures:\n  - {start: 2026-01-01, end: 2026-01-02}\n  - start: 2026-12-10\n    end: 2026-12-14\n  - {start: 2027-01-01, end: 2027-01-02}\nupdated: 2026-01-01\n",
			"closures:\n  - {start: 2026-01-01, end: 2026-01-02}\n  - {start: 2027-01-01, end: 2027-01-02}\nupdated: 2026-01-01\n"},
		{"the only one, with its key",
			"name: A\nclosures:\n  - start: 2026-12-10\n    end: 2026-12-14\n\n# sources\nsources: []\n",
			"name: A\n\n# sources\nsources: []\n"},
		{"first of a flow list", "closures: [{start: 2026-12-10, end: 2026-12-14}, {start: 2027-01-01, end: 2027-01-02}]\n",
			"closures: [{start: 2027-01-01, end: 2027-01-02}]\n"},
		{"twice the same", "closures:\n- {start: 2026-12-10, end: 2026-12-14}\n- {start: 2026-12-10, end: 2026-12-14, note: {fr: x}}\nname: A\n", "name: A\n"},
		{"none", "closures:\n- {start: 2026-12-11, end: 2026-12-14}\n", "closures:\n- {start: 2026-12-11, end: 2026-12-14}\n"},
	} {
		got, _, err := RemoveClosure([]byte(tc.in), cold.Start, cold.End)
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: got %v\n%s\nwant\n%s", tc.name, err, got, tc.want)
		}
	}
}

// FuzzEdits: no input panics; an edit that succeeds gives YAML that
// parses, and a closure added then removed gives the file back.
func FuzzEdits(f *testing.F) {
	for _, s := range []string{
		"name: A\nupdated: 2026-01-01\n", "{name: A, closures: [{start: 2026-01-01, end: 2026-01-02}]}",
		"\ufeffname: A # c\r\nclosures:\r\n  # c\r\n  - start: 2026-01-01 # c\r\n    end: 2026-01-02\r\n", "closures: [\n# c\n]\nupdated: '2026-01-01'",
		"closures:\n- {start: 2026-12-10, end: 2026-12-14}\n", "a: |\n  - b\nclosures:\n  - {start: 2026-01-01, end: 2026-01-02}\n  # the end", "name: \u2028x\nupdated: 2026-01-01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if out, _, err := SetUpdated([]byte(s), "2026-12-01"); err == nil {
			if _, err := parse(out); err != nil {
				t.Fatalf("SetUpdated gave YAML that does not parse:\n%q", out)
			}
		}
		if root, err := parse([]byte(s)); err == nil && len(root.Content) <= 2 {
			return // closures alone: without it, no listing is left to check an edit on
		}
		out, added, err := AddClosure([]byte(s), cold)
		if err != nil || !added {
			RemoveClosure([]byte(s), cold.Start, cold.End)
			return
		}
		back, removed, err := RemoveClosure(out, cold.Start, cold.End)
		if err != nil || !removed {
			t.Fatalf("the closure added is not removed: %v\n%q", err, out)
		}
		if _, err := parse(back); err != nil {
			t.Fatalf("reopen gave YAML that does not parse:\n%q", back)
		}
	})
}
