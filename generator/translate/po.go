package translate

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NeedsReview says whether an exchange file marks u for review: a
// translation made by a machine, or made from an older source. Formats
// have one mark for both, read back as Machine.
func (u Unit) NeedsReview() bool { return u.Translation != "" && (u.Machine || u.Outdated) }

// The header has no PO-Revision-Date: an export has no date of its own
// (the same guide gives the same bytes), and the tools write it on saving.

// WritePO writes units as a GNU gettext PO file translating into lang:
// msgctxt is the key, msgid the source, msgstr the translation; the
// context goes in #. comments, the file in a #: reference, and #, fuzzy
// marks what needs review.
func WritePO(w io.Writer, lang string, units []Unit) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "msgid \"\"\nmsgstr \"\"\n%s", poLines("Project-Id-Version: abri guide\n"+
		"Last-Translator: none yet\n"+
		"Language-Team: "+lang+"\n"+
		"Language: "+lang+"\n"+
		"MIME-Version: 1.0\n"+
		"Content-Type: text/plain; charset=UTF-8\n"+
		"Content-Transfer-Encoding: 8bit\n"+
		"X-Generator: abri\n"))
	for _, u := range units {
		bw.WriteString("\n")
		if u.Context != "" {
			for _, line := range strings.Split(u.Context, "\n") {
				if line == "" {
					bw.WriteString("#.\n")
					continue
				}
				bw.WriteString("#. " + line + "\n")
			}
		}
		file, _, _ := strings.Cut(u.Key, "#")
		if file != "" && !strings.ContainsAny(file, " \t\n") {
			bw.WriteString("#: " + file + "\n")
		}
		if u.NeedsReview() {
			bw.WriteString("#, fuzzy\n")
		}
		poString(bw, "msgctxt", u.Key)
		poString(bw, "msgid", u.Source)
		poString(bw, "msgstr", u.Translation)
	}
	return bw.Flush()
}

// poString writes keyword and s, split after each \n as gettext does.
func poString(w *bufio.Writer, keyword, s string) {
	if i := strings.IndexByte(s, '\n'); i < 0 || i == len(s)-1 {
		w.WriteString(keyword + " " + poQuote(s) + "\n")
		return
	}
	w.WriteString(keyword + " \"\"\n" + poLines(s))
}

// poLines is s as quoted lines, one per line of s.
func poLines(s string) string {
	var b strings.Builder
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line = s[:i+1]
		}
		s = s[len(line):]
		b.WriteString(poQuote(line) + "\n")
	}
	return b.String()
}

// poQuote is s as a C string, the escapes gettext reads.
func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"' || r == '\\':
			b.WriteString("\\" + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\%03o`, s[i])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// ReadPO reads a PO file written by WritePO, or by a tool that opened it
// (Poedit, Weblate, Lokalise): fuzzy entries come back as Machine (they
// need review), obsolete entries (#~) are left out.
func ReadPO(r io.Reader) (lang string, units []Unit, err error) {
	p := poReader{sc: bufio.NewScanner(r)}
	p.sc.Buffer(nil, 16<<20)
	for {
		e, ok, err := p.entry()
		if err != nil {
			return "", nil, err
		}
		if !ok {
			break
		}
		if e.header {
			lang = headerField(e.unit.Translation, "Language")
			continue
		}
		units = append(units, e.unit)
	}
	if err := p.sc.Err(); err != nil {
		return "", nil, err
	}
	return lang, units, nil
}

type poEntry struct {
	unit   Unit
	header bool // the entry of msgid "" without msgctxt: the file's header
}

type poReader struct {
	sc     *bufio.Scanner
	line   int
	peeked *string
}

func (p *poReader) next() (string, bool) {
	if p.peeked != nil {
		s := *p.peeked
		p.peeked = nil
		return s, true
	}
	if !p.sc.Scan() {
		return "", false
	}
	p.line++
	return strings.TrimSuffix(p.sc.Text(), "\r"), true
}

func (p *poReader) unread(s string) { p.peeked = &s }

// entry reads the next entry; ok is false at the end of the file.
func (p *poReader) entry() (e poEntry, ok bool, err error) {
	var context []string
	var fuzzy, hasKeyword, hasCtxt, hasID bool
	var target *string // the string the last keyword started
	for {
		line, more := p.next()
		if !more {
			break
		}
		trimmed := strings.TrimSpace(line)
		comment := strings.TrimLeft(line, " \t") // a comment's trailing spaces are its own
		switch {
		case trimmed == "":
			if hasKeyword {
				goto done
			}
		case strings.HasPrefix(trimmed, "#~"):
			// obsolete: the tools keep it, abri does not
		case strings.HasPrefix(trimmed, "#"):
			if hasKeyword {
				p.unread(line)
				goto done
			}
			switch {
			case strings.HasPrefix(comment, "#."):
				c := strings.TrimPrefix(comment, "#.")
				context = append(context, strings.TrimPrefix(c, " "))
			case strings.HasPrefix(trimmed, "#,"):
				for _, f := range strings.Split(trimmed[2:], ",") {
					fuzzy = fuzzy || strings.TrimSpace(f) == "fuzzy"
				}
			}
		case strings.HasPrefix(trimmed, `"`):
			if target == nil {
				return e, false, fmt.Errorf("%d: a string with no keyword before it (msgid, msgstr …)", p.line)
			}
			s, err := poUnquote(trimmed)
			if err != nil {
				return e, false, fmt.Errorf("%d: %v", p.line, err)
			}
			*target += s
		default:
			keyword, rest, _ := strings.Cut(trimmed, " ")
			var dst *string
			switch {
			case keyword == "msgctxt":
				if hasKeyword {
					p.unread(line)
					goto done
				}
				dst, hasCtxt = &e.unit.Key, true
			case keyword == "msgid":
				if hasID {
					p.unread(line)
					goto done
				}
				dst, hasID = &e.unit.Source, true
			case keyword == "msgstr" || keyword == "msgstr[0]":
				dst = &e.unit.Translation
			case keyword == "msgid_plural" || strings.HasPrefix(keyword, "msgstr["):
				dst = new(string) // abri writes no plural entries: its plural forms are units of their own
			default:
				return e, false, fmt.Errorf("%d: unknown keyword %q (want msgctxt, msgid or msgstr)", p.line, keyword)
			}
			s, err := poUnquote(strings.TrimSpace(rest))
			if err != nil {
				return e, false, fmt.Errorf("%d: %s: %v", p.line, keyword, err)
			}
			*dst += s
			target, hasKeyword = dst, true
		}
	}
	if !hasKeyword {
		return e, false, nil
	}
done:
	if !hasID {
		return e, false, fmt.Errorf("%d: an entry without msgid", p.line)
	}
	e.header = !hasCtxt && e.unit.Source == ""
	if !e.header && !hasCtxt {
		return e, false, fmt.Errorf("%d: an entry without msgctxt: abri needs it, it is the key of the text (keep it as exported)", p.line)
	}
	e.unit.Context = strings.Join(context, "\n")
	e.unit.Machine = fuzzy && e.unit.Translation != ""
	return e, true, nil
}

// poUnquote reads one quoted C string.
func poUnquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("want a string in double quotes, not %q", s)
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			return "", fmt.Errorf("a double quote inside a string: write it \\\"")
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(s) {
			return "", fmt.Errorf("a backslash at the end of a string: write it \\\\")
		}
		switch c = s[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a', 'b', 'f', 'v':
			b.WriteByte(map[byte]byte{'a': 7, 'b': 8, 'f': 12, 'v': 11}[c])
		case '"', '\\', '\'', '?':
			b.WriteByte(c)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			n, _ := strconv.ParseUint(s[i:j], 8, 8)
			b.WriteByte(byte(n))
			i = j - 1
		default:
			return "", fmt.Errorf("unknown escape \\%c", c)
		}
	}
	return b.String(), nil
}

// headerField is the value of name in a PO header ("Language: uk").
func headerField(header, name string) string {
	for _, line := range strings.Split(header, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
