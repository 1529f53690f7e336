package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gongshi/internal/build"
	"gongshi/internal/testsite"
	"gongshi/internal/tz"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine to write and
// the test to read.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// preview is a running `gongshi serve` on a copy of the sample site.
type preview struct {
	t      *testing.T
	site   string
	dest   string
	base   string
	stdout *syncBuffer
	stderr *syncBuffer
	client *http.Client
}

func startPreview(t *testing.T) *preview {
	t.Helper()
	p := &preview{
		t:      t,
		site:   testsite.Copy(t, repoRoot, testsite.Inputs...),
		dest:   filepath.Join(t.TempDir(), "preview"),
		stdout: &syncBuffer{},
		stderr: &syncBuffer{},
		client: &http.Client{Timeout: 5 * time.Second},
	}
	port := freePort(t)
	p.base = "http://127.0.0.1:" + strconv.Itoa(port) + "/"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--source", p.site, "--dest", p.dest, "--port", strconv.Itoa(port), "--as-of", "2025-12-31"}, p.stdout, p.stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	p.waitFor("the preview to start", func() bool { return strings.Contains(p.stdout.String(), "预览地址") })
	// Let the watcher add its watches before the first edit.
	time.Sleep(200 * time.Millisecond)
	return p
}

func (p *preview) get(path string) (int, string) {
	resp, err := p.client.Get(p.base + path)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// waitFor polls cond for up to 20 seconds, a bound for a loaded CI
// machine; it normally returns within a fraction of a second.
func (p *preview) waitFor(what string, cond func() bool) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			p.t.Fatalf("timed out waiting for %s\nstdout:\n%s\nstderr:\n%s", what, p.stdout.String(), p.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// served waits until path returns status and, if text is not empty, a
// body that contains it.
func (p *preview) served(path string, status int, text string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf("/%s to answer %d with %q", path, status, text), func() bool {
		code, body := p.get(path)
		return code == status && strings.Contains(body, text)
	})
}

// absent waits until path's body no longer contains text.
func (p *preview) absent(path, text string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf("/%s to drop %q", path, text), func() bool {
		_, body := p.get(path)
		return !strings.Contains(body, text)
	})
}

func (p *preview) write(rel, text string) {
	testsite.WriteFile(p.t, p.site, rel, text)
}

func page(title string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2025-11-30\n+++\n正文。\n"
}

// TestServeWatchesEdits drives a real watcher through the edits editors
// make and checks the served site over HTTP after each one; at the end the
// preview folder must equal a clean build of the same files.
func TestServeWatchesEdits(t *testing.T) {
	p := startPreview(t)

	// Create: the page, its section list, the home page and the sitemap.
	p.write("content/tongzhi/watch-a.md", page("监视测试甲"))
	p.served("tongzhi/watch-a/", 200, "监视测试甲")
	p.served("tongzhi/", 200, "监视测试甲")
	p.served("", 200, "监视测试甲")
	p.served("sitemap.xml", 200, "/tongzhi/watch-a/")

	// Modify.
	p.write("content/tongzhi/watch-a.md", page("监视测试甲改"))
	p.served("tongzhi/watch-a/", 200, "监视测试甲改")
	p.served("tongzhi/", 200, "监视测试甲改")

	// Atomic save: write a temporary file and rename it over the page.
	p.write("content/tongzhi/.watch-a.md.swp", page("原子保存"))
	if err := os.Rename(filepath.Join(p.site, "content/tongzhi/.watch-a.md.swp"), filepath.Join(p.site, "content/tongzhi/watch-a.md")); err != nil {
		t.Fatal(err)
	}
	p.served("tongzhi/watch-a/", 200, "原子保存")
	p.write("content/tongzhi/watch-a.md", page("保存后仍被监视"))
	p.served("tongzhi/watch-a/", 200, "保存后仍被监视")

	// Rename: the old URL goes from the page, the lists and the sitemap.
	if err := os.Rename(filepath.Join(p.site, "content/tongzhi/watch-a.md"), filepath.Join(p.site, "content/tongzhi/watch-b.md")); err != nil {
		t.Fatal(err)
	}
	p.served("tongzhi/watch-b/", 200, "保存后仍被监视")
	p.served("tongzhi/watch-a/", 404, "页面不存在")
	p.absent("sitemap.xml", "/tongzhi/watch-a/")

	// Delete.
	os.Remove(filepath.Join(p.site, "content/tongzhi/watch-b.md"))
	p.served("tongzhi/watch-b/", 404, "页面不存在")
	p.absent("tongzhi/", "保存后仍被监视")
	p.absent("", "保存后仍被监视")
	p.absent("sitemap.xml", "/tongzhi/watch-b/")

	// Nested folders made at once, then an edit deep inside.
	os.MkdirAll(filepath.Join(p.site, "content/tongzhi/x/y/z"), 0o755)
	p.write("content/tongzhi/x/y/z/deep.md", page("深层页面"))
	p.served("tongzhi/x/y/z/deep/", 200, "深层页面")
	p.write("content/tongzhi/x/y/z/deep.md", page("深层页面改"))
	p.served("tongzhi/x/y/z/deep/", 200, "深层页面改")

	// Rename the folder: the pages move, and files in it stay watched.
	if err := os.Rename(filepath.Join(p.site, "content/tongzhi/x"), filepath.Join(p.site, "content/tongzhi/w")); err != nil {
		t.Fatal(err)
	}
	p.served("tongzhi/w/y/z/deep/", 200, "深层页面改")
	p.served("tongzhi/x/y/z/deep/", 404, "页面不存在")
	p.write("content/tongzhi/w/y/z/deep.md", page("改名后仍被监视"))
	p.served("tongzhi/w/y/z/deep/", 200, "改名后仍被监视")
	if err := os.Rename(filepath.Join(p.site, "content/tongzhi/w"), filepath.Join(p.site, "content/tongzhi/x")); err != nil {
		t.Fatal(err)
	}
	p.served("tongzhi/x/y/z/deep/", 200, "改名后仍被监视")

	// Broken content: the last good site stays served and the error is
	// reported; fixing the file clears it.
	p.write("content/tongzhi/x/y/z/deep.md", "+++\ntitle = \"坏\"\ndate = 2025-13-01\n+++\n")
	p.waitFor("the error report", func() bool {
		return strings.Contains(p.stderr.String(), "content/tongzhi/x/y/z/deep.md:3")
	})
	p.served("tongzhi/x/y/z/deep/", 200, "改名后仍被监视")
	p.write("content/tongzhi/x/y/z/deep.md", page("修好了"))
	p.served("tongzhi/x/y/z/deep/", 200, "修好了")

	// Static files and the task table.
	p.write("static/css/extra.css", "body { color: #000 }")
	p.served("css/extra.css", 200, "color:#000")
	seed := filepath.Join(p.site, "seeds", "000_1356ac1abf4ab30c.txt")
	data, _ := os.ReadFile(seed)
	os.WriteFile(seed, bytes.Replace(data, []byte("\t2020年底前\n"), []byte("\t2021年底前\n"), 1), 0o644)
	p.served("tasks/25/", 200, "2021年底前")
	p.served("tasks/tasks.json", 200, "2021年底前")

	compareWithBuild(t, p.site, p.dest)
}

// TestServeBurstIsOneRebuild writes 1,000 pages at once, as a git checkout
// does: one rebuild, and every page served.
func TestServeBurstIsOneRebuild(t *testing.T) {
	p := startPreview(t)
	before := strings.Count(p.stdout.String(), "更新：")
	for i := range 1000 {
		p.write(fmt.Sprintf("content/tongzhi/burst-%04d.md", i), page(fmt.Sprintf("批量页面%04d", i)))
	}
	p.served("tongzhi/burst-0999/", 200, "批量页面0999")
	p.served("tongzhi/burst-0000/", 200, "批量页面0000")
	rebuilds := func() int { return strings.Count(p.stdout.String(), "更新：") - before }
	p.waitFor("the rebuild to finish", func() bool { return rebuilds() >= 1 })
	time.Sleep(500 * time.Millisecond)
	if n := rebuilds(); n != 1 {
		t.Errorf("%d rebuilds for one burst, want 1:\n%s", n, p.stdout.String())
	}
	compareWithBuild(t, p.site, p.dest)
}

// compareWithBuild checks the preview folder against a clean build of the
// same site with the preview's base URL.
func compareWithBuild(t *testing.T, site, dest string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, "robots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(strings.TrimPrefix(strings.Split(string(data), "Sitemap: ")[1], ""), "sitemap.xml\n")
	clean := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Source: site, Dest: clean, BaseURL: base, AsOf: tz.Date(2025, time.December, 31)}
	if _, err := build.Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	got, want := hashTree(t, dest), hashTree(t, clean)
	for rel, sum := range want {
		if got[rel] != sum {
			t.Errorf("preview differs from a clean build: %s", rel)
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			t.Errorf("preview has a stale file: %s", rel)
		}
	}
}

func hashTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
