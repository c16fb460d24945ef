package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/abri-guide/abri/generator/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var (
		content, theme, bind string
		port                 int
		poll                 time.Duration
	)
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&content, "content", "content", "content folder: site.yaml, categories.yaml, listings/, pages/")
	fs.StringVar(&theme, "theme", "", themeDoc)
	fs.IntVar(&port, "port", 1313, "port to serve on")
	fs.StringVar(&bind, "bind", "127.0.0.1", "address to listen on; 0.0.0.0 opens the preview to your local network, on purpose only")
	fs.DurationVar(&poll, "poll", time.Second, "how often to look for changes where file events are unavailable")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: abri serve [flags]\n\nBuilds the guide in memory, serves it, and rebuilds and reloads open pages\nwhen content or theme files change. While the content has errors, pages show\nthem and the last good build keeps being served. Nothing is written to disk.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return exitError{err.Error()}
	}
	theme, themeFS := findTheme(theme, content, stderr)
	s := serve.New(serve.Config{Content: content, Theme: theme, ThemeFS: themeFS, Log: stderr})
	s.Rebuild(true) // errors are shown in the pages; serving goes on
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "abri: serving %s on http://%s/ (Ctrl+C to stop)\n", content, ln.Addr())
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go s.Watch(ctx, poll)
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
