package content

import (
	"bytes"
	"reflect"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"gongshi/internal/diag"
)

// MarkdownOptions configures a Markdown renderer. The zero value is the
// safe default: raw HTML shown as escaped text, no reserved ids.
type MarkdownOptions struct {
	Unsafe      bool     // true: raw HTML passes through; false (zero value): raw HTML is shown escaped as text
	ReservedIDs []string // ids the page layout already uses (e.g. "main"); headings never get these
}

// Markdown renders page bodies to HTML: CommonMark with GFM tables,
// strikethrough and footnotes, emphasis and line breaks adapted to Chinese,
// and an id on every heading. It is safe for concurrent use by many
// goroutines.
type Markdown struct {
	md       goldmark.Markdown
	unsafe   bool
	reserved []string
}

// Rendered is the result of rendering one page body.
type Rendered struct {
	HTML      []byte
	Headings  []Heading
	PlainText string // text content with markup removed, whitespace collapsed; used for summaries and search
}

// Heading is one heading of a page, in document order, for a table of
// contents. Text is the heading's plain text.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// NewMarkdown returns a renderer configured by opts.
func NewMarkdown(opts MarkdownOptions) *Markdown {
	// A lower number wins in goldmark: at 100 the page renderer replaces
	// the functions of goldmark's HTML renderer (1000) for its node kinds.
	rendererOptions := []renderer.Option{
		renderer.WithNodeRenderers(
			util.Prioritized(newPageRenderer(opts.Unsafe), 100),
			util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		),
	}
	if opts.Unsafe {
		rendererOptions = append(rendererOptions, html.WithUnsafe())
	}

	md := goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(extension.Table, extension.Footnote),
		goldmark.WithRendererOptions(rendererOptions...),
	)
	return &Markdown{
		md:       md,
		unsafe:   opts.Unsafe,
		reserved: append([]string(nil), opts.ReservedIDs...),
	}
}

// newParser returns goldmark's CommonMark parser with the `*`, `_` and `~`
// parsers of emphasis.go in place of goldmark's own.
func newParser() parser.Parser {
	defaultEmphasis := reflect.TypeOf(parser.NewEmphasisParser())
	var inlines []util.PrioritizedValue
	removed := 0
	for _, v := range parser.DefaultInlineParsers() {
		if reflect.TypeOf(v.Value) == defaultEmphasis {
			removed++
			continue
		}
		inlines = append(inlines, v)
	}
	if removed != 1 {
		panic("BUG: goldmark's default emphasis parser not found among its inline parsers")
	}
	inlines = append(inlines,
		util.Prioritized(newEmphasisParser(), 500),
		util.Prioritized(newStrikethroughParser(), 500),
	)

	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}

// Render converts one page body to HTML, with its headings and plain text.
// When src is not valid UTF-8 it returns a *diag.Error with Line and
// Column but no File, which the caller should fill in.
func (m *Markdown) Render(src []byte) (Rendered, error) {
	if err := checkUTF8(src); err != nil {
		return Rendered{}, err
	}

	// A fresh context per call keeps link references and footnotes of one
	// page out of every other page.
	ctx := parser.NewContext()
	doc := m.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	headings := m.assignHeadingIDs(doc, src)

	var out bytes.Buffer
	if err := m.md.Renderer().Render(&out, src, doc); err != nil {
		return Rendered{}, err
	}
	return Rendered{
		HTML:      out.Bytes(),
		Headings:  headings,
		PlainText: collectText(doc, src, m.unsafe),
	}, nil
}

// assignHeadingIDs sets an id attribute on every heading of doc and
// returns the headings in document order.
//
// Ids are made from the heading's plain text rather than from goldmark's
// auto-id option, which works on the Markdown source of the heading, so
// that "## 见[公告](https://example.com)" does not put the URL in the id.
func (m *Markdown) assignHeadingIDs(doc ast.Node, src []byte) []Heading {
	ids := newHeadingIDs(m.reserved)
	var headings []Heading
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := node.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		plain := collectText(h, src, m.unsafe)
		id := ids.issue(plain)
		h.SetAttributeString("id", []byte(id))
		headings = append(headings, Heading{Level: h.Level, ID: id, Text: plain})
		return ast.WalkSkipChildren, nil
	})
	return headings
}

// checkUTF8 returns a positioned error for the first invalid UTF-8 byte.
func checkUTF8(src []byte) *diag.Error {
	if utf8.Valid(src) {
		return nil
	}
	return invalidUTF8Error("", src)
}
