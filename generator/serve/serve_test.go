package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/internal/guidegen"
)

var now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }

// copyDir copies the demo guide so that tests can edit it.
func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// start serves a copy of the demo guide, watching it with file events or,
// when poll is set, by polling.
func start(t *testing.T, poll bool) (dir string, srv *httptest.Server, s *Server) {
	t.Helper()
	dir = t.TempDir()
	copyDir(t, "../../content", dir)
	s = New(Config{Content: dir, Theme: "../../themes/default", Now: now})
	if err := s.Rebuild(true); err != nil {
		t.Fatalf("first build: %v", s.Problems())
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if poll {
		go s.poll(ctx, 50*time.Millisecond)
	} else {
		go s.Watch(ctx, 50*time.Millisecond)
	}
	srv = httptest.NewServer(s)
	t.Cleanup(srv.Close)
	<-s.Watching()
	return dir, srv, s
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// eventually retries check for up to 5 seconds.
// eventually waits for check to hold. It returns as soon as it does; the
// bound is only there to fail a broken build, and is generous because a
// loaded CI machine rebuilds the demo slowly.
// details, when given, say more about a failure (the server's problems).
func eventually(t *testing.T, what string, check func() bool, details ...func() string) {
	t.Helper()
	const bound = 60 * time.Second
	for deadline := time.Now().Add(bound); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if check() {
			return
		}
	}
	var more []string
	for _, d := range details {
		more = append(more, d())
	}
	t.Fatalf("after %s: %s %s", bound, what, strings.Join(more, "; "))
}

func write(t testing.TB, path, data string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeLifecycle(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll bool
	}{{"events", false}, {"polling", true}} {
		t.Run(mode.name, func(t *testing.T) { testLifecycle(t, mode.poll) })
	}
}

func testLifecycle(t *testing.T, poll bool) {
	dir, srv, s := start(t, poll)
	page := srv.URL + "/fr/places/abri-de-nuit-belleville.html"
	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "Abri de nuit de Belleville") || !strings.Contains(body, "/_abri/live.js") {
		t.Fatalf("GET %s: %d, live script or name missing", page, code)
	}
	file := filepath.Join(dir, "listings", "paris", "abri-de-nuit-belleville.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}

	// Edit: the served page changes.
	write(t, file, strings.Replace(string(orig), "name: Abri de nuit de Belleville", "name: Abri de nuit des Couronnes", 1))
	eventually(t, "the edited name is served", func() bool {
		_, body := get(t, page)
		return strings.Contains(body, "Abri de nuit des Couronnes")
	})

	// Break: the errors are reported with their position; the last good build is still served.
	write(t, file, strings.Replace(string(orig), "updated: ", "updated: 2026-02-30\nupdated_: ", 1))
	// The watcher may catch the file half written (empty, say) and report
	// that first: wait for the problem of the whole file.
	eventually(t, "the errors are known", func() bool { return strings.Contains(strings.Join(s.Problems(), "\n"), "is not a real date") })
	want := file + ":"
	if p := s.Problems(); !strings.HasPrefix(p[0], want) || !strings.Contains(strings.Join(p, "\n"), `is not a real date`) {
		t.Errorf("problems = %q, want them at %s<line>:<col>", p, want)
	}
	if event := firstEvent(t, srv.URL+"/_abri/events"); !strings.HasPrefix(event, "event: problems") || !strings.Contains(event, "abri-de-nuit-belleville.yaml:") {
		t.Errorf("the overlay event lacks the position: %q", event)
	}
	if _, body := get(t, page); !strings.Contains(body, "Abri de nuit des Couronnes") {
		t.Error("the last good build is no longer served")
	}

	// Fix: the overlay goes away.
	write(t, file, string(orig))
	eventually(t, "the errors are cleared", func() bool { return len(s.Problems()) == 0 })
	if event := firstEvent(t, srv.URL+"/_abri/events"); !strings.HasPrefix(event, "event: ok") {
		t.Errorf("after the fix the event is %q", event)
	}

	// A new listing in a new folder is served at once.
	newFile := filepath.Join(dir, "listings", "grenoble", "point-eau-grenoble.yaml")
	write(t, newFile, "name: Point d'eau de Grenoble\ncategories: [shower]\naddress: {city: Grenoble}\nupdated: 2026-11-20\n")
	eventually(t, "the new listing is served", func() bool {
		code, body := get(t, srv.URL+"/fr/places/point-eau-grenoble.html")
		return code == 200 && strings.Contains(body, "Point d&#39;eau de Grenoble")
	})
	if _, body := get(t, srv.URL+"/fr/cities/grenoble.html"); !strings.Contains(body, "point-eau-grenoble.html") {
		t.Error("the new city page does not list the new listing")
	}

	// A deleted listing is gone.
	os.Remove(newFile)
	eventually(t, "the deleted listing is gone", func() bool {
		code, _ := get(t, srv.URL+"/fr/places/point-eau-grenoble.html")
		return code == 404
	}, func() string { return fmt.Sprintf("(problems: %q)", s.Problems()) })
}

// firstEvent reads the first server-sent event of a new connection.
func firstEvent(t *testing.T, url string) string {
	t.Helper()
	// The first event is sent at once; the bound only fails a broken server.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	r := bufio.NewReader(res.Body)
	var lines []string
	for {
		line, err := r.ReadString('\n')
		if err != nil || line == "\n" {
			return strings.Join(lines, "")
		}
		lines = append(lines, line)
	}
}

func TestServeRoutes(t *testing.T) {
	_, srv, _ := start(t, false)
	for path, want := range map[string]int{"/": 200, "/fr/": 200, "/ar/index.html": 200, "/nowhere.html": 404, "/_abri/live.js": 200} {
		if code, _ := get(t, srv.URL+path); code != want {
			t.Errorf("GET %s: %d, want %d", path, code, want)
		}
	}
}

// TestServeOpenData: abri serve serves the open data under data/, with
// its type, and the page that lists it.
func TestServeOpenData(t *testing.T) {
	_, srv, _ := start(t, false)
	for path, want := range map[string]string{"/data/places.geojson": "application/geo+json", "/data/places.csv": "text/csv; charset=utf-8", "/fr/data.html": "text/html; charset=utf-8"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want || len(body) < 1000 {
			t.Errorf("GET %s: %d %q, %d bytes; want 200 %q", path, res.StatusCode, res.Header.Get("Content-Type"), len(body), want)
		}
	}
}

// BenchmarkEditToServed saves one listing of a generated guide of 10,000
// listings in 4 languages and measures the time until the server serves
// the change, through the real file watcher. Target: under 300 ms.
func BenchmarkEditToServed(b *testing.B) {
	dir := b.TempDir()
	if err := guidegen.Write(dir, "../../content", 10000); err != nil {
		b.Fatal(err)
	}
	s := New(Config{Content: dir, Theme: "../../themes/default", Now: now})
	if err := s.Rebuild(true); err != nil {
		b.Fatal(s.Problems())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, 50*time.Millisecond)
	srv := httptest.NewServer(s)
	defer srv.Close()
	<-s.Watching()
	const id = 4242
	page := srv.URL + "/fr/places/lieu-04242.html"
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		name := "Lieu modifié " + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		write(b, guidegen.Path(dir, id), guidegen.Listing(id, name))
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(2 * time.Millisecond) {
			if _, body := get(b, page); strings.Contains(body, name) {
				break
			}
			if time.Now().After(deadline) {
				b.Fatal("the change was never served")
			}
		}
	}
	b.StopTimer()
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/1e6, "heap-MB")
}

// TestServeSameSizeAndTime: an edit that keeps the file's size and
// modification time (cp -p, rsync -t) is noticed, with file events and by
// polling.
func TestServeSameSizeAndTime(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll bool
	}{{"events", false}, {"polling", true}} {
		t.Run(mode.name, func(t *testing.T) {
			dir, srv, _ := start(t, mode.poll)
			file := filepath.Join(dir, "listings", "paris", "abri-de-nuit-belleville.yaml")
			info, err := os.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			orig, _ := os.ReadFile(file)
			edited := strings.Replace(string(orig), "name: Abri de nuit de Belleville", "name: Abri de nuit de Bellevilla", 1)
			if edited == string(orig) {
				t.Fatal("the listing's name is not where the test expects it")
			}
			write(t, file, edited)
			if err := os.Chtimes(file, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
			eventually(t, "the edit is served", func() bool {
				_, body := get(t, srv.URL+"/fr/places/abri-de-nuit-belleville.html")
				return strings.Contains(body, "Abri de nuit de Bellevilla")
			})
		})
	}
}

// TestServeSurvivesEmptyItems: an empty item ("- ~") in categories.yaml or
// a listing, which once made the render panic, is an error in the overlay;
// the last good build is still served, and the fix is picked up.
func TestServeSurvivesEmptyItems(t *testing.T) {
	dir, srv, s := start(t, false)
	page := srv.URL + "/fr/places/abri-de-nuit-belleville.html"
	for _, c := range []struct{ file, add, want string }{
		{"categories.yaml", "- ~\n", "empty item: want a category (id: …, name: …), or remove the line"},
		{"listings/paris/abri-de-nuit-belleville.yaml", "closures: [~]\n", "closures: empty item: want a closure (start: …, end: …), or remove the line"},
	} {
		file := filepath.Join(dir, c.file)
		orig, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		write(t, file, string(orig)+c.add)
		eventually(t, "the empty item of "+c.file+" is reported", func() bool { return strings.Contains(strings.Join(s.Problems(), "\n"), c.want) })
		if p := s.Problems(); len(p) != 1 || !strings.HasPrefix(p[0], file+":") || !strings.HasSuffix(p[0], c.want) {
			t.Errorf("problems = %q, want one at %s:<line>:<col> ending in %q", p, file, c.want)
		}
		if event := firstEvent(t, srv.URL+"/_abri/events"); !strings.HasPrefix(event, "event: problems") || !strings.Contains(event, "empty item") {
			t.Errorf("the overlay does not show the error: %q", event)
		}
		if code, body := get(t, page); code != 200 || !strings.Contains(body, "Abri de nuit de Belleville") {
			t.Errorf("the last good build is no longer served: %d", code)
		}
		write(t, file, string(orig))
		eventually(t, "the fix of "+c.file+" is served", func() bool { return len(s.Problems()) == 0 })
	}
}

// TestServePollerSeesWhatTheBuildRead: a listing saved after the poller's
// picture of the folders, while the rebuild reads them, is served; when it
// is deleted before the next tick, that tick's picture equals the one
// before the save, and the deleted listing must not be served for ever.
// This is the race that made TestServeLifecycle/polling fail under load.
func TestServePollerSeesWhatTheBuildRead(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../content", dir)
	s := New(Config{Content: dir, Theme: "../../themes/default", Now: now})
	if err := s.Rebuild(true); err != nil {
		t.Fatalf("first build: %v", s.Problems())
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	p := s.newPoller()

	// An edit starts a rebuild; the new listing is saved after the picture.
	file := filepath.Join(dir, "listings", "paris", "abri-de-nuit-belleville.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	write(t, file, strings.Replace(string(orig), "name: Abri de nuit de Belleville", "name: Abri de nuit des Couronnes", 1))
	newFile := filepath.Join(dir, "listings", "grenoble", "point-eau-grenoble.yaml")
	p.beforeBuild = func() {
		write(t, newFile, "name: Point d'eau de Grenoble\ncategories: [shower]\naddress: {city: Grenoble}\nupdated: 2026-11-20\n")
	}
	p.tick()
	page := srv.URL + "/fr/places/point-eau-grenoble.html"
	if code, _ := get(t, page); code != 200 {
		t.Fatalf("GET %s: %d, want the listing saved during the rebuild (problems: %q)", page, code, s.Problems())
	}

	p.beforeBuild = nil
	os.Remove(newFile)
	p.tick()
	if code, _ := get(t, page); code != 404 {
		t.Errorf("GET %s after the listing was deleted and a tick: %d, want 404", page, code)
	}
}
