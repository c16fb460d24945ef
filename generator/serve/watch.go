package serve

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// batch is how long the watcher waits for more changes before rebuilding:
// editors' tools save a file in several steps.
const batch = 40 * time.Millisecond

// Watch rebuilds on every change under the content and theme folders until
// ctx ends. It uses file events, and falls back to polling where they are
// unavailable or the system's watch limit is reached, and says so.
func (s *Server) Watch(ctx context.Context, poll time.Duration) error {
	w, err := fsnotify.NewWatcher()
	if err == nil {
		err = s.addTree(w, s.roots()...)
	}
	if err != nil {
		if w != nil {
			w.Close()
		}
		fmt.Fprintf(s.cfg.Log, "abri: file events unavailable (%v); checking for changes every %s instead\n", err, poll)
		return s.poll(ctx, poll)
	}
	defer w.Close()
	s.startedWatching()
	return s.watchEvents(ctx, w)
}

// roots are the folders to watch: the content, and the theme unless it is
// built into abri.
func (s *Server) roots() []string {
	if s.cfg.ThemeFS != nil {
		return []string{s.cfg.Content}
	}
	return []string{s.cfg.Content, s.cfg.Theme}
}

// addTree watches every folder under the roots: fsnotify is not recursive.
func (s *Server) addTree(w *fsnotify.Watcher, roots ...string) error {
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			return w.Add(p)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Server) watchEvents(ctx context.Context, w *fsnotify.Watcher) error {
	var (
		timer        <-chan time.Time
		themeChanged bool
		changed      []string // the files named by the batch's events
	)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					s.addTree(w, ev.Name) // a new folder, with whatever was copied into it
				}
			}
			themeChanged = themeChanged || s.inTheme(ev.Name)
			changed = append(changed, ev.Name)
			if timer == nil {
				timer = time.After(batch)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(s.cfg.Log, "abri: watching: %v\n", err)
		case <-timer:
			s.forget(changed)
			s.Rebuild(themeChanged)
			timer, themeChanged, changed = nil, false, nil
		}
	}
}

// forget tells the listing cache which files changed: an edit that keeps
// a file's size and modification time (cp -p, rsync -t) is still an edit.
func (s *Server) forget(files []string) {
	var names []string
	for _, f := range files {
		if rel, err := filepath.Rel(s.cfg.Content, f); err == nil && !strings.HasPrefix(rel, "..") {
			names = append(names, filepath.ToSlash(rel))
		}
	}
	s.cache.Forget(names...)
}

func (s *Server) inTheme(name string) bool {
	rel, err := filepath.Rel(s.cfg.Theme, name)
	return err == nil && !strings.HasPrefix(rel, "..")
}

// poll compares the folders' files every interval and rebuilds on change.
func (s *Server) poll(ctx context.Context, every time.Duration) error {
	p := s.newPoller()
	s.startedWatching()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			p.tick()
		}
	}
}

// poller keeps the picture of the folders that the served site was built from.
type poller struct {
	s    *Server
	last map[string]stamp
	// beforeBuild, when set, runs between a tick's picture and the
	// rebuild that reads the folders: tests save files there.
	beforeBuild func()
}

func (s *Server) newPoller() *poller {
	return &poller{s: s, last: snapshot(s.roots()...)}
}

// tick rebuilds when a file changed since the last picture.
//
// The rebuild reads the folders after the picture: a listing saved in
// between is served, though the picture lacks it. Were it deleted before
// the next tick, that tick's picture would equal this one and the deleted
// listing would stay served. So a second picture is taken once the build
// has read the folders, before it is served, and every file that differs
// between the two is marked unsure: the next tick looks at it again.
func (p *poller) tick() {
	now := snapshot(p.s.roots()...)
	changed, themeChanged := diff(p.last, now, p.s.inTheme)
	p.last = now
	if len(changed) == 0 {
		return
	}
	p.s.forget(changed)
	if p.beforeBuild != nil {
		p.beforeBuild()
	}
	var read map[string]stamp
	p.s.rebuild(themeChanged, func() { read = snapshot(p.s.roots()...) })
	if read == nil {
		return // the theme did not load: the content was not read
	}
	during, _ := diff(now, read, p.s.inTheme)
	for _, f := range during {
		read[f] = unsure
	}
	p.last = read
}

// unsure is the stamp of a file the last build may have read in either of
// two states: no file has it, so the next picture always differs.
var unsure = stamp{size: -1}

// stamp is what tells a file changed. The content's hash is part of it:
// cp -p and rsync restore the size and modification time after an edit.
type stamp struct {
	size int64
	mod  time.Time
	sum  [32]byte
}

func snapshot(roots ...string) map[string]stamp {
	files := map[string]stamp{}
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			st := stamp{size: info.Size(), mod: info.ModTime()}
			if d.Type().IsRegular() { // never open a FIFO or a device: it may block
				if data, err := os.ReadFile(p); err == nil {
					st.sum = sha256.Sum256(data)
				}
			}
			files[p] = st
			return nil
		})
	}
	return files
}

// diff lists the files added, changed or removed from a to b.
func diff(a, b map[string]stamp, inTheme func(string) bool) (changed []string, themeChanged bool) {
	for p, st := range b {
		if old, ok := a[p]; !ok || old != st {
			changed, themeChanged = append(changed, p), themeChanged || inTheme(p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			changed, themeChanged = append(changed, p), themeChanged || inTheme(p)
		}
	}
	return changed, themeChanged
}
