package geoparse

import (
	"os"
	"path/filepath"
	"testing"
)

// GoldTexts are the gold corpus's articles and their size in all, for
// benchmarks here and in geoparse_test.
func GoldTexts(tb testing.TB) (texts []string, size int) {
	files, _ := filepath.Glob("testdata/news/*.txt")
	for _, name := range files {
		t, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	if len(texts) == 0 {
		tb.Fatal("no gold corpus in testdata/news")
	}
	return texts, size
}

// BenchmarkTokenize measures the tokenizer alone over the gold corpus.
func BenchmarkTokenize(b *testing.B) {
	texts, size := GoldTexts(b)
	b.SetBytes(int64(size / len(texts)))
	var toks []token
	for i := 0; b.Loop(); i++ {
		toks = tokenize(texts[i%len(texts)], toks[:0])
	}
}
