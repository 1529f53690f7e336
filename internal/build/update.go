package build

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"gongshi/internal/config"
	"gongshi/internal/site"
	"gongshi/internal/tz"
)

// Update rebuilds after the inputs at paths changed; paths are relative to
// the site folder, slash-separated, and may name folders. A change to
// gongshi.toml or layouts/ rebuilds everything, as does an update before
// the first good build. Otherwise only the changed inputs are read again,
// the site is planned again (planning reads nothing and is cheap), and
// only the pages whose deps changed are rendered and written in place.
//
// On error the output keeps the last good build, and the paths stay
// pending until an update succeeds.
func (s *Session) Update(ctx context.Context, paths []string) (*Result, error) {
	for _, p := range paths {
		s.pending[path.Clean(filepath.ToSlash(p))] = true
	}
	if s.opts.AsOf.IsZero() {
		// Without a fixed as-of, each update is planned as of its own
		// time. Pages such as the timeline show the day, so a new day
		// rebuilds everything.
		s.now = time.Now().In(tz.Shanghai())
		if !sameDay(s.now, s.builtAsOf) {
			return s.Build(ctx)
		}
	}
	if s.site == nil || s.needsFull() {
		return s.Build(ctx)
	}

	start := time.Now()
	res := &Result{}
	changed := s.expandPending()
	oldFiles := s.files
	oldSources := make(map[string]*site.Source, len(changed))
	for p := range changed {
		oldSources[p] = s.sources[p]
	}
	s.reload(ctx, changed)

	if pages, ok := s.bodyOnly(changed, oldSources); ok {
		if err := s.renderPages(ctx, s.live, pages); err != nil {
			return res, err
		}
		clear(s.pending)
		res.Pages = len(s.site.Pages)
		res.Rendered = len(pages)
		res.Files = s.live.Written()
		res.Duration = time.Since(start)
		return res, nil
	}

	plan, err := s.plan(res)
	if err != nil {
		return res, err
	}
	stale := s.stale(plan, changed)
	if err := s.renderPages(ctx, s.live, stale); err != nil {
		return res, err
	}
	if err := s.writeGenerated(s.live, plan); err != nil {
		return res, err
	}
	if err := s.syncAssets(changed); err != nil {
		return res, err
	}

	if err := s.removeGone(plan, oldFiles); err != nil {
		return res, err
	}
	s.remember(plan, s.live)
	res.Rendered = len(stale)
	res.Files = s.live.Written()
	res.Duration = time.Since(start)
	return res, nil
}

// bodyOnly handles the most common edit without planning again: every
// changed input is a Markdown page that existed, still parses, and differs
// only in its body (site.SameListing). The last plan then stands, the new
// bodies are put into it, and the pages to render are returned.
func (s *Session) bodyOnly(changed map[string]bool, old map[string]*site.Source) ([]*site.Page, bool) {
	if len(s.sourceErrs) > 0 || s.publicationDue() {
		return nil, false
	}
	n := s.cfg.SummaryLength
	for p := range changed {
		before, after := old[p], s.sources[p]
		if before == nil || after == nil || !site.SameListing(before, after, n) {
			return nil, false
		}
	}
	var pages []*site.Page
	for p := range changed {
		pages = append(pages, site.Refresh(s.site, s.sources[p])...)
	}
	return pages, true
}

// publicationDue reports whether a page was published or expired between
// the last good build and this update's as-of instant, which changes the
// plan although no file changed.
func (s *Session) publicationDue() bool {
	from, to := s.builtAsOf, s.asOf()
	due := func(t time.Time) bool { return !t.IsZero() && t.After(from) && !t.After(to) }
	for _, src := range s.sources {
		fm := src.Front
		if due(fm.Date) || due(fm.PublishDate) || due(fm.ExpiryDate) {
			return true
		}
	}
	return false
}

func sameDay(a, b time.Time) bool {
	a, b = a.In(tz.Shanghai()), b.In(tz.Shanghai())
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// needsFull reports whether a pending change affects every page.
func (s *Session) needsFull() bool {
	for p := range s.pending {
		if p == config.FileName || p == "layouts" || strings.HasPrefix(p, "layouts/") || p == "." {
			return true
		}
	}
	return false
}

// expandPending turns the pending paths into the set of input files they
// stand for: a folder that exists stands for the files in it, and a path
// that no longer exists also for every known input below it, because
// removing or renaming a folder reports the folder only.
func (s *Session) expandPending() map[string]bool {
	known := s.knownInputs()
	out := map[string]bool{}
	for p := range s.pending {
		out[p] = true
		abs := filepath.Join(s.opts.Source, filepath.FromSlash(p))
		info, err := os.Stat(abs)
		switch {
		case err == nil && info.IsDir():
			filepath.WalkDir(abs, func(file string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(s.opts.Source, file)
					out[filepath.ToSlash(rel)] = true
				}
				return nil
			})
		case err != nil:
			for _, k := range known {
				if strings.HasPrefix(k, p+"/") {
					out[k] = true
				}
			}
		}
	}
	return out
}

// knownInputs returns every input file the session has read, relative to
// the site folder.
func (s *Session) knownInputs() []string {
	var out []string
	for file := range s.sources {
		out = append(out, file)
	}
	for file := range s.sourceErrs {
		out = append(out, file)
	}
	for rel := range s.contentAssets {
		out = append(out, "content/"+rel)
	}
	for rel := range s.staticAssets {
		out = append(out, "static/"+rel)
	}
	return out
}

// reload reads the changed inputs again.
func (s *Session) reload(ctx context.Context, changed map[string]bool) {
	var markdown []string
	tasks := false
	for p := range changed {
		switch {
		case strings.HasPrefix(p, "seeds/") || (s.table != nil && p == s.table.File) || p == s.cfg.Tasks.File:
			tasks = true
		case strings.HasPrefix(p, "content/"):
			rel := strings.TrimPrefix(p, "content/")
			if ignored(rel) {
				continue
			}
			if isMarkdown(rel) {
				markdown = append(markdown, rel)
			} else {
				s.reloadAsset(s.contentAssets, p, rel)
			}
		case strings.HasPrefix(p, "static/"):
			rel := strings.TrimPrefix(p, "static/")
			if !scratch(path.Base(rel)) {
				s.reloadAsset(s.staticAssets, p, rel)
			}
		}
	}
	if tasks {
		s.loadTasks()
	}
	if len(markdown) > 0 {
		s.loadSources(ctx, markdown)
	}
}

// reloadAsset records or forgets one file copied as it is.
func (s *Session) reloadAsset(assets map[string]string, p, rel string) {
	abs := filepath.Join(s.opts.Source, filepath.FromSlash(p))
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		assets[rel] = abs
	} else {
		delete(assets, rel)
	}
}

// syncAssets copies the changed assets that exist.
func (s *Session) syncAssets(changed map[string]bool) error {
	assets := s.assets()
	for p := range changed {
		rel, ok := strings.CutPrefix(p, "static/")
		if !ok {
			rel, ok = strings.CutPrefix(p, "content/")
		}
		if !ok {
			continue
		}
		if file, present := assets[rel]; present {
			if err := s.live.CopyFile(rel, file); err != nil {
				return err
			}
		}
	}
	return nil
}

// removeGone deletes the outputs of the last good build that the new one
// no longer has: pages, assets and downloads.
func (s *Session) removeGone(plan *site.Site, oldFiles map[string]bool) error {
	now := map[string]bool{}
	for _, p := range plan.Pages {
		now[p.OutputPath()] = true
	}
	for rel := range s.deps {
		if !now[rel] {
			if err := s.live.Remove(rel); err != nil {
				return err
			}
		}
	}

	current := s.otherOutputs()
	for rel := range oldFiles {
		if !current[rel] && !now[rel] {
			if err := s.live.Remove(rel); err != nil {
				return err
			}
		}
	}
	return nil
}

// ignored reports whether a file below content/ is left out: hidden files
// and folders, and editors' scratch files.
func ignored(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if hidden(part) {
			return true
		}
	}
	return scratch(path.Base(rel))
}

// scratch reports whether a file name is an editor's scratch file, which is
// neither read nor copied: backups (a.md~), swap files (a.swp), lock files
// (.#a.md) and Emacs auto-saves (#a.md#). static/ keeps other hidden
// files, such as .well-known/.
func scratch(name string) bool {
	return strings.HasPrefix(name, ".#") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx")
}
