package main

import (
	"fmt"
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
// skipping hidden files, following a symbolic link only to a regular file
// inside the directory); anything else is a file, read whatever its
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
		root, rootErr := resolvedDir(arg)
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
			case !exts[strings.ToLower(filepath.Ext(path))]:
				return nil
			case d.Type()&fs.ModeSymlink != 0:
				out = append(out, linkInput(path, root, rootErr))
				return nil
			case d.Type().IsRegular():
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

// resolvedDir is dir as an absolute path with every symbolic link
// resolved, the boundary links inside it must stay within.
func resolvedDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// linkInput is the input for a symbolic link met in a folder walk: it is
// followed only when it resolves to a regular file inside the folder
// (root, resolved), so a link in a downloaded folder cannot make ingest
// read and store /etc/passwd or another user's files. The resolved path is
// what gets opened.
func linkInput(path, root string, rootErr error) input {
	refuse := func(why string) input {
		return input{name: path, err: fmt.Errorf("symbolic link %s; not followed", why)}
	}
	if rootErr != nil {
		return refuse("in a folder whose path cannot be resolved")
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return refuse("that points nowhere")
	}
	target, err = filepath.Abs(target)
	if err != nil {
		return refuse("that cannot be resolved")
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return refuse("to a file outside the folder")
	}
	fi, err := os.Stat(target)
	if err != nil || !fi.Mode().IsRegular() {
		return refuse("to something that is not a regular file")
	}
	return input{name: path, path: target}
}

// cleanPathError drops the "open PATH:" prefix, since messages already
// start with the path.
func cleanPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
