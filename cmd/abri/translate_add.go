package main

import (
	"context"
	"errors"
	"io"
)

// runTranslateAdd is abri translate add. (Being written: this placeholder is replaced by the real command.)
func runTranslateAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("abri translate add: not built yet")
}
