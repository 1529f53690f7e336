package build

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"gongshi/internal/testsite"
	"gongshi/internal/tz"
)

// editor applies random edits to a copy of the sample site and reports
// the paths it touched, as a watcher would.
type editor struct {
	t    *testing.T
	dir  string
	rand *rand.Rand
	n    int
}

var editSections = []string{"tongzhi", "shiqian", "shizhong", "shihou"}

func (e *editor) pages() []string {
	var out []string
	filepath.WalkDir(filepath.Join(e.dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && filepath.Base(p) != "_index.md" {
			rel, _ := filepath.Rel(e.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func (e *editor) page(title string) string {
	e.n++
	day := 1 + e.rand.IntN(28)
	month := 1 + e.rand.IntN(12)
	extra := ""
	if e.rand.IntN(4) == 0 {
		extra = fmt.Sprintf("weight = %d\n", 1+e.rand.IntN(3))
	}
	return fmt.Sprintf("+++\ntitle = %q\ndate = 2024-%02d-%02d\n%s+++\n## 第%d节\n\n正文**「重点」**第 %d 次修改。\n", title, month, day, extra, e.n, e.n)
}

func (e *editor) write(rel, text string) {
	testsite.WriteFile(e.t, e.dir, rel, text)
}

// step makes one random edit and returns the paths it changed.
func (e *editor) step() []string {
	pages := e.pages()
	pick := func() string { return pages[e.rand.IntN(len(pages))] }
	section := editSections[e.rand.IntN(len(editSections))]

	switch op := e.rand.IntN(10); {
	case op < 3 || len(pages) < 5: // create
		rel := fmt.Sprintf("content/%s/new-%d.md", section, e.n)
		e.write(rel, e.page(fmt.Sprintf("新页面%d", e.n)))
		return []string{rel}
	case op < 5: // modify: rewrite, append to the body, or change its start
		rel := pick()
		data, err := os.ReadFile(filepath.Join(e.dir, rel))
		if err != nil {
			e.t.Fatal(err)
		}
		text := string(data)
		switch e.rand.IntN(3) {
		case 0:
			text = e.page(fmt.Sprintf("修改后的页面%d", e.n))
		case 1:
			text += fmt.Sprintf("\n末尾补充%d。\n", e.n)
		default:
			if i := strings.LastIndex(text, "+++\n"); i >= 0 {
				text = text[:i+4] + fmt.Sprintf("开头补充%d。\n\n", e.n) + text[i+4:]
			}
		}
		e.n++
		e.write(rel, text)
		return []string{rel}
	case op < 6: // delete
		rel := pick()
		os.Remove(filepath.Join(e.dir, rel))
		return []string{rel}
	case op < 7: // rename into another section
		from := pick()
		to := fmt.Sprintf("content/%s/moved-%d.md", section, e.n)
		e.n++
		os.Rename(filepath.Join(e.dir, from), filepath.Join(e.dir, to))
		return []string{from, to}
	case op < 8: // retitle a section
		rel := "content/" + section + "/_index.md"
		e.write(rel, fmt.Sprintf("+++\ntitle = \"栏目%d\"\n+++\n", e.n))
		e.n++
		return []string{rel}
	case op < 9: // a new nested folder, several levels at once
		rel := fmt.Sprintf("content/%s/d%d/e/f.md", section, e.n)
		e.write(rel, e.page(fmt.Sprintf("深层页面%d", e.n)))
		return []string{fmt.Sprintf("content/%s/d%d", section, e.n-1)}
	case e.rand.IntN(3) == 0: // the task table: toggle one deadline
		rel := "seeds/000_1356ac1abf4ab30c.txt"
		data, err := os.ReadFile(filepath.Join(e.dir, rel))
		if err != nil {
			e.t.Fatal(err)
		}
		text := string(data)
		if strings.Contains(text, "\t2020年底前\n") {
			text = strings.Replace(text, "\t2020年底前\n", "\t2021年底前\n", 1)
		} else {
			text = strings.Replace(text, "\t2021年底前\n", "\t2020年底前\n", 1)
		}
		e.write(rel, text)
		return []string{rel}
	default: // a static file and a content attachment
		e.n++
		e.write(fmt.Sprintf("static/files/f%d.txt", e.n%3), fmt.Sprint(e.n))
		e.write(fmt.Sprintf("content/%s/att-%d.txt", section, e.n%2), fmt.Sprint(e.n))
		return []string{fmt.Sprintf("static/files/f%d.txt", e.n%3), fmt.Sprintf("content/%s/att-%d.txt", section, e.n%2)}
	}
}

// builtSession copies the sample site and builds it in a new session,
// returning the site folder, the output folder and the session.
func builtSession(t *testing.T) (string, string, *Session) {
	t.Helper()
	dir := testsite.Copy(t, repoRoot, testsite.Inputs...)
	dest := filepath.Join(t.TempDir(), "public")
	s := NewSession(Options{Source: dir, Dest: dest, AsOf: testAsOf})
	if _, err := s.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	return dir, dest, s
}

// TestUpdateMatchesCleanBuild makes 240 random edits, updating after each
// one or each burst, and checks at intervals and at the end that the
// output equals a clean build of the same files, byte for byte.
func TestUpdateMatchesCleanBuild(t *testing.T) {
	dir, dest, s := builtSession(t)
	ctx := context.Background()

	ed := &editor{t: t, dir: dir, rand: rand.New(rand.NewPCG(1, 2))}
	edits := 0
	for round := 0; edits < 240; round++ {
		var changed []string
		for range 1 + ed.rand.IntN(3) {
			changed = append(changed, ed.step()...)
			edits++
		}
		res, err := s.Update(ctx, changed)
		if err != nil {
			t.Fatalf("edit %d: %v", edits, err)
		}
		if res.Full {
			t.Fatalf("edit %d: content edits caused a full rebuild", edits)
		}
		if round%25 == 0 || edits >= 240 {
			compareWithCleanBuild(t, dir, dest, edits)
		}
	}
}

func compareWithCleanBuild(t *testing.T, dir, dest string, edits int) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "public")
	if _, err := Run(context.Background(), Options{Source: dir, Dest: clean, AsOf: testAsOf}); err != nil {
		t.Fatalf("after %d edits, clean build failed: %v", edits, err)
	}
	got, want := treeHashes(t, dest), treeHashes(t, clean)
	if maps.Equal(got, want) {
		return
	}
	var diff []string
	for rel, sum := range want {
		if got[rel] != sum {
			diff = append(diff, "differs or missing: "+rel)
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			diff = append(diff, "stale: "+rel)
		}
	}
	slices.Sort(diff)
	t.Fatalf("after %d edits the watch output differs from a clean build:\n%s", edits, strings.Join(diff, "\n"))
}

// TestUpdateRendersOnlyDependents checks the dependency tracking on a
// small edit: a page's text changes, so the page renders and nothing
// else; its title changes, so its section lists, the home page and the
// site map render too.
func TestUpdateRendersOnlyDependents(t *testing.T) {
	dir, dest, s := builtSession(t)
	ctx := context.Background()
	rel := "content/shiqian/zhifa-zhuti.md"
	src, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}

	testsite.WriteFile(t, dir, rel, string(src)+"\n补充一段正文。\n")
	res, err := s.Update(ctx, []string{rel})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != 1 {
		// Only the page: lists, the home page and the site map show its
		// title, date and summary, which did not change.
		t.Errorf("body edit rendered %d pages, want 1", res.Rendered)
	}

	testsite.WriteFile(t, dir, rel, strings.Replace(string(src), "title = ", "title = \"新标题\"\n# ", 1))
	res, err = s.Update(ctx, []string{rel})
	if err != nil {
		t.Fatal(err)
	}
	page := readFile(t, dest, "shiqian/zhifa-zhuti/index.html")
	list := readFile(t, dest, "shiqian/index.html")
	if !strings.Contains(page, "<h1>新标题</h1>") || !strings.Contains(list, ">新标题</a>") {
		t.Error("the new title is not on the page and its list")
	}
	if res.Rendered > 5 {
		t.Errorf("title edit rendered %d pages", res.Rendered)
	}
}

// TestUpdateKeepsLastGoodOutput breaks a page, checks the update fails and
// the output is unchanged, then fixes it.
func TestUpdateKeepsLastGoodOutput(t *testing.T) {
	dir, dest, s := builtSession(t)
	ctx := context.Background()
	before := treeHashes(t, dest)

	rel := "content/tongzhi/broken.md"
	testsite.WriteFile(t, dir, rel, "+++\ntitle = \"坏\"\ndate = 2024-13-01\n+++\n")
	if _, err := s.Update(ctx, []string{rel}); err == nil || !strings.Contains(err.Error(), "broken.md:3") {
		t.Fatalf("want the error with file and line, got %v", err)
	}
	if !maps.Equal(before, treeHashes(t, dest)) {
		t.Error("a failed update changed the output")
	}

	testsite.WriteFile(t, dir, rel, "+++\ntitle = \"修好了\"\ndate = 2024-12-01\n+++\n")
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readFile(t, dest, "tongzhi/broken/index.html"), "修好了") {
		t.Error("the fixed page was not built: pending changes were lost")
	}
	compareWithCleanBuild(t, dir, dest, 2)
}

// TestUpdatePublishesWhenTimeComes checks that, without a fixed as-of, a
// page timed for later appears with the first update after its time,
// even when the update changes nothing else.
func TestUpdatePublishesWhenTimeComes(t *testing.T) {
	dir := testsite.Copy(t, repoRoot, testsite.Inputs...)
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	at := time.Now().In(tz.Shanghai()).Add(1500 * time.Millisecond)
	testsite.WriteFile(t, dir, "content/tongzhi/timed.md", fmt.Sprintf("+++\ntitle = \"定时\"\ndate = 2025-01-01\npublishDate = %s\n+++\n", at.Format(time.RFC3339Nano)))

	s := NewSession(Options{Source: dir, Dest: dest})
	if _, err := s.Build(ctx); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dest, "tongzhi", "timed", "index.html")
	if _, err := os.Stat(page); err == nil {
		t.Fatal("page published before its time")
	}
	time.Sleep(time.Until(at) + 100*time.Millisecond)
	if _, err := s.Update(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(page); err != nil {
		t.Errorf("page not published after its time: %v", err)
	}
}
