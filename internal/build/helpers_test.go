package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongshi/internal/testsite"
	"gongshi/internal/tz"
)

// repoRoot is the project folder, which is also the sample site.
const repoRoot = "../.."

// testAsOf is the as-of day of the sample-site tests: after every sample
// notice's date, before the future-dated one.
var testAsOf = tz.Date(2025, time.December, 31)

// copySite copies the sample site's inputs into a temporary folder, so a
// test can change them.
func copySite(t *testing.T) string {
	t.Helper()
	return testsite.Copy(t, repoRoot, testsite.Inputs...)
}

func writeFile(t *testing.T, dir, rel, text string) {
	t.Helper()
	testsite.WriteFile(t, dir, rel, text)
}

// buildSite builds source into a new folder and returns it.
func buildSite(t *testing.T, source string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Source: source, Dest: dest, AsOf: testAsOf}); err != nil {
		t.Fatalf("build failed: %v", err)
	}
	return dest
}

// treeHashes maps every file below dir to the SHA-256 of its content.
func treeHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// htmlFiles returns the HTML files below dir with their text.
func htmlFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for rel := range treeHashes(t, dir) {
		if strings.HasSuffix(rel, ".html") {
			data, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil {
				t.Fatal(err)
			}
			out[rel] = string(data)
		}
	}
	return out
}
