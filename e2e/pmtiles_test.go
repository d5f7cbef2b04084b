package e2e

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// pmtilesTileID is the PMTiles v3 tile id of z/x/y: the tiles of lower
// zooms first, then the position along a Hilbert curve.
func pmtilesTileID(z, x, y int) uint64 {
	if z == 0 {
		return 0
	}
	acc := uint64(((1<<z)*(1<<z) - 1) / 3)
	tx, ty := x, y
	for a, s := z-1, 1<<(z-1); s > 0; a, s = a-1, s>>1 {
		rx, ry := tx&s, ty&s
		acc += uint64((3*rx)^ry) * uint64(1<<a)
		if ry == 0 {
			if rx != 0 {
				tx, ty = s-1-ty, s-1-tx
			} else {
				tx, ty = ty, tx
			}
		}
	}
	return acc
}

// writePMTiles writes a PMTiles v3 archive of PNG tiles (keyed z/x/y)
// with one uncompressed root directory: the 127-byte header, the
// directory, empty JSON metadata, then the tile data.
func writePMTiles(t *testing.T, path string, tiles map[[3]int][]byte) {
	t.Helper()
	type entry struct {
		id     uint64
		offset uint64
		data   []byte
	}
	var entries []entry
	minZ, maxZ := 99, 0
	for k, d := range tiles {
		entries = append(entries, entry{id: pmtilesTileID(k[0], k[1], k[2]), data: d})
		minZ, maxZ = min(minZ, k[0]), max(maxZ, k[0])
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].id < entries[j].id })
	var data bytes.Buffer
	for i := range entries {
		entries[i].offset = uint64(data.Len())
		data.Write(entries[i].data)
	}
	var dir []byte
	dir = binary.AppendUvarint(dir, uint64(len(entries)))
	last := uint64(0)
	for _, e := range entries {
		dir = binary.AppendUvarint(dir, e.id-last)
		last = e.id
	}
	for range entries {
		dir = binary.AppendUvarint(dir, 1) // run length
	}
	for _, e := range entries {
		dir = binary.AppendUvarint(dir, uint64(len(e.data)))
	}
	for _, e := range entries {
		dir = binary.AppendUvarint(dir, e.offset+1) // never "follows the previous"
	}
	meta := []byte("{}")
	h := make([]byte, 127)
	copy(h, "PMTiles")
	h[7] = 3
	put := func(at int, v uint64) { binary.LittleEndian.PutUint64(h[at:], v) }
	dirOff := uint64(127)
	metaOff := dirOff + uint64(len(dir))
	dataOff := metaOff + uint64(len(meta))
	put(8, dirOff)
	put(16, uint64(len(dir)))
	put(24, metaOff)
	put(32, uint64(len(meta)))
	put(40, dataOff) // no leaf directories
	put(48, 0)
	put(56, dataOff)
	put(64, uint64(data.Len()))
	put(72, uint64(len(entries)))
	put(80, uint64(len(entries)))
	put(88, uint64(len(entries)))
	h[96] = 1 // clustered
	h[97] = 1 // internal compression: none
	h[98] = 1 // tile compression: none
	h[99] = 2 // tile type: PNG
	h[100] = byte(minZ)
	h[101] = byte(maxZ)
	for i, e7 := range []int32{-1800000000, -850000000, 1800000000, 850000000} { // min lon, min lat, max lon, max lat
		binary.LittleEndian.PutUint32(h[102+4*i:], uint32(e7))
	}
	h[118] = 0
	out := append(append(append(h, dir...), meta...), data.Bytes()...)
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// solidPNG is a 256 px tile of one colour.
func solidPNG(t *testing.T, c color.RGBA) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPMTilesTileIDs(t *testing.T) {
	for _, tc := range []struct {
		z, x, y int
		id      uint64
	}{
		{0, 0, 0, 0}, {1, 0, 0, 1}, {1, 0, 1, 2}, {1, 1, 1, 3}, {1, 1, 0, 4}, {2, 0, 0, 5},
	} {
		if got := pmtilesTileID(tc.z, tc.x, tc.y); got != tc.id {
			t.Errorf("%d/%d/%d = %d, want %d", tc.z, tc.x, tc.y, got, tc.id)
		}
	}
}

// serve --basemap FILE.pmtiles: the page draws the archive's tiles, read
// from this server with range requests, and nothing else is fetched.
func TestPMTilesBasemapDrawnInChromium(t *testing.T) {
	t.Parallel()
	teal := color.RGBA{20, 140, 150, 255}
	tiles := map[[3]int][]byte{}
	for z := 0; z <= 3; z++ {
		for x := 0; x < 1<<z; x++ {
			for y := 0; y < 1<<z; y++ {
				tiles[[3]int{z, x, y}] = solidPNG(t, teal)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "basemap.pmtiles")
	writePMTiles(t, path, tiles)

	p := openBrowser(t, 1400, 900)
	s := startServer(t, serverOptions{noDemo: true, args: []string{"--basemap", path}})
	p.do(t, "open page", chromedp.Navigate(s.url+"/#z=3&lat=30&lon=10"))
	p.waitFor(t, "PMTiles tiles drawn", `[...document.querySelectorAll('img.pmtiles-tile')].filter(i => i.complete && i.naturalWidth === 256 && i.src.startsWith('data:image/png')).length >= 4`, 20*time.Second)
	px := eval[[]int](t, p, `(() => {
  const img = [...document.querySelectorAll('img.pmtiles-tile')].find(i => i.complete && i.naturalWidth === 256);
  const c = document.createElement('canvas'); c.width = 256; c.height = 256;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  return [...g.getImageData(128, 128, 1, 1).data];
})()`)
	if len(px) != 4 || px[0] != int(teal.R) || px[1] != int(teal.G) || px[2] != int(teal.B) {
		t.Errorf("tile pixel = %v, want the archive's colour %v", px, teal)
	}
	p.saveScreenshot(t, "pmtiles-basemap.png")
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}
