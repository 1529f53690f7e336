package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func newTestWriter(t *testing.T) (*Writer, string) {
	t.Helper()
	root := t.TempDir()
	source := filepath.Join(root, "site")
	if err := os.Mkdir(source, 0o755); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(source, "public")
	w, err := NewWriter(dest, source)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Abort)
	return w, dest
}

func TestWriterRejectsBadPaths(t *testing.T) {
	w, _ := newTestWriter(t)
	for _, rel := range []string{"../x.html", "a/../../x", "a//b", "中文/index.html", "a b.html", "", "./a"} {
		if err := w.WriteFile(rel, []byte("x")); err == nil {
			t.Errorf("path %q accepted", rel)
		}
	}
}

func TestWriterRejectsCaseCollision(t *testing.T) {
	w, _ := newTestWriter(t)
	if err := w.WriteFile("About/index.html", []byte("<p>a</p>")); err != nil {
		t.Fatal(err)
	}
	err := w.WriteFile("about/index.html", []byte("<p>b</p>"))
	if err == nil || !strings.Contains(err.Error(), "冲突") {
		t.Errorf("case collision not reported: %v", err)
	}
}

func TestWriterMinifiesAndCommits(t *testing.T) {
	w, dest := newTestWriter(t)
	if err := w.WriteFile("a/index.html", []byte("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<body>\n  <p>  你好  </p>\n</body>\n</html>\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteFile("data.json", []byte("{\n  \"a\": 1\n}\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteRaw("t.csv", []byte("\ufeffa, b\r\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}

	html, _ := os.ReadFile(filepath.Join(dest, "a", "index.html"))
	if strings.Contains(string(html), "\n  ") || !strings.Contains(string(html), `lang="zh-CN"`) {
		t.Errorf("html not minified or lang lost: %q", html)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "data.json")); string(data) != `{"a":1}` {
		t.Errorf("json = %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "t.csv")); string(data) != "\ufeffa, b\r\n" {
		t.Errorf("raw file changed: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dest, MarkerFile)); err != nil {
		t.Error("no marker file")
	}
	info, err := os.Stat(dest)
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode = %v, %v", info.Mode(), err)
	}
}

func TestCommitReplacesPreviousOutput(t *testing.T) {
	w, dest := newTestWriter(t)
	w.WriteFile("old/index.html", []byte("<p>old</p>"))
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w2, err := NewWriter(dest, filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	w2.WriteFile("new/index.html", []byte("<p>new</p>"))
	if err := w2.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "old")); !os.IsNotExist(err) {
		t.Error("old output lingers")
	}
	if _, err := os.Stat(filepath.Join(dest, "new", "index.html")); err != nil {
		t.Error(err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public-staging-*"))
	if len(left) > 0 {
		t.Errorf("staging left: %v", left)
	}
}

func TestSwapByRenameFallback(t *testing.T) {
	root := t.TempDir()
	staging, dest := filepath.Join(root, "staging"), filepath.Join(root, "dest")
	os.MkdirAll(filepath.Join(staging, "new"), 0o755)
	os.MkdirAll(filepath.Join(dest, "old"), 0o755)
	if err := swapByRename(staging, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "new")); err != nil {
		t.Error("new output not in place")
	}
	if _, err := os.Stat(filepath.Join(staging, "old")); err != nil {
		t.Error("old output not moved to the staging path for removal")
	}
}
