package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// harness runs a real watcher on a temporary site folder.
type harness struct {
	t       *testing.T
	root    string
	batches chan Batch
	cancel  context.CancelFunc
	done    chan error
	w       *Watcher

	mu      sync.Mutex
	notices []string
}

func start(t *testing.T, tune func(*Options)) *harness {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/tongzhi", "layouts/_default", "static/css", "public"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	os.WriteFile(filepath.Join(root, "gongshi.toml"), []byte("siteName = \"x\"\n"), 0o644)

	h := &harness{t: t, root: root, batches: make(chan Batch, 100), done: make(chan error, 1)}
	opts := Options{
		Root:   root,
		Paths:  []string{"content", "layouts", "static", "seeds", "gongshi.toml"},
		Notice: func(msg string) { h.mu.Lock(); h.notices = append(h.notices, msg); h.mu.Unlock() },
	}
	if tune != nil {
		tune(&opts)
	}
	h.w = New(opts)
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- h.w.Run(ctx, h.batches) }()
	t.Cleanup(h.stop)
	// Give the watcher time to add its watches.
	time.Sleep(100 * time.Millisecond)
	return h
}

func (h *harness) stop() {
	h.cancel()
	select {
	case <-h.done:
	case <-time.After(5 * time.Second):
		h.t.Error("watcher did not stop")
	}
}

func (h *harness) path(rel string) string {
	return filepath.Join(h.root, filepath.FromSlash(rel))
}

func (h *harness) write(rel, text string) {
	h.t.Helper()
	if err := os.MkdirAll(filepath.Dir(h.path(rel)), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(h.path(rel), []byte(text), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// collect returns the batches that arrive until none came for quiet.
func (h *harness) collect(quiet time.Duration) []Batch {
	h.t.Helper()
	var out []Batch
	for {
		select {
		case b := <-h.batches:
			out = append(out, b)
		case <-time.After(quiet):
			return out
		}
	}
}

// expect waits for batches and checks that together they name every path
// in want.
func (h *harness) expect(want ...string) []string {
	h.t.Helper()
	var got []string
	for _, b := range h.collect(400 * time.Millisecond) {
		got = append(got, b.Paths...)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			h.t.Errorf("no event for %s; got %v", w, got)
		}
	}
	return got
}

func TestWatchCreateModifyDelete(t *testing.T) {
	h := start(t, nil)
	h.write("content/tongzhi/a.md", "一")
	h.expect("content/tongzhi/a.md")
	h.write("content/tongzhi/a.md", "二")
	h.expect("content/tongzhi/a.md")
	os.Remove(h.path("content/tongzhi/a.md"))
	h.expect("content/tongzhi/a.md")
	h.write("gongshi.toml", "siteName = \"y\"\n")
	h.expect("gongshi.toml")
}

func TestWatchIgnoresOtherPaths(t *testing.T) {
	h := start(t, nil)
	h.write("public/index.html", "x")
	h.write("notes.txt", "x")
	if got := h.collect(300 * time.Millisecond); len(got) != 0 {
		t.Errorf("events outside the inputs: %v", got)
	}
}

func TestWatchRename(t *testing.T) {
	h := start(t, nil)
	h.write("content/tongzhi/old.md", "x")
	h.expect("content/tongzhi/old.md")
	os.Rename(h.path("content/tongzhi/old.md"), h.path("content/tongzhi/new.md"))
	h.expect("content/tongzhi/old.md", "content/tongzhi/new.md")
}

// TestWatchAtomicSave saves the way vim, VS Code and WPS do: write a
// temporary file and rename it over the original. The file must stay
// watched afterwards.
func TestWatchAtomicSave(t *testing.T) {
	h := start(t, nil)
	h.write("content/tongzhi/a.md", "一")
	h.expect("content/tongzhi/a.md")
	for i := range 3 {
		h.write("content/tongzhi/.a.md.tmp", fmt.Sprint("第", i, "版"))
		if err := os.Rename(h.path("content/tongzhi/.a.md.tmp"), h.path("content/tongzhi/a.md")); err != nil {
			t.Fatal(err)
		}
		h.expect("content/tongzhi/a.md")
	}
	h.write("content/tongzhi/a.md", "直接写入")
	h.expect("content/tongzhi/a.md")
}

func TestWatchNestedNewFolders(t *testing.T) {
	h := start(t, nil)
	if err := os.MkdirAll(h.path("content/a/b/c"), 0o755); err != nil {
		t.Fatal(err)
	}
	h.write("content/a/b/c/x.md", "一")
	h.expect("content/a")
	// The deepest folder is watched from now on.
	h.write("content/a/b/c/x.md", "二")
	h.expect("content/a/b/c/x.md")
	h.write("content/a/b/c/y.md", "三")
	h.expect("content/a/b/c/y.md")
}

func TestWatchFolderMovedIn(t *testing.T) {
	h := start(t, nil)
	outside := filepath.Join(t.TempDir(), "batch")
	os.MkdirAll(filepath.Join(outside, "deep"), 0o755)
	os.WriteFile(filepath.Join(outside, "deep", "p.md"), []byte("x"), 0o644)
	if err := os.Rename(outside, h.path("content/moved")); err != nil {
		t.Fatal(err)
	}
	h.expect("content/moved")
	h.write("content/moved/deep/p.md", "y")
	h.expect("content/moved/deep/p.md")
}

func TestWatchFolderCreatedLater(t *testing.T) {
	h := start(t, nil)
	h.write("seeds/table.txt", "x")
	h.expect("seeds")
	h.write("seeds/table.txt", "y")
	h.expect("seeds/table.txt")
}

// TestWatchBurstIsOneBatch writes 1,000 files at once, as a git checkout
// does, and expects one batch.
func TestWatchBurstIsOneBatch(t *testing.T) {
	h := start(t, nil)
	for i := range 1000 {
		h.write(fmt.Sprintf("content/tongzhi/p%04d.md", i), "x")
	}
	batches := h.collect(500 * time.Millisecond)
	if len(batches) != 1 {
		t.Fatalf("got %d batches, want 1", len(batches))
	}
	if n := len(batches[0].Paths); n != 1000 {
		t.Errorf("batch names %d paths, want 1000", n)
	}
}

// TestWatchFallsBackToPolling simulates the inotify watch limit running
// out: the watcher must show the notice and keep reporting changes by
// polling.
func TestWatchFallsBackToPolling(t *testing.T) {
	h := start(t, func(o *Options) {
		o.PollInterval = 50 * time.Millisecond
		added := 0
		o.addWatch = func(w *fsnotify.Watcher, dir string) error {
			if added++; added > 3 {
				return fmt.Errorf("inotify_add_watch %s: %w", dir, syscall.ENOSPC)
			}
			return w.Add(dir)
		}
	})
	h.write("content/tongzhi/a.md", "一")
	h.expect("content/tongzhi/a.md")
	if !h.w.Polling() {
		t.Error("watcher did not fall back to polling")
	}
	h.mu.Lock()
	notices := strings.Join(h.notices, "\n")
	h.mu.Unlock()
	if !strings.Contains(notices, "sysctl fs.inotify.max_user_watches=") {
		t.Errorf("no notice with the command that raises the limit: %q", notices)
	}
	h.write("content/new/b.md", "二")
	h.expect("content/new", "content/new/b.md")
	os.Remove(h.path("content/tongzhi/a.md"))
	h.expect("content/tongzhi/a.md")
}

// TestWatchFolderRenamedInside renames a folder within content/, and moves
// one out and back in: files in them, also in subfolders, must stay
// watched under their new paths.
func TestWatchFolderRenamedInside(t *testing.T) {
	h := start(t, nil)
	h.write("content/tongzhi/jiu/a.md", "一")
	h.write("content/tongzhi/jiu/sub/b.md", "一")
	h.expect("content/tongzhi/jiu")

	if err := os.Rename(h.path("content/tongzhi/jiu"), h.path("content/tongzhi/xin")); err != nil {
		t.Fatal(err)
	}
	h.expect("content/tongzhi/jiu", "content/tongzhi/xin")
	h.write("content/tongzhi/xin/a.md", "二")
	got := h.expect("content/tongzhi/xin/a.md")
	if slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, "content/tongzhi/jiu/") }) {
		t.Errorf("events still name the old folder: %v", got)
	}
	h.write("content/tongzhi/xin/sub/b.md", "二")
	h.expect("content/tongzhi/xin/sub/b.md")
	h.write("content/tongzhi/xin/sub/c.md", "新文件")
	h.expect("content/tongzhi/xin/sub/c.md")

	outside := filepath.Join(t.TempDir(), "out")
	if err := os.Rename(h.path("content/tongzhi/xin"), outside); err != nil {
		t.Fatal(err)
	}
	h.expect("content/tongzhi/xin")
	if err := os.Rename(outside, h.path("content/tongzhi/xin")); err != nil {
		t.Fatal(err)
	}
	h.expect("content/tongzhi/xin")
	h.write("content/tongzhi/xin/sub/b.md", "三")
	h.expect("content/tongzhi/xin/sub/b.md")
}
