package serve

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestInject(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<html><body><p>a</p></body></html>", "<html><body><p>a</p>" + scriptTag + "</body></html>"},
		{"<p>no body</p>", "<p>no body</p>" + scriptTag},
	}
	for _, tt := range tests {
		if got := string(Inject([]byte(tt.in))); got != tt.want {
			t.Errorf("Inject(%q) = %q", tt.in, got)
		}
	}
}

func newSite(t *testing.T) (string, *Hub, *httptest.Server) {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "tasks"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html><body>首页</body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "tasks", "index.html"), []byte("<html><body>任务</body></html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "site.css"), []byte("body{}"), 0o644)
	hub := NewHub()
	srv := httptest.NewServer(Handler(dir, hub))
	t.Cleanup(srv.Close)
	return dir, hub, srv
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHandlerInjectsIntoHTMLOnly(t *testing.T) {
	dir, _, srv := newSite(t)
	if code, body := get(t, srv.URL+"/tasks/"); code != 200 || !strings.Contains(body, scriptTag) {
		t.Errorf("/tasks/ = %d %q", code, body)
	}
	if _, body := get(t, srv.URL+"/site.css"); body != "body{}" {
		t.Errorf("css changed: %q", body)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); strings.Contains(string(data), "livereload") {
		t.Error("the script was written to disk")
	}
	if code, body := get(t, srv.URL+Prefix+"livereload.js"); code != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("script = %d", code)
	}
}

func TestHandlerNotFound(t *testing.T) {
	dir, _, srv := newSite(t)
	if code, body := get(t, srv.URL+"/nope/"); code != 404 || !strings.Contains(body, "网站尚未生成") || !strings.Contains(body, scriptTag) {
		t.Errorf("before a 404.html: %d %q", code, body)
	}
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<html><body>页面不存在</body></html>"), 0o644)
	if code, body := get(t, srv.URL+"/nope/"); code != 404 || !strings.Contains(body, "页面不存在") || !strings.Contains(body, scriptTag) {
		t.Errorf("with a 404.html: %d %q", code, body)
	}
	if code, _ := get(t, srv.URL+"/../etc/passwd"); code != 404 {
		t.Errorf("path outside the site: %d", code)
	}
}

// TestEventsStream connects like a page does and checks that it receives
// the current state, then each change.
func TestEventsStream(t *testing.T) {
	_, hub, srv := newSite(t)
	hub.Built()
	resp, err := http.Get(srv.URL + Prefix + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("content type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	next := func() State {
		t.Helper()
		for lines.Scan() {
			if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				var s State
				if err := json.Unmarshal([]byte(data), &s); err != nil {
					t.Fatal(err)
				}
				return s
			}
		}
		t.Fatal("stream ended")
		return State{}
	}

	if s := next(); s.Build != 1 || s.Error != "" {
		t.Errorf("first state %+v", s)
	}
	for hub.Clients() == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	hub.Failed("content/a.md:3: 字段“date”: 日期无效")
	if s := next(); s.Build != 1 || !strings.Contains(s.Error, "content/a.md:3") {
		t.Errorf("after failure %+v", s)
	}
	hub.Built()
	if s := next(); s.Build != 2 || s.Error != "" {
		t.Errorf("after fix %+v", s)
	}
}
