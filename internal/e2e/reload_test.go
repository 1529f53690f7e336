package e2e

import (
	"bufio"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/internal/testsite"
)

// buildBinary compiles the gongshi command into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "gongshi")
	cmd := exec.Command("go", "build", "-o", bin, "gongshi/cmd/gongshi")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startServe runs `gongshi serve` on site and returns its base URL. The
// process is stopped by its PID with SIGINT when the test ends.
func startServe(t *testing.T, bin, site string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()

	cmd := exec.Command(bin, "serve", "--source", site, "--port", strconv.Itoa(port), "--as-of", "2025-12-31")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Error("serve did not stop on SIGINT")
		}
	})

	ready := make(chan bool, 1)
	go func() {
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if strings.Contains(lines.Text(), "预览地址") {
				ready <- true
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	time.Sleep(200 * time.Millisecond) // the watcher adds its watches
	return "http://127.0.0.1:" + strconv.Itoa(port) + "/"
}

// waitJS polls a JavaScript condition in the page for up to 20 seconds.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s (last error: %v)", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestEditReloadsOpenPage opens a page in Chromium, edits its file, and
// checks that the page reloads by itself; then breaks the file and checks
// the error overlay, and fixes it.
func TestEditReloadsOpenPage(t *testing.T) {
	path := chromiumPath(t)
	bin := buildBinary(t)
	site := testsite.Copy(t, repoRoot, testsite.Inputs...)
	rel := "content/tongzhi/reload.md"
	testsite.WriteFile(t, site, rel, "+++\ntitle = \"刷新之前\"\ndate = 2025-11-30\n+++\n正文。\n")
	base := startServe(t, bin, site)
	ctx := newBrowser(t, path)

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"tongzhi/reload/"), chromedp.WaitReady("footer")); err != nil {
		t.Fatal(err)
	}
	// A marker on window survives until the page reloads.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__notReloaded = true`)); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the event stream to connect", `document.documentElement.hasAttribute("data-gongshi-build")`)

	testsite.WriteFile(t, site, rel, "+++\ntitle = \"刷新之后\"\ndate = 2025-11-30\n+++\n正文。\n")
	waitJS(t, ctx, "the page to reload with the new title",
		`window.__notReloaded === undefined && document.querySelector("h1") !== null && document.querySelector("h1").textContent === "刷新之后"`)

	testsite.WriteFile(t, site, rel, "+++\ntitle = \"坏\"\ndate = 2025-13-01\n+++\n")
	waitJS(t, ctx, "the error overlay",
		`(() => { const o = document.getElementById("gongshi-error"); return o !== null && o.textContent.includes("content/tongzhi/reload.md:3"); })()`)
	title, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("h1").textContent`))
	if err != nil || title != "刷新之后" {
		t.Errorf("the last good page is not kept under the overlay: %q, %v", title, err)
	}

	testsite.WriteFile(t, site, rel, "+++\ntitle = \"修好了\"\ndate = 2025-11-30\n+++\n正文。\n")
	waitJS(t, ctx, "the fixed page without the overlay",
		`document.getElementById("gongshi-error") === null && document.querySelector("h1") !== null && document.querySelector("h1").textContent === "修好了"`)
}
