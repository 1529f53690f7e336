// Package build runs one whole build: load every input, collect every
// problem, plan the site as of a date, render it in parallel and write it
// through the output package, which swaps it in only on success.
package build

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"gongshi/internal/config"
	"gongshi/internal/diag"
	"gongshi/internal/output"
	"gongshi/internal/render"
	"gongshi/internal/site"
)

// Options configure a build. The zero value builds the site in the current
// folder into public/ as of today.
type Options struct {
	// Source is the site folder; default ".".
	Source string
	// Dest is the output folder; default "public" inside Source.
	Dest string
	// BaseURL overrides the configuration's baseURL when set.
	BaseURL string
	// AsOf is the instant the site is built as of; default now. Pages
	// published later or expired by then are left out.
	AsOf time.Time
	// Progress, when set, is called as work advances: stage names a step,
	// done and total count its items (total 0 when unknown).
	Progress func(stage string, done, total int)
	// Workers is the number of parallel renderers; default GOMAXPROCS.
	Workers int
}

// Result summarizes a build.
type Result struct {
	Pages    int
	Files    int
	Bytes    int64
	Tasks    int
	Skipped  site.Skipped
	Warnings []*diag.Error
	Duration time.Duration
}

// Check loads and plans the site without writing anything, returning every
// problem found.
func Check(ctx context.Context, opts Options) (*Result, error) {
	_, res, err := load(ctx, opts.withDefaults())
	return res, err
}

// Run builds the site. On error the previous output is left as it was.
func Run(ctx context.Context, opts Options) (*Result, error) {
	opts = opts.withDefaults()
	start := time.Now()

	loaded, res, err := load(ctx, opts)
	if err != nil {
		return res, err
	}

	w, err := output.NewWriter(opts.Dest, opts.Source)
	if err != nil {
		return res, err
	}
	if err := write(ctx, w, loaded, opts); err != nil {
		w.Abort()
		return res, err
	}
	if err := w.Commit(); err != nil {
		w.Abort()
		return res, err
	}

	res.Files, res.Bytes = w.Stats()
	res.Duration = time.Since(start)
	return res, nil
}

func (o Options) withDefaults() Options {
	if o.Source == "" {
		o.Source = "."
	}
	if o.Dest == "" {
		o.Dest = filepath.Join(o.Source, "public")
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Progress == nil {
		o.Progress = func(string, int, int) {}
	}
	return o
}

// loaded is everything read and planned, ready to render.
type loaded struct {
	cfg      *config.Config
	site     *site.Site
	renderer *render.Renderer
	// assets are files copied as they are: static/ and the non-Markdown
	// files of content/, by output path.
	assets map[string]string
	tables []byte // tasks.json
	csv    []byte // tasks.csv
}

func write(ctx context.Context, w *output.Writer, l *loaded, opts Options) error {
	if err := renderPages(ctx, w, l, opts); err != nil {
		return err
	}

	opts.Progress("写入其他文件", 0, 0)
	if l.site.Tasks != nil {
		section := l.cfg.Tasks.Section
		if err := w.WriteFile(section+"/tasks.json", l.tables); err != nil {
			return err
		}
		if err := w.WriteRaw(section+"/tasks.csv", l.csv); err != nil {
			return err
		}
	}
	if err := w.WriteFile("sitemap.xml", sitemapXML(l.site)); err != nil {
		return err
	}
	if err := w.WriteRaw("robots.txt", robotsTxt(l.site)); err != nil {
		return err
	}
	for _, rel := range sortedKeys(l.assets) {
		if err := w.CopyFile(rel, l.assets[rel]); err != nil {
			return err
		}
	}
	return nil
}

// renderPages renders every page on opts.Workers goroutines. Each worker
// owns its buffer, so a page's HTML is held only while it is written.
func renderPages(ctx context.Context, w *output.Writer, l *loaded, opts Options) error {
	pages := l.site.Pages
	total := len(pages)
	jobs := make(chan *site.Page)
	errs := make(chan error, total)
	var done sync.WaitGroup
	var mu sync.Mutex
	finished := 0

	for range opts.Workers {
		done.Add(1)
		go func() {
			defer done.Done()
			var buf bytes.Buffer
			for p := range jobs {
				buf.Reset()
				if err := l.renderer.Page(&buf, p); err != nil {
					errs <- fmt.Errorf("渲染 /%s 失败：%w", p.Path, err)
					continue
				}
				if err := w.WriteFile(p.OutputPath(), buf.Bytes()); err != nil {
					errs <- err
					continue
				}
				mu.Lock()
				finished++
				n := finished
				mu.Unlock()
				opts.Progress("渲染页面", n, total)
			}
		}()
	}

	for _, p := range pages {
		if ctx.Err() != nil {
			break
		}
		jobs <- p
	}
	close(jobs)
	done.Wait()
	close(errs)

	var list diag.List
	for err := range errs {
		list.Add(&diag.Error{Message: err.Error()})
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return list.Err()
}
