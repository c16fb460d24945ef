package translate

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvHeader names the columns; the translation column carries the target
// language (translation:uk), as a CSV file has no other place for it.
var csvHeader = []string{"key", "context", "source", "translation", "needs_review"}

const bom = "\uFEFF"

// WriteCSV writes units as CSV (RFC 4180, UTF-8 with a byte order mark, so
// that spreadsheets read the accents and the scripts right), one row per
// unit: key, context, source, translation, needs_review ("yes" or empty).
// Cells are written as they are, even those starting with = + - @: they
// are texts for translators, and the round trip must be exact.
func WriteCSV(w io.Writer, lang string, units []Unit) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(bom)
	header := append([]string(nil), csvHeader...)
	header[3] = "translation:" + lang
	csvRow(bw, header)
	for _, u := range units {
		review := ""
		if u.NeedsReview() {
			review = "yes"
		}
		csvRow(bw, []string{u.Key, u.Context, u.Source, u.Translation, review})
	}
	return bw.Flush()
}

// csvRow writes one record, ended by CRLF as RFC 4180 says; a cell is
// quoted when it must be, or when it has spaces at its ends, which some
// spreadsheets trim.
func csvRow(w *bufio.Writer, cells []string) {
	for i, c := range cells {
		if i > 0 {
			w.WriteByte(',')
		}
		if c == "" || !strings.ContainsAny(c, ",\"\r\n") && strings.TrimSpace(c) == c {
			w.WriteString(c)
			continue
		}
		w.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
	}
	w.WriteString("\r\n")
}

// ReadCSV reads a CSV file written by WriteCSV, as a spreadsheet saves it
// back: with or without the byte order mark, comma- or semicolon-separated,
// columns found by their header, in any order.
func ReadCSV(r io.Reader) (lang string, units []Unit, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", nil, err
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	rows, err := csvRecords(data)
	if err != nil {
		return "", nil, err
	}
	if len(rows) == 0 {
		return "", nil, errors.New("1: empty file: want the header key,context,source,translation,needs_review")
	}
	col := map[string]int{}
	for i, h := range rows[0].cells {
		name, l, _ := strings.Cut(strings.TrimSpace(h), ":")
		col[strings.ToLower(name)] = i
		if strings.EqualFold(name, "translation") {
			lang = strings.TrimSpace(l)
		}
	}
	for _, need := range []string{"key", "translation"} {
		if _, ok := col[need]; !ok {
			return "", nil, fmt.Errorf("1: no %q column: want the header %s, as exported", need, strings.Join(csvHeader, ","))
		}
	}
	for _, row := range rows[1:] {
		cell := func(name string) string {
			if i, ok := col[name]; ok && i < len(row.cells) {
				return row.cells[i]
			}
			return ""
		}
		if strings.Join(row.cells, "") == "" {
			continue // a blank line
		}
		u := Unit{Key: cell("key"), Context: cell("context"), Source: cell("source"), Translation: cell("translation")}
		switch strings.ToLower(strings.TrimSpace(cell("needs_review"))) {
		case "yes", "y", "x", "true", "1":
			u.Machine = u.Translation != ""
		case "", "no", "n", "false", "0":
		default:
			return "", nil, fmt.Errorf("%d: needs_review is %q: write yes, or leave it empty", row.line, cell("needs_review"))
		}
		if u.Key == "" {
			return "", nil, fmt.Errorf("%d: a row without key: abri needs it, it names the text (keep it as exported)", row.line)
		}
		units = append(units, u)
	}
	return lang, units, nil
}

type csvRecord struct {
	line  int // where the record starts
	cells []string
}

// csvRecords splits RFC 4180 records, keeping every byte of quoted cells
// (encoding/csv turns \r\n inside them into \n). The separator is the
// first of , ; or tab outside quotes on the header line.
func csvRecords(data []byte) ([]csvRecord, error) {
	sep := byte(',')
	for i, quoted := 0, false; i < len(data) && (quoted || data[i] != '\n'); i++ {
		if data[i] == '"' {
			quoted = !quoted
		} else if !quoted && (data[i] == ',' || data[i] == ';' || data[i] == '\t') {
			sep = data[i]
			break
		}
	}
	var records []csvRecord
	line := 1
	rec := csvRecord{line: line}
	var cell strings.Builder
	endCell := func() { rec.cells = append(rec.cells, cell.String()); cell.Reset() }
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '"' && cell.Len() == 0 && (i == 0 || data[i-1] == sep || data[i-1] == '\n' || data[i-1] == '\r'):
			start := line
			for i++; ; i++ {
				if i >= len(data) {
					return nil, fmt.Errorf("%d: a quoted cell that never ends: a double quote is missing", start)
				}
				if data[i] == '\n' {
					line++
				}
				if data[i] == '"' {
					if i+1 < len(data) && data[i+1] == '"' {
						cell.WriteByte('"')
						i++
						continue
					}
					break
				}
				cell.WriteByte(data[i])
			}
			if i+1 < len(data) && data[i+1] != sep && data[i+1] != '\n' && data[i+1] != '\r' {
				return nil, fmt.Errorf("%d: text after a quoted cell: put the whole cell in quotes, and double the quotes inside", line)
			}
		case c == sep:
			endCell()
		case c == '\r' && i+1 < len(data) && data[i+1] == '\n':
		case c == '\n':
			endCell()
			records = append(records, rec)
			line++
			rec = csvRecord{line: line}
		default:
			cell.WriteByte(c)
		}
	}
	if cell.Len() > 0 || len(rec.cells) > 0 {
		endCell()
		records = append(records, rec)
	}
	return records, nil
}
