// Package e2e tests the built sample site in a real headless Chromium.
//
// The tests skip with a message when Chromium is not installed, except on
// CI (CI=true), where a missing browser is a failure: .ci/run installs it.
package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gongshi/internal/build"
	"gongshi/internal/tz"
)

const repoRoot = "../.."

// chromiumPath returns the browser binary, skipping or failing the test
// when there is none.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium not found; .ci/run must install the chromium package")
	}
	t.Skip("跳过浏览器测试：未安装 Chromium（Debian：apt-get install chromium）")
	return ""
}

// serveSample builds the sample site and serves it on a loopback port,
// returning the base URL.
func serveSample(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + "/"
	dest := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Source: repoRoot, Dest: dest, BaseURL: base, AsOf: tz.Date(2025, time.December, 31)}
	if _, err := build.Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dest)), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return base
}

// newBrowser starts headless Chromium with the flags that keep it off the
// network, and returns a context for driving one tab.
func newBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("Chromium did not start: %v", err)
	}
	return ctx
}

// pageTypes are one page of each kind in the sample site.
var pageTypes = []string{
	"",
	"tongzhi/",
	"tongzhi/page/2/",
	"shiqian/zhifa-zhuti/",
	"tongzhi/markdown-paiban-shili/",
	"tasks/",
	"tasks/17/",
	"tasks/departments/",
	"tasks/departments/zheng-ce-fa-gui-bu-men/",
	"tasks/timeline/",
	"sitemap/",
	"404.html",
}

// layout is what the test reads off a rendered page.
type layout struct {
	ScrollWidth int     `json:"scrollWidth"`
	ClientWidth int     `json:"clientWidth"`
	H1Count     int     `json:"h1Count"`
	H1Visible   bool    `json:"h1Visible"`
	FontSize    float64 `json:"fontSize"`
	LineHeight  float64 `json:"lineHeight"`
	Italic      int     `json:"italic"`
}

const measureScript = `(() => {
  const h1s = document.querySelectorAll("h1");
  const body = getComputedStyle(document.body);
  let italic = 0;
  for (const el of document.querySelectorAll("main *")) {
    if (getComputedStyle(el).fontStyle === "italic") italic++;
  }
  const h1 = h1s[0];
  const r = h1 ? h1.getBoundingClientRect() : null;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    h1Count: h1s.length,
    h1Visible: !!r && r.width > 1 && r.height > 1,
    fontSize: parseFloat(body.fontSize),
    lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
    italic: italic,
  };
})()`

// TestPagesFitNarrowScreens loads one page of each kind at phone and
// desktop widths: no page may scroll sideways (wide tables scroll in their
// own box), text is at least 16 px with a line height of 1.5 to 2, and
// nothing in the content is set in italics.
func TestPagesFitNarrowScreens(t *testing.T) {
	path := chromiumPath(t)
	base := serveSample(t)
	ctx := newBrowser(t, path)

	for _, width := range []int64{320, 375, 1280} {
		for _, page := range pageTypes {
			t.Run(fmt.Sprintf("%d/%s", width, page), func(t *testing.T) {
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(width, 900),
					chromedp.Navigate(base+page),
					chromedp.WaitReady("footer"),
				)
				if err != nil {
					t.Fatal(err)
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[layout](measureScript))
				if err != nil {
					t.Fatal(err)
				}
				if got.ScrollWidth > got.ClientWidth {
					t.Errorf("page scrolls sideways: scrollWidth %d > clientWidth %d", got.ScrollWidth, got.ClientWidth)
				}
				if got.H1Count != 1 {
					t.Errorf("%d h1 elements", got.H1Count)
				}
				if page != "" && !got.H1Visible {
					t.Error("h1 not visible")
				}
				if got.FontSize < 16 {
					t.Errorf("body font size %.1fpx, want at least 16px", got.FontSize)
				}
				if got.LineHeight < 1.5 || got.LineHeight > 2 {
					t.Errorf("line height %.2f, want 1.5 to 2", got.LineHeight)
				}
				if got.Italic > 0 {
					t.Errorf("%d elements in italics", got.Italic)
				}
			})
		}
	}
}

// TestHeadingLinksWork follows an in-page link to a Chinese heading id and
// checks that the browser scrolls to it.
func TestHeadingLinksWork(t *testing.T) {
	path := chromiumPath(t)
	base := serveSample(t)
	ctx := newBrowser(t, path)

	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 600),
		chromedp.Navigate(base+"tongzhi/markdown-paiban-shili/#办理流程-2"),
		chromedp.WaitReady("footer"),
	)
	if err != nil {
		t.Fatal(err)
	}
	top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById("办理流程-2").getBoundingClientRect().top`))
	if err != nil {
		t.Fatal(err)
	}
	if top < -1 || top > 50 {
		t.Errorf("heading 办理流程-2 is at %.0fpx from the top, want it scrolled into view", top)
	}
}
