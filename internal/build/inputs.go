package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
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

// loadAll reads every input. Every input is read and checked even when an
// earlier one has errors, so that one run reports all of them; the errors
// stay in the session until plan collects them.
func (s *Session) loadAll(ctx context.Context) {
	opts := s.opts
	s.sourceErrs = map[string][]*diag.Error{}
	s.fatal = nil
	if info, err := os.Stat(opts.Source); err != nil || !info.IsDir() {
		s.fatal = fmt.Errorf("站点目录 %s 不存在或不是目录；请用 --source 指定含有 gongshi.toml 的目录", opts.Source)
		return
	}

	opts.Progress("读取配置", 0, 0)
	s.loadConfig()

	opts.Progress("读取模板", 0, 0)
	s.loadLayouts()

	opts.Progress("读取任务分解表", 0, 0)
	s.loadTasks()

	opts.Progress("读取内容", 0, 0)
	s.loadAllContent(ctx)
	s.loadStatic()
}

func (s *Session) loadConfig() {
	cfg, errs := config.Load(s.opts.Source)
	s.cfgErrs = errs
	s.cfgDecoded = cfg != nil
	if cfg == nil {
		cfg = config.Default()
	}
	if s.opts.BaseURL != "" {
		cfg.BaseURL = strings.TrimSuffix(s.opts.BaseURL, "/") + "/"
	}
	if cfg.BaseURL == "" && s.cfgDecoded {
		s.cfgErrs = append(s.cfgErrs, &diag.Error{File: config.FileName, Field: "baseURL", Message: "缺少网站地址",
			Hint: "请在 gongshi.toml 中写 baseURL = \"https://域名/路径/\"，或用 --base-url 指定。"})
	}
	s.cfg = cfg
	s.md = content.NewMarkdown(content.MarkdownOptions{Unsafe: cfg.AllowRawHTML, ReservedIDs: reservedIDs})
}

func (s *Session) loadLayouts() {
	s.renderer, s.layoutErrs = render.Load(filepath.Join(s.opts.Source, "layouts"))
}

// loadTasks reads the task table named in the configuration, or the one
// .txt file in seeds/. A site without seeds/ has no task table.
func (s *Session) loadTasks() {
	s.table, s.tableErrs = nil, nil
	file := s.cfg.Tasks.File
	if file == "" {
		matches, _ := filepath.Glob(filepath.Join(s.opts.Source, "seeds", "*.txt"))
		switch len(matches) {
		case 0:
			return
		case 1:
			file, _ = filepath.Rel(s.opts.Source, matches[0])
		default:
			s.tableErrs = []*diag.Error{{File: "seeds", Message: "seeds 目录中有多个 .txt 文件，不知道用哪一个作为任务分解表",
				Hint: "请在 gongshi.toml 的 [tasks] 中写 file = \"seeds/文件名.txt\"。"}}
			return
		}
	}
	file = filepath.ToSlash(file)

	src, err := os.ReadFile(filepath.Join(s.opts.Source, filepath.FromSlash(file)))
	if err != nil {
		s.tableErrs = []*diag.Error{{File: config.FileName, Field: "tasks.file", Value: file,
			Message: "无法读取任务分解表：" + err.Error()}}
		return
	}
	s.table, s.tableErrs = tasktable.Parse(file, src)
	if s.cfg.Tasks.Date.IsZero() && s.cfgDecoded {
		s.tableErrs = append(s.tableErrs, &diag.Error{File: config.FileName, Field: "tasks.date",
			Message: "缺少任务分解表的发布日期", Hint: "请在 [tasks] 中写 date = 2019-07-05（任务分解表印发的日期）。"})
	}
}

// loadAllContent reads content/: Markdown files become sources, parsed and
// rendered on all cores; other files are copied as they are.
func (s *Session) loadAllContent(ctx context.Context) {
	root := filepath.Join(s.opts.Source, "content")
	s.sources = map[string]*site.Source{}
	s.contentAssets = map[string]string{}

	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if ignored(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if isMarkdown(rel) {
			files = append(files, rel)
		} else {
			s.contentAssets[rel] = p
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		s.sourceErrs["content"] = []*diag.Error{{File: "content", Message: "无法读取 content 目录：" + err.Error()}}
		return
	}
	sort.Strings(files)
	s.loadSources(ctx, files)
}

// loadSources parses the Markdown files (paths below content/) on all
// cores, replacing what the session had for them. A file that no longer
// exists is dropped.
func (s *Session) loadSources(ctx context.Context, files []string) {
	root := filepath.Join(s.opts.Source, "content")
	sources := make([]*site.Source, len(files))
	errLists := make([][]*diag.Error, len(files))

	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sources[i], errLists[i] = loadSource(root, files[i], s.md)
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		next <- i
		s.opts.Progress("读取内容", i+1, len(files))
	}
	close(next)
	wg.Wait()

	for i, rel := range files {
		file := "content/" + rel
		delete(s.sources, file)
		delete(s.sourceErrs, file)
		if errLists[i] != nil {
			s.sourceErrs[file] = errLists[i]
		}
		if sources[i] != nil {
			s.sources[file] = sources[i]
		}
	}
}

func loadSource(root, rel string, md *content.Markdown) (*site.Source, []*diag.Error) {
	file := "content/" + rel
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
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

// loadStatic records every file under static/, by output path.
func (s *Session) loadStatic() {
	s.staticAssets = map[string]string{}
	root := filepath.Join(s.opts.Source, "static")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if rel = filepath.ToSlash(rel); !scratch(path.Base(rel)) {
			s.staticAssets[rel] = p
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		s.sourceErrs["static"] = []*diag.Error{{File: "static", Message: "无法读取 static 目录：" + err.Error()}}
	}
}

// asOf returns the instant the site is planned as of: the one given in
// the options, or else the time of this build, so that in watch mode a
// page whose publication time has come appears with the next update.
func (s *Session) asOf() time.Time {
	if !s.opts.AsOf.IsZero() {
		return s.opts.AsOf
	}
	if s.now.IsZero() {
		s.now = time.Now().In(tz.Shanghai())
	}
	return s.now
}

func hasErrors(errs []*diag.Error) bool {
	for _, e := range errs {
		if e.Severity == diag.SeverityError {
			return true
		}
	}
	return false
}

func hidden(name string) bool {
	return strings.HasPrefix(name, ".")
}

func isMarkdown(rel string) bool {
	return strings.EqualFold(path.Ext(rel), ".md")
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
