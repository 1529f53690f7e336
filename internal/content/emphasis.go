package content

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// This file replaces goldmark's parsers for `*`, `_` and `~` delimiter runs
// with ones whose flanking rule understands Chinese.
//
// CommonMark decides whether a run such as `**` may open or close emphasis
// from the characters on both sides of it. A run that sits between
// punctuation on the inside and a letter on the outside can neither open nor
// close, because in English such a run is inside a word. Chinese has no
// spaces, so `这是**「重点」**内容` and `**重要。**下一句` stay literal
// asterisks under the plain rule. The rule here makes two changes, in the
// spirit of the markdown-cjk-friendly amendment to CommonMark:
//
//  1. CJK punctuation (「」《》。，and the like) on the inside of a run does
//     not count as punctuation, so it does not block the run.
//  2. A CJK character on the outside of a run counts like whitespace when
//     the inside holds other punctuation, such as the curly quotes of
//     `**“依法”**办理`.
//
// Text without CJK characters gets exactly the CommonMark result, because
// both changes only apply when a CJK character is next to the run.

// charClass is the class of a character next to a delimiter run.
type charClass int

const (
	classOther    charClass = iota // letters, digits and everything else
	classSpace                     // Unicode whitespace, and the start or end of a line
	classPunct                     // punctuation or symbol that is not CJK
	classCJK                       // any CJK character, CJK punctuation included
	classCJKPunct                  // CJK punctuation, which also counts as CJK
)

// classify returns the class of r. CJK punctuation gets classCJKPunct, and
// isCJKClass reports whether a class is CJK at all.
func classify(r rune) charClass {
	switch {
	case unicode.IsSpace(r):
		return classSpace
	case isCJK(r) && isPunctOrSymbol(r):
		return classCJKPunct
	case isCJK(r):
		return classCJK
	case isPunctOrSymbol(r):
		return classPunct
	}
	return classOther
}

// isPunctOrSymbol follows CommonMark 0.31, where a "Unicode punctuation
// character" is any character of general category P or S.
func isPunctOrSymbol(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

func isCJKClass(c charClass) bool {
	return c == classCJK || c == classCJKPunct
}

// flanking returns whether a delimiter run between before and after is
// left-flanking (may open) and right-flanking (may close).
func flanking(before, after charClass) (left, right bool) {
	// Only non-CJK punctuation on the inside of a run can stop it from
	// opening or closing. CommonMark lifts that block when whitespace or
	// punctuation is on the outside, and here a CJK character lifts it too.
	outsideFreesBefore := before == classSpace || before == classPunct || isCJKClass(before)
	outsideFreesAfter := after == classSpace || after == classPunct || isCJKClass(after)

	left = after != classSpace && (after != classPunct || outsideFreesBefore)
	right = before != classSpace && (before != classPunct || outsideFreesAfter)
	return left, right
}

// delimiterFlags returns CanOpen and CanClose for a run of char.
func delimiterFlags(char byte, before, after charClass) (canOpen, canClose bool) {
	left, right := flanking(before, after)
	if char != '_' {
		return left, right
	}

	// An underscore inside a word never opens or closes, so snake_case and
	// 文件_1_号 stay literal. CJK letters count as word characters here,
	// which is why Chinese text needs `*` for emphasis. Any punctuation,
	// CJK or not, next to the run marks a word boundary, as in CommonMark.
	beforePunct := before == classPunct || before == classCJKPunct
	afterPunct := after == classPunct || after == classCJKPunct
	canOpen = left && (!right || beforePunct)
	canClose = right && (!left || afterPunct)
	return canOpen, canClose
}

// isVariationSelector reports whether r only selects the glyph of the
// character before it.
func isVariationSelector(r rune) bool {
	return (r >= 0xFE00 && r <= 0xFE0E) || (r >= 0xE0100 && r <= 0xE01EF)
}

// precedingClass returns the class of the character before the reader's
// position. A variation selector takes the class of the character it
// modifies, so that 葛󠄀 (葛 with an ideographic variation selector) still
// counts as CJK.
func precedingClass(block text.Reader) charClass {
	before := block.PrecendingCharacter()
	if !isVariationSelector(before) {
		return classify(before)
	}

	source := block.Source()
	_, pos := block.Position()
	end := pos.Start - utf8.RuneLen(before)
	if end <= 0 || end > len(source) {
		return classOther
	}
	base, _ := utf8.DecodeLastRune(source[:end])
	if isCJK(base) {
		return classify(base)
	}
	return classOther
}

// delimiterParser is a parser.InlineParser for runs of one delimiter
// character. maxRun limits the run length (0 means no limit).
type delimiterParser struct {
	triggers  []byte
	processor parser.DelimiterProcessor
	maxRun    int
}

var _ parser.InlineParser = (*delimiterParser)(nil)

// newEmphasisParser returns the parser for `*` and `_` emphasis.
func newEmphasisParser() parser.InlineParser {
	return &delimiterParser{triggers: []byte{'*', '_'}, processor: emphasisProcessor{}}
}

// newStrikethroughParser returns the parser for GFM `~~strikethrough~~`,
// which accepts runs of one or two tildes as goldmark's extension does.
func newStrikethroughParser() parser.InlineParser {
	return &delimiterParser{triggers: []byte{'~'}, processor: strikethroughProcessor{}, maxRun: 2}
}

func (p *delimiterParser) Trigger() []byte {
	return p.triggers
}

// Parse scans the delimiter run at the reader's position and pushes it on
// the delimiter stack. goldmark pairs openers with closers later, when the
// paragraph ends.
func (p *delimiterParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := precedingClass(block)
	line, segment := block.PeekLine()
	if len(line) == 0 || !p.processor.IsDelimiter(line[0]) {
		return nil
	}

	char := line[0]
	n := 1
	for n < len(line) && line[n] == char {
		n++
	}
	if p.maxRun > 0 && (n > p.maxRun || block.PrecendingCharacter() == rune(char)) {
		// Like goldmark's GFM extension, a tilde run longer than two, or
		// one right after another tilde, is literal text.
		return nil
	}

	after := classSpace
	if n < len(line) {
		r, _ := utf8.DecodeRune(line[n:])
		after = classify(r)
	}

	canOpen, canClose := delimiterFlags(char, before, after)
	delim := parser.NewDelimiter(canOpen, canClose, n, char, p.processor)
	delim.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(delim)
	return delim
}

// emphasisProcessor pairs `*` with `*` and `_` with `_`.
type emphasisProcessor struct{}

var _ parser.DelimiterProcessor = emphasisProcessor{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

// strikethroughProcessor pairs tildes into GFM strikethrough nodes.
type strikethroughProcessor struct{}

var _ parser.DelimiterProcessor = strikethroughProcessor{}

func (strikethroughProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughProcessor) OnMatch(int) ast.Node { return extast.NewStrikethrough() }
