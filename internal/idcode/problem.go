// Package idcode validates the identifiers found in enforcement records,
// the 统一社会信用代码 (GB 32100-2015) and the 居民身份证号码 (GB 11643-1999),
// and masks personal data before publication: natural persons' names, ID
// numbers, and the ID, mobile and bank-card numbers inside free text.
//
// Problem messages are Simplified Chinese because the people who read them
// are the tax-office editors who entered the records.
package idcode

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Problem is the reason a code is invalid: a message an editor can act on,
// such as "第 18 位校验码应为 Y，实际是 3", and a hint how to fix it.
type Problem struct {
	Message string
	Hint    string

	// Warning marks a problem that need not stop a build. Only a failed
	// check character of a 统一社会信用代码 is a warning, because some
	// genuine early codes fail their check.
	Warning bool
}

// quoteCharAt names the character that starts at byte i of s, for use in a
// message: a visible character in Chinese quotation marks (“O”), otherwise
// a description an editor can act on (空格, 不可见字符 U+200B, 无效字节 0xFF).
func quoteCharAt(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])

	switch {
	case r == utf8.RuneError && size <= 1:
		return fmt.Sprintf("无效字节 0x%02X", s[i])
	case r == ' ':
		return "空格"
	case r == '\u3000':
		return "全角空格"
	case unicode.IsSpace(r) || !unicode.IsPrint(r):
		return fmt.Sprintf("不可见字符 U+%04X", r)
	default:
		return "“" + string(r) + "”"
	}
}

// narrowRune returns the half-width form of a full-width rune (Ａ → A,
// １ → 1) and reports whether r was full-width.
func narrowRune(r rune) (rune, bool) {
	props := width.LookupRune(r)
	if props.Kind() != width.EastAsianFullwidth {
		return r, false
	}

	narrow := props.Narrow()
	if narrow == 0 {
		return r, false
	}
	return narrow, true
}

// upperASCII upper-cases ASCII letters only. Other letters stay as they are,
// so that normalizing never turns a foreign letter into a valid one (ſ → S).
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// confusedDigit returns the digit that editors commonly mistype as letter
// r when copying a code by hand (O for 0, I or l for 1, Z for 2, S for 5).
func confusedDigit(r rune) (byte, bool) {
	switch r {
	case 'O', 'o':
		return '0', true
	case 'I', 'i', 'l':
		return '1', true
	case 'Z', 'z':
		return '2', true
	case 'S', 's':
		return '5', true
	}
	return 0, false
}
