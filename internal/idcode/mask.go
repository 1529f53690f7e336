package idcode

import (
	"strings"
	"unicode"
)

// maskedGivenName replaces the given name of a natural person.
const maskedGivenName = "某"

// compoundSurnames are the two-character surnames that MaskName keeps
// whole. A name of exactly two characters is read as a one-character
// surname and a one-character given name even when it is in this list.
var compoundSurnames = map[string]bool{
	"欧阳": true, "司马": true, "上官": true, "诸葛": true, "东方": true,
	"皇甫": true, "尉迟": true, "公孙": true, "慕容": true, "长孙": true,
	"宇文": true, "司徒": true, "夏侯": true, "令狐": true, "端木": true,
	"轩辕": true, "独孤": true, "南宫": true, "西门": true, "百里": true,
	"呼延": true, "拓跋": true, "万俟": true, "申屠": true, "闻人": true,
	"赫连": true, "澹台": true, "太史": true, "东郭": true, "公冶": true,
	"濮阳": true, "淳于": true, "单于": true, "钟离": true, "宗政": true,
	"第五": true,
}

// MaskIDNumber hides the birth date of an 18-character ID number, positions
// 7–14: 11010519491231002X → 110105********002X. Any other value keeps only
// its first 2 and last 2 characters, or none when it has 4 characters or
// fewer, so part of every non-empty value is hidden. Surrounding spaces are
// trimmed first, and lengths count characters, not bytes.
func MaskIDNumber(id string) string {
	runes := []rune(strings.TrimSpace(id))

	switch n := len(runes); {
	case n == 18:
		return maskRunes(runes, 6, 4)
	case n > 4:
		return maskRunes(runes, 2, 2)
	default:
		return strings.Repeat("*", n)
	}
}

// maskRunes keeps the first keepFirst and the last keepLast runes and
// replaces each rune between them with an asterisk.
func maskRunes(runes []rune, keepFirst, keepLast int) string {
	var b strings.Builder
	for i, r := range runes {
		if i < keepFirst || i >= len(runes)-keepLast {
			b.WriteRune(r)
		} else {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// MaskName masks a natural person's name: it keeps the surname and replaces
// the given name with 某 (张三 → 张某, 欧阳修 → 欧阳某). Spaces inside the
// name, which editors type to align two-character names (张　三), are
// removed first.
//
// A name with a middle dot (·, •, ・ or .), as minority names are written,
// keeps its first part, the dot and 某: 买买提·艾力 → 买买提·某. A name of one
// character becomes 某 alone, because one character does not show whether
// it is the surname. Masking a masked name returns it unchanged.
//
// NOTE: a name in Latin letters keeps only its first letter (John Smith →
// J某), because the surname may come first or last.
func MaskName(name string) string {
	name = strings.Join(strings.FieldsFunc(name, unicode.IsSpace), "")
	if name == "" {
		return ""
	}

	if i := strings.IndexFunc(name, isNameDot); i >= 0 {
		if i == 0 {
			return maskedGivenName
		}

		dot := []rune(name[i:])[0]
		return name[:i] + string(dot) + maskedGivenName
	}

	runes := []rune(name)
	switch {
	case len(runes) >= 3 && compoundSurnames[string(runes[:2])]:
		return string(runes[:2]) + maskedGivenName
	case len(runes) >= 2:
		return string(runes[0]) + maskedGivenName
	default:
		return maskedGivenName
	}
}

// isNameDot reports whether r separates the parts of a name written in the
// Chinese transliteration of minority or foreign names. Editors type the
// interpunct U+00B7 and several look-alikes.
func isNameDot(r rune) bool {
	switch r {
	case '·', '•', '・', '･', '‧', '.', '．':
		return true
	}
	return false
}

// MaskPersonalNumbers returns text with each number that
// FindPersonalNumbers finds masked. An ID number keeps its first 6 and last
// 4 characters, as with MaskIDNumber. A mobile number keeps its first 3 and
// last 4 digits (138****5678), a bank card its first 4 and last 4. Every
// hidden digit becomes one asterisk, and spaces or hyphens between digit
// groups stay.
func MaskPersonalNumbers(text string) string {
	matches := FindPersonalNumbers(text)
	if len(matches) == 0 {
		return text
	}

	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, m := range matches {
		b.WriteString(text[last:m.Start])
		b.WriteString(maskMatch(text[m.Start:m.End], m.Kind))
		last = m.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// maskMatch masks the number s found as kind. It counts only digits and X,
// so separators and a leading + stay in place.
func maskMatch(s, kind string) string {
	total := 0
	for _, r := range s {
		if _, ok := numberChar(r); ok {
			total++
		}
	}

	keepFirst, keepLast := 4, 4
	switch kind {
	case KindID:
		keepFirst = 6
	case KindMobile:
		// 3 for a bare number, 5 for one with the +86 country code.
		keepFirst = total - 8
	}

	var b strings.Builder
	index := 0
	for _, r := range s {
		if _, ok := numberChar(r); !ok {
			b.WriteRune(r)
			continue
		}

		if index < keepFirst || index >= total-keepLast {
			b.WriteRune(r)
		} else {
			b.WriteByte('*')
		}
		index++
	}
	return b.String()
}
