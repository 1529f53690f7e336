// Package testsite holds helpers for tests that build a copy of the
// sample site. Only tests import it.
package testsite

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Inputs are the sample site's input folders and files.
var Inputs = []string{"gongshi.toml", "content", "layouts", "static", "seeds"}

// Copy copies the named inputs of the site at root into a new temporary
// folder and returns it.
func Copy(t testing.TB, root string, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range names {
		CopyTree(t, filepath.Join(root, name), filepath.Join(dir, name))
	}
	return dir
}

// CopyTree copies a file or folder tree from src to dst.
func CopyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// WriteFile writes a file below dir, creating folders.
func WriteFile(t testing.TB, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
