package defaulttheme

import (
	"bytes"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
)

// TestIconsSmallSafeSVG: every pictogram is a small SVG in the theme's one
// style (24 × 24, drawn in currentColor so it follows the text), with no
// script, no text a reader might not read and nothing fetched from elsewhere:
// icons are inlined in every page.
func TestIconsSmallSafeSVG(t *testing.T) {
	names, err := fs.Glob(FS(), "icons/*")
	if err != nil || len(names) == 0 {
		t.Fatalf("no icons: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if path.Ext(name) != ".svg" {
			t.Errorf("%s: not an .svg", name)
		}
		if len(data) > 1024 {
			t.Errorf("%s: %d bytes, over 1 KB", name, len(data))
		}
		if !bytes.Contains(data, []byte("currentColor")) {
			t.Errorf("%s: not drawn in currentColor", name)
		}
		checkSVG(t, name, data)
	}
}

func checkSVG(t *testing.T, name string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: not valid XML: %v", name, err)
			return
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "script", "text", "foreignObject", "image", "style":
			t.Errorf("%s: has <%s>", name, el.Name.Local)
		}
		attrs := map[string]string{}
		for _, a := range el.Attr {
			attrs[a.Name.Local] = a.Value
			low := strings.ToLower(a.Name.Local)
			if low == "href" || strings.HasPrefix(low, "on") {
				t.Errorf("%s: <%s %s=%q>: no links or scripts in pictograms", name, el.Name.Local, a.Name.Local, a.Value)
			}
		}
		if root {
			root = false
			if el.Name.Local != "svg" || attrs["viewBox"] != "0 0 24 24" {
				t.Errorf("%s: root <%s viewBox=%q>, want <svg viewBox=\"0 0 24 24\">", name, el.Name.Local, attrs["viewBox"])
			}
		}
	}
	if root {
		t.Errorf("%s: no element", name)
	}
}

// TestIconsListedInContentReadme: the format reference lists every
// pictogram the theme ships, so that editors know what icon: may name.
func TestIconsListedInContentReadme(t *testing.T) {
	doc, err := os.ReadFile("../../content/README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := bytes.Cut(doc, []byte("\n## categories.yaml\n"))
	section, _, _ = bytes.Cut(section, []byte("\n## "))
	names, _ := fs.Glob(FS(), "icons/*.svg")
	for _, name := range names {
		if icon := strings.TrimSuffix(path.Base(name), ".svg"); !bytes.Contains(section, []byte("`"+icon+"`")) {
			t.Errorf("content/README.md, section categories.yaml, does not list the pictogram `%s`", icon)
		}
	}
}
