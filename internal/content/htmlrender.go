package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// pageRenderer overrides goldmark's HTML output for three node kinds:
//
//   - Text, so that a soft line break between two Chinese characters
//     renders as nothing (see joinsAcrossBreak). goldmark v1.8.7 has an
//     East Asian line-break option, but both of its styles drop the break
//     before any inline element, which glues English words together
//     ("see\n[notice](…)" renders as "seenotice"). Its "simple" style also
//     keeps the break after a fullwidth comma, and its "CSS3 draft" style
//     removes it after an ASCII full stop ("end.\nNext" becomes "end.Next").
//   - RawHTML and HTMLBlock when raw HTML is off. goldmark would replace
//     them with an HTML comment, so the editor's text would silently
//     vanish. Here they are shown escaped, as the literal text the editor
//     wrote.
//
// It holds no per-document state, so one value serves concurrent renders.
type pageRenderer struct {
	unsafe bool
	writer html.Writer
}

var _ renderer.NodeRenderer = (*pageRenderer)(nil)

func newPageRenderer(unsafe bool) *pageRenderer {
	return &pageRenderer{unsafe: unsafe, writer: html.DefaultWriter}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *pageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
	if !r.unsafe {
		reg.Register(ast.KindRawHTML, r.renderRawHTMLEscaped)
		reg.Register(ast.KindHTMLBlock, r.renderHTMLBlockEscaped)
	}
}

func (r *pageRenderer) renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(source)
	if n.IsRaw() {
		r.writer.RawWrite(w, value)
		return ast.WalkContinue, nil
	}

	r.writer.Write(w, value)
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak():
		if !joinsAcrossBreak(runeBefore(n, source), runeAfter(n, source)) {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

func (r *pageRenderer) renderRawHTMLEscaped(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	raw := rawHTMLText(node.(*ast.RawHTML), source)
	if !isHTMLComment(raw) {
		_, _ = w.Write(util.EscapeHTML(raw))
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlockEscaped shows an HTML block as preformatted text, line by
// line as the editor wrote it.
func (r *pageRenderer) renderHTMLBlockEscaped(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	raw := htmlBlockText(node.(*ast.HTMLBlock), source)
	if isHTMLComment(bytes.TrimSpace(raw)) {
		return ast.WalkContinue, nil
	}

	_, _ = w.WriteString("<pre><code>")
	_, _ = w.Write(util.EscapeHTML(raw))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// htmlBlockText returns the source lines of an HTML block, closing line
// included.
func htmlBlockText(n *ast.HTMLBlock, source []byte) []byte {
	var raw bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		raw.Write(line.Value(source))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(source))
	}
	return raw.Bytes()
}

// isHTMLComment reports whether raw is exactly one HTML comment, such as
// Hugo's "<!--more-->". A comment is invisible in a browser, so dropping
// it shows the reader the same page as raw HTML would, and it can never run
// code. Text after the comment's end makes raw more than a comment.
func isHTMLComment(raw []byte) bool {
	if !bytes.HasPrefix(raw, []byte("<!--")) || !bytes.HasSuffix(raw, []byte("-->")) {
		return false
	}
	end := bytes.Index(raw[len("<!--"):], []byte("-->"))
	return end >= 0 && len("<!--")+end+len("-->") == len(raw)
}

// runeBefore returns the last visible rune before a soft line break at the
// end of n, looking back into earlier inline siblings when n is empty.
// utf8.RuneError means none was found, and the break is then kept.
func runeBefore(n *ast.Text, source []byte) rune {
	if value := n.Segment.Value(source); len(value) > 0 {
		return lastRune(value)
	}
	for node := ast.Node(n); node != nil && node.Type() != ast.TypeBlock; node = node.Parent() {
		for s := node.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if r, found := edgeRune(s, source, false); found {
				return r
			}
		}
	}
	return utf8.RuneError
}

// runeAfter returns the first visible rune after a soft line break at the
// end of n, within the same block.
func runeAfter(n *ast.Text, source []byte) rune {
	for node := ast.Node(n); node != nil && node.Type() != ast.TypeBlock; node = node.Parent() {
		for s := node.NextSibling(); s != nil; s = s.NextSibling() {
			if r, found := edgeRune(s, source, true); found {
				return r
			}
		}
	}
	return utf8.RuneError
}

// edgeRune returns the first (or last) rune that node shows as text, and
// found=true when node shows anything at all. Images, raw HTML and
// footnote markers show something other than text, so they return
// utf8.RuneError with found=true, which keeps a neighbouring line break.
func edgeRune(node ast.Node, source []byte, first bool) (r rune, found bool) {
	switch n := node.(type) {
	case *ast.Text:
		return textEdge(n.Segment.Value(source), first)
	case *ast.String:
		return textEdge(n.Value, first)
	case *ast.AutoLink:
		return textEdge(n.Label(source), first)
	case *ast.Emphasis, *ast.Link, *ast.CodeSpan, *extast.Strikethrough:
		return childEdgeRune(node, source, first)
	}
	return utf8.RuneError, true
}

func childEdgeRune(node ast.Node, source []byte, first bool) (rune, bool) {
	child := node.FirstChild()
	if !first {
		child = node.LastChild()
	}
	for child != nil {
		if r, found := edgeRune(child, source, first); found {
			return r, true
		}
		if first {
			child = child.NextSibling()
		} else {
			child = child.PreviousSibling()
		}
	}
	return utf8.RuneError, false
}

func textEdge(value []byte, first bool) (rune, bool) {
	if len(value) == 0 {
		return utf8.RuneError, false
	}
	if first {
		return firstRune(value), true
	}
	return lastRune(value), true
}
