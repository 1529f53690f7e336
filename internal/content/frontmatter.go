package content

import (
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"gongshi/internal/diag"
)

// FrontMatter is the decoded TOML front matter of a page. The keys are
// Hugo's, matched exactly (case-sensitive). Hugo itself ignores case, and
// its users often write "publishdate" and "expirydate", so those two
// all-lowercase spellings are accepted as well.
type FrontMatter struct {
	Title       string
	Date        time.Time // zero when absent
	Draft       bool
	PublishDate time.Time
	ExpiryDate  time.Time
	Weight      int
	Slug        string
	Description string
	Keywords    []string
	Column      string
	Params      map[string]any // the optional [params] table, free-form (Hugo compatible)

	// Lines holds the file line of each top-level key that was set, under
	// the key's canonical spelling: Lines["publishDate"] also for a file
	// that wrote "publishdate", and Lines["params"] for the [params] table.
	Lines map[string]int
}

// validKeys lists the canonical top-level keys in the order a hint shows
// them.
var validKeys = []string{
	"title", "date", "draft", "publishDate", "expiryDate", "weight",
	"slug", "description", "keywords", "column", "params",
}

// keyAliases maps every accepted spelling to its canonical key.
var keyAliases = func() map[string]string {
	m := map[string]string{"publishdate": "publishDate", "expirydate": "expiryDate"}
	for _, k := range validKeys {
		m[k] = k
	}
	return m
}()

// ParseFrontMatter decodes doc.FrontMatter. Each error carries the file,
// the file line and the key. All problems of one front matter come back
// together, sorted by line. The exception is a TOML syntax error, which
// stops decoding and comes back alone. A page key such as title written
// below [params] gives a diag.SeverityWarning. A nil doc.FrontMatter gives
// an empty FrontMatter.
func ParseFrontMatter(file string, doc Document) (FrontMatter, []*diag.Error) {
	fm := FrontMatter{Lines: map[string]int{}}
	if doc.FrontMatter == nil {
		return fm, nil
	}

	p := newFrontMatterParser(file, doc)
	raw := map[string]any{}
	meta, err := toml.Decode(p.text, &raw)
	if err != nil {
		return fm, []*diag.Error{p.syntaxError(err)}
	}

	for _, key := range topLevelKeys(meta) {
		p.setField(&fm, key, raw[key])
	}
	sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
	return fm, p.errs
}

// topLevelKeys returns the distinct first parts of meta's keys in the
// order they appear.
func topLevelKeys(meta toml.MetaData) []string {
	var keys []string
	seen := map[string]bool{}
	for _, k := range meta.Keys() {
		if !seen[k[0]] {
			seen[k[0]] = true
			keys = append(keys, k[0])
		}
	}
	return keys
}

// frontMatterParser holds what ParseFrontMatter needs to place errors.
type frontMatterParser struct {
	file     string
	base     int            // file line of the first front-matter line
	text     string         // front matter without a leading BOM
	lines    []string       // lines of text, without line endings
	keyLines map[string]int // top-level key → line within text
	errs     []*diag.Error
}

func newFrontMatterParser(file string, doc Document) *frontMatterParser {
	text := strings.TrimPrefix(string(doc.FrontMatter), "\uFEFF")
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], "\r")
	}
	return &frontMatterParser{
		file:     file,
		base:     max(doc.FrontMatterLine, 1),
		text:     text,
		lines:    lines,
		keyLines: topLevelKeyLines(text),
	}
}

// fileLine returns the file line of a front-matter line (1-based within
// the front matter), falling back to the first front-matter line.
func (p *frontMatterParser) fileLine(rel int) int {
	if rel < 1 || rel > len(p.lines) {
		return p.base
	}
	return p.base + rel - 1
}

// sourceLine returns the text of a front-matter line, or "" when unknown.
func (p *frontMatterParser) sourceLine(rel int) string {
	if rel < 1 || rel > len(p.lines) {
		return ""
	}
	return p.lines[rel-1]
}

// keyError records a problem with the value of a top-level key.
func (p *frontMatterParser) keyError(key, value, message, hint string) {
	rel := p.keyLines[key]
	p.errs = append(p.errs, &diag.Error{
		File:    p.file,
		Line:    p.fileLine(rel),
		Field:   key,
		Value:   value,
		Message: message,
		Hint:    hint,
		Source:  p.sourceLine(rel),
	})
}
