package site

import (
	"fmt"
	"html/template"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"gongshi/internal/config"
	"gongshi/internal/content"
	"gongshi/internal/diag"
	"gongshi/internal/tasktable"
)

// Source is one loaded content file.
type Source struct {
	// Path is the file below content/, slash-separated ("shiqian/a.md").
	Path string
	// File is the path shown in messages ("content/shiqian/a.md").
	File     string
	Front    content.FrontMatter
	Rendered content.Rendered

	// cache is filled by Plan, which is the only user of a Source at a
	// time.
	cache derived
}

// sortDeps sorts each page's deps and removes repeats. The pages of one
// list share a single deps slice, which is sorted once.
func sortDeps(pages []*Page) {
	done := map[*string]bool{}
	for _, pg := range pages {
		if len(pg.Deps) == 0 {
			continue
		}
		if done[&pg.Deps[0]] {
			continue
		}
		slices.Sort(pg.Deps)
		pg.Deps = slices.Compact(pg.Deps)
		done[&pg.Deps[0]] = true
	}
}

// derived are values made from a Source for a plan, kept so that planning
// again in watch mode does not redo them for every unchanged file.
type derived struct {
	summaryLength int
	summary       string
	basePath      string
	html          template.HTML
}

// summaryOf returns the source's summary of n characters.
func (s *Source) summaryOf(n int) string {
	if s.cache.summary == "" || s.cache.summaryLength != n {
		s.cache.summary = content.Summarize(s.Rendered.PlainText, n)
		s.cache.summaryLength = n
	}
	return s.cache.summary
}

// htmlFor returns the source's HTML with its root-relative links below
// basePath.
func (s *Source) htmlFor(basePath string) template.HTML {
	if s.cache.html == "" || s.cache.basePath != basePath {
		s.cache.html = template.HTML(rebase(string(s.Rendered.HTML), basePath))
		s.cache.basePath = basePath
	}
	return s.cache.html
}

// IsSection reports whether the file is a section's _index.md.
func (s *Source) IsSection() bool {
	return path.Base(s.Path) == "_index.md"
}

// Input is everything a plan is made from.
type Input struct {
	Config  *config.Config
	AsOf    time.Time
	Sources []*Source
	// Tasks is the parsed task table, or nil.
	Tasks *tasktable.Table
	// TasksDate is the task table's 发布日期.
	TasksDate time.Time
}

// Skipped lists the content files left out of the site at the as-of
// instant, by reason.
type Skipped struct {
	Drafts  []string
	Future  []string
	Expired []string
}

// Count returns the number of files left out.
func (s Skipped) Count() int {
	return len(s.Drafts) + len(s.Future) + len(s.Expired)
}

// Plan decides the pages of the site. It reports every problem it finds.
func Plan(in Input) (*Site, Skipped, []*diag.Error) {
	p := planner{in: in, urls: map[string]string{}}
	s := &Site{Config: in.Config, AsOf: in.AsOf, BasePath: basePath(in.Config.BaseURL)}
	p.site = s

	sources := p.published(in.Sources)
	tree := p.buildTree(sources)
	p.home(tree)
	p.sections(tree)
	if in.Tasks != nil {
		p.tasks()
	}
	p.siteMap()
	p.notFound()
	p.menu()
	p.checkColumns(tree)
	sortDeps(s.Pages)
	return s, p.skipped, p.errs
}

type planner struct {
	in      Input
	site    *Site
	errs    []*diag.Error
	skipped Skipped
	// urls maps each page path to the file that claimed it.
	urls map[string]string
	// sectionPages are the list pages of content sections, in tree order.
	sectionPages []*Page
	// regular are all regular content pages.
	regular []*Page
}

func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}

// published keeps the sources that are public at the as-of instant: not
// drafts, published (publishDate, or date when there is none) at or
// before it, and not expired (expiryDate after it). As in Hugo, a page
// dated in the future waits for its date.
func (p *planner) published(all []*Source) []*Source {
	asOf := p.in.AsOf
	var out []*Source
	for _, s := range all {
		fm := s.Front
		publish := fm.PublishDate
		if publish.IsZero() {
			publish = fm.Date
		}
		switch {
		case fm.Draft:
			p.skipped.Drafts = append(p.skipped.Drafts, s.File)
		case publish.After(asOf):
			p.skipped.Future = append(p.skipped.Future, s.File)
		case !fm.ExpiryDate.IsZero() && !fm.ExpiryDate.After(asOf):
			p.skipped.Expired = append(p.skipped.Expired, s.File)
		default:
			out = append(out, s)
		}
	}
	return out
}

// claim records that file produces the page at pagePath, reporting a clash.
func (p *planner) claim(pagePath, file string, line int) bool {
	if prev, ok := p.urls[pagePath]; ok {
		p.errs = append(p.errs, &diag.Error{
			File: file, Line: line, Field: "slug", Value: "/" + pagePath,
			Message: "网址与 " + prev + " 的网址相同",
			Hint:    "请修改其中一个文件的文件名或 slug，使网址不同（网址不区分大小写）。",
		})
		return false
	}
	p.urls[pagePath] = file
	return true
}

func (p *planner) newPage(kind, section, title, pagePath string) *Page {
	pg := &Page{Site: p.site, Kind: kind, Section: section, Title: title, Path: pagePath}
	p.site.Pages = append(p.site.Pages, pg)
	return pg
}

// fromSource fills a page's fields from its content file.
func (p *planner) fromSource(pg *Page, s *Source) {
	fm := s.Front
	pg.Source = s.File
	pg.Deps = append(pg.Deps, s.File)
	pg.Date = fm.Date
	if !fm.PublishDate.IsZero() {
		pg.Date = fm.PublishDate
	}
	pg.Weight = fm.Weight
	pg.Keywords = fm.Keywords
	pg.Content = s.htmlFor(p.site.BasePath)
	pg.Headings = s.Rendered.Headings
	pg.Summary = s.summaryOf(p.in.Config.SummaryLength)
	pg.Description = fm.Description
	if pg.Description == "" {
		pg.Description = pg.Summary
	}
}

// sortPages orders a list: by weight (pages without one last), then
// newest first, then title, then path, so that the order never depends on
// the order files were read.
func sortPages(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if a.Weight != b.Weight {
			if a.Weight == 0 || b.Weight == 0 {
				return b.Weight == 0
			}
			return a.Weight < b.Weight
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Path < b.Path
	})
}

// column returns the column metadata for a section, from the configuration
// or, without a [[column]] entry, from the section's own page.
func (p *planner) column(section string, fallback *Page) *Column {
	if c, ok := p.in.Config.Column(section); ok {
		col := &Column{Name: c.Name, Type: c.Type, Description: c.Description, Keywords: c.Keywords, URL: p.site.BasePath + section + "/"}
		fillColumn(col)
		return col
	}
	col := &Column{Type: "其他", URL: p.site.BasePath + section + "/"}
	if section != p.in.Config.Tasks.Section {
		p.errs = append(p.errs, &diag.Error{
			File: "content/" + section + "/", Severity: diag.SeverityWarning,
			Message: "栏目“" + section + "”在 gongshi.toml 中没有 [[column]]，栏目类型（ColumnType）暂用“其他”",
			Hint:    "请在 gongshi.toml 中为它加一个 [[column]]，写明 section、name 和 type。",
		})
	}
	if fallback != nil {
		col.Name = fallback.Title
		col.Description = fallback.Description
		col.Keywords = fallback.Keywords
	}
	fillColumn(col)
	return col
}

// namedColumn returns the column a page names with its column key, which
// must be the section of a [[column]] in gongshi.toml.
func (p *planner) namedColumn(section string, s *Source) *Column {
	if _, ok := p.in.Config.Column(section); ok {
		return p.column(section, nil)
	}
	var known []string
	for _, c := range p.in.Config.Columns {
		known = append(known, fmt.Sprintf("%s（%s）", c.Section, c.Name))
	}
	p.errs = append(p.errs, &diag.Error{
		File: s.File, Line: s.Front.Lines["column"], Field: "column", Value: section,
		Message: "gongshi.toml 中没有 section 为这个值的栏目",
		Hint:    "column 要写栏目的 section（文件夹名），不是栏目名称。可用的值：" + strings.Join(known, "、") + "。",
	})
	return &Column{Name: p.in.Config.SiteName, Type: "其他"}
}

// fillColumn gives an empty ColumnDescription or ColumnKeywords the column
// name, because the metadata rules expect every column tag to have a value.
func fillColumn(c *Column) {
	if c.Description == "" {
		c.Description = c.Name
	}
	if len(c.Keywords) == 0 && c.Name != "" {
		c.Keywords = []string{c.Name}
	}
}

func (p *planner) home(tree *dirNode) {
	cfg := p.in.Config
	pg := p.newPage(KindHome, "", cfg.SiteName, "")
	p.urls[""] = "content/_index.md"
	pg.Description = cfg.Description
	pg.Keywords = cfg.Keywords
	if tree.index != nil {
		p.fromSource(pg, tree.index)
		if tree.index.Front.Title != "" {
			pg.Title = tree.index.Front.Title
		}
		if tree.index.Front.Description == "" && cfg.Description != "" {
			pg.Description = cfg.Description
		}
	}
	p.site.Home = pg
}

// latest returns up to n regular pages, newest first.
//
// It keeps the n best in a sorted slice in one pass instead of sorting
// every page, because watch mode plans the whole site on each edit.
func latest(pages []*Page, n int) []*Page {
	newer := func(a, b *Page) bool {
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Path < b.Path
	}
	out := make([]*Page, 0, n+1)
	for _, pg := range pages {
		if len(out) == n && !newer(pg, out[n-1]) {
			continue
		}
		i, _ := slices.BinarySearchFunc(out, pg, func(a, b *Page) int {
			if newer(a, b) {
				return -1
			}
			return 1
		})
		out = slices.Insert(out, i, pg)
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// menu makes the navigation. A link within the site that names a folder
// must lead to a page: a menu entry that breaks is on every page.
func (p *planner) menu() {
	cfg := p.in.Config
	for i, m := range cfg.Menu {
		link := m.URL
		section := ""
		if strings.HasPrefix(link, "/") {
			target, _, _ := strings.Cut(strings.TrimPrefix(link, "/"), "#")
			section, _, _ = strings.Cut(target, "/")
			link = p.site.BasePath + strings.TrimPrefix(link, "/")
			if _, ok := p.urls[target]; !ok && (target == "" || strings.HasSuffix(target, "/")) {
				p.errs = append(p.errs, &diag.Error{
					File: cfg.File, Line: nth(cfg.Lines["menu"], i), Field: "menu.url", Value: m.URL,
					Message: "菜单项“" + m.Name + "”指向的页面不存在",
					Hint:    "请检查网址拼写；栏目的网址是 /文件夹名/，例如 /tongzhi/。",
				})
			}
		}
		p.site.Menu = append(p.site.Menu, MenuLink{Name: m.Name, URL: link, Section: section})
	}
}

// checkColumns reports a [[column]] whose section has no folder in
// content/ and is not the task table's: usually a misspelt folder name.
func (p *planner) checkColumns(tree *dirNode) {
	cfg := p.in.Config
	for i, c := range cfg.Columns {
		if c.Section == cfg.Tasks.Section && p.in.Tasks != nil {
			continue
		}
		if _, ok := tree.subdirs[c.Section]; ok {
			continue
		}
		p.errs = append(p.errs, &diag.Error{
			File: cfg.File, Line: nth(cfg.Lines["column"], i), Field: "column.section", Value: c.Section,
			Message: "content/ 中没有这个栏目的文件夹",
			Hint:    "section 要与 content/ 下的文件夹名一致；栏目没有内容时也请建文件夹并写 _index.md。",
		})
	}
}

// nth returns lines[i], or 0 when there is no such line.
func nth(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

func (p *planner) siteMap() {
	pg := p.newPage(KindSiteMap, "sitemap", "网站地图", "sitemap/")
	// The map shows every section's title and item count.
	for _, s := range p.in.Sources {
		pg.Deps = append(pg.Deps, s.File)
	}
	if p.in.Tasks != nil {
		pg.Deps = append(pg.Deps, p.in.Tasks.File)
	}
	p.claim(pg.Path, "网站地图", 0)
	pg.Description = p.in.Config.SiteName + "的全部栏目和页面"
	pg.Breadcrumbs = []Link{p.homeLink(), {Title: pg.Title}}
	pg.Column = &Column{Name: "网站地图", Type: "其他", URL: pg.RelURL()}
}

func (p *planner) notFound() {
	pg := p.newPage(Kind404, "", "页面不存在", "404/")
	pg.Breadcrumbs = []Link{p.homeLink(), {Title: pg.Title}}
}

func (p *planner) homeLink() Link {
	return Link{Title: "首页", URL: p.site.BasePath}
}

// rebase prefixes root-relative links in rendered Markdown with the base
// path, so that an editor's [通知](/tongzhi/) works when the site is
// published below a folder such as /zfgs/. goldmark always writes
// href="…" and src="…" with double quotes.
func rebase(html, basePath string) string {
	if basePath == "/" {
		return html
	}
	r := strings.NewReplacer(
		`href="/`+"/", `href="//`, `src="/`+"/", `src="//`,
		`href="/`, `href="`+basePath, `src="/`, `src="`+basePath,
	)
	return r.Replace(html)
}
