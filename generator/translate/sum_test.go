package translate

import (
	"bytes"
	"strings"
	"testing"
)

func TestSumsRoundTrip(t *testing.T) {
	s := Sums{}
	s.Record("uk", "listings/a.yaml#description", "Accueil de jour")
	s.Record("ar", "i18n#open_now", "Ouvert")
	got, err := ReadSums(bytes.NewReader(s.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), s.Bytes()) {
		t.Errorf("read back:\n%s\nwant:\n%s", got.Bytes(), s.Bytes())
	}
	if got.Outdated("uk", "listings/a.yaml#description", "Accueil de jour") {
		t.Error("same source is outdated")
	}
	if !got.Outdated("uk", "listings/a.yaml#description", "Accueil de nuit") {
		t.Error("changed source is not outdated")
	}
	if got.Outdated("uk", "listings/b.yaml#description", "anything") {
		t.Error("a translation with no sum is outdated")
	}
}

func TestReadSumsRejectsBrokenLine(t *testing.T) {
	_, err := ReadSums(strings.NewReader("uk key\n"))
	if err == nil || !strings.Contains(err.Error(), "translations.sum:1:") {
		t.Errorf("err = %v, want translations.sum:1: ...", err)
	}
}
