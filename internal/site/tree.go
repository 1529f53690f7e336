package site

import (
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gongshi/internal/diag"
	"gongshi/internal/slug"
)

// dirNode is a folder of content/ with its pages.
type dirNode struct {
	dir     string // below content/, "" for the top
	urlPath string // the folder's URL path, "" or "shiqian/"
	index   *Source
	pages   []*Source
	subdirs map[string]*dirNode
}

func (p *planner) buildTree(sources []*Source) *dirNode {
	root := &dirNode{subdirs: map[string]*dirNode{}}
	for _, s := range sources {
		dir := path.Dir(s.Path)
		if dir == "." {
			dir = ""
		}
		node := root
		if dir != "" {
			for _, part := range strings.Split(dir, "/") {
				child := node.subdirs[part]
				if child == nil {
					child = &dirNode{dir: path.Join(node.dir, part), subdirs: map[string]*dirNode{}}
					child.urlPath = node.urlPath + p.segment(part, s, false) + "/"
					node.subdirs[part] = child
				}
				node = child
			}
		}
		if s.IsSection() {
			node.index = s
		} else {
			node.pages = append(node.pages, s)
		}
	}
	return root
}

// validSegment matches a URL segment after lower-casing.
var validSegment = regexp.MustCompile(`^[a-z0-9][a-z0-9_\-.]*$`)

// invalidSegment is the result for a URL segment that could not be made.
// The error is reported and the page is left out, so it causes no
// follow-on URL clash.
const invalidSegment = ""

// segment turns a file or folder name, or a slug, into a URL segment:
// lower-case ASCII; Chinese becomes pinyin. A slug must already be valid.
func (p *planner) segment(name string, s *Source, isSlug bool) string {
	lower := strings.ToLower(name)
	if validSegment.MatchString(lower) {
		return lower
	}
	if isSlug {
		p.errs = append(p.errs, &diag.Error{
			File: s.File, Line: s.Front.Lines["slug"], Field: "slug", Value: name,
			Message: "slug 只能包含英文字母、数字、连字符、下划线和点",
			Hint:    "例如 slug = \"2024-notice\"；不写 slug 时网址由文件名生成。",
		})
		return invalidSegment
	}
	if seg := slug.Make(name); seg != "" {
		return seg
	}
	p.errs = append(p.errs, &diag.Error{
		File: s.File, Value: name,
		Message: "无法由这个文件名或文件夹名生成网址",
		Hint:    "请改用中文、英文字母或数字命名，或在 front matter 中写 slug。",
	})
	return invalidSegment
}

// sections creates the list pages of every content folder and the pages
// in them, depth first in name order.
func (p *planner) sections(root *dirNode) {
	p.pagesOf(root, "", nil)
	names := sortedKeys(root.subdirs)
	for _, name := range names {
		p.section(root.subdirs[name], nil)
	}
	home := p.site.Home
	home.Pages = latest(p.regular, 10)
	for _, pg := range home.Pages {
		home.Deps = append(home.Deps, "/"+pg.Path, pg.Source)
	}
	if p.in.Tasks != nil {
		home.Deps = append(home.Deps, p.in.Tasks.File)
	}
}

// section plans one folder: its list page, its pages and its subfolders.
// parent is the list page of the enclosing folder, nil at the top.
func (p *planner) section(node *dirNode, parent *Page) *Page {
	top := strings.SplitN(node.dir, "/", 2)[0]
	topURL := strings.SplitN(node.urlPath, "/", 2)[0]

	list := p.newPage(KindSection, topURL, path.Base(node.dir), node.urlPath)
	file := "content/" + node.dir + "/"
	line := 0
	if node.index != nil {
		p.fromSource(list, node.index)
		list.Title = node.index.Front.Title
		file = node.index.File
		line = node.index.Front.Lines["title"]
		if list.Title == "" {
			p.errs = append(p.errs, &diag.Error{File: file, Line: 1, Field: "title", Message: "栏目缺少标题", Hint: "请在 _index.md 的 front matter 中写 title = \"栏目名称\"。"})
		}
	}
	p.claim(list.Path, file, line)

	if parent != nil {
		list.ancestry = append(list.ancestry, parent.ancestry...)
	}
	list.Deps = append(list.Deps, list.ancestry...)
	if node.index != nil {
		list.ancestry = append(list.ancestry, node.index.File)
	}

	if parent == nil {
		list.Column = p.column(top, list)
		if node.index == nil && list.Column.Name != "" {
			list.Title = list.Column.Name
		}
		list.Breadcrumbs = []Link{p.homeLink(), {Title: list.Title}}
	} else {
		list.Column = parent.Column
		list.Breadcrumbs = append(crumbsTo(parent), Link{Title: list.Title})
	}
	p.sectionPages = append(p.sectionPages, list)

	items := p.pagesOf(node, topURL, list)
	for _, name := range sortedKeys(node.subdirs) {
		sub := p.section(node.subdirs[name], list)
		items = append(items, sub)
	}
	sortPages(items)
	p.paginate(list, items)
	return list
}

// pagesOf plans the regular pages of a folder.
func (p *planner) pagesOf(node *dirNode, section string, list *Page) []*Page {
	var out []*Page
	for _, s := range node.pages {
		name := strings.TrimSuffix(path.Base(s.Path), path.Ext(s.Path))
		var seg string
		if s.Front.Slug != "" {
			seg = p.segment(s.Front.Slug, s, true)
		} else {
			seg = p.segment(name, s, false)
		}
		if seg == invalidSegment {
			continue
		}
		pg := p.newPage(KindPage, section, s.Front.Title, node.urlPath+seg+"/")
		p.fromSource(pg, s)
		p.claim(pg.Path, s.File, s.Front.Lines["slug"])
		p.checkPage(pg, s)

		if list != nil {
			pg.Column = list.Column
			if col := s.Front.Column; col != "" {
				pg.Column = p.namedColumn(col, s)
			}
			pg.Breadcrumbs = append(crumbsTo(list), Link{Title: pg.Title})
			pg.Deps = append(pg.Deps, list.ancestry...)
		} else {
			cfg := p.in.Config
			pg.Column = &Column{Name: cfg.SiteName, Type: "其他", Description: cfg.Description, Keywords: cfg.Keywords, URL: p.site.BasePath}
			fillColumn(pg.Column)
			pg.Breadcrumbs = []Link{p.homeLink(), {Title: pg.Title}}
		}
		out = append(out, pg)
		p.regular = append(p.regular, pg)
	}
	return out
}

// checkPage reports what a public page must have: a title and a 发布日期.
func (p *planner) checkPage(pg *Page, s *Source) {
	if pg.Title == "" {
		p.errs = append(p.errs, &diag.Error{File: s.File, Line: 1, Field: "title", Message: "页面缺少标题", Hint: "请在 front matter 中写 title = \"标题\"。"})
	}
	if pg.Date.IsZero() {
		p.errs = append(p.errs, &diag.Error{
			File: s.File, Line: 1, Field: "date", Message: "页面缺少发布日期",
			Hint: "每条公开信息都要显示发布日期：请在 front matter 中写 date = 2024-01-31。",
		})
	}
}

// crumbsTo returns the breadcrumbs of a list page with its last entry made
// a link, for use by the pages below it.
func crumbsTo(list *Page) []Link {
	out := append([]Link(nil), list.Breadcrumbs...)
	out[len(out)-1] = Link{Title: list.Title, URL: list.RelURL()}
	return out
}

// paginate splits a list into pages of the configured size: the first at
// the list's own path, the others at page/2/, page/3/ and so on.
func (p *planner) paginate(list *Page, items []*Page) {
	size := p.in.Config.PageSize
	total := max(1, (len(items)+size-1)/size)
	// Every page of the list shows the list's size and its own items, so
	// each depends on every item.
	for _, item := range items {
		list.Deps = append(list.Deps, "/"+item.Path)
		if item.Source != "" {
			list.Deps = append(list.Deps, item.Source)
		}
	}

	// The pages of the list share one deps slice, read-only from here on.
	slices.Sort(list.Deps)
	list.Deps = slices.Compact(list.Deps)

	pages := make([]*Page, total)
	pages[0] = list
	for n := 2; n <= total; n++ {
		pg := *list
		pg.Path = list.Path + "page/" + strconv.Itoa(n) + "/"
		pg.Breadcrumbs = append(crumbsTo(list), Link{Title: "第 " + strconv.Itoa(n) + " 页"})
		pages[n-1] = &pg
		p.site.Pages = append(p.site.Pages, &pg)
		p.claim(pg.Path, list.Source, 0)
	}

	links := make([]Link, total)
	for i, pg := range pages {
		links[i] = Link{Title: strconv.Itoa(i + 1), URL: pg.RelURL()}
	}
	for i, pg := range pages {
		lo, hi := i*size, min(len(items), (i+1)*size)
		pg.Pages = items[lo:hi]
		pg.Pager = &Pager{Number: i + 1, Total: total, Items: len(items), Pages: links}
		if i > 0 {
			pg.Pager.Prev = links[i-1].URL
		}
		if i < total-1 {
			pg.Pager.Next = links[i+1].URL
		}
	}
}

func sortedKeys(m map[string]*dirNode) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
