package content

import (
	"strings"
	"unicode"
)

// ellipsis is appended to a summary that was cut.
const ellipsis = "…"

// Summarize cuts plain text to at most maxRunes characters (runes, never bytes, never inside a UTF-8 sequence),
// collapsing whitespace, and appends "…" when it cut.
//
// The "…" comes on top of maxRunes, so a cut result has at most
// maxRunes+1 runes. Spaces, opening brackets and quotes, and commas left
// dangling at the cut are dropped before the "…". maxRunes <= 0 gives "".
func Summarize(plain string, maxRunes int) string {
	if maxRunes <= 0 {
		return ""
	}
	text := strings.Join(strings.Fields(plain), " ")
	runes := []rune(text)
	if len(runes) <= maxRunes {
		return text
	}

	cut := runes[:maxRunes]
	trimmed := trimDangling(cut)
	if len(trimmed) == 0 {
		trimmed = cut
	}
	// NOTE: the cut may fall inside a grapheme cluster, such as an emoji
	// joined with U+200D or a letter with a combining accent. The result is
	// still valid UTF-8, but may show half a cluster.
	return string(trimmed) + ellipsis
}

// trimDangling drops the runes at the end of a cut summary that would
// read oddly before "…": spaces, opening brackets and quotes, and
// separators such as "，" and "、".
func trimDangling(r []rune) []rune {
	for len(r) > 0 {
		last := r[len(r)-1]
		dangling := unicode.IsSpace(last) ||
			unicode.In(last, unicode.Ps, unicode.Pi) ||
			strings.ContainsRune("，、,;；:：\u200d", last)
		if !dangling {
			break
		}
		r = r[:len(r)-1]
	}
	return r
}
