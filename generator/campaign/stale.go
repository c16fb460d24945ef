package campaign

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/abri-guide/abri/generator/content"
)

// Call is a line of the call list: a listing to check with the place.
type Call struct {
	Target
	Name    string
	City    string
	Phones  []string // as the editor wrote them
	Email   string
	Updated content.Date // last checked
	Days    int          // days since, on the day of the list
}

// Stale returns the call list: the targets published and open (a place
// closed for good has no one to call) last checked more than days ago,
// oldest first.
func Stale(g *content.Guide, targets []Target, today content.Date, days int) []Call {
	var out []Call
	for _, t := range targets {
		l := t.L
		if l == nil || l.Closed() {
			continue
		}
		age := int(today.Time().Sub(l.Updated.Time()).Hours() / 24)
		if age <= days {
			continue
		}
		c := Call{Target: t, Name: l.Name, Email: string(l.Email), Updated: l.Updated, Days: age}
		if city := g.CityOf(l); city != nil {
			c.City = city.Name
		}
		for _, p := range l.Phone {
			c.Phones = append(c.Phones, p.Text)
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Days > out[j].Days })
	return out
}

// WriteText writes the call list as aligned columns, for a terminal.
func WriteText(w io.Writer, calls []Call) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "checked\tdays\tname\tcity\tphone\te-mail\tfile")
	for _, c := range calls {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", c.Updated, c.Days, oneLine(c.Name), oneLine(c.City), strings.Join(c.Phones, ", "), c.Email, c.File)
	}
	return tw.Flush()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteCSV writes the call list for a spreadsheet: UTF-8 with a byte
// order mark (so that Excel reads accents right), RFC 4180 with CRLF.
func WriteCSV(w io.Writer, calls []Call) error {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	cw.Write([]string{"id", "name", "city", "phone", "email", "updated", "days", "file"})
	for _, c := range calls {
		cw.Write([]string{c.ID, cell(c.Name), cell(c.City), strings.Join(c.Phones, "; "), c.Email, c.Updated.String(), fmt.Sprint(c.Days), c.File})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// cell keeps a spreadsheet from running a name as a formula, as the
// open-data places.csv does: a leading apostrophe, which spreadsheets hide.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteHTML writes the call list as one printable page for a phoning
// round: no script, no file beside it, a box to tick and room for notes.
func WriteHTML(w io.Writer, title string, today content.Date, calls []Call) error {
	return callPage.Execute(w, struct {
		Title string
		Today content.Date
		Calls []Call
	}{title, today, calls})
}

var callPage = template.Must(template.New("calls").Funcs(template.FuncMap{
	"tel": func(p string) string {
		return strings.Map(func(r rune) rune {
			if r == '+' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, p)
	},
}).Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Call list — {{.Title}} — {{.Today}}</title>
<style>
body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .3em .4em; text-align: start; vertical-align: top; }
th { background: #eee; }
td.notes { width: 25%; }
tr { break-inside: avoid; }
small { color: #555; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>Call list — {{.Title}}</h1>
<p>{{len .Calls}} places not checked for a while, oldest first, on {{.Today}}. Tick each one you reached; then run <code>abri verify</code> with their files.</p>
<table>
<thead><tr><th>✓</th><th>Place</th><th>Phone</th><th>E-mail</th><th>Last checked</th><th class="notes">Notes</th></tr></thead>
<tbody>
{{- range .Calls}}
<tr><td><input type="checkbox" aria-label="reached {{.Name}}"></td><td><strong>{{.Name}}</strong><br>{{.City}}<br><small>{{.File}}</small></td><td>{{range $i, $p := .Phones}}{{if $i}}<br>{{end}}<a href="tel:{{tel $p}}">{{$p}}</a>{{end}}</td><td>{{if .Email}}<a href="mailto:{{.Email}}">{{.Email}}</a>{{end}}</td><td>{{.Updated}}<br><small>{{.Days}} days ago</small></td><td class="notes"></td></tr>
{{- end}}
</tbody>
</table>
</body>
</html>
`))
