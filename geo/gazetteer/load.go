package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/incidentmap/incidentmap/geo"
)

// LoadOptions choose what Load builds besides the name index.
type LoadOptions struct {
	// NoPrefix leaves out the prefix index autocomplete searches, for a
	// command that only resolves names (geoparse, ingest); a Search then
	// builds it first.
	NoPrefix bool
}

// Load reads the bundled gazetteer file (places.tsv, gzipped or not) into a
// new index. The columns are: id, geonameid, name, asciiname, alternate
// names separated by "|", feature code, country, admin1, admin2,
// population, lat, lon. Lines are parsed and their keys folded on every
// core while this goroutine fills the maps, in file order. Every index
// lookups and searches use (exact and loose keys, the sorted prefix list)
// is built here, so no request pays for one later.
func Load(r io.Reader) (*Index, error) { return LoadWith(r, LoadOptions{}) }

// LoadWith is Load with options.
func LoadWith(r io.Reader, opt LoadOptions) (*Index, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	ix := New()
	li := ix.loose
	ix.loose = nil // built in bulk below
	batches, wait := parseRows(br, li)
	ix.exact = newKeyMap(1 << 20)
	loosePairs := make([]loosePair, 0, 1<<20)
	ix.byID = make(map[int64]int32, 1<<18)
	ix.places = make([]geo.Place, 0, 1<<18)
	pairs := make([]prefixPair, 0, 1<<20)
	for batch := range batches {
		for _, pr := range batch {
			slot := ix.insertPlace(pr.place)
			ix.addKeys(pr.keys, slot)
			for _, h := range pr.loose {
				loosePairs = append(loosePairs, loosePair{h, slot})
			}
			if !opt.NoPrefix {
				for _, k := range pr.names {
					pairs = append(pairs, prefixPair{k, slot})
				}
			}
		}
	}
	if err := wait(); err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	wg.Go(func() { li.build(loosePairs) })
	if opt.NoPrefix {
		ix.prefix = nil
	} else {
		ix.prefix = ix.newPrefixIndex(pairs)
	}
	wg.Wait()
	ix.loose = li
	return ix, nil
}

// parsedRow is one entry with its keys, folded in the parsing goroutine:
// loose holds the hashes of their loose forms, names the keys prefix
// search uses.
type parsedRow struct {
	place       geo.Place
	keys, names []string
	loose       []uint64
}

func parseBundledRow(text string) (geo.Place, error) {
	c := strings.Split(text, "\t")
	if len(c) != 12 {
		return geo.Place{}, fmt.Errorf("%d columns, want 12", len(c))
	}
	id, e1 := strconv.ParseInt(c[0], 10, 64)
	gid, e2 := strconv.ParseInt(c[1], 10, 64)
	pop, e3 := strconv.ParseInt(c[9], 10, 64)
	lat, e4 := strconv.ParseFloat(c[10], 64)
	lon, e5 := strconv.ParseFloat(c[11], 64)
	for _, err := range []error{e1, e2, e3, e4, e5} {
		if err != nil {
			return geo.Place{}, err
		}
	}
	var alt []string
	if c[4] != "" {
		alt = strings.Split(c[4], "|")
	}
	return geo.Place{
		ID: id, GeonameID: gid, Name: c[2], ASCIIName: c[3], AlternateNames: alt,
		FeatureClass: featureClass(c[5]), FeatureCode: c[5], Country: c[6], Admin1: c[7], Admin2: c[8],
		Population: pop, Lat: lat, Lon: lon, Source: "geonames",
	}, nil
}

// featureClass is the GeoNames class of a feature code: A for countries and
// divisions, P for populated places, L for continents.
func featureClass(code string) string {
	switch geo.LevelOf(code) {
	case geo.LevelContinent:
		return "L"
	case geo.LevelCountry, geo.LevelAdmin1, geo.LevelAdmin2:
		return "A"
	}
	return "P"
}

// LoadFile is Load over a file, such as data/gazetteer/places.tsv.gz.
func LoadFile(path string) (*Index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	return Load(f)
}
