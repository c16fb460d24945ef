package translate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// tool finds a command line tool; a missing tool skips the test on a
// developer's machine and fails it in CI, which installs it (.ci/run).
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing (Debian package %s), and CI is set", name, pkg)
		}
		t.Skipf("%s is missing: apt-get install %s", name, pkg)
	}
	return p
}

// demoExport writes the demo's units for lang in one format to a file.
func demoExport(t *testing.T, lang, name string, write func(*bytes.Buffer, []Unit) error) string {
	t.Helper()
	units, err := Catalog(demoSource(t), lang)
	if err != nil {
		t.Fatal(err)
	}
	units = append(units, trickyUnits...)
	var b bytes.Buffer
	if err := write(&b, units); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// GNU gettext's own checker accepts the PO file of the demo, as Poedit,
// Weblate and Lokalise, which read PO as gettext does, must.
func TestPOChecksWithMsgfmt(t *testing.T) {
	msgfmt := tool(t, "msgfmt", "gettext")
	for _, lang := range []string{"uk", "ar", "ps"} {
		file := demoExport(t, lang, lang+".po", func(b *bytes.Buffer, units []Unit) error { return WritePO(b, lang, units) })
		out, err := exec.Command(msgfmt, "--check", "--use-fuzzy", "-o", os.DevNull, file).CombinedOutput()
		// The one warning expected: the tools write the date on saving.
		out = regexp.MustCompile(`(?m)^.*header field 'PO-Revision-Date' missing in header\n`).ReplaceAll(out, nil)
		if err != nil || len(out) > 0 {
			t.Errorf("msgfmt --check on the %s export: %v\n%s", lang, err, out)
		}
	}
}

// The XLIFF file of the demo validates against the XLIFF 2.0 core schema.
func TestXLIFFSchema(t *testing.T) {
	xmllint := tool(t, "xmllint", "libxml2-utils")
	for _, lang := range []string{"uk", "ar", "ps"} {
		file := demoExport(t, lang, lang+".xlf", func(b *bytes.Buffer, units []Unit) error { return WriteXLIFF(b, "fr", lang, units) })
		out, err := exec.Command(xmllint, "--noout", "--schema", "testdata/xliff_core_2.0.xsd", file).CombinedOutput()
		if err != nil {
			t.Errorf("xmllint --schema on the %s export: %v\n%s", lang, err, out)
		}
	}
}
