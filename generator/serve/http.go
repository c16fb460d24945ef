package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed live.js
var liveJS []byte

var liveTag = []byte(`<script src="/_abri/live.js"></script>`)

// ServeHTTP serves the last good build, rendering each page on request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_abri/events":
		s.events(w, r)
		return
	case "/_abri/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	s.mu.RLock()
	site := s.site
	s.mu.RUnlock()
	if site == nil {
		s.noSite(w)
		return
	}
	status := http.StatusOK
	data, ok, err := site.File(name)
	if !ok {
		status, name = http.StatusNotFound, "404.html"
		data, _, err = site.File(name)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = dataTypes[path.Ext(name)]
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(data)
}

// dataTypes are the types of the open data's files, for systems whose
// MIME table lacks them (Go's own has neither).
var dataTypes = map[string]string{".geojson": "application/geo+json", ".csv": "text/csv; charset=utf-8"}

// inject adds the live-reload script to a page.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, liveTag...)
	}
	out := make([]byte, 0, len(page)+len(liveTag))
	out = append(out, page[:i]...)
	out = append(out, liveTag...)
	return append(out, page[i:]...)
}

// noSite answers while no build has ever succeeded: the errors, and the
// live script so that the page reloads once they are fixed.
func (s *Server) noSite(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	fmt.Fprintf(w, "<!doctype html><title>abri</title><h1>The guide does not build yet</h1><pre>%s</pre>%s",
		htmlEscape(strings.Join(s.Problems(), "\n")), liveTag)
}

var htmlEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

// events streams the build state to a page (server-sent events): "ok" with
// the build number, or "problems" with the errors.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	wake := make(chan struct{}, 1)
	s.mu.Lock()
	s.clients[wake] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, wake)
		s.mu.Unlock()
	}()
	for {
		s.mu.RLock()
		gen, problems := s.gen, s.problems
		s.mu.RUnlock()
		if len(problems) > 0 {
			data, _ := json.Marshal(problems)
			fmt.Fprintf(w, "event: problems\ndata: %s\n\n", data)
		} else {
			fmt.Fprintf(w, "event: ok\ndata: %d\n\n", gen)
		}
		flusher.Flush()
		select {
		case <-wake:
		case <-r.Context().Done():
			return
		}
	}
}
