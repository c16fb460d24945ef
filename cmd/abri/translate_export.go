package main

import (
	"context"
	"errors"
	"io"
)

// runTranslateExport is abri translate export. (Being written: this placeholder is replaced by the real command.)
func runTranslateExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("abri translate export: not built yet")
}
