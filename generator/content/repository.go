package content

import (
	"net/url"
	"path"
	"strings"

	"gopkg.in/yaml.v3"
)

// Repository is where the guide's files are kept, so that listing pages
// can link to the file in the forge's web editor.
type Repository struct {
	URL     URL    `yaml:"url,required"`                            // the repository's web page, e.g. https://github.com/org/guide
	Branch  string `yaml:"branch"`                                  // branch that is published; absent: main
	Kind    string `yaml:"kind" enum:"github,gitlab,forgejo,gitea"` // the forge's software, when its host does not say it
	Content string `yaml:"content"`                                 // folder of site.yaml in the repository; absent: content

	kind string // Kind, or the one the host says
}

// forges maps well-known hosts to their software.
var forges = map[string]string{"github.com": "github", "gitlab.com": "gitlab", "codeberg.org": "forgejo", "gitea.com": "gitea"}

// forgeOf tells a forge's software by its host: the well-known ones, and
// self-hosted ones named after it (gitlab.example.org, git.forgejo.example).
func forgeOf(host string) string {
	host = strings.ToLower(host)
	if k, ok := forges[host]; ok {
		return k
	}
	for _, k := range []string{"gitlab", "forgejo", "gitea"} {
		for _, label := range strings.Split(host, ".") {
			if label == k {
				return k
			}
		}
	}
	return ""
}

func (r *Repository) check(d *decoder, n *yaml.Node) {
	if r.Branch == "" {
		r.Branch = "main"
	} else if bad := badBranch(r.Branch); bad != "" {
		r.errorf(d, n, "branch", "%q %s (want the branch's name as git shows it, e.g. main)", r.Branch, bad)
	}
	if r.Content == "" {
		r.Content = "content"
	} else if c := path.Clean(r.Content); strings.HasPrefix(r.Content, "/") || c == ".." || strings.HasPrefix(c, "../") || strings.Contains(r.Content, "\\") {
		r.errorf(d, n, "content", "%q is not a folder inside the repository (want its path from the repository's top, e.g. content or guide/content)", r.Content)
	} else {
		r.Content = c
	}
	if r.URL == "" {
		return
	}
	u, err := url.Parse(string(r.URL))
	if err != nil {
		return // URL reported it
	}
	if strings.Count(strings.Trim(u.Path, "/"), "/") < 1 || u.RawQuery != "" || u.Fragment != "" {
		r.errorf(d, n, "url", "%q is not a repository's address (want https://host/owner/name, as the browser shows the repository's page)", r.URL)
		return
	}
	r.kind = r.Kind
	if r.kind == "" {
		r.kind = forgeOf(u.Hostname())
	}
	if r.kind == "" {
		r.errorf(d, n, "url", "abri cannot tell which forge %s runs: it knows github.com, gitlab.com, codeberg.org, gitea.com and hosts named gitlab.*, forgejo.* or gitea.*; add kind: github, gitlab, forgejo or gitea", u.Hostname())
	}
}

// errorf reports a problem with the field key of the map n, named
// repository.key in the message like the decoder's own.
func (r *Repository) errorf(d *decoder, n *yaml.Node, key, format string, args ...any) {
	d.field = append(d.field, key)
	d.errorf(valueOf(n, key), format, args...)
	d.field = d.field[:len(d.field)-1]
}

// badBranch says what is wrong with a branch name, or "".
func badBranch(b string) string {
	switch {
	case strings.ContainsAny(b, " \t~^:?*[\\"), strings.Contains(b, ".."):
		return "is not a branch name: it has a space or one of ~ ^ : ? * [ \\ .."
	case strings.HasPrefix(b, "/"), strings.HasSuffix(b, "/"), strings.HasPrefix(b, "-"):
		return "is not a branch name: it starts or ends with / or starts with -"
	}
	return ""
}

// EditURL is the address of the forge's web editor for file, a path in
// the content folder (listings/lyon/halte.yaml); "" without a known forge.
func (r *Repository) EditURL(file string) string {
	u, err := url.Parse(string(r.URL))
	if err != nil || r.kind == "" {
		return ""
	}
	var edit string
	switch r.kind {
	case "github":
		edit = "edit"
	case "gitlab":
		edit = "-/edit"
	default: // forgejo, gitea
		edit = "_edit"
	}
	repo := strings.TrimSuffix(strings.TrimRight(u.EscapedPath(), "/"), ".git")
	parts := []string{repo, edit}
	for _, p := range strings.Split(r.Branch+"/"+path.Join(r.Content, file), "/") {
		parts = append(parts, url.PathEscape(p))
	}
	return u.Scheme + "://" + u.Host + strings.Join(parts, "/")
}
