package build

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gongshi/internal/tasktable"
)

var (
	kindAttr = regexp.MustCompile(`<body class="kind-([a-z0-9]+)"`)
	metaTag  = regexp.MustCompile(`<meta name="([A-Za-z]+)" content="([^"]*)"`)
	pubDate  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`)
	h1Tag    = regexp.MustCompile(`<h1[ >]`)
	hrefAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
)

func metas(html string) map[string]string {
	out := map[string]string{}
	for _, m := range metaTag.FindAllStringSubmatch(html, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// TestSampleSitePages checks every page of the sample site for the
// government-site metadata of its page type, the footer identifiers, one
// h1, the language and 发布日期 on detail pages.
func TestSampleSitePages(t *testing.T) {
	dest := buildSite(t, repoRoot)
	pages := htmlFiles(t, dest)

	kinds := map[string]int{}
	for rel, html := range pages {
		m := kindAttr.FindStringSubmatch(html)
		if m == nil {
			t.Errorf("%s: no kind class on body", rel)
			continue
		}
		kind := m[1]
		kinds[kind]++
		tags := metas(html)

		for _, name := range []string{"SiteName", "SiteDomain", "SiteIDCode"} {
			if tags[name] == "" {
				t.Errorf("%s (%s): missing meta %s", rel, kind, name)
			}
		}
		column := slices.Contains([]string{"section", "tasktable", "departments", "timeline"}, kind)
		detail := slices.Contains([]string{"page", "task", "department"}, kind)
		if column || detail {
			for _, name := range []string{"ColumnName", "ColumnType"} {
				if tags[name] == "" {
					t.Errorf("%s (%s): missing meta %s", rel, kind, name)
				}
			}
			for _, name := range []string{"ColumnDescription", "ColumnKeywords"} {
				if _, ok := tags[name]; !ok {
					t.Errorf("%s (%s): missing meta %s", rel, kind, name)
				}
			}
		}
		if detail {
			for _, name := range []string{"ArticleTitle", "ContentSource", "Url"} {
				if tags[name] == "" {
					t.Errorf("%s (%s): missing meta %s", rel, kind, name)
				}
			}
			if !pubDate.MatchString(tags["PubDate"]) {
				t.Errorf("%s: PubDate %q is not YYYY-MM-DD HH:MM", rel, tags["PubDate"])
			}
			if !strings.Contains(html, "发布日期：") {
				t.Errorf("%s: detail page shows no 发布日期", rel)
			}
		}
		if kind == "home" && tags["ColumnName"] != "" {
			t.Errorf("home page carries column tags")
		}

		if !strings.Contains(html, `<html lang="zh-CN">`) {
			t.Errorf("%s: no lang=zh-CN", rel)
		}
		if n := len(h1Tag.FindAllString(html, -1)); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", rel, n)
		}
		if strings.Contains(html, "user-scalable=no") || strings.Contains(html, "maximum-scale") {
			t.Errorf("%s: viewport blocks zoom", rel)
		}
		checkFooter(t, rel, kind, html)
	}

	for kind, want := range map[string]int{"home": 1, "tasktable": 1, "task": 35, "departments": 1, "timeline": 1, "sitemap": 1, "404": 1} {
		if kinds[kind] != want {
			t.Errorf("%d pages of kind %s, want %d", kinds[kind], kind, want)
		}
	}
	for _, kind := range []string{"section", "page", "department"} {
		if kinds[kind] == 0 {
			t.Errorf("no page of kind %s", kind)
		}
	}
}

func checkFooter(t *testing.T, rel, kind, html string) {
	t.Helper()
	i := strings.Index(html, `<footer`)
	if i < 0 {
		t.Errorf("%s: no footer", rel)
		return
	}
	footer := html[i:]
	for _, want := range []string{
		"网站标识码：1502000000",
		"主办单位：",
		"国家税务总局包头市税务局",
		"承办单位：",
		"联系方式：",
		`href="https://beian.miit.gov.cn/"`,
		"蒙ICP备00000000号",
		"蒙公网安备00000000000000号",
		`police-badge.svg`,
		`alt="党政机关网站标识"`,
		`href="https://bszs.conac.cn/"`,
		"我为政府网站找错",
		"网站地图",
	} {
		if !strings.Contains(footer, want) {
			t.Errorf("%s: footer lacks %q", rel, want)
		}
	}
	if centred := strings.Contains(footer, "filing-home"); centred != (kind == "home") {
		t.Errorf("%s: ICP line centred = %v on a %s page", rel, centred, kind)
	}
}

// TestSampleSiteTasks checks the task pages and downloads against the
// seed parsed directly.
func TestSampleSiteTasks(t *testing.T) {
	dest := buildSite(t, repoRoot)
	src, err := os.ReadFile(filepath.Join(repoRoot, "seeds", "000_1356ac1abf4ab30c.txt"))
	if err != nil {
		t.Fatal(err)
	}
	table, errs := tasktable.Parse("seed", src)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}

	for _, task := range table.Tasks {
		html := readFile(t, dest, path.Join("tasks", strconv.Itoa(task.Number), "index.html"))
		for _, d := range task.Departments() {
			if !strings.Contains(html, ">"+d+"</a>") {
				t.Errorf("task %d page lacks department %s", task.Number, d)
			}
		}
		if !strings.Contains(html, task.Deadline.Text) {
			t.Errorf("task %d page lacks deadline %q", task.Number, task.Deadline.Text)
		}
	}

	whole := readFile(t, dest, "tasks/index.html")
	for _, task := range table.Tasks {
		if !strings.Contains(whole, `id="task-`+strconv.Itoa(task.Number)+`"`) {
			t.Errorf("task table lacks row %d", task.Number)
		}
	}
	if !strings.Contains(whole, "牵头部门除承担部门职责范围内具体工作外") {
		t.Error("task table lacks the 备注")
	}
	if n := strings.Count(whole, `scope="col"`); n != 8 {
		t.Errorf("task table has %d column headers, want 8", n)
	}

	var tasks []map[string]any
	data := []byte(readFile(t, dest, "tasks/tasks.json"))
	if err := json.Unmarshal(data, &tasks); err != nil {
		t.Fatal(err)
	}
	if len(tasks) != 35 {
		t.Fatalf("tasks.json has %d objects", len(tasks))
	}
	wantKeys := []string{"category", "cooperating", "deadline", "lead", "measure", "milestones", "number", "ongoing", "recurring", "responsible", "text", "unit"}
	for i, obj := range tasks {
		var keys []string
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !slices.Equal(keys, wantKeys) {
			t.Errorf("tasks.json object %d keys = %v", i, keys)
		}
	}
	want, _ := table.JSON(false)
	var wantTasks []map[string]any
	json.Unmarshal(want, &wantTasks)
	if got, _ := json.Marshal(tasks); !bytes.Equal(got, mustMarshal(wantTasks)) {
		t.Error("tasks.json differs from the seed parse")
	}

	csv := readFile(t, dest, "tasks/tasks.csv")
	if !strings.HasPrefix(csv, "\ufeff序号,") {
		t.Errorf("tasks.csv does not start with a BOM and the header: %q", csv[:min(20, len(csv))])
	}
	if n := strings.Count(csv, "\r\n"); n != 36 {
		t.Errorf("tasks.csv has %d lines, want 36", n)
	}

	for _, d := range []string{"zheng-guan-he-ke-ji-fa-zhan-chu", "ji-cha-ju", "ren-shi-chu"} {
		html := readFile(t, dest, "tasks/departments/"+d+"/index.html")
		if !strings.Contains(html, `href="/zfgs/tasks/31/"`) {
			t.Errorf("department %s does not list task 31", d)
		}
	}
}

// TestSampleSiteOutput checks the files beside the pages: sitemap, robots,
// 404, and that every internal link and asset resolves to a file.
func TestSampleSiteOutput(t *testing.T) {
	dest := buildSite(t, repoRoot)
	files := treeHashes(t, dest)

	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, dest, "sitemap.xml")), &sitemap); err != nil {
		t.Fatal(err)
	}
	locs := map[string]bool{}
	for _, u := range sitemap.URLs {
		if !strings.HasPrefix(u.Loc, "https://www.example.gov.cn/zfgs/") {
			t.Errorf("sitemap URL not absolute under the base URL: %s", u.Loc)
		}
		locs[strings.TrimPrefix(u.Loc, "https://www.example.gov.cn/zfgs/")] = true
	}
	for rel := range files {
		if dir, ok := strings.CutSuffix(rel, "index.html"); ok && !locs[dir] {
			t.Errorf("sitemap lacks %s", dir)
		}
	}
	if locs["404.html"] {
		t.Error("sitemap lists the 404 page")
	}

	robots := readFile(t, dest, "robots.txt")
	if !strings.Contains(robots, "Sitemap: https://www.example.gov.cn/zfgs/sitemap.xml") {
		t.Errorf("robots.txt = %q", robots)
	}
	if _, ok := files["404.html"]; !ok {
		t.Error("no 404.html")
	}

	for rel, html := range htmlFiles(t, dest) {
		for _, m := range hrefAttr.FindAllStringSubmatch(html, -1) {
			link := m[1]
			if strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "mailto:") {
				continue
			}
			if strings.HasPrefix(link, "//") || strings.HasPrefix(link, "http:") {
				t.Errorf("%s: link to another origin without https: %s", rel, link)
				continue
			}
			target, ok := resolve(rel, link)
			if !ok {
				t.Errorf("%s: link outside the site: %s", rel, link)
				continue
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: broken link %s (no %s)", rel, link, target)
			}
		}
		for _, external := range []string{`<script src="http`, `<link rel="stylesheet" href="http`, `<img src="http`, `@import`} {
			if strings.Contains(html, external) {
				t.Errorf("%s loads %s from another origin", rel, external)
			}
		}
	}
}

// resolve maps a link in the page at rel to the output file it names.
func resolve(rel, link string) (string, bool) {
	link, _, _ = strings.Cut(link, "#")
	if link == "" {
		return rel, true
	}
	var p string
	if strings.HasPrefix(link, "/zfgs/") {
		p = strings.TrimPrefix(link, "/zfgs/")
	} else if strings.HasPrefix(link, "/") {
		return "", false
	} else {
		p = path.Join(path.Dir(rel), link)
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p, true
}

// TestSampleSiteHidesUnpublished checks that drafts, pages not yet
// published and expired pages appear in no output file.
func TestSampleSiteHidesUnpublished(t *testing.T) {
	dest := buildSite(t, repoRoot)
	for rel := range treeHashes(t, dest) {
		data := readFile(t, dest, rel)
		for _, marker := range []string{"草稿", "未来发布", "已过期"} {
			if strings.Contains(data, marker) {
				t.Errorf("%s contains unpublished page marker %q", rel, marker)
			}
		}
	}
}

func readFile(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

var idAttr = regexp.MustCompile(` id="([^"]*)"`)

// TestSampleSiteIDsUnique checks that no page repeats an element id, which
// would break in-page links and the skip link.
func TestSampleSiteIDsUnique(t *testing.T) {
	for rel, html := range htmlFiles(t, buildSite(t, repoRoot)) {
		seen := map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
			if seen[m[1]] {
				t.Errorf("%s: id %q used twice", rel, m[1])
			}
			seen[m[1]] = true
		}
	}
}
