package main

import (
	"context"
	"errors"
	"io"
)

// runTranslateImport is abri translate import. (Being written: this placeholder is replaced by the real command.)
func runTranslateImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("abri translate import: not built yet")
}
