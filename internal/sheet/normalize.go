package sheet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// keptFullwidth lists the full-width forms that Normalize leaves alone
// because Chinese text uses them as its own punctuation (GB/T 15834):
// ，：；！？ and the range mark ～. Folding them would turn “违法事实：” into
// “违法事实:” in published text.
//
// The full-width parentheses （ ） are not in this list: they fold to ( ),
// because codes and labels mix both forms and must compare equal. Marks that
// are not full-width forms of ASCII, such as 。、“”《》【】〔〕, are never
// changed (width.Fold leaves them alone too), so 文号 like
// 包税稽罚〔2024〕12号 keep their 〔〕.
var keptFullwidth = map[rune]bool{
	'，': true,
	'：': true,
	'；': true,
	'！': true,
	'？': true,
	'～': true,
}

// Normalize returns s with surrounding white space removed and full-width
// ASCII folded to half-width.
//
// White space here is what unicode.IsSpace reports: ASCII space, tab and
// line breaks, NBSP (U+00A0) and the ideographic space U+3000. The invisible
// U+FEFF (byte order mark) and U+200B (zero width space), which text pasted
// from web pages carries, are trimmed too.
//
// Folding maps each rune that golang.org/x/text/width classes as East Asian
// Fullwidth and whose folded form is ASCII: full-width digits, letters and
// ASCII punctuation (０-９, Ａ-Ｚ, ａ-ｚ, （）［］｛｝－．／＃％ and the rest),
// except the Chinese punctuation in keptFullwidth. An ideographic space or
// NBSP inside the text becomes an ASCII space. Line breaks inside a cell are
// kept.
func Normalize(s string) string {
	s = strings.TrimFunc(s, isTrimmedSpace)
	if isPlainASCII(s) {
		return s
	}

	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// normalizeLabel normalizes a header label and also removes every U+FEFF.
// A byte order mark that survived decoding, in a file saved with two of
// them, would otherwise make the first label differ from the visible text.
func normalizeLabel(s string) string {
	return Normalize(strings.ReplaceAll(s, "\uFEFF", ""))
}

func isTrimmedSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// isPlainASCII reports whether s has only ASCII bytes, which Normalize
// leaves unchanged once trimmed.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func foldRune(r rune) rune {
	if r < utf8.RuneSelf || keptFullwidth[r] {
		return r
	}
	if r == '\u00A0' {
		return ' '
	}
	p := width.LookupRune(r)
	if p.Kind() != width.EastAsianFullwidth {
		return r
	}
	if folded := p.Folded(); folded != 0 && folded < utf8.RuneSelf {
		return folded
	}
	return r
}
