// Package build runs builds: it loads every input, collects every problem,
// plans the site as of an instant, renders it in parallel and writes it
// through the output package. A full build is swapped in only on success;
// in watch mode a Session keeps the inputs and re-renders only the pages
// that depend on what changed.
package build

import (
	"context"
	"path/filepath"
	"runtime"
	"time"

	"gongshi/internal/diag"
	"gongshi/internal/site"
)

// Options configure a build. The zero value builds the site in the current
// folder into public/ as of now.
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
	Pages int
	// Rendered is the number of pages rendered: all of them in a full
	// build, those whose inputs changed in an update.
	Rendered int
	Files    int
	Bytes    int64
	Tasks    int
	Skipped  site.Skipped
	Warnings []*diag.Error
	Duration time.Duration
	// Full is set when the build reloaded and rendered everything.
	Full bool
}

// Check loads and plans the site without writing anything, returning every
// problem found.
func Check(ctx context.Context, opts Options) (*Result, error) {
	s := NewSession(opts)
	res := &Result{}
	s.loadAll(ctx)
	_, err := s.plan(res)
	return res, err
}

// Run builds the site. On error the previous output is left as it was.
func Run(ctx context.Context, opts Options) (*Result, error) {
	return NewSession(opts).Build(ctx)
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
