package content

import (
	"unicode"
	"unicode/utf8"
)

// cjkBlocks lists the Unicode blocks of CJK symbols and forms whose
// characters are not covered by the Han, kana, Hangul and Bopomofo scripts.
var cjkBlocks = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x2E80, Hi: 0x2FFF, Stride: 1}, // radicals and ideographic description characters
		{Lo: 0x3000, Hi: 0x303F, Stride: 1}, // CJK symbols and punctuation: 、。「」《》〔〕
		{Lo: 0x3190, Hi: 0x319F, Stride: 1}, // kanbun
		{Lo: 0x31C0, Hi: 0x31EF, Stride: 1}, // CJK strokes
		{Lo: 0x3200, Hi: 0x33FF, Stride: 1}, // enclosed CJK letters and CJK compatibility
		{Lo: 0xFE10, Hi: 0xFE1F, Stride: 1}, // vertical forms
		{Lo: 0xFE30, Hi: 0xFE6F, Stride: 1}, // CJK compatibility forms and small form variants
		{Lo: 0xFF00, Hi: 0xFFEF, Stride: 1}, // halfwidth and fullwidth forms: ，：（）！？
	},
}

// isCJK reports whether r is a Chinese, Japanese or Korean character,
// including CJK punctuation and fullwidth forms. Emoji are not CJK here,
// although many of them are East Asian wide.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana,
		unicode.Hangul, unicode.Bopomofo, cjkBlocks)
}

// isSpaceDiscarding reports whether a soft line break next to r can vanish.
// Korean is left out because it separates words with spaces.
func isSpaceDiscarding(r rune) bool {
	return isCJK(r) && !unicode.Is(unicode.Hangul, r)
}

// isSharedPunct reports whether r is punctuation that Chinese text borrows
// from Western typography: curly quotes, the em dash of "——", the ellipsis
// of "……" and the middle dot of transliterated names. These characters are
// East Asian ambiguous width, so they count as Chinese only next to Chinese.
func isSharedPunct(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '—', '…', '·':
		return true
	}
	return false
}

// joinsAcrossBreak reports whether a soft line break between before and
// after should render as nothing. Chinese and Japanese text has no spaces
// between words, so a line break inside a sentence must not become one.
// Between two Western words, or between Chinese and a Western word, the
// break stays, and the browser shows it as a space.
func joinsAcrossBreak(before, after rune) bool {
	switch {
	case isSpaceDiscarding(before) && isSpaceDiscarding(after):
		return true
	case isSpaceDiscarding(before) && isSharedPunct(after):
		return true
	case isSharedPunct(before) && isSpaceDiscarding(after):
		return true
	}
	return false
}

// lastRune returns the last rune of b, or utf8.RuneError when b is empty.
func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// firstRune returns the first rune of b, or utf8.RuneError when b is empty.
func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}
