package main

import (
	"context"
	"errors"
	"io"
)

// runTranslateStatus is abri translate status. (Being written: this placeholder is replaced by the real command.)
func runTranslateStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("abri translate status: not built yet")
}
