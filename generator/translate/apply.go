package translate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// Options are Apply's choices.
type Options struct {
	Force  bool // apply a translation whose source changed since it was exported
	DryRun bool // say what would be written, write nothing
}

// Folders are where Apply reads and writes.
type Folders struct {
	Content string // the content folder: site.yaml, categories.yaml, listings/, pages/
	Theme   string // the theme folder whose i18n/ it writes; "" for abri's built-in theme, which it cannot
}

// Report says what Apply did with each unit, by key.
type Report struct {
	Lang      string
	Applied   []string // translation or machine flag written
	Unchanged []string // already so in the guide: no byte changed
	Empty     []string // no translation in the file: nothing written
	Changed   []string // source changed since the export: not applied (Options.Force applies them)
	Forced    []string // source changed since the export, applied with Force
	Reviewed  []string // machine-translated interface strings or pages, written as reviewed (they carry no flag)
	Skipped   []Problem
	Refused   []Problem // keys that are not in the guide (or not texts): nothing at all was written
	Files     []string  // files written (or that would be, with DryRun), as paths on disk
}

// Problem is a unit Apply did not apply, and why.
type Problem struct {
	Key, Why string
}

func (p Problem) String() string { return p.Key + ": " + p.Why }

// output is a file to write: its path on disk and content.
type output struct {
	path string
	data []byte
}

// job is one run of Apply.
type job struct {
	lang, src string
	langs     []string
	dirs      Folders
	fsys      fs.FS
	opts      Options
	rep       *Report
	out       []output
	sums      map[string]string // key -> current source, of the translations to record
}

// Apply writes lang's translations into the guide's files, in place: only
// the bytes of the translated values (and their machine flags) change, and
// only files that change are written, each atomically. A key that is not
// in the guide refuses the whole import (Report.Refused, nothing written);
// a unit whose source changed since the export is not applied unless
// opts.Force; an empty translation writes nothing. translations.sum then
// records the source each applied translation was made from.
func Apply(lang string, units []Unit, dirs Folders, opts Options) (*Report, error) {
	j := &job{lang: lang, dirs: dirs, fsys: os.DirFS(dirs.Content), opts: opts, rep: &Report{Lang: lang}, sums: map[string]string{}}
	if err := j.languages(); err != nil {
		return nil, err
	}
	groups, order := j.group(units)
	for _, file := range order {
		us := groups[file]
		switch {
		case file == "i18n":
			j.theme(us)
		case strings.HasPrefix(file, "pages/"):
			j.pages(file, us)
		default:
			j.yamlFile(file, us)
		}
	}
	if len(j.rep.Refused) > 0 {
		j.rep.Files = nil
		return j.rep, nil
	}
	if err := j.recordSums(); err != nil {
		return nil, err
	}
	for _, o := range j.out {
		j.rep.Files = append(j.rep.Files, o.path)
	}
	if opts.DryRun {
		return j.rep, nil
	}
	for _, o := range j.out {
		if err := writeAtomic(o.path, o.data); err != nil {
			return j.rep, err
		}
	}
	return j.rep, nil
}

// languages reads site.yaml's languages: the first is the source.
func (j *job) languages() error {
	data, err := fs.ReadFile(j.fsys, "site.yaml")
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", filepath.Join(j.dirs.Content, "site.yaml"), err)
	}
	var site struct {
		Languages []string `yaml:"languages"`
	}
	if yaml.Unmarshal(data, &site) != nil || len(site.Languages) == 0 {
		return fmt.Errorf("%s: no languages: list them (languages: [fr, en]) or run abri check", filepath.Join(j.dirs.Content, "site.yaml"))
	}
	j.langs, j.src = site.Languages, site.Languages[0]
	switch {
	case j.lang == j.src:
		return fmt.Errorf("%s is the guide's source language: translations go into the other languages", j.lang)
	case !slices.Contains(j.langs, j.lang):
		return fmt.Errorf("%s is not a language of the guide (site.yaml languages: %s): add it first with abri translate add %s", j.lang, strings.Join(j.langs, ", "), j.lang)
	}
	return nil
}

// group sorts the units by file, refusing keys that are not keys and
// keys given twice; empty translations are set aside.
func (j *job) group(units []Unit) (map[string][]Unit, []string) {
	groups := map[string][]Unit{}
	var order []string
	seen := map[string]bool{}
	for _, u := range units {
		file, where, ok := strings.Cut(u.Key, "#")
		switch {
		case !ok || where == "" || !validFile(file):
			j.refuse(u.Key, "not a key of abri (file#place, as abri translate export writes them)")
			continue
		case seen[u.Key]:
			j.refuse(u.Key, "given twice in the file: keep one")
			continue
		case !utf8.ValidString(u.Translation):
			j.refuse(u.Key, "the translation is not valid UTF-8")
			continue
		}
		seen[u.Key] = true
		if u.Translation == "" {
			j.rep.Empty = append(j.rep.Empty, u.Key)
			continue
		}
		if groups[file] == nil {
			order = append(order, file)
		}
		groups[file] = append(groups[file], u)
	}
	return groups, order
}

// validFile accepts the files a key may name: i18n, a YAML file or a
// page of the content folder, never one outside it.
func validFile(file string) bool {
	if file == "i18n" {
		return true
	}
	if !fs.ValidPath(file) || strings.Contains(file, "\\") || file == SumsFile {
		return false
	}
	if strings.HasPrefix(file, "pages/") {
		return pageKey.MatchString(file)
	}
	return path.Ext(file) == ".yaml"
}

func (j *job) refuse(key, why string) { j.rep.Refused = append(j.rep.Refused, Problem{key, why}) }
func (j *job) skip(key, why string)   { j.rep.Skipped = append(j.rep.Skipped, Problem{key, why}) }

// current decides what to do with a unit whose current source is source:
// false when its source changed and it is not forced.
func (j *job) current(u Unit, source string) bool {
	if u.Source == source {
		return true
	}
	if !j.opts.Force {
		j.rep.Changed = append(j.rep.Changed, u.Key)
		return false
	}
	j.rep.Forced = append(j.rep.Forced, u.Key)
	return true
}

// done notes a unit applied (changed) or found as it was.
func (j *job) done(u Unit, source string, changed bool) {
	if changed {
		j.rep.Applied = append(j.rep.Applied, u.Key)
	} else {
		j.rep.Unchanged = append(j.rep.Unchanged, u.Key)
	}
	j.sums[u.Key] = source
}

// yamlFile applies the units of one YAML file of the content folder.
func (j *job) yamlFile(file string, us []Unit) {
	data, err := fs.ReadFile(j.fsys, file)
	if err != nil {
		for _, u := range us {
			j.refuse(u.Key, "no file "+file+" in the guide")
		}
		return
	}
	var top yaml.Node
	if yaml.Unmarshal(data, &top) != nil || len(top.Content) == 0 {
		for _, u := range us {
			j.refuse(u.Key, file+" is not valid YAML: run abri check and fix it first")
		}
		return
	}
	d := &doc{src: yamlsrc.New(data), root: top.Content[0]}
	var applied []Unit
	for _, u := range us {
		_, where, _ := strings.Cut(u.Key, "#")
		s, why := find(d.root, where, file == "categories.yaml")
		if why == "" {
			why = textKind(s.val)
		}
		if why != "" {
			j.refuse(u.Key, why)
			continue
		}
		source := sourceOf(s.val, j.src)
		if !j.current(u, source) {
			continue
		}
		changed, err := d.setText(s, j.src, j.lang, u.Translation, u.Machine)
		if err != nil {
			j.skip(u.Key, err.Error())
			continue
		}
		j.done(u, source, changed)
		if changed {
			applied = append(applied, u)
		}
	}
	if len(d.edits) == 0 {
		return
	}
	out, err := d.result()
	if err != nil {
		j.undo(applied, err.Error())
		return
	}
	j.out = append(j.out, output{filepath.Join(j.dirs.Content, filepath.FromSlash(file)), out})
}

// undo takes back units reported applied whose file could not be written.
func (j *job) undo(us []Unit, why string) {
	for _, u := range us {
		j.rep.Applied = slices.DeleteFunc(j.rep.Applied, func(k string) bool { return k == u.Key })
		delete(j.sums, u.Key)
		j.skip(u.Key, why)
	}
}

// result makes the edits and checks that the file reads back as the
// edited tree: the translations written, every other value as it was.
func (d *doc) result() ([]byte, error) {
	out := spliceAll(d.src.B, d.edits)
	var got yaml.Node
	if err := yaml.Unmarshal(out, &got); err != nil || len(got.Content) == 0 || !same(got.Content[0], d.root) {
		return nil, errByHand
	}
	return out, nil
}

// spliceAll makes the splices, which do not overlap; insertions at one
// place keep their order.
func spliceAll(b []byte, edits []splice) []byte {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(x, y splice) int { return x.at - y.at })
	var out bytes.Buffer
	pos := 0
	for _, e := range sorted {
		out.Write(b[pos:e.at])
		out.WriteString(e.text)
		pos = max(pos, e.end)
	}
	out.Write(b[pos:])
	return out.Bytes()
}

// same reports whether two trees hold the same data, whatever their layout.
func same(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Value != b.Value || a.ShortTag() != b.ShortTag() || len(a.Content) != len(b.Content) {
		return false
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// recordSums notes in translations.sum the source of each translation
// applied; one found as it was is noted only where an older note says it
// was made from another source (the translator has checked it since).
func (j *job) recordSums() error {
	name := filepath.Join(j.dirs.Content, SumsFile)
	old, err := fs.ReadFile(j.fsys, SumsFile)
	sums := Sums{}
	switch {
	case err == nil:
		if sums, err = ReadSums(bytes.NewReader(old)); err != nil {
			return fmt.Errorf("%s: %w", j.dirs.Content, err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	before := sums.Bytes()
	for _, key := range j.rep.Applied {
		sums.Record(j.lang, key, j.sums[key])
	}
	for _, key := range j.rep.Unchanged {
		if _, ok := sums[j.lang][key]; ok {
			sums.Record(j.lang, key, j.sums[key])
		}
	}
	if bytes.Equal(sums.Bytes(), before) {
		return nil
	}
	j.out = append(j.out, output{name, sums.Bytes()})
	return nil
}

// writeAtomic writes a file through a temporary file in the same folder,
// renamed over it: a reader never sees half a file.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(name); err == nil {
		mode = info.Mode().Perm()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), mode)
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
