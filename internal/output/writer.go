// Package output writes a build to disk: it minifies text files, writes
// everything into a staging folder beside the destination, and swaps the
// staging folder in only when the whole build succeeded. A failed build
// leaves the previous output untouched, and files of pages that no longer
// exist never linger, because every build starts from an empty folder.
//
// Only this package writes into the output tree.
package output

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// MarkerFile is written at the top of every output folder. A destination
// that exists, is not empty and lacks it is never replaced: it is not ours.
const MarkerFile = ".gongshi-output"

// Writer writes one build. It is safe for concurrent use.
type Writer struct {
	dest    string
	staging string
	min     *minify.M

	mu      sync.Mutex
	written map[string]string // lower-cased path → path as written
	hashes  map[string][sha256.Size]byte
	files   int
	bytes   int64
}

// NewWriter prepares a staging folder for a build into dest. source is the
// site folder; dest may not be it, contain it, or lie inside its content,
// layouts, static or seeds folders.
func NewWriter(dest, source string) (*Writer, error) {
	absDest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	if err := checkDest(absDest, source); err != nil {
		return nil, err
	}

	parent := filepath.Dir(absDest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建输出目录的上级目录 %s：%w", parent, err)
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(absDest)+"-staging-")
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 中创建临时输出目录：%w", parent, err)
	}
	// MkdirTemp creates 0700; a web server reading the output needs 0755.
	if err := os.Chmod(staging, 0o755); err != nil {
		return nil, err
	}

	return &Writer{
		dest:    absDest,
		staging: staging,
		min:     newMinifier(),
		written: map[string]string{},
		hashes:  map[string][sha256.Size]byte{},
	}, nil
}

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// minifyFile minifies data when rel's extension is one of mediaTypes and
// returns it unchanged otherwise.
func minifyFile(m *minify.M, rel string, data []byte) ([]byte, error) {
	mt, ok := mediaTypes[strings.ToLower(path.Ext(rel))]
	if !ok {
		return data, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	if err := m.Minify(mt, &buf, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("压缩 %s 失败：%w", rel, err)
	}
	return buf.Bytes(), nil
}

// mediaTypes maps the extensions that are minified to their media type.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".svg":  "image/svg+xml",
	".js":   "application/javascript",
	".json": "application/json",
	".xml":  "application/xml",
}

func checkDest(absDest, source string) error {
	absSource, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	if absDest == filepath.Dir(absDest) {
		return fmt.Errorf("输出目录不能是根目录 %s", absDest)
	}
	if absDest == absSource || strings.HasPrefix(absSource+string(filepath.Separator), absDest+string(filepath.Separator)) {
		return fmt.Errorf("输出目录 %s 包含站点目录，构建会删除站点文件；请用 --dest 指定站点目录下的 public 等单独目录", absDest)
	}
	for _, dir := range []string{"content", "layouts", "static", "seeds"} {
		inside := filepath.Join(absSource, dir)
		if absDest == inside || strings.HasPrefix(absDest, inside+string(filepath.Separator)) {
			return fmt.Errorf("输出目录 %s 位于 %s 目录中；请换一个目录，例如 public", absDest, dir)
		}
	}

	entries, err := os.ReadDir(absDest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("无法读取输出目录 %s：%w", absDest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(absDest, MarkerFile)); err != nil {
		return fmt.Errorf("输出目录 %s 已有其他文件，且不是 gongshi 生成的（缺少 %s）；为免误删，请换一个空目录或先自行清空它", absDest, MarkerFile)
	}
	return nil
}

// validPath matches the output paths we write: ASCII, no empty or dot
// segments.
var validPath = regexp.MustCompile(`^[A-Za-z0-9_\-.~]+(/[A-Za-z0-9_\-.~]+)*$`)

// cleanRel checks a slash-separated path relative to the output root.
func cleanRel(rel string) (string, error) {
	rel = strings.TrimPrefix(rel, "/")
	if rel != path.Clean(rel) || !validPath.MatchString(rel) || strings.HasPrefix(rel, "../") || rel == ".." {
		return "", fmt.Errorf("输出路径 %q 无效：只能使用英文字母、数字和 -_.~，且不能跳出输出目录", rel)
	}
	return rel, nil
}

// claim records rel as written and reports a clash with a path already
// written that differs at most in letter case, which would collide on
// case-insensitive file systems and confuse readers typing URLs.
func (w *Writer) claim(rel string, size int) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	key := strings.ToLower(rel)
	if prev, ok := w.written[key]; ok {
		return fmt.Errorf("两个输出文件冲突：%s 与 %s（网址只差大小写或完全相同）", prev, rel)
	}
	w.written[key] = rel
	w.files++
	w.bytes += int64(size)
	return nil
}

// WriteFile writes data to rel, minifying HTML, CSS, JS, JSON, SVG and XML.
func (w *Writer) WriteFile(rel string, data []byte) error {
	rel, err := cleanRel(rel)
	if err != nil {
		return err
	}
	data, err = minifyFile(w.min, rel, data)
	if err != nil {
		return err
	}
	if err := w.claim(rel, len(data)); err != nil {
		return err
	}
	return w.put(rel, data)
}

// WriteRaw writes data to rel unchanged.
func (w *Writer) WriteRaw(rel string, data []byte) error {
	rel, err := cleanRel(rel)
	if err != nil {
		return err
	}
	if err := w.claim(rel, len(data)); err != nil {
		return err
	}
	return w.put(rel, data)
}

// CopyFile copies the file at src to rel: text formats are minified like
// WriteFile, other files are copied byte for byte.
func (w *Writer) CopyFile(rel, src string) error {
	if _, ok := mediaTypes[strings.ToLower(path.Ext(rel))]; ok {
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		return w.WriteFile(rel, data)
	}

	rel, err := cleanRel(rel)
	if err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	if err := w.claim(rel, int(info.Size())); err != nil {
		return err
	}
	target := filepath.Join(w.staging, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(out, h), in); err != nil {
		out.Close()
		return err
	}
	w.record(rel, [sha256.Size]byte(h.Sum(nil)))
	return out.Close()
}

func (w *Writer) record(rel string, sum [sha256.Size]byte) {
	w.mu.Lock()
	w.hashes[rel] = sum
	w.mu.Unlock()
}

// Hashes returns the SHA-256 of every file written, by output path, for
// NewLive.
func (w *Writer) Hashes() map[string][sha256.Size]byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make(map[string][sha256.Size]byte, len(w.hashes))
	for k, v := range w.hashes {
		out[k] = v
	}
	return out
}

func (w *Writer) put(rel string, data []byte) error {
	w.record(rel, sha256.Sum256(data))
	target := filepath.Join(w.staging, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	return os.WriteFile(target, data, 0o644)
}

// Stats returns the number of files and bytes written so far.
func (w *Writer) Stats() (files int, bytes int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.files, w.bytes
}

// Commit swaps the staging folder in as the destination and removes the
// previous output.
func (w *Writer) Commit() error {
	if err := w.WriteRaw(MarkerFile, []byte("gongshi build output\n")); err != nil {
		return err
	}
	if err := swap(w.staging, w.dest); err != nil {
		return fmt.Errorf("无法把新输出换入 %s：%w", w.dest, err)
	}
	// After the swap the staging path holds the previous output, if any.
	return os.RemoveAll(w.staging)
}

// Abort removes the staging folder, leaving the destination as it was.
func (w *Writer) Abort() {
	os.RemoveAll(w.staging)
}
