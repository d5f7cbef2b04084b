// Command gazindex derives the packed gazetteer index the binary embeds
// (data/gazetteer/places.idx) from the gazetteer rows
// (data/gazetteer/places.tsv.gz), so that it can be rebuilt without the
// packages data/gazbuild reads. Run it after gazbuild, or as
// `go generate ./data`:
//
//	go run ./data/gazindex data/gazetteer/places.tsv.gz data/gazetteer/places.idx
package main

import (
	"fmt"
	"os"

	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gazindex places.tsv.gz places.idx")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "gazindex:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := gazetteer.Pack(f)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}
