package geoparse

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkTokenize measures the tokenizer alone over the gold corpus.
func BenchmarkTokenize(b *testing.B) {
	files, _ := filepath.Glob("testdata/news/*.txt")
	var texts []string
	bytes := 0
	for _, name := range files {
		t, _ := os.ReadFile(name)
		texts = append(texts, string(t))
		bytes += len(t)
	}
	b.SetBytes(int64(bytes / len(texts)))
	var toks []token
	for i := 0; b.Loop(); i++ {
		toks = tokenize(texts[i%len(texts)], toks[:0])
	}
}
