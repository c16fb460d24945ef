package e2e

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// demo is the demo guide, built once for the whole test binary.
var demo *site

// repoRoot is the root of abri's checkout.
var repoRoot string

// pageOrder is the order of the page types in reports.
var pageOrder = []string{"root", "home", "category", "category-city", "city", "listing", "page", "opendata", "404"}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	start := time.Now()
	flag.Parse()
	tmp, err := os.MkdirTemp("", "abri-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	repoRoot, err = filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	demo, err = buildSite(repoRoot, filepath.Join(tmp, "public"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer demo.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // ends the checker if no test waited for it
	if vnuTool() == nil && !testing.Short() {
		go func() {
			f, err := vnuFindings(ctx, demo.Dir)
			vnuOutput <- vnuResult{f, err}
		}()
	}
	defer stopChromium()
	defer stopAxe()

	code := m.Run()
	if table := weightTable(pageOrder, demo.Langs); table != "" {
		fmt.Print(table)
	}
	fmt.Printf("e2e: the suite ran in %s\n", time.Since(start).Round(10*time.Millisecond))
	return code
}
