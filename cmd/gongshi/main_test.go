package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongshi/internal/testsite"
)

const repoRoot = "../.."

func runCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestBuildCommand(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	stdout, stderr, err := runCmd(t, "build", "--source", repoRoot, "--dest", dest, "--as-of", "2025-12-31")
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "已生成") || !strings.Contains(stdout, "任务 35 项") {
		t.Errorf("summary = %q", stdout)
	}
	if !strings.Contains(stderr, "渲染页面") {
		t.Errorf("no progress on stderr: %q", stderr)
	}
	if _, err := os.Stat(filepath.Join(dest, "tasks", "35", "index.html")); err != nil {
		t.Error(err)
	}
}

func TestBaseURLFlag(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, stderr, err := runCmd(t, "build", "--source", repoRoot, "--dest", dest, "--base-url", "https://zfgs.example.cn", "--as-of", "2025-12-31"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "<loc>https://zfgs.example.cn/tasks/</loc>") {
		t.Error("--base-url not applied to the sitemap")
	}
}

func TestCommandLineMistakes(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "用法"},
		{[]string{"publish"}, "未知的命令“publish”"},
		{[]string{"build", "--as-of", "2025/01/31"}, "--as-of 的日期“2025/01/31”无效"},
		{[]string{"build", "--color"}, "没有选项 --color"},
		{[]string{"build", "--dest"}, "选项 --dest 后面要写值"},
		{[]string{"serve", "--port", "abc"}, "选项 --port 的值“abc”无效"},
		{[]string{"check", "--dest", "x"}, "没有选项 --dest"},
		{[]string{"help", "publish"}, "没有命令“publish”"},
		{[]string{"build", "--as-of", "2025-01-32"}, "--as-of 的日期“2025-01-32”无效"},
		{[]string{"build", "extra"}, "多余的参数：extra"},
		{[]string{"build", "--base-url", "www.example.cn"}, "--base-url 应是完整网址"},
		{[]string{"serve", "--port", "70000"}, "--port 应在 1 到 65535 之间"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, err := runCmd(t, tt.args...)
			if !errors.Is(err, errUsage) || exitCode(err) != 2 {
				t.Errorf("err = %v, want usage error with exit code 2", err)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, stderr)
			}
		})
	}
}

func TestHelpFlagExitsZero(t *testing.T) {
	for _, args := range [][]string{{"build", "-h"}, {"check", "--help"}, {"version", "--help"}, {"help"}} {
		stdout, _, err := runCmd(t, args...)
		if exitCode(err) != 0 || !strings.Contains(stdout, "用法") {
			t.Errorf("%v: exit %d, stdout %q", args, exitCode(err), stdout)
		}
	}
}

func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range []string{"build", "serve", "check", "version"} {
		stdout, _, err := runCmd(t, "help", cmd)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(stdout, "用法：gongshi "+cmd) || !strings.Contains(stdout, "示例：") {
			t.Errorf("help %s lacks synopsis or example:\n%s", cmd, stdout)
		}
	}
}

func TestCheckReportsContentErrors(t *testing.T) {
	site := testsite.Copy(t, repoRoot, "gongshi.toml", "layouts", "seeds")
	page := "+++\ntitle = \"通知\"\ntitel = \"拼错的键\"\ndate = \"2024年2月1日\"\n+++\n正文\n"
	if err := os.MkdirAll(filepath.Join(site, "content", "tongzhi"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "tongzhi", "a.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}

	_, stderr, err := runCmd(t, "check", "--source", site)
	if exitCode(err) != 1 {
		t.Fatalf("exit code %d, want 1 (err %v)", exitCode(err), err)
	}
	for _, want := range []string{"content/tongzhi/a.md:3", "titel", "content/tongzhi/a.md:4", "date", "处理办法", "检查未通过"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check output lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "构建未完成") {
		t.Error("check talks about a build")
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Error("check wrote output")
	}
}

func TestBuildListsHeldBackFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	stdout, stderr, err := runCmd(t, "build", "--source", repoRoot, "--dest", dest, "--as-of", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "未发布 3 篇") {
		t.Errorf("summary lacks the count: %q", stdout)
	}
	for _, want := range []string{"未发布（草稿）：content/tongzhi/", "未发布（未到发布时间）：content/tongzhi/", "未发布（已过期）：content/tongzhi/"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
}

func TestVersion(t *testing.T) {
	stdout, _, err := runCmd(t, "version")
	if err != nil || !strings.HasPrefix(stdout, "gongshi ") || !strings.Contains(stdout, "go1.") {
		t.Errorf("version = %q, %v", stdout, err)
	}
}

// TestServeLeavesPublicAlone checks that the preview, whose links point
// to 127.0.0.1, is not written where the published site is built.
func TestServeLeavesPublicAlone(t *testing.T) {
	site := testsite.Copy(t, repoRoot, testsite.Inputs...)
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--source", site, "--port", strconv.Itoa(freePort(t))}, out, io.Discard)
	}()
	time.Sleep(300 * time.Millisecond)
	for i := 0; i < 100 && !strings.Contains(out.String(), "预览地址"); i++ {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(site, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote public/: %v", err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestServeServesSite starts serve on a free loopback port, fetches pages
// and a missing path, and stops it through its context.
func TestServeServesSite(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dest := filepath.Join(t.TempDir(), "public")
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--source", repoRoot, "--dest", dest, "--port", strconv.Itoa(port), "--as-of", "2025-12-31"}, io.Discard, io.Discard)
	}()

	base := "http://127.0.0.1:" + strconv.Itoa(port) + "/"
	client := &http.Client{Timeout: 5 * time.Second}
	var resp *http.Response
	for i := 0; i < 100; i++ {
		resp, err = client.Get(base + "tasks/")
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("server did not come up: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "工作任务分解表") {
		t.Errorf("GET /tasks/ = %d", resp.StatusCode)
	}
	if !strings.Contains(string(body), `href="/css/site.css"`) {
		t.Error("serve does not use the local base URL")
	}

	resp, err = client.Get(base + "no-such-page/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.Contains(string(body), "页面不存在") {
		t.Errorf("missing page: status %d", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
