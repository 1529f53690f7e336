package build

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongshi/internal/diag"
	"gongshi/internal/output"
	"gongshi/internal/tz"
)

func TestRebuildIsByteIdentical(t *testing.T) {
	first := treeHashes(t, buildSite(t, repoRoot))
	second := treeHashes(t, buildSite(t, repoRoot))
	if !maps.Equal(first, second) {
		for rel, sum := range first {
			if second[rel] != sum {
				t.Errorf("%s differs between two builds", rel)
			}
		}
		t.Fatal("two builds of the same input differ")
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	source := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := Run(ctx, Options{Source: source, Dest: dest, AsOf: testAsOf}); err != nil {
		t.Fatal(err)
	}
	before := treeHashes(t, dest)

	// Two independent errors: both must be reported.
	writeFile(t, source, "content/tongzhi/broken.md", "+++\ntitle = \"坏页面\"\ndate = 2024-13-01\n+++\n正文\n")
	writeFile(t, source, "content/tongzhi/dup.md", "+++\ntitle = \"重复\"\ntitle = \"重复\"\ndate = 2024-01-01\n+++\n正文\n")
	_, err := Run(ctx, Options{Source: source, Dest: dest, AsOf: testAsOf})
	var be *diag.BuildError
	if !errors.As(err, &be) {
		t.Fatalf("want a BuildError, got %v", err)
	}
	files := map[string]bool{}
	for _, e := range be.Errors {
		files[e.File] = true
		if e.Line == 0 {
			t.Errorf("error without line: %s", e)
		}
	}
	if !files["content/tongzhi/broken.md"] || !files["content/tongzhi/dup.md"] {
		t.Errorf("not every error reported: %v", be)
	}

	if after := treeHashes(t, dest); !maps.Equal(before, after) {
		t.Error("a failed build changed the output")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public-staging-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

func TestRebuildRemovesDeletedPages(t *testing.T) {
	source := copySite(t)
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	writeFile(t, source, "content/tongzhi/temporary.md", "+++\ntitle = \"临时通知\"\ndate = 2025-03-01\n+++\n正文\n")
	if _, err := Run(ctx, Options{Source: source, Dest: dest, AsOf: testAsOf}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dest, "tongzhi", "temporary", "index.html")
	if _, err := os.Stat(page); err != nil {
		t.Fatalf("page not built: %v", err)
	}

	if err := os.Remove(filepath.Join(source, "content", "tongzhi", "temporary.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, Options{Source: source, Dest: dest, AsOf: testAsOf}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(page); !os.IsNotExist(err) {
		t.Errorf("deleted page still in output: %v", err)
	}
	for rel := range treeHashes(t, dest) {
		if strings.Contains(readFile(t, dest, rel), "临时通知") {
			t.Errorf("%s still mentions the deleted page", rel)
		}
	}
}

func TestBuildRefusesForeignDestination(t *testing.T) {
	dest := t.TempDir()
	writeFile(t, dest, "important.txt", "not ours")
	_, err := Run(context.Background(), Options{Source: repoRoot, Dest: dest, AsOf: testAsOf})
	if err == nil || !strings.Contains(err.Error(), output.MarkerFile) {
		t.Fatalf("want refusal naming %s, got %v", output.MarkerFile, err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "important.txt")); string(data) != "not ours" {
		t.Error("foreign file touched")
	}
}

func TestBuildRefusesSourceAsDestination(t *testing.T) {
	source := copySite(t)
	for _, dest := range []string{source, filepath.Join(source, "content", "out"), filepath.Dir(source)} {
		if _, err := Run(context.Background(), Options{Source: source, Dest: dest, AsOf: testAsOf}); err == nil {
			t.Errorf("build into %s accepted", dest)
		}
	}
	if _, err := os.Stat(filepath.Join(source, "gongshi.toml")); err != nil {
		t.Fatal("source damaged")
	}
}

func TestAsOfControlsPublication(t *testing.T) {
	source := copySite(t)
	writeFile(t, source, "content/tongzhi/later.md", "+++\ntitle = \"定时发布的通知\"\ndate = 2025-01-01\npublishDate = 2026-03-01T09:00:00\n+++\n正文\n")
	writeFile(t, source, "content/tongzhi/ending.md", "+++\ntitle = \"到期下线的通知\"\ndate = 2025-01-01\nexpiryDate = 2026-03-01\n+++\n正文\n")

	tests := []struct {
		at             string
		later, expired bool
	}{
		{"2026-02-28 23:59", false, false},
		{"2026-03-01 00:00", false, true},
		{"2026-03-01 08:59", false, true},
		{"2026-03-01 09:00", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			day, _ := time.ParseInLocation("2006-01-02 15:04", tt.at, tz.Shanghai())
			dest := filepath.Join(t.TempDir(), "public")
			if _, err := Run(context.Background(), Options{Source: source, Dest: dest, AsOf: day}); err != nil {
				t.Fatal(err)
			}
			_, errLater := os.Stat(filepath.Join(dest, "tongzhi", "later", "index.html"))
			_, errEnding := os.Stat(filepath.Join(dest, "tongzhi", "ending", "index.html"))
			if got := errLater == nil; got != tt.later {
				t.Errorf("scheduled page published = %v, want %v", got, tt.later)
			}
			if got := errEnding != nil; got != tt.expired {
				t.Errorf("expiring page removed = %v, want %v", got, tt.expired)
			}
		})
	}
}

// TestTemplateErrorReportedOncePerLine breaks a layout so that every page
// of a kind fails: the report has one error, naming the layout line and
// the number of pages.
func TestTemplateErrorReportedOncePerLine(t *testing.T) {
	source := copySite(t)
	writeFile(t, source, "layouts/_default/page.html", "{{define \"main\"}}\n<h1>{{.Titel}}</h1>\n{{end}}\n")
	_, err := Run(context.Background(), Options{Source: source, Dest: filepath.Join(t.TempDir(), "public"), AsOf: testAsOf})
	var be *diag.BuildError
	if !errors.As(err, &be) {
		t.Fatalf("want a BuildError, got %v", err)
	}
	if len(be.Errors) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(be.Errors), be)
	}
	e := be.Errors[0]
	if e.File != "layouts/_default/page.html" || e.Line != 2 || !strings.Contains(e.Message, "没有字段 Titel") || !strings.Contains(e.Message, "个页面") {
		t.Errorf("got %s", e)
	}
}
