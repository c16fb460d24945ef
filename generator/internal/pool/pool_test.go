package pool

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryJobOnce(t *testing.T) {
	var seen [1000]atomic.Int32
	err := Each(context.Background(), len(seen), 7, func(i int, s *[]int) error {
		*s = append(*s, i) // each worker's own state
		seen[i].Add(1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range seen {
		if n := seen[i].Load(); n != 1 {
			t.Fatalf("job %d ran %d times", i, n)
		}
	}
}

func TestEachReturnsAnError(t *testing.T) {
	bad := errors.New("bad")
	err := Each(context.Background(), 50, 4, func(i int, _ *struct{}) error {
		if i == 17 {
			return bad
		}
		return nil
	})
	if !errors.Is(err, bad) {
		t.Fatalf("got %v, want %v", err, bad)
	}
}

func TestEachStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int32
	err := Each(ctx, 100000, 2, func(i int, _ *struct{}) error {
		if ran.Add(1) == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if n := ran.Load(); n > 10+256+2 {
		t.Fatalf("%d jobs ran after cancelling at the 10th", n)
	}
}
