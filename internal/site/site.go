// Package site plans a build: from the loaded configuration, content pages
// and task table it decides, as of the build date, which pages exist, their
// URLs, what each list holds, and the breadcrumbs and metadata of each
// page. It reads no files and writes none; templates consume its result.
package site

import (
	"html/template"
	"strings"
	"time"

	"gongshi/internal/config"
	"gongshi/internal/content"
	"gongshi/internal/tasktable"
)

// Page kinds. Each kind has its own template, looked up by the renderer.
const (
	KindHome        = "home"
	KindSection     = "section"
	KindPage        = "page"
	KindTaskTable   = "tasktable"
	KindTask        = "task"
	KindDepartments = "departments"
	KindDepartment  = "department"
	KindTimeline    = "timeline"
	KindSiteMap     = "sitemap"
	Kind404         = "404"
)

// Site is the plan of one build.
type Site struct {
	Config *config.Config
	// AsOf is the instant the site is built as of: now, or the start of
	// the day given with --as-of, in Asia/Shanghai.
	AsOf time.Time
	// BasePath is the path part of the base URL, such as "/" or "/zfgs/".
	BasePath string

	Home  *Page
	Pages []*Page // every HTML page, in output order
	Menu  []MenuLink

	// Tasks is the task table, nil when the site has none.
	Tasks *TaskTable
}

// MenuLink is an entry of the main navigation.
type MenuLink struct {
	Name    string
	URL     string
	Section string // first path segment, for marking the current entry
}

// Link is a titled link, used for breadcrumbs and related pages.
type Link struct {
	Title string
	URL   string
}

// Column is the column (栏目) a page belongs to, for its metadata tags.
type Column struct {
	Name        string
	Type        string
	Description string
	Keywords    []string
	URL         string
}

// Page is one HTML page of the output.
type Page struct {
	Site *Site

	Kind    string
	Section string // first folder under content/, or the task section
	Title   string
	// Path is the page's URL path below the base path, such as
	// "tasks/1/", or "" for the home page.
	Path string
	// Date is the 发布日期 shown and put in PubDate: the publishDate when
	// given, otherwise the date.
	Date        time.Time
	Description string
	Keywords    []string
	Summary     string
	Content     template.HTML
	Headings    []content.Heading
	Weight      int
	Column      *Column
	Breadcrumbs []Link
	// Source is the content file the page comes from, relative to the
	// site folder; empty for generated pages.
	Source string

	// Pages are the items a list page shows on this page of the list.
	Pages []*Page
	Pager *Pager

	Task       *tasktable.Task
	Department *Department

	// Deps are the inputs whose content the page shows, sorted: content
	// files as "content/…" and the task table as its path. A list also
	// has the path of each item it shows as "/path/". A change of members
	// then changes the deps even when an item has no file of its own.
	// The configuration and the layouts are inputs of every page and are
	// not listed. In watch mode a page is rendered again when one of its
	// deps changes or the list itself changes.
	//
	// NOTE: the deps describe what the default layouts show. A custom
	// layout that reads other pages through .Site must be paired with
	// deps for them, or watch mode may serve it stale until a full build.
	Deps []string

	// ancestry are the _index.md files of the list pages above and
	// including this one, whose titles the breadcrumbs show.
	ancestry []string
}

// RelURL returns the page's link within the site, including the base path.
func (p *Page) RelURL() string {
	return p.Site.BasePath + p.Path
}

// Permalink returns the page's absolute URL.
func (p *Page) Permalink() string {
	return absURL(p.Site.Config.BaseURL, p.Path)
}

// OutputPath returns the file the page is written to.
func (p *Page) OutputPath() string {
	if p.Kind == Kind404 {
		return "404.html"
	}
	return p.Path + "index.html"
}

// IsDetail reports whether the page is an article-like detail page, which
// carries the ArticleTitle, PubDate and ContentSource tags.
func (p *Page) IsDetail() bool {
	switch p.Kind {
	case KindPage, KindTask, KindDepartment:
		return true
	}
	return false
}

// IsColumn reports whether the page is a column's list page.
func (p *Page) IsColumn() bool {
	switch p.Kind {
	case KindSection, KindTaskTable, KindDepartments, KindTimeline:
		return true
	}
	return false
}

// Pager describes one page of a paginated list.
type Pager struct {
	Number int // 1-based
	Total  int // number of list pages
	Items  int // number of items in the whole list
	Prev   string
	Next   string
	Pages  []Link // one link per list page, titled by its number
}

// absURL joins the base URL and a path below it, percent-encoding what
// needs it.
func absURL(base, path string) string {
	return strings.TrimSuffix(base, "/") + "/" + escapePath(path)
}

// escapePath percent-encodes every byte outside the unreserved set and "/".
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || c == '-' || c == '_' || c == '.' || c == '~' ||
			c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
