package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ArtifactsDir is where screenshots go: $INCIDENTMAP_ARTIFACTS, else a
// folder in the system temp dir.
func ArtifactsDir() string {
	if dir := os.Getenv("INCIDENTMAP_ARTIFACTS"); dir != "" {
		return dir
	}
	return filepath.Join(os.TempDir(), "incidentmap-artifacts")
}

// Screenshot captures the viewport as PNG.
func (p *Page) Screenshot(t *testing.T) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return nil
	}
	return png
}

// SaveScreenshot writes the page as a PNG test artefact.
func (p *Page) SaveScreenshot(t *testing.T, name string) {
	t.Helper()
	if png := p.Screenshot(t); png != nil {
		WriteArtifact(t, name, png)
	}
}

// WriteArtifact keeps b as a test artefact named name.
func WriteArtifact(t *testing.T, name string, b []byte) {
	t.Helper()
	dir := ArtifactsDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Errorf("artefacts dir: %v", err)
		return
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Errorf("artefact: %v", err)
		return
	}
	t.Logf("saved %s", path)
}
