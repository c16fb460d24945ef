package translate

import (
	"bytes"
	"testing"
)

// fuzzSeeds are exports of the tricky units, so that the fuzzer starts
// from files as abri writes them.
func fuzzSeeds(f *testing.F, write func(*bytes.Buffer) error) {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte{})
}

// Readers take files edited by hand or by tools: no input makes them
// panic, and what they read writes again and reads back the same.
func FuzzReadPO(f *testing.F) {
	fuzzSeeds(f, func(b *bytes.Buffer) error { return WritePO(b, "uk", trickyUnits) })
	f.Add([]byte("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"\\777\\\"\"\n#~ msgid \"old\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lang, units, err := ReadPO(bytes.NewReader(data))
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := WritePO(&b, lang, units); err != nil {
			t.Fatal(err)
		}
		if _, again, err := ReadPO(&b); err != nil || len(again) != len(units) {
			t.Fatalf("written again, %d units read back as %d: %v\n%s", len(units), len(again), err, b.String())
		}
	})
}

func FuzzReadXLIFF(f *testing.F) {
	fuzzSeeds(f, func(b *bytes.Buffer) error { return WriteXLIFF(b, "fr", "uk", trickyUnits) })
	f.Add([]byte(`<xliff version="2.0"><file id="f"><unit id="u" name="k"><segment><source>a<cp hex="1"/></source><target>b<mrk id="m">c</mrk></target></segment></unit></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadXLIFF(bytes.NewReader(data))
	})
}

func FuzzReadCSV(f *testing.F) {
	fuzzSeeds(f, func(b *bytes.Buffer) error { return WriteCSV(b, "uk", trickyUnits) })
	f.Add([]byte("key;translation:uk;needs_review\n\"a\"\"\";b;yes\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lang, units, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, lang, units); err != nil {
			t.Fatal(err)
		}
		if _, again, err := ReadCSV(&b); err != nil || len(again) != len(units) {
			t.Fatalf("written again, %d units read back as %d: %v\n%s", len(units), len(again), err, b.String())
		}
	})
}
