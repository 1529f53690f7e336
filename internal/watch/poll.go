package watch

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// fileState is the part of a file's metadata that polling compares
// between two scans.
type fileState struct {
	size    int64
	modTime time.Time
	dir     bool
}

// poll scans the watched inputs every PollInterval and sends the paths
// that appeared, disappeared or changed size or modification time.
func (w *Watcher) poll(ctx context.Context, batches chan<- Batch) error {
	w.polling = true
	w.opts.Logger.Info("watching by polling", "interval", w.opts.PollInterval)
	before := w.scan()
	ticker := time.NewTicker(w.opts.PollInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
		after := w.scan()
		var changed []string
		for p, st := range after {
			if old, ok := before[p]; !ok || old != st {
				if !st.dir || !ok {
					changed = append(changed, p)
				}
			}
		}
		for p := range before {
			if _, ok := after[p]; !ok {
				changed = append(changed, p)
			}
		}
		before = after
		if len(changed) == 0 {
			continue
		}
		slices.Sort(changed)
		select {
		case batches <- Batch{Paths: changed}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// scan records the state of every watched input, relative to Root.
func (w *Watcher) scan() map[string]fileState {
	out := map[string]fileState{}
	for _, p := range w.opts.Paths {
		abs := filepath.Join(w.opts.Root, filepath.FromSlash(p))
		filepath.WalkDir(abs, func(file string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && file != abs && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(w.opts.Root, file)
			st := fileState{dir: d.IsDir()}
			if !st.dir {
				st.size, st.modTime = info.Size(), info.ModTime()
			}
			out[filepath.ToSlash(rel)] = st
			return nil
		})
	}
	return out
}
