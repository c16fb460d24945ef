package translate

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

// WriteXLIFF writes units as an XLIFF 2.0 document translating from
// srcLang into lang, for CAT tools. A unit's id is u1, u2 … (XLIFF wants
// an NMTOKEN, which keys are not); its name is the key. state is initial
// (not translated), translated (needs review) or final (reviewed).
//
// XLIFF is the one format that names the source language, hence srcLang.
func WriteXLIFF(w io.Writer, srcLang, lang string, units []Unit) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"%s\" version=\"2.0\" srcLang=\"%s\" trgLang=\"%s\">\n <file id=\"f1\">\n",
		xliffNS, xmlAttr(srcLang), xmlAttr(lang))
	for i, u := range units {
		fmt.Fprintf(bw, "  <unit id=\"u%d\" name=\"%s\">\n", i+1, xmlAttr(u.Key))
		if u.Context != "" {
			fmt.Fprintf(bw, "   <notes><note category=\"context\">%s</note></notes>\n", xmlText(u.Context, false))
		}
		state := "final"
		switch {
		case u.Translation == "":
			state = "initial"
		case u.NeedsReview():
			state = "translated"
		}
		fmt.Fprintf(bw, "   <segment state=\"%s\">\n    <source xml:space=\"preserve\">%s</source>\n", state, xmlText(u.Source, true))
		if u.Translation != "" {
			fmt.Fprintf(bw, "    <target xml:space=\"preserve\">%s</target>\n", xmlText(u.Translation, true))
		}
		bw.WriteString("   </segment>\n  </unit>\n")
	}
	bw.WriteString(" </file>\n</xliff>\n")
	return bw.Flush()
}

// xmlText escapes s as element content. A carriage return is written as a
// reference, else XML readers turn it into a line feed. Characters XML
// cannot hold at all (most control characters) are written as XLIFF <cp/>
// in sources and targets, and as U+FFFD in notes, where <cp/> is not allowed.
func xmlText(s string, inline bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == utf8.RuneError && size == 1:
			b.WriteString("\uFFFD")
		case !xmlChar(r) && inline:
			fmt.Fprintf(&b, `<cp hex="%04X"/>`, r)
		case !xmlChar(r):
			b.WriteString("\uFFFD")
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// xmlAttr escapes s as an attribute value in double quotes.
func xmlAttr(s string) string {
	s = xmlText(s, false)
	return strings.NewReplacer(`"`, "&quot;", "\n", "&#xA;", "\t", "&#x9;").Replace(s)
}

// xmlChar says whether XML 1.0 can hold r.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// ReadXLIFF reads an XLIFF 2.0 document written by WriteXLIFF or by a CAT
// tool: a unit's key is its name; a unit split into several segments is
// joined again; state translated, or a target left in state initial,
// comes back as Machine (needs review), reviewed and final as reviewed.
func ReadXLIFF(r io.Reader) (lang string, units []Unit, err error) {
	d := xml.NewDecoder(r)
	var version string
	sawRoot := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", nil, xmlError(d, err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name.Local {
		case "xliff":
			sawRoot = true
			version, lang = attr(start, "version"), attr(start, "trgLang")
			if version != "2.0" && !strings.HasPrefix(version, "2.") {
				return "", nil, fmt.Errorf("%s: want XLIFF 2.0 (version=\"2.0\"), not version %q: export the file again with abri translate export --format xliff", pos(d), version)
			}
		case "unit":
			u, err := readUnit(d, start)
			if err != nil {
				return "", nil, err
			}
			units = append(units, u)
		}
	}
	if !sawRoot {
		return "", nil, errors.New("not an XLIFF file: no <xliff> element")
	}
	return lang, units, nil
}

func readUnit(d *xml.Decoder, start xml.StartElement) (Unit, error) {
	u := Unit{Key: attr(start, "name")}
	if u.Key == "" {
		return u, fmt.Errorf("%s: unit %q has no name: abri needs it, it is the key of the text (keep it as exported)", pos(d), attr(start, "id"))
	}
	var notes []string
	review, reviewed := false, false
	for {
		tok, err := d.Token()
		if err != nil {
			return u, xmlError(d, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "unit" {
				u.Context = strings.Join(notes, "\n")
				u.Machine = u.Translation != "" && (review || !reviewed)
				return u, nil
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "note":
				s, err := inlineText(d)
				if err != nil {
					return u, err
				}
				if c := attr(t, "category"); c == "context" || c == "" {
					notes = append(notes, s)
				}
			case "segment":
				switch attr(t, "state") {
				case "translated":
					review = true
				case "reviewed", "final":
					reviewed = true
				}
			case "source", "target":
				s, err := inlineText(d)
				if err != nil {
					return u, err
				}
				if t.Name.Local == "source" {
					u.Source += s
				} else {
					u.Translation += s
				}
			}
		}
	}
}

// inlineText reads the text of the element just started, with its inline
// codes: <cp hex="…"/> is the character, other codes give their text.
func inlineText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return "", xmlError(d, err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			depth++
			if t.Name.Local == "cp" {
				n, err := strconv.ParseUint(attr(t, "hex"), 16, 32)
				if err != nil || !utf8.ValidRune(rune(n)) {
					return "", fmt.Errorf("%s: <cp hex=%q/> is not a character", pos(d), attr(t, "hex"))
				}
				b.WriteRune(rune(n))
			}
		case xml.EndElement:
			depth--
		}
	}
	return b.String(), nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func pos(d *xml.Decoder) string {
	line, col := d.InputPos()
	return strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

func xmlError(d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%d: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: the file ends in the middle of an element", pos(d))
	}
	return fmt.Errorf("%s: %v", pos(d), err)
}
