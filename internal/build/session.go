package build

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"gongshi/internal/config"
	"gongshi/internal/content"
	"gongshi/internal/diag"
	"gongshi/internal/output"
	"gongshi/internal/render"
	"gongshi/internal/site"
	"gongshi/internal/tasktable"
)

// Session keeps a site's inputs and its last good build between builds,
// for watch mode. It is not safe for concurrent use.
type Session struct {
	opts Options

	// fatal is a problem that stops loading altogether, such as a
	// missing site folder.
	fatal error

	cfg        *config.Config
	cfgDecoded bool
	cfgErrs    []*diag.Error
	md         *content.Markdown
	renderer   *render.Renderer
	layoutErrs []*diag.Error
	table      *tasktable.Table
	tableErrs  []*diag.Error
	// sources and sourceErrs are keyed by file ("content/a/b.md").
	sources    map[string]*site.Source
	sourceErrs map[string][]*diag.Error
	// contentAssets and staticAssets map output paths to input files.
	contentAssets map[string]string
	staticAssets  map[string]string

	// The last good build: its plan, each page's deps by output path, and
	// the writer that updates its folder.
	site  *site.Site
	deps  map[string][]string
	live  *output.Live
	files map[string]bool // outputs other than pages: assets, downloads

	// pending are the inputs changed since the last good build, as paths
	// relative to the site folder. They stay pending while updates fail.
	pending map[string]bool

	// now is the as-of instant of the current build when the options give
	// none; builtAsOf is the as-of of the last good build.
	now       time.Time
	builtAsOf time.Time
}

// NewSession returns a session for the site opts names. Nothing is read
// until Build.
func NewSession(opts Options) *Session {
	return &Session{opts: opts.withDefaults(), pending: map[string]bool{}}
}

// Dest returns the output folder.
func (s *Session) Dest() string {
	return s.opts.Dest
}

// Build reads every input and builds the whole site into a staging folder
// that replaces the output only on success.
func (s *Session) Build(ctx context.Context) (*Result, error) {
	start := time.Now()
	s.now = time.Time{}
	res := &Result{Full: true}
	s.loadAll(ctx)
	plan, err := s.plan(res)
	if err != nil {
		return res, err
	}

	w, err := output.NewWriter(s.opts.Dest, s.opts.Source)
	if err != nil {
		return res, err
	}
	if err := s.writeAll(ctx, w, plan, res); err != nil {
		w.Abort()
		return res, err
	}
	if err := w.Commit(); err != nil {
		w.Abort()
		return res, err
	}

	s.remember(plan, output.NewLive(s.opts.Dest, w.Hashes()))
	res.Files, res.Bytes = w.Stats()
	res.Duration = time.Since(start)
	return res, nil
}

// plan collects every load error and, when the inputs allow, plans the
// site and adds its errors. It returns the plan only when nothing stops
// the build.
func (s *Session) plan(res *Result) (*site.Site, error) {
	if s.fatal != nil {
		return nil, s.fatal
	}
	var problems diag.List
	problems.Add(s.cfgErrs...)
	problems.Add(s.layoutErrs...)
	problems.Add(s.tableErrs...)
	for _, file := range sortedKeys(s.sourceErrs) {
		problems.Add(s.sourceErrs[file]...)
	}

	// Planning needs a decoded configuration and a valid task table;
	// pages whose own files had errors are left out of it, and it checks
	// the rest.
	if !s.cfgDecoded || hasErrors(s.tableErrs) {
		res.Warnings = problems.Warnings()
		return nil, problems.Err()
	}

	s.opts.Progress("规划页面", 0, 0)
	sources := make([]*site.Source, 0, len(s.sources))
	for _, file := range sortedKeys(s.sources) {
		sources = append(sources, s.sources[file])
	}
	plan, skipped, errs := site.Plan(site.Input{
		Config: s.cfg, AsOf: s.asOf(), Sources: sources, Tasks: s.table, TasksDate: s.cfg.Tasks.Date,
	})
	problems.Add(errs...)
	if s.renderer != nil {
		problems.Add(s.renderer.Missing(plan)...)
	}

	res.Pages = len(plan.Pages)
	res.Skipped = skipped
	res.Warnings = problems.Warnings()
	if s.table != nil {
		res.Tasks = len(s.table.Tasks)
	}
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return plan, nil
}

// fileWriter is what writing a build needs of output.Writer and
// output.Live.
type fileWriter interface {
	WriteFile(rel string, data []byte) error
	WriteRaw(rel string, data []byte) error
	CopyFile(rel, src string) error
}

var (
	_ fileWriter = (*output.Writer)(nil)
	_ fileWriter = (*output.Live)(nil)
)

// writeAll renders every page and writes every other file.
func (s *Session) writeAll(ctx context.Context, w fileWriter, plan *site.Site, res *Result) error {
	if err := s.renderPages(ctx, w, plan.Pages); err != nil {
		return err
	}
	res.Rendered = len(plan.Pages)
	s.opts.Progress("写入其他文件", 0, 0)
	if err := s.writeGenerated(w, plan); err != nil {
		return err
	}
	assets := s.assets()
	for _, rel := range sortedKeys(assets) {
		if err := w.CopyFile(rel, assets[rel]); err != nil {
			return err
		}
	}
	return nil
}

// writeGenerated writes the files made from the whole plan: sitemap,
// robots.txt and the task table downloads.
func (s *Session) writeGenerated(w fileWriter, plan *site.Site) error {
	if s.table != nil {
		data, err := s.table.JSON(false)
		if err != nil {
			return err
		}
		if err := w.WriteFile(s.downloadPath("tasks.json"), data); err != nil {
			return err
		}
		csv, err := s.table.CSV()
		if err != nil {
			return err
		}
		if err := w.WriteRaw(s.downloadPath("tasks.csv"), csv); err != nil {
			return err
		}
	}
	if err := w.WriteRaw("sitemap.xml", sitemapXML(plan)); err != nil {
		return err
	}
	return w.WriteRaw("robots.txt", robotsTxt(plan))
}

func (s *Session) downloadPath(name string) string {
	return s.cfg.Tasks.Section + "/" + name
}

// assets returns the files copied as they are, by output path: content
// files that are not Markdown, then static/, which wins on a clash.
func (s *Session) assets() map[string]string {
	out := make(map[string]string, len(s.contentAssets)+len(s.staticAssets))
	for rel, file := range s.contentAssets {
		out[rel] = file
	}
	for rel, file := range s.staticAssets {
		out[rel] = file
	}
	return out
}

// renderPages renders pages on opts.Workers goroutines. Each worker owns
// its buffer, so a page's HTML is held only while it is written.
func (s *Session) renderPages(ctx context.Context, w fileWriter, pages []*site.Page) error {
	total := len(pages)
	jobs := make(chan *site.Page)
	errs := make(chan error, total)
	var done sync.WaitGroup
	var mu sync.Mutex
	finished := 0

	for range s.opts.Workers {
		done.Add(1)
		go func() {
			defer done.Done()
			var buf bytes.Buffer
			for p := range jobs {
				buf.Reset()
				if err := s.renderer.Page(&buf, p); err != nil {
					errs <- pageError{path: p.Path, err: err}
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
				s.opts.Progress("渲染页面", n, total)
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

	if err := ctx.Err(); err != nil {
		return err
	}
	return groupErrors(errs)
}

// pageError is a failure to render one page.
type pageError struct {
	path string
	err  error
}

func (e pageError) Error() string { return "/" + e.path + ": " + e.err.Error() }

// groupErrors reports render errors once per layout line, naming how many
// pages and which first page met it, instead of once per page.
func groupErrors(errs <-chan error) error {
	type group struct {
		e     *diag.Error
		pages []string
	}
	groups := map[string]*group{}
	var order []string
	var list diag.List
	for err := range errs {
		pe, ok := err.(pageError)
		if !ok {
			list.Add(&diag.Error{Message: err.Error()})
			continue
		}
		e := render.ExecError(pe.err)
		key := e.Error()
		if groups[key] == nil {
			groups[key] = &group{e: e}
			order = append(order, key)
		}
		groups[key].pages = append(groups[key].pages, "/"+pe.path)
	}
	for _, key := range order {
		g := groups[key]
		slices.Sort(g.pages)
		g.e.Message += fmt.Sprintf("（%d 个页面，例如 %s）", len(g.pages), g.pages[0])
		list.Add(g.e)
	}
	return list.Err()
}

// remember records a good build: its plan, the deps of each page and the
// other files written.
func (s *Session) remember(plan *site.Site, live *output.Live) {
	s.site = plan
	s.builtAsOf = s.asOf()
	s.live = live
	s.deps = make(map[string][]string, len(plan.Pages))
	for _, p := range plan.Pages {
		s.deps[p.OutputPath()] = p.Deps
	}
	s.files = s.otherOutputs()
	clear(s.pending)
}

// otherOutputs returns the output paths that are not pages: the assets and
// the task table downloads.
func (s *Session) otherOutputs() map[string]bool {
	out := map[string]bool{}
	for rel := range s.assets() {
		out[rel] = true
	}
	if s.table != nil {
		out[s.downloadPath("tasks.json")] = true
		out[s.downloadPath("tasks.csv")] = true
	}
	return out
}

// stale returns the pages of plan to render again: new pages, pages whose
// deps differ from the last good build's, and pages with a changed dep.
//
// The pages of one list share their deps slice, in the old plan and in
// the new one, so the verdict is computed once per pair of slices: a list
// of a thousand items split into fifty pages costs one comparison, not
// fifty.
func (s *Session) stale(plan *site.Site, changed map[string]bool) []*site.Page {
	type pair struct{ old, new *string }
	verdicts := map[pair]bool{}
	var out []*site.Page
	for _, p := range plan.Pages {
		old, ok := s.deps[p.OutputPath()]
		if !ok {
			out = append(out, p)
			continue
		}
		key := pair{first(old), first(p.Deps)}
		verdict, known := verdicts[key]
		if !known || key.old == nil || key.new == nil {
			verdict = !slices.Equal(old, p.Deps) || hasChanged(p.Deps, changed)
			verdicts[key] = verdict
		}
		if verdict {
			out = append(out, p)
		}
	}
	return out
}

func first(deps []string) *string {
	if len(deps) == 0 {
		return nil
	}
	return &deps[0]
}

// hasChanged reports whether a sorted deps list holds a changed input.
func hasChanged(deps []string, changed map[string]bool) bool {
	for c := range changed {
		if _, found := slices.BinarySearch(deps, c); found {
			return true
		}
	}
	return false
}
