package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress shows a build's advance on stderr: one redrawn line with a bar
// on a terminal, and one plain line per stage otherwise (CI logs).
type progress struct {
	w     io.Writer
	tty   bool
	mu    sync.Mutex
	stage string
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		p.tty = term.IsTerminal(int(f.Fd()))
	}
	return p
}

// redrawInterval limits terminal redraws; drawing every page of a large
// site would cost more than rendering it.
const redrawInterval = 80 * time.Millisecond

func (p *progress) update(stage string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()

	if !p.tty {
		if stage != p.stage {
			p.stage = stage
			fmt.Fprintf(p.w, "%s…\n", stage)
		}
		return
	}
	final := total > 0 && done == total
	if stage == p.stage && !final && time.Since(p.last) < redrawInterval {
		return
	}
	p.stage = stage
	p.last = time.Now()
	p.drawn = true
	if total <= 0 {
		fmt.Fprintf(p.w, "\r\033[K%s…", stage)
		return
	}
	const width = 24
	filled := done * width / total
	fmt.Fprintf(p.w, "\r\033[K%s [%s%s] %d/%d", stage, strings.Repeat("█", filled), strings.Repeat("░", width-filled), done, total)
}

// finish ends the redrawn line so that later output starts on its own.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
