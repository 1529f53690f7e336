package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"gongshi/internal/config"
	"gongshi/internal/content"
	"gongshi/internal/diag"
	"gongshi/internal/render"
	"gongshi/internal/site"
	"gongshi/internal/tasktable"
	"gongshi/internal/tz"
)

// reservedIDs are element ids the default layouts use; Markdown headings
// never get them.
var reservedIDs = []string{"main", "header", "nav", "footer", "toc-heading", "latest-heading", "tasks-heading"}

// load reads every input and plans the site. It returns all problems of
// all inputs together.
func load(ctx context.Context, opts Options) (*loaded, *Result, error) {
	res := &Result{}
	var problems diag.List

	if info, err := os.Stat(opts.Source); err != nil || !info.IsDir() {
		return nil, res, fmt.Errorf("站点目录 %s 不存在或不是目录；请用 --source 指定含有 gongshi.toml 的目录", opts.Source)
	}

	// Every input is read and checked even when an earlier one has
	// errors, so that one run reports all of them.
	opts.Progress("读取配置", 0, 0)
	cfg, errs := config.Load(opts.Source)
	problems.Add(errs...)
	// A configuration with errors still plans, to find the content's
	// errors too; one that could not be decoded at all cannot.
	configOK := cfg != nil
	if cfg == nil {
		cfg = config.Default()
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = strings.TrimSuffix(opts.BaseURL, "/") + "/"
	}
	if cfg.BaseURL == "" {
		problems.Add(&diag.Error{File: config.FileName, Field: "baseURL", Message: "缺少网站地址",
			Hint: "请在 gongshi.toml 中写 baseURL = \"https://域名/路径/\"，或用 --base-url 指定。"})
	}

	opts.Progress("读取模板", 0, 0)
	renderer, errs := render.Load(filepath.Join(opts.Source, "layouts"))
	problems.Add(errs...)

	opts.Progress("读取任务分解表", 0, 0)
	table, errs := loadTasks(opts.Source, cfg)
	problems.Add(errs...)
	tasksOK := !hasErrors(errs)

	opts.Progress("读取内容", 0, 0)
	sources, assets, errs := loadContent(ctx, opts, cfg)
	problems.Add(errs...)

	if err := loadStatic(opts.Source, assets); err != nil {
		problems.Add(&diag.Error{File: "static", Message: "无法读取 static 目录：" + err.Error()})
	}
	// Planning needs a decoded configuration and a valid task table;
	// pages whose own files had errors are left out of it, and it checks
	// the rest.
	if !configOK || !tasksOK {
		return nil, res, problems.Err()
	}

	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = time.Now().In(tz.Shanghai())
	}
	opts.Progress("规划页面", 0, 0)
	s, skipped, errs := site.Plan(site.Input{
		Config: cfg, AsOf: asOf, Sources: sources, Tasks: table, TasksDate: cfg.Tasks.Date,
	})
	problems.Add(errs...)
	if renderer != nil {
		problems.Add(renderer.Missing(s)...)
	}
	if problems.HasErrors() {
		return nil, res, problems.Err()
	}

	l := &loaded{cfg: cfg, site: s, renderer: renderer, assets: assets}
	if table != nil {
		res.Tasks = len(table.Tasks)
		var err error
		if l.tables, err = table.JSON(false); err != nil {
			return nil, res, err
		}
		if l.csv, err = table.CSV(); err != nil {
			return nil, res, err
		}
	}
	res.Pages = len(s.Pages)
	res.Skipped = skipped
	res.Warnings = problems.Warnings()
	return l, res, nil
}

func hasErrors(errs []*diag.Error) bool {
	for _, e := range errs {
		if e.Severity == diag.SeverityError {
			return true
		}
	}
	return false
}

// loadTasks reads the task table named in the configuration, or the one
// .txt file in seeds/. A site without seeds/ has no task table.
func loadTasks(source string, cfg *config.Config) (*tasktable.Table, []*diag.Error) {
	file := cfg.Tasks.File
	if file == "" {
		matches, _ := filepath.Glob(filepath.Join(source, "seeds", "*.txt"))
		switch len(matches) {
		case 0:
			return nil, nil
		case 1:
			file, _ = filepath.Rel(source, matches[0])
		default:
			return nil, []*diag.Error{{File: "seeds", Message: "seeds 目录中有多个 .txt 文件，不知道用哪一个作为任务分解表",
				Hint: "请在 gongshi.toml 的 [tasks] 中写 file = \"seeds/文件名.txt\"。"}}
		}
	}
	file = filepath.ToSlash(file)

	src, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(file)))
	if err != nil {
		return nil, []*diag.Error{{File: config.FileName, Field: "tasks.file", Value: file,
			Message: "无法读取任务分解表：" + err.Error()}}
	}
	table, errs := tasktable.Parse(file, src)
	if cfg.Tasks.Date.IsZero() {
		errs = append(errs, &diag.Error{File: config.FileName, Field: "tasks.date",
			Message: "缺少任务分解表的发布日期", Hint: "请在 [tasks] 中写 date = 2019-07-05（任务分解表印发的日期）。"})
	}
	return table, errs
}

// loadContent reads content/: Markdown files become sources, parsed and
// rendered on all cores; other files are copied as they are.
func loadContent(ctx context.Context, opts Options, cfg *config.Config) ([]*site.Source, map[string]string, []*diag.Error) {
	root := filepath.Join(opts.Source, "content")
	assets := map[string]string{}
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != root {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.EqualFold(path.Ext(rel), ".md") {
			files = append(files, rel)
		} else {
			assets[rel] = p
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, assets, nil
	}
	if err != nil {
		return nil, nil, []*diag.Error{{File: "content", Message: "无法读取 content 目录：" + err.Error()}}
	}
	sort.Strings(files)

	md := content.NewMarkdown(content.MarkdownOptions{Unsafe: cfg.AllowRawHTML, ReservedIDs: reservedIDs})
	sources := make([]*site.Source, len(files))
	errLists := make([][]*diag.Error, len(files))

	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sources[i], errLists[i] = loadSource(root, files[i], md)
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		next <- i
		opts.Progress("读取内容", i+1, len(files))
	}
	close(next)
	wg.Wait()

	var out []*site.Source
	var errs []*diag.Error
	for i, s := range sources {
		errs = append(errs, errLists[i]...)
		if s != nil {
			out = append(out, s)
		}
	}
	return out, assets, errs
}

func loadSource(root, rel string, md *content.Markdown) (*site.Source, []*diag.Error) {
	file := "content/" + rel
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return nil, []*diag.Error{{File: file, Message: "无法读取文件：" + err.Error()}}
	}
	doc, derr := content.Split(file, src)
	if derr != nil {
		return nil, []*diag.Error{derr}
	}
	fm, errs := content.ParseFrontMatter(file, doc)
	rendered, err := md.Render(doc.Body)
	if err != nil {
		errs = append(errs, bodyError(file, doc.BodyLine, err))
	}
	if hasErrors(errs) {
		return nil, errs
	}
	return &site.Source{Path: rel, File: file, Front: fm, Rendered: rendered}, errs
}

// bodyError places an error of the Markdown body in the file: Render
// counts lines from the body's first line.
func bodyError(file string, bodyLine int, err error) *diag.Error {
	var e *diag.Error
	if errors.As(err, &e) {
		placed := *e
		placed.File = file
		if placed.Line > 0 {
			placed.Line += bodyLine - 1
		}
		return &placed
	}
	return &diag.Error{File: file, Line: bodyLine, Message: "Markdown 转换失败：" + err.Error()}
}

// loadStatic adds every file under static/ to assets, by output path.
func loadStatic(source string, assets map[string]string) error {
	root := filepath.Join(source, "static")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		assets[filepath.ToSlash(rel)] = p
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
