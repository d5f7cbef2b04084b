package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestVendorReady(t *testing.T) {
	full := fstest.MapFS{}
	for _, name := range vendorFiles {
		full[name] = &fstest.MapFile{Data: []byte("x")}
	}
	without := func(name string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range full {
			if k != name {
				m[k] = v
			}
		}
		return m
	}
	emptyLeaflet := without("vendor/leaflet/leaflet.js")
	emptyLeaflet["vendor/leaflet/leaflet.js"] = &fstest.MapFile{}
	cases := []struct {
		name string
		fsys fs.FS
		want bool
	}{
		{"all files present", full, true},
		{"nothing vendored", fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}, false},
		{"markercluster missing", without("vendor/markercluster/leaflet.markercluster.js"), false},
		{"leaflet css missing", without("vendor/leaflet/leaflet.css"), false},
		{"leaflet.js empty", emptyLeaflet, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := VendorReady(tc.fsys); got != tc.want {
				t.Errorf("VendorReady = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFSServesThePage(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"embedded": FS(), "dev": DevFS("static")} {
		t.Run(name, func(t *testing.T) {
			for _, file := range []string{"index.html", "css/app.css", "js/main.js", "favicon.svg"} {
				if _, err := fs.Stat(fsys, file); err != nil {
					t.Errorf("%s: %v", file, err)
				}
			}
		})
	}
}

// TestPageHasNoInlineCode keeps index.html working under the CSP
// default-src 'self': no inline scripts, styles or event handlers.
func TestPageHasNoInlineCode(t *testing.T) {
	html := readFile(t, FS(), "index.html")
	checks := []struct {
		name    string
		pattern string
	}{
		{"inline script", `<script(?:\s[^>]*)?>\s*[^<\s]`},
		{"script without src", `<script(?:(?!src=)[^>])*>`},
		{"style element", `<style[\s>]`},
		{"style attribute", `\sstyle=`},
		{"event handler attribute", `\son[a-z]+=`},
		{"remote URL", `(?:src|href)="(?:https?:)?//`},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "script without src" {
				// Go's regexp has no lookahead: check each script tag instead.
				for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(html, -1) {
					if !strings.Contains(tag, "src=") {
						t.Errorf("script tag without src: %s", tag)
					}
				}
				return
			}
			if m := regexp.MustCompile(c.pattern).FindString(html); m != "" {
				t.Errorf("index.html has %s: %q", c.name, m)
			}
		})
	}
}

// TestModulesResolveAndAvoidHTMLSinks checks every relative import of the
// page's modules exists, and that no module writes HTML from strings.
func TestModulesResolveAndAvoidHTMLSinks(t *testing.T) {
	fsys := FS()
	modules, err := fs.Glob(fsys, "js/*.js")
	if err != nil || len(modules) == 0 {
		t.Fatalf("no modules found: %v", err)
	}
	imports := regexp.MustCompile(`(?m)^import[^'"]*['"](\./[^'"]+)['"]`)
	sinks := regexp.MustCompile(`\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write\(|\beval\(|new Function\(`)
	for _, module := range modules {
		src := readFile(t, fsys, module)
		for _, m := range imports.FindAllStringSubmatch(src, -1) {
			target := "js/" + strings.TrimPrefix(m[1], "./")
			if _, err := fs.Stat(fsys, target); err != nil {
				t.Errorf("%s imports %s, which does not exist", module, m[1])
			}
		}
		if sink := sinks.FindString(src); sink != "" {
			t.Errorf("%s uses %s; build nodes with textContent instead", module, sink)
		}
	}
}

func readFile(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return string(b)
}
