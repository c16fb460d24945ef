// Package pool runs numbered jobs on a pool of workers, each worker with
// its own state (buffers), stopping early when the context is done: the
// parallel loop of rendering and of publishing.
package pool

import (
	"context"
	"sync"
)

// Each calls do for 0..n-1 on workers goroutines (at most n), each with
// its own zero S, and returns the first error. Once ctx is done no more
// calls are started (an interrupted build stops within one job per
// worker) and ctx.Err() is returned.
func Each[S any](ctx context.Context, n, workers int, do func(i int, state *S) error) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	next := make(chan int, 256)
	for range max(1, min(workers, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var state S
			for i := range next {
				if err := do(i, &state); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
hand:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break hand
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return first
}
