package content

import (
	"strconv"
	"strings"
	"unicode"
)

// fallbackID is the id of a heading whose text has no letter or digit.
const fallbackID = "section"

// headingIDs issues unique heading ids within one page. It is not safe for
// concurrent use, and Render makes a new one for every call.
type headingIDs struct {
	used map[string]bool
}

// newHeadingIDs returns an issuer that never hands out any of reserved.
func newHeadingIDs(reserved []string) *headingIDs {
	used := make(map[string]bool, len(reserved))
	for _, id := range reserved {
		used[id] = true
	}
	return &headingIDs{used: used}
}

// issue returns the id for a heading with the given plain text: its slug,
// or the slug followed by "-2", "-3" and so on when that id is taken by an
// earlier heading or a reserved id.
func (s *headingIDs) issue(text string) string {
	base := slugify(text)
	id := base
	for n := 2; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return id
}

// slugify turns heading text into an id. Letters, digits and combining
// marks of every script are kept, so "办理流程" stays "办理流程", and ASCII
// letters are lowercased. Every run of other characters (spaces, ASCII
// and CJK punctuation, symbols) becomes one "-", and "-" is trimmed from
// both ends. Text with nothing left gives "section".
func slugify(text string) string {
	var b strings.Builder
	pendingDash := false
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
			pendingDash = true
			continue
		}
		if pendingDash && b.Len() > 0 {
			b.WriteByte('-')
		}
		pendingDash = false
		if r < unicode.MaxASCII {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}

	if b.Len() == 0 {
		return fallbackID
	}
	return b.String()
}
