package site

import (
	"slices"
	"strings"
	"testing"
	"time"

	"gongshi/internal/config"
	"gongshi/internal/content"
	"gongshi/internal/diag"
	"gongshi/internal/tz"
)

func testConfig() *config.Config {
	return &config.Config{
		BaseURL: "https://www.example.gov.cn/zfgs/", SiteName: "测试", SiteIDCode: "1",
		SummaryLength: 50, PageSize: 2,
		Columns: []config.Column{{Section: "tongzhi", Name: "通知公告", Type: "信息公开目录"}},
	}
}

func source(path, title string, date time.Time) *Source {
	return &Source{
		Path: path, File: "content/" + path,
		Front:    content.FrontMatter{Title: title, Date: date, Lines: map[string]int{}},
		Rendered: content.Rendered{HTML: []byte(`<p><a href="/tongzhi/">通知</a> <a href="//cdn.example.cn/x">x</a></p>`), PlainText: "正文"},
	}
}

var day = tz.Date(2025, time.June, 1)

func paths(s *Site) []string {
	var out []string
	for _, p := range s.Pages {
		out = append(out, p.Path)
	}
	return out
}

func TestPlanURLs(t *testing.T) {
	in := Input{Config: testConfig(), AsOf: day, Sources: []*Source{
		source("tongzhi/_index.md", "通知公告", time.Time{}),
		source("tongzhi/A-Notice.md", "甲", day),
		source("通知/公告.md", "乙", day),
	}}
	s, _, errs := Plan(in)
	if len(errs) != 1 || errs[0].Severity != diag.SeverityWarning || errs[0].File != "content/通知/" {
		t.Fatalf("want one warning about the section without [[column]], got %v", errs)
	}
	got := paths(s)
	for _, want := range []string{"", "tongzhi/", "tongzhi/a-notice/", "tong-zhi/", "tong-zhi/gong-gao/", "sitemap/"} {
		if !slices.Contains(got, want) {
			t.Errorf("no page at %q; pages: %q", want, got)
		}
	}
	for _, p := range s.Pages {
		if p.Path == "tongzhi/a-notice/" {
			if p.Column.Name != "通知公告" || p.Column.Type != "信息公开目录" {
				t.Errorf("column = %+v", p.Column)
			}
			if !strings.Contains(string(p.Content), `href="/zfgs/tongzhi/"`) || !strings.Contains(string(p.Content), `href="//cdn.example.cn/x"`) {
				t.Errorf("links not rebased correctly: %s", p.Content)
			}
			if p.Permalink() != "https://www.example.gov.cn/zfgs/tongzhi/a-notice/" {
				t.Errorf("permalink = %s", p.Permalink())
			}
		}
	}
}

func TestPlanReportsURLCollision(t *testing.T) {
	a := source("tongzhi/a.md", "甲", day)
	b := source("tongzhi/b.md", "乙", day)
	b.Front.Slug = "A"
	b.Front.Lines["slug"] = 4
	_, _, errs := Plan(Input{Config: testConfig(), AsOf: day, Sources: []*Source{a, b}})
	if len(errs) != 1 || errs[0].File != "content/tongzhi/b.md" || errs[0].Line != 4 || !strings.Contains(errs[0].Message, "content/tongzhi/a.md") {
		t.Errorf("got %v", errs)
	}
}

func TestPlanRejectsBadSlug(t *testing.T) {
	a := source("tongzhi/a.md", "甲", day)
	a.Front.Slug = "通知 一"
	_, _, errs := Plan(Input{Config: testConfig(), AsOf: day, Sources: []*Source{a}})
	if len(errs) != 1 || errs[0].Field != "slug" {
		t.Errorf("got %v", errs)
	}
}

func TestPlanRequiresDateAndTitle(t *testing.T) {
	_, _, errs := Plan(Input{Config: testConfig(), AsOf: day, Sources: []*Source{source("tongzhi/a.md", "", time.Time{})}})
	var fields []string
	for _, e := range errs {
		fields = append(fields, e.Field)
	}
	if !slices.Equal(fields, []string{"title", "date"}) {
		t.Errorf("fields = %v", fields)
	}
}

func TestPlanPublication(t *testing.T) {
	draft := source("tongzhi/draft.md", "草稿", day)
	draft.Front.Draft = true
	later := source("tongzhi/later.md", "晚", day)
	later.Front.PublishDate = day.Add(36 * time.Hour)
	today := source("tongzhi/today.md", "今天", day.AddDate(0, 0, -3))
	today.Front.PublishDate = day
	dated := source("tongzhi/dated.md", "日期在后", day.Add(time.Minute))
	expired := source("tongzhi/expired.md", "过期", day)
	expired.Front.ExpiryDate = day
	live := source("tongzhi/live.md", "有效", day)
	live.Front.ExpiryDate = day.Add(time.Hour)

	s, skipped, errs := Plan(Input{Config: testConfig(), AsOf: day, Sources: []*Source{draft, later, today, dated, expired, live}})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if !slices.Equal(skipped.Drafts, []string{draft.File}) || !slices.Equal(skipped.Future, []string{later.File, dated.File}) || !slices.Equal(skipped.Expired, []string{expired.File}) {
		t.Errorf("skipped = %+v", skipped)
	}
	got := paths(s)
	for _, want := range []string{"tongzhi/today/", "tongzhi/live/"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s missing", want)
		}
	}
	for _, gone := range []string{"tongzhi/draft/", "tongzhi/later/", "tongzhi/dated/", "tongzhi/expired/"} {
		if slices.Contains(got, gone) {
			t.Errorf("%s published", gone)
		}
	}
}

func TestPlanPaginatesAndSorts(t *testing.T) {
	older := source("tongzhi/older.md", "旧", day.AddDate(0, 0, -2))
	newer := source("tongzhi/newer.md", "新", day)
	middle := source("tongzhi/middle.md", "中", day.AddDate(0, 0, -1))
	pinned := source("tongzhi/pinned.md", "置顶", day.AddDate(-1, 0, 0))
	pinned.Front.Weight = 1
	s, _, errs := Plan(Input{Config: testConfig(), AsOf: day, Sources: []*Source{older, newer, middle, pinned}})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	var lists []*Page
	for _, p := range s.Pages {
		if p.Kind == KindSection {
			lists = append(lists, p)
		}
	}
	if len(lists) != 2 || lists[1].Path != "tongzhi/page/2/" {
		t.Fatalf("list pages: %q", paths(s))
	}
	var order []string
	for _, l := range lists {
		for _, p := range l.Pages {
			order = append(order, p.Title)
		}
	}
	if !slices.Equal(order, []string{"置顶", "新", "中", "旧"}) {
		t.Errorf("order = %v", order)
	}
	pager := lists[1].Pager
	if pager.Number != 2 || pager.Total != 2 || pager.Items != 4 || pager.Prev != "/zfgs/tongzhi/" || pager.Next != "" {
		t.Errorf("pager = %+v", pager)
	}
	if crumbs := lists[1].Breadcrumbs; len(crumbs) != 3 || crumbs[1].URL != "/zfgs/tongzhi/" {
		t.Errorf("breadcrumbs = %+v", crumbs)
	}
}

func TestEscapePath(t *testing.T) {
	if got := escapePath("a b/中/x~y"); got != "a%20b/%E4%B8%AD/x~y" {
		t.Errorf("got %s", got)
	}
}

func TestPlanChecksColumnsAndMenu(t *testing.T) {
	cfg := testConfig()
	cfg.Columns = append(cfg.Columns, config.Column{Section: "shihuo", Name: "事后公示", Type: "数据发布"})
	cfg.Menu = []config.MenuItem{{Name: "首页", URL: "/"}, {Name: "通知", URL: "/tongzhi/"}, {Name: "错", URL: "/tongzi/"}, {Name: "外部", URL: "https://www.gov.cn/"}}
	cfg.Lines = map[string][]int{"column": {10, 20}, "menu": {30, 33, 36, 39}}
	page := source("tongzhi/a.md", "甲", day)
	page.Front.Column = "通知公告"
	page.Front.Lines["column"] = 5

	_, _, errs := Plan(Input{Config: cfg, AsOf: day, Sources: []*Source{source("tongzhi/_index.md", "通知公告", time.Time{}), page}})
	want := map[string]int{"column": 5, "column.section": 20, "menu.url": 36}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d: %v", len(errs), len(want), errs)
	}
	for _, e := range errs {
		if line, ok := want[e.Field]; !ok || e.Line != line {
			t.Errorf("unexpected error %v (line %d)", e, e.Line)
		}
	}
}

func TestPlanInvalidSlugsDoNotClash(t *testing.T) {
	a := source("tongzhi/a.md", "甲", day)
	a.Front.Slug = "坏 一"
	b := source("tongzhi/b.md", "乙", day)
	b.Front.Slug = "坏 二"
	_, _, errs := Plan(Input{Config: testConfig(), AsOf: day, Sources: []*Source{a, b}})
	if len(errs) != 2 || errs[0].Field != "slug" || errs[1].Field != "slug" {
		t.Errorf("want two slug errors and no clash, got %v", errs)
	}
}
