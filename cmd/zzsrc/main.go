package main

import (
	"fmt"
	"os"

	"github.com/abri-guide/abri/generator/theme"
)

func main() {
	th, err := theme.Load(os.DirFS(os.Args[1]), "t")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", th.Sources[os.Args[2]])
}
