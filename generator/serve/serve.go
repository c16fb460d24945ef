// Package serve is abri's live preview for editors: it builds a guide in
// memory, serves it on a local address, watches the content and theme
// folders, rebuilds on change and reloads open pages. Pages are rendered on
// request from the last good build, so a new listing is reachable at once
// and no page is ever stale; while the content is broken, every open page
// shows the errors over it and the last good build keeps being served.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/abri-guide/abri/generator"
	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
)

// Config says what to serve. cmd/abri fills it from flags.
type Config struct {
	Content string           // content folder
	Theme   string           // theme folder
	ThemeFS fs.FS            // the theme's files when not the folder Theme (abri's built-in theme); Theme names it
	Now     func() time.Time // the clock; time.Now when nil
	Log     io.Writer        // where rebuilds are reported; nothing when nil
}

// Server holds the last good build and the current problems.
type Server struct {
	cfg   Config
	cache content.Cache
	md    *markdown.Renderer

	mu       sync.RWMutex
	site     *render.Renderer // last good build; nil until one succeeds
	theme    *theme.Theme
	problems []string // errors of the latest attempt; nil when it succeeded
	gen      int      // counts successful builds, so pages know when to reload
	clients  map[chan struct{}]bool

	watching     chan struct{} // closed once changes from now on are seen
	watchingOnce sync.Once
}

// New returns a server; call Rebuild before serving.
func New(cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	return &Server{cfg: cfg, md: markdown.New(), clients: map[chan struct{}]bool{}, watching: make(chan struct{})}
}

// Watching is closed once Watch sees every change made from then on: its
// folders are watched, or the poller has its first picture of them.
func (s *Server) Watching() <-chan struct{} { return s.watching }

func (s *Server) startedWatching() { s.watchingOnce.Do(func() { close(s.watching) }) }

// Rebuild reads the content again (only changed listings are decoded) and,
// when it has no errors, makes it the served site. themeChanged reloads the
// theme too. Open pages are told either way.
func (s *Server) Rebuild(themeChanged bool) error { return s.rebuild(themeChanged, nil) }

// rebuild is Rebuild; read, when not nil, runs once the folders are read
// and before the result is served (the poller looks at them again there).
func (s *Server) rebuild(themeChanged bool, read func()) error {
	start := time.Now()
	site, problems, err := s.build(themeChanged, read)
	s.mu.Lock()
	switch {
	case err != nil:
		s.problems = []string{err.Error()}
	case problems.Errors() > 0:
		s.problems = nil
		for _, p := range problems {
			if p.Severity == content.Error {
				s.problems = append(s.problems, p.String())
			}
		}
	default:
		s.site, s.problems = site, nil
		s.gen++
	}
	s.notify()
	n := len(s.problems)
	s.mu.Unlock()
	if n > 0 {
		fmt.Fprintf(s.cfg.Log, "abri: %d errors; still serving the last good build\n", n)
		for _, p := range s.Problems() {
			fmt.Fprintln(s.cfg.Log, p)
		}
		return errors.New("the content has errors")
	}
	fmt.Fprintf(s.cfg.Log, "abri: rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

func (s *Server) build(themeChanged bool, read func()) (*render.Renderer, content.Problems, error) {
	s.mu.RLock()
	th, previous := s.theme, s.site
	s.mu.RUnlock()
	if th == nil || themeChanged {
		var err error
		fsys := s.cfg.ThemeFS
		if fsys == nil {
			fsys = os.DirFS(s.cfg.Theme)
		}
		if th, err = theme.Load(fsys, s.cfg.Theme); err != nil {
			return nil, nil, err
		}
		s.mu.Lock()
		s.theme = th
		s.mu.Unlock()
	}
	// A rebuild is short and serve stops by closing its server: no context.
	g, problems := generator.LoadContent(context.Background(), s.cfg.Content, th, s.cfg.Now(), &s.cache)
	if read != nil {
		read()
	}
	if g == nil || problems.Errors() > 0 {
		return nil, problems, nil
	}
	site, err := render.New(g, th, s.md, render.Options{Today: g.Today, Previous: previous, Coverage: generator.Coverage(os.DirFS(s.cfg.Content), g, th)})
	return site, problems, err
}

// Problems returns the errors that keep the latest change from being served.
func (s *Server) Problems() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]string(nil), s.problems...)
}

// notify wakes every open page; s.mu is held.
func (s *Server) notify() {
	for c := range s.clients {
		select {
		case c <- struct{}{}:
		default: // it has a wake-up pending already
		}
	}
}
