// Package watch reports changes to a site's input files in batches, for
// watch mode. It watches folders recursively with fsnotify, adds folders
// created later (also several levels at once, or moved in), and turns a
// burst of events into one batch. When the system's inotify limits run
// out it reports that to the user and falls back to polling rather than
// stop.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configure a Watcher. The zero value of each duration is its
// default.
type Options struct {
	// Root is the site folder.
	Root string
	// Paths are the watched inputs below Root, folders or files, such as
	// "content" and "gongshi.toml". They need not exist yet.
	Paths []string
	// Quiet ends a batch when no event came for this long; default 10 ms.
	// An editor's save is a burst of events well within it; see
	// burstSize for longer bursts.
	Quiet time.Duration
	// MaxWait ends a batch this long after its first event even if events
	// keep coming; default 2 s.
	MaxWait time.Duration
	// PollInterval is how often the tree is scanned after falling back to
	// polling; default 1 s.
	PollInterval time.Duration
	// Notice receives messages for the user, in Chinese: the fallback to
	// polling and how to raise the limit. Default: dropped.
	Notice func(msg string)
	// Logger receives diagnostics; default: discarded.
	Logger *slog.Logger

	// addWatch replaces fsnotify's Add in tests, to simulate the limit.
	addWatch func(w *fsnotify.Watcher, dir string) error
}

// Batch is a set of changed paths, relative to Root, slash-separated and
// sorted. A path may name a folder that was created, removed or renamed;
// the receiver expands it.
type Batch struct {
	Paths []string
}

// Watcher watches one site.
type Watcher struct {
	opts    Options
	fs      *fsnotify.Watcher
	polling bool
}

// LimitMessage is shown when the inotify watch limit runs out.
const LimitMessage = "系统的文件监视数量（inotify）已用完，改为每秒扫描一次文件，修改后最多约 1 秒才会更新。" +
	"要恢复即时更新，请运行：sudo sysctl fs.inotify.max_user_watches=524288" +
	"（长期生效：echo fs.inotify.max_user_watches=524288 | sudo tee /etc/sysctl.d/60-gongshi.conf）"

// InstanceMessage is shown when no inotify instance can be created.
const InstanceMessage = "系统的 inotify 实例数量已用完，改为每秒扫描一次文件。" +
	"要恢复即时更新，请运行：sudo sysctl fs.inotify.max_user_instances=256"

// New returns a watcher for opts; Run starts it.
func New(opts Options) *Watcher {
	if opts.Quiet <= 0 {
		opts.Quiet = 10 * time.Millisecond
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = 2 * time.Second
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	if opts.Notice == nil {
		opts.Notice = func(string) {}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.addWatch == nil {
		opts.addWatch = func(w *fsnotify.Watcher, dir string) error { return w.Add(dir) }
	}
	return &Watcher{opts: opts}
}

// Polling reports whether the watcher fell back to polling. It is safe to
// call only after Run returned or from the goroutine that reads batches
// once the first batch arrived.
func (w *Watcher) Polling() bool {
	return w.polling
}

// Run watches until ctx is done, sending one Batch per burst of changes.
// It returns ctx's error, or an error that stops watching and polling
// both.
func (w *Watcher) Run(ctx context.Context, batches chan<- Batch) error {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		if errors.Is(err, syscall.EMFILE) {
			w.opts.Notice(InstanceMessage)
			return w.poll(ctx, batches)
		}
		return err
	}
	w.fs = fsw
	defer fsw.Close()

	if err := w.addAll(); err != nil {
		if errors.Is(err, syscall.ENOSPC) {
			w.opts.Notice(LimitMessage)
			fsw.Close()
			return w.poll(ctx, batches)
		}
		return err
	}
	return w.loop(ctx, batches)
}

// addAll watches the root folder, for inputs that are files or do not
// exist yet, and every folder below the watched paths.
func (w *Watcher) addAll() error {
	if err := w.opts.addWatch(w.fs, w.opts.Root); err != nil {
		return err
	}
	for _, p := range w.opts.Paths {
		abs := filepath.Join(w.opts.Root, filepath.FromSlash(p))
		if info, err := os.Stat(abs); err == nil && info.IsDir() {
			if err := w.addTree(abs); err != nil {
				return err
			}
		}
	}
	return nil
}

// addTree watches dir and every folder below it, skipping hidden ones
// such as .git.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// A folder removed while walking is not an error.
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.opts.addWatch(w.fs, p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

// unwatchTree drops the watches on a folder that was renamed or removed
// and on every folder below it. inotify keeps a watch on the folder
// itself, not its name. After a rename, fsnotify would go on reporting the
// files under the old path, and adding the new path would reuse those
// stale watches. Dropping them first lets the Create of the new path add
// fresh ones.
func (w *Watcher) unwatchTree(name string) {
	prefix := name + string(filepath.Separator)
	for _, p := range w.fs.WatchList() {
		if p == name || strings.HasPrefix(p, prefix) {
			// The watch may be gone already with its folder.
			_ = w.fs.Remove(p)
		}
	}
}

// relevant returns the event's path relative to Root when it is one of
// the watched inputs or below one.
func (w *Watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.opts.Root, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	for _, p := range w.opts.Paths {
		if rel == p || strings.HasPrefix(rel, p+"/") {
			return rel, true
		}
	}
	return "", false
}

// loop collects events into batches: a batch ends after Quiet without an
// event, or MaxWait after its first event.
func (w *Watcher) loop(ctx context.Context, batches chan<- Batch) error {
	pending := map[string]bool{}
	var quiet, deadline <-chan time.Time
	flush := func() {
		if len(pending) == 0 {
			return
		}
		paths := make([]string, 0, len(pending))
		for p := range pending {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		clear(pending)
		quiet, deadline = nil, nil
		select {
		case batches <- Batch{Paths: paths}:
		case <-ctx.Done():
		}
	}

	for {
		select {
		case <-ctx.Done():
			return ctx.Err()

		case ev, ok := <-w.fs.Events:
			if !ok {
				return errors.New("fsnotify 事件通道已关闭")
			}
			relevant, err := w.handle(ev, pending)
			if errors.Is(err, syscall.ENOSPC) {
				w.opts.Notice(LimitMessage)
				flush()
				return w.poll(ctx, batches)
			}
			if !relevant {
				continue
			}
			if deadline == nil {
				deadline = time.After(w.opts.MaxWait)
			}
			quiet = time.After(w.quietFor(len(pending)))

		case err, ok := <-w.fs.Errors:
			if !ok {
				return errors.New("fsnotify 错误通道已关闭")
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: report every watched input, which
				// makes the receiver read them all again.
				w.opts.Logger.Warn("fsnotify queue overflow; rescanning every input", "error", err)
				for _, p := range w.opts.Paths {
					pending[p] = true
				}
				quiet = time.After(w.opts.Quiet)
				continue
			}
			if errors.Is(err, syscall.ENOSPC) {
				w.opts.Notice(LimitMessage)
				flush()
				return w.poll(ctx, batches)
			}
			w.opts.Logger.Warn("fsnotify error", "error", err)

		case <-quiet:
			flush()
		case <-deadline:
			flush()
		}
	}
}

// burstSize is the batch size from which a batch counts as a burst, such
// as a git checkout, and waits longer for quiet. A checkout can pause for
// longer than Quiet between two files on a busy machine, and one rebuild
// after it is cheaper than two.
const burstSize = 20

func (w *Watcher) quietFor(pending int) time.Duration {
	if pending >= burstSize {
		return max(w.opts.Quiet, 250*time.Millisecond)
	}
	return w.opts.Quiet
}

// handle records one event, watching a folder that was created. It
// reports whether the event concerns a watched input, and an error of
// watching a new folder.
func (w *Watcher) handle(ev fsnotify.Event, pending map[string]bool) (bool, error) {
	// Chmod alone changes no content; on Linux a delete also sends
	// Remove, which is handled.
	if ev.Op == fsnotify.Chmod {
		return false, nil
	}
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return false, nil
	}
	pending[rel] = true

	if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
		w.unwatchTree(ev.Name)
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			// Folders made together with this one (mkdir -p, a folder
			// moved in) got no events of their own: watch the whole tree.
			if err := w.addTree(ev.Name); err != nil {
				if errors.Is(err, syscall.ENOSPC) {
					return true, err
				}
				w.opts.Logger.Warn("cannot watch new folder", "folder", ev.Name, "error", err)
			}
		}
	}
	return true, nil
}
