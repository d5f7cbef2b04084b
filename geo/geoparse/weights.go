package geoparse

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Weights are the resolver's weight for each feature.
type Weights [nFeatures]float64

//go:embed resolver_weights.tsv
var fittedWeights string

// ReadWeights reads a weights table: "feature<TAB>weight" lines, '#'
// comments. Every feature must be given once.
func ReadWeights(r io.Reader) (Weights, error) {
	var w Weights
	seen := map[string]bool{}
	index := map[string]int{}
	for i, n := range featureNames {
		index[n] = i
	}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, val, ok := strings.Cut(line, "\t")
		i, known := index[name]
		if !ok || !known || seen[name] {
			return w, fmt.Errorf("geoparse: weights line %d: want a known feature, once, a tab and a number: %q", n, line)
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil {
			return w, fmt.Errorf("geoparse: weights line %d: %w", n, err)
		}
		w[i], seen[name] = f, true
	}
	if len(seen) != int(nFeatures) {
		return w, fmt.Errorf("geoparse: weights: %d of %d features given", len(seen), nFeatures)
	}
	return w, sc.Err()
}

// WriteWeights writes w as a table ReadWeights reads, with a header
// comment saying where it came from.
func WriteWeights(out io.Writer, w Weights, header string) error {
	b := bufio.NewWriter(out)
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		fmt.Fprintf(b, "# %s\n", line)
	}
	for i, n := range featureNames {
		fmt.Fprintf(b, "%s\t%.4f\n", n, w[i])
	}
	return b.Flush()
}

// FittedWeights are the weights committed with the code.
func FittedWeights() Weights {
	w, err := ReadWeights(strings.NewReader(fittedWeights))
	if err != nil {
		panic(err) // the embedded table is checked by a test
	}
	return w
}

func (w *Weights) dot(x *[nFeatures]float64) float64 {
	s := 0.0
	for i := range x {
		s += w[i] * x[i]
	}
	return s
}
