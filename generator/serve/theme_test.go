package serve

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	defaulttheme "github.com/abri-guide/abri/themes/default"
)

// TestServeBuiltInTheme: with the theme built into abri, serve builds and
// watches the content folder alone by file events, and does not look for
// a theme folder that is not there.
func TestServeBuiltInTheme(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../content", dir)
	var log bytes.Buffer
	s := New(Config{Content: dir, Theme: "abri's built-in theme", ThemeFS: defaulttheme.FS(), Now: now, Log: &log})
	if err := s.Rebuild(true); err != nil {
		t.Fatalf("first build: %v %v", err, s.Problems())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Watch(ctx, 50*time.Millisecond) }()
	<-s.Watching()
	cancel()
	<-done
	if strings.Contains(log.String(), "unavailable") {
		t.Errorf("watching fell back to polling: %s", log.String())
	}
}
