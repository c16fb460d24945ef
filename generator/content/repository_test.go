package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// loadRepo loads a one-listing guide whose site.yaml ends with extra.
func loadRepo(t *testing.T, extra string) (*Guide, Problems) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":                   {Data: []byte(site + extra)},
		"categories.yaml":             {Data: []byte(categories)},
		"listings/lyon/la-halte.yaml": {Data: []byte("name: La Halte\ncategories: [meals]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")},
	}
	return Load(fsys, Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}})
}

// TestRepositoryEditURL: each forge's web editor is reached by its own
// path, the branch and the content folder as site.yaml gives them.
func TestRepositoryEditURL(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"{url: https://github.com/org/guide, branch: main}", "https://github.com/org/guide/edit/main/content/listings/lyon/la-halte.yaml"},
		{"{url: https://github.com/org/guide.git}", "https://github.com/org/guide/edit/main/content/listings/lyon/la-halte.yaml"},
		{"{url: https://gitlab.com/group/sub/guide/, branch: prod}", "https://gitlab.com/group/sub/guide/-/edit/prod/content/listings/lyon/la-halte.yaml"},
		{"{url: https://codeberg.org/org/guide, branch: feature/hiver, content: guide/content}", "https://codeberg.org/org/guide/_edit/feature/hiver/guide/content/listings/lyon/la-halte.yaml"},
		{"{url: https://gitea.example.org/org/guide}", "https://gitea.example.org/org/guide/_edit/main/content/listings/lyon/la-halte.yaml"},
		{"{url: https://git.example.org/org/guide, kind: gitlab, content: .}", "https://git.example.org/org/guide/-/edit/main/listings/lyon/la-halte.yaml"},
	} {
		g, ps := loadRepo(t, "repository: "+c.yaml+"\n")
		if ps.Errors() > 0 {
			t.Errorf("%s: %v", c.yaml, ps.Err())
			continue
		}
		if got := g.Site.Repository.EditURL(g.Listings[0].File); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.yaml, got, c.want)
		}
	}
}

// TestRepositoryErrors: a host abri cannot tell, a repository's address
// that is not one, a bad branch or folder are errors at their position.
func TestRepositoryErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"repository: {url: https://git.example.org/org/guide}", "content/site.yaml:6:19: repository.url: abri cannot tell which forge git.example.org runs: it knows github.com, gitlab.com, codeberg.org, gitea.com and hosts named gitlab.*, forgejo.* or gitea.*; add kind: github, gitlab, forgejo or gitea"},
		{"repository: {url: https://github.com/org}", `content/site.yaml:6:19: repository.url: "https://github.com/org" is not a repository's address (want https://host/owner/name, as the browser shows the repository's page)`},
		{"repository: {url: https://github.com/org/guide, branch: my branch}", `content/site.yaml:6:57: repository.branch: "my branch" is not a branch name`},
		{"repository: {url: https://github.com/org/guide, content: ../x}", `content/site.yaml:6:58: repository.content: "../x" is not a folder inside the repository`},
		{"repository: {url: https://github.com/org/guide, kind: gitub}", `content/site.yaml:6:55: repository.kind: "gitub" is not one of github, gitlab, forgejo, gitea (did you mean "github"?)`},
		{"repository: {branch: main}", `content/site.yaml:6:13: repository: missing required field "url"`},
	} {
		_, ps := loadRepo(t, c.yaml+"\n")
		if ps.Errors() != 1 || !strings.HasPrefix(ps[0].String(), c.want) {
			t.Errorf("%s:\n got %v\nwant %s", c.yaml, ps, c.want)
		}
	}
}
