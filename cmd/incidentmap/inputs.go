package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// input is one source of articles named on the command line.
type input struct {
	name  string // shown in messages; "-" for stdin
	path  string // empty for stdin
	err   error  // set when the input could not even be listed
	stdin bool
}

// articleExtensions are the files a directory walk picks up.
func articleExtensions() map[string]bool {
	return map[string]bool{".txt": true, ".json": true, ".jsonl": true, ".ndjson": true}
}

// collectInputs expands the arguments of ingest: "-" or nothing is stdin;
// a directory contributes its article files (recursively, in lexical order,
// skipping hidden files); anything else is a file, read whatever its
// extension. A path that cannot be read becomes an input with err set, so
// it is reported with the others.
func collectInputs(args []string) []input {
	if len(args) == 0 {
		return []input{{name: "-", stdin: true}}
	}
	exts := articleExtensions()
	var out []input
	for _, arg := range args {
		if arg == "-" {
			out = append(out, input{name: "-", stdin: true})
			continue
		}
		fi, err := os.Stat(arg)
		if err != nil {
			out = append(out, input{name: arg, err: cleanPathError(err)})
			continue
		}
		if !fi.IsDir() {
			out = append(out, input{name: arg, path: arg})
			continue
		}
		walkErr := filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, input{name: path, err: cleanPathError(err)})
				return nil
			}
			hidden := strings.HasPrefix(d.Name(), ".") && path != arg
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case d.IsDir() || hidden:
				return nil
			case exts[strings.ToLower(filepath.Ext(path))]:
				out = append(out, input{name: path, path: path})
			}
			return nil
		})
		if walkErr != nil {
			out = append(out, input{name: arg, err: cleanPathError(walkErr)})
		}
	}
	return out
}

// cleanPathError drops the "open PATH:" prefix, since messages already
// start with the path.
func cleanPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
