package main

import (
	"context"
	"fmt"
	"io"
)

const translateUsage = `Usage:
  abri translate export --lang L [--format po|xliff|csv] [--missing] [--out FILE]
                       every text of the guide and the theme to translate into L
  abri translate import FILE...
                       write the translations of FILE back into the guide and the theme
  abri translate status [--format text|github]
                       per language, the share of texts translated
  abri translate add L add the language L to the guide
`

// runTranslate dispatches abri translate's subcommands.
func runTranslate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, translateUsage)
		return exitError{"no subcommand"}
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "export":
		return runTranslateExport(ctx, rest, stdout, stderr)
	case "import":
		return runTranslateImport(ctx, rest, stdout, stderr)
	case "status":
		return runTranslateStatus(ctx, rest, stdout, stderr)
	case "add":
		return runTranslateAdd(ctx, rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, translateUsage)
		return nil
	default:
		fmt.Fprintf(stderr, "abri translate: unknown subcommand %q\n\n%s", sub, translateUsage)
		return exitError{"unknown subcommand"}
	}
}
