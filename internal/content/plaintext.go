package content

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// textCollector gathers the text a reader sees in part of a Markdown tree.
//
// Blocks are separated by a space. A soft line break becomes a space too,
// unless joinsAcrossBreak reports that the characters on both sides join,
// as two Chinese characters do. Images, footnote markers and HTML comments
// add nothing. Other raw HTML counts as text when raw HTML is off, because
// the page shows it escaped, and adds nothing when raw HTML is on.
type textCollector struct {
	source    []byte
	unsafe    bool
	b         strings.Builder
	last      rune // last rune written, utf8.RuneError (U+FFFD) when none yet
	softBreak bool // a soft line break is waiting for the next text
	space     bool // a block boundary or hard break is waiting for the next text

	// escaped and escaper are reused for every text node: a bufio.Writer
	// per node was most of the memory a large build allocated.
	escaped bytes.Buffer
	escaper *bufio.Writer
}

// NOTE: with raw HTML on, the text inside an HTML block (say a <table>
// written in HTML) is missing from PlainText, because it is markup to the
// parser and only the browser turns it into text.

// collectText returns the plain text of node and its descendants, with
// whitespace collapsed to single spaces.
func collectText(node ast.Node, source []byte, unsafe bool) string {
	c := &textCollector{source: source, unsafe: unsafe, last: 0xFFFD}
	c.escaper = bufio.NewWriter(&c.escaped)
	_ = ast.Walk(node, c.visit)
	return strings.Join(strings.Fields(c.b.String()), " ")
}

func (c *textCollector) visit(node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if node.Type() == ast.TypeBlock {
			c.space = true
		}
		return ast.WalkContinue, nil
	}

	switch n := node.(type) {
	case *ast.Text:
		c.writeText(n)
	case *ast.String:
		c.write(string(n.Value))
	case *ast.AutoLink:
		c.write(string(n.Label(c.source)))
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		c.write(string(linesText(node, c.source)))
	case *ast.RawHTML:
		c.writeRawHTML(rawHTMLText(n, c.source))
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		c.writeRawHTML(htmlBlockText(n, c.source))
	case *ast.Image, *extast.FootnoteLink, *extast.FootnoteBacklink:
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// writeText writes a text node as the page shows it: backslash escapes and
// entity references resolved, as goldmark's HTML writer does.
func (c *textCollector) writeText(n *ast.Text) {
	value := n.Segment.Value(c.source)
	if n.IsRaw() {
		c.write(string(value))
	} else {
		c.escaped.Reset()
		html.DefaultWriter.Write(c.escaper, value)
		_ = c.escaper.Flush() // bytes.Buffer.Write always returns a nil error
		c.write(stdhtml.UnescapeString(c.escaped.String()))
	}

	switch {
	case n.HardLineBreak():
		c.space = true
	case n.SoftLineBreak():
		c.softBreak = true
	}
}

func (c *textCollector) writeRawHTML(raw []byte) {
	if c.unsafe || isHTMLComment(bytes.TrimSpace(raw)) {
		return
	}
	c.write(string(raw))
}

// write appends s after the separator that is waiting, if any.
func (c *textCollector) write(s string) {
	if s == "" {
		return
	}
	first := firstRune([]byte(s))
	switch {
	case c.b.Len() == 0:
	case c.space:
		c.b.WriteByte(' ')
	case c.softBreak && !joinsAcrossBreak(c.last, first):
		c.b.WriteByte(' ')
	}
	c.space = false
	c.softBreak = false
	c.b.WriteString(s)
	c.last = lastRune([]byte(s))
}

// linesText returns the source lines of a block such as a code block.
func linesText(node ast.Node, source []byte) []byte {
	var b bytes.Buffer
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		line := lines.At(i)
		b.Write(line.Value(source))
	}
	return b.Bytes()
}

func rawHTMLText(n *ast.RawHTML, source []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		segment := n.Segments.At(i)
		b.Write(segment.Value(source))
	}
	return b.Bytes()
}
