// Package render executes the html/template layouts of layouts/ over the
// planned pages.
//
// Lookup: a page of kind K in section S uses layouts/S/K.html when it
// exists, otherwise layouts/_default/K.html. Every page template is
// combined with layouts/_default/baseof.html and all of layouts/partials/,
// and fills the blocks the base template declares ("main" at least).
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gongshi/internal/diag"
	"gongshi/internal/site"
)

// Renderer holds the parsed layouts. It is safe for concurrent use once
// loaded.
type Renderer struct {
	dir  string
	base *template.Template
	// sets maps a layout file below layouts/ ("_default/page.html") to
	// its template, combined with the base and partials.
	sets map[string]*template.Template
}

// Load parses every layout under dir (the site's layouts folder).
func Load(dir string) (*Renderer, []*diag.Error) {
	r := &Renderer{dir: dir, sets: map[string]*template.Template{}}

	basePath := filepath.Join(dir, "_default", "baseof.html")
	baseSrc, err := os.ReadFile(basePath)
	if err != nil {
		return nil, []*diag.Error{{File: rel(dir, basePath), Message: "缺少基础模板：" + err.Error(),
			Hint: "layouts/_default/baseof.html 是每个页面共用的外框，请从 gongshi 自带的 layouts/ 复制。"}}
	}

	var errs []*diag.Error
	base := template.New("baseof.html").Funcs(Funcs())
	if _, err := base.Parse(string(baseSrc)); err != nil {
		errs = append(errs, templateError(dir, basePath, err))
	}

	partials, _ := filepath.Glob(filepath.Join(dir, "partials", "*.html"))
	sort.Strings(partials)
	for _, file := range partials {
		src, err := os.ReadFile(file)
		if err != nil {
			errs = append(errs, &diag.Error{File: rel(dir, file), Message: err.Error()})
			continue
		}
		name := "partials/" + filepath.Base(file)
		if _, err := base.New(name).Parse(string(src)); err != nil {
			errs = append(errs, templateError(dir, file, err))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	r.base = base

	err = filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(dir, file)
		name = filepath.ToSlash(name)
		if d.IsDir() || !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "partials/") || name == "_default/baseof.html" {
			return nil
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		set, err := base.Clone()
		if err == nil {
			_, err = set.New(name).Parse(string(src))
		}
		if err != nil {
			errs = append(errs, templateError(dir, file, err))
			return nil
		}
		r.sets[name] = set
		return nil
	})
	if err != nil {
		errs = append(errs, &diag.Error{File: "layouts", Message: "无法读取模板目录：" + err.Error()})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return r, nil
}

func rel(dir, file string) string {
	r, err := filepath.Rel(filepath.Dir(dir), file)
	if err != nil {
		return file
	}
	return filepath.ToSlash(r)
}

// templateLine matches the position html/template puts in its errors:
// "template: NAME:LINE:COL: ..." or "template: NAME:LINE: ...".
var templateLine = regexp.MustCompile(`template: [^:]+:(\d+)(?::(\d+))?: (.*)`)

func templateError(dir, file string, err error) *diag.Error {
	e := &diag.Error{File: rel(dir, file), Message: "模板错误：" + err.Error(),
		Hint: "请检查这一行的 {{ }} 写法是否成对、函数名和字段名是否正确。"}
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Column, _ = strconv.Atoi(m[2])
		e.Message = "模板错误：" + m[3]
	}
	return e
}

// Missing returns one error per page kind of s that has no layout, so a
// missing template is reported once instead of once per page.
func (r *Renderer) Missing(s *site.Site) []*diag.Error {
	var errs []*diag.Error
	seen := map[string]bool{}
	for _, p := range s.Pages {
		if seen[p.Kind] {
			continue
		}
		seen[p.Kind] = true
		if _, ok := r.Lookup(p.Kind, p.Section); !ok {
			errs = append(errs, &diag.Error{
				File: "layouts/_default/" + p.Kind + ".html", Message: "缺少页面类型“" + p.Kind + "”的模板",
				Hint: "请从 gongshi 自带的 layouts/_default/ 复制这个文件。",
			})
		}
	}
	return errs
}

// Lookup returns the layout file used for a kind in a section.
func (r *Renderer) Lookup(kind, section string) (string, bool) {
	candidates := []string{"_default/" + kind + ".html"}
	if section != "" {
		candidates = append([]string{section + "/" + kind + ".html"}, candidates...)
	}
	for _, name := range candidates {
		if _, ok := r.sets[name]; ok {
			return name, true
		}
	}
	return "", false
}

// execError matches html/template's execution errors:
// `template: NAME:LINE:COL: executing "X" at <Y>: MESSAGE`.
var execError = regexp.MustCompile(`^template: ([^:]+):(\d+):(\d+): executing "[^"]*" at <([^>]*)>: (.*)$`)

var noField = regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`)

// ExecError turns an error of executing a layout into a positioned error
// naming the layout file, line and expression, in Chinese where the cause
// is a common one. Errors of the same layout line are equal, so a caller
// can report one per line instead of one per page.
func ExecError(err error) *diag.Error {
	m := execError.FindStringSubmatch(err.Error())
	if m == nil {
		return &diag.Error{Message: "模板执行出错：" + err.Error()}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	e := &diag.Error{File: "layouts/" + m[1], Line: line, Column: col, Value: m[4],
		Message: "模板执行出错：" + m[5], Hint: "请检查这个表达式的字段名和函数名。"}
	if f := noField.FindStringSubmatch(m[5]); f != nil {
		e.Message = fmt.Sprintf("模板执行出错：%s 没有字段 %s", f[2], f[1])
		e.Hint = "字段名区分大小写，例如 .Title、.Date、.Content；请改正拼写。"
	}
	return e
}

// ErrNoLayout is returned for a page whose kind has no layout.
var ErrNoLayout = errors.New("no layout")

// Page renders one page to HTML, executing the base template with the
// page's layout filling its blocks.
func (r *Renderer) Page(buf *bytes.Buffer, p *site.Page) error {
	name, ok := r.Lookup(p.Kind, p.Section)
	if !ok {
		return fmt.Errorf("%w: 没有页面类型 %q 的模板（应为 layouts/_default/%s.html）", ErrNoLayout, p.Kind, p.Kind)
	}
	return r.sets[name].ExecuteTemplate(buf, "baseof.html", p)
}
