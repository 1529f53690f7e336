package output

import (
	"crypto/sha256"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
)

// Live updates an output folder in place, for watch mode: each file is
// written to a temporary name and renamed over the old one, so a reader
// sees the old file or the new one, never half of one. A file whose bytes
// did not change is not written at all. Live is safe for concurrent use.
//
// Unlike Writer, Live does not make a build atomic as a whole: a reader
// can see some pages of a rebuild before others.
type Live struct {
	dest string
	min  *minify.M

	mu     sync.Mutex
	hashes map[string][sha256.Size]byte // output path → hash of its bytes
	wrote  int
}

// NewLive returns a Live for dest, which must hold a complete build made
// by Writer. hashes are the files of that build, from Writer.Hashes.
func NewLive(dest string, hashes map[string][sha256.Size]byte) *Live {
	return &Live{dest: dest, min: newMinifier(), hashes: hashes}
}

// WriteFile minifies data like Writer.WriteFile and writes it to rel
// unless the file already holds those bytes.
func (l *Live) WriteFile(rel string, data []byte) error {
	rel, err := cleanRel(rel)
	if err != nil {
		return err
	}
	data, err = minifyFile(l.min, rel, data)
	if err != nil {
		return err
	}
	return l.put(rel, data)
}

// WriteRaw writes data to rel unchanged, unless the file already holds
// those bytes.
func (l *Live) WriteRaw(rel string, data []byte) error {
	rel, err := cleanRel(rel)
	if err != nil {
		return err
	}
	return l.put(rel, data)
}

// CopyFile copies src to rel, minifying text formats like WriteFile.
func (l *Live) CopyFile(rel, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if _, ok := mediaTypes[strings.ToLower(path.Ext(rel))]; ok {
		return l.WriteFile(rel, data)
	}
	return l.WriteRaw(rel, data)
}

func (l *Live) put(rel string, data []byte) error {
	sum := sha256.Sum256(data)
	l.mu.Lock()
	old, ok := l.hashes[rel]
	l.mu.Unlock()
	if ok && old == sum {
		return nil
	}

	target := filepath.Join(l.dest, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return err
	}

	l.mu.Lock()
	l.hashes[rel] = sum
	l.wrote++
	l.mu.Unlock()
	return nil
}

// Remove deletes rel and then every folder above it that became empty.
func (l *Live) Remove(rel string) error {
	rel, err := cleanRel(rel)
	if err != nil {
		return err
	}
	l.mu.Lock()
	delete(l.hashes, rel)
	l.mu.Unlock()

	target := filepath.Join(l.dest, filepath.FromSlash(rel))
	if err := os.Remove(target); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for dir := filepath.Dir(target); dir != l.dest && strings.HasPrefix(dir, l.dest); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty, or already gone
		}
	}
	return nil
}

// Files returns the output paths Live has recorded.
func (l *Live) Files() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]string, 0, len(l.hashes))
	for rel := range l.hashes {
		out = append(out, rel)
	}
	return out
}

// Written returns the number of files written since NewLive, and resets
// the count.
func (l *Live) Written() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := l.wrote
	l.wrote = 0
	return n
}
