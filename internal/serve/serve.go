// Package serve is the preview server of watch mode. It serves an output
// folder, injects a small live-reload script into every HTML response, and
// sends open pages server-sent events that make them reload after a
// rebuild or show the build's errors. Files on disk never contain the script, so the
// preview folder stays byte-identical to a build.
package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Prefix is the URL folder of the server's own files. Site paths never
// start with "__".
const Prefix = "/__gongshi/"

//go:embed livereload.js
var liveReloadJS []byte

// scriptTag is inserted before </body> of every HTML response.
const scriptTag = `<script src="` + Prefix + `livereload.js" defer></script>`

// State is the message sent to open pages: the build number and, when the
// last build failed, its errors.
type State struct {
	Build int    `json:"build"`
	Error string `json:"error,omitempty"`
}

// Hub keeps the current State and the connected pages. It is safe for
// concurrent use.
type Hub struct {
	mu      sync.Mutex
	state   State
	clients map[chan State]bool
}

// NewHub returns a hub whose state is build 0 without errors.
func NewHub() *Hub {
	return &Hub{clients: map[chan State]bool{}}
}

// Built records a successful build: pages reload.
func (h *Hub) Built() {
	h.publish(func(s *State) {
		s.Build++
		s.Error = ""
	})
}

// Failed records a failed build: pages show msg over the last good site.
func (h *Hub) Failed(msg string) {
	h.publish(func(s *State) { s.Error = msg })
}

// State returns the current state.
func (h *Hub) State() State {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.state
}

// Clients returns the number of connected pages.
func (h *Hub) Clients() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

func (h *Hub) publish(change func(*State)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	change(&h.state)
	for c := range h.clients {
		// A page that does not keep up only needs the latest state.
		select {
		case <-c:
		default:
		}
		c <- h.state
	}
}

func (h *Hub) subscribe() (chan State, State) {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := make(chan State, 1)
	h.clients[c] = true
	return c, h.state
}

func (h *Hub) unsubscribe(c chan State) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, c)
}

// Handler serves dir with live reload. A missing path gets the site's
// 404.html with status 404; before the first good build it gets a page
// that shows the errors and waits.
func Handler(dir string, hub *Hub) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(Prefix+"livereload.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveReloadJS)
	})
	mux.HandleFunc(Prefix+"events", hub.serveEvents)
	mux.Handle("/", &siteHandler{dir: dir, files: http.FileServer(http.Dir(dir))})
	return mux
}

func (h *Hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	c, state := h.subscribe()
	defer h.unsubscribe(c)

	send := func(s State) bool {
		data, _ := json.Marshal(s)
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", data); err != nil {
			return false
		}
		flusher.Flush()
		return true
	}
	if !send(state) {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case s := <-c:
			if !send(s) {
				return
			}
		}
	}
}

type siteHandler struct {
	dir   string
	files http.Handler
}

func (s *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	name := path.Clean("/" + r.URL.Path)
	file := filepath.Join(s.dir, filepath.FromSlash(name))
	info, err := os.Stat(file)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			// Let the file server redirect /tasks to /tasks/.
			s.files.ServeHTTP(w, r)
			return
		}
		file = filepath.Join(file, "index.html")
		info, err = os.Stat(file)
	}

	switch {
	case err != nil:
		s.notFound(w)
	case strings.HasSuffix(file, ".html"):
		s.html(w, file, http.StatusOK)
	default:
		s.files.ServeHTTP(w, r)
	}
}

func (s *siteHandler) notFound(w http.ResponseWriter) {
	page := filepath.Join(s.dir, "404.html")
	if _, err := os.Stat(page); err == nil {
		s.html(w, page, http.StatusNotFound)
		return
	}
	// No good build yet: a bare page that the script fills with the
	// errors and reloads once the site builds.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprint(w, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站尚未生成</title></head>`+
		`<body><h1>网站尚未生成</h1><p>修改出错的文件后，页面会自动刷新。</p>`+scriptTag+`</body></html>`)
}

// html serves an HTML file with the live-reload script before </body>.
func (s *siteHandler) html(w http.ResponseWriter, file string, status int) {
	data, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, "无法读取文件", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(Inject(data))
}

// Inject returns page with the live-reload script before its last
// </body>, or at its end when it has none.
func Inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], scriptTag...)
	}
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:i]...)
	out = append(out, scriptTag...)
	return append(out, page[i:]...)
}
