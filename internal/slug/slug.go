// Package slug makes the ASCII URL segments of the portal. Chinese names
// (departments, file names) become their pinyin, one syllable per word, so
// a URL stays readable when it is printed or read aloud:
// 政策法规部门 → zheng-ce-fa-gui-bu-men.
package slug

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/width"
)

// Make returns the URL segment for name: lower-case ASCII letters, digits
// and single hyphens. Han characters become their pinyin without tones;
// other characters separate words. It returns "" when nothing usable is
// left, and the caller then chooses a fallback.
//
// NOTE: a polyphonic character gets the reading go-pinyin lists first,
// which can differ from how the name is spoken. The segment is still
// stable for the same name.
func Make(name string) string {
	args := pinyin.NewArgs()
	args.Style = pinyin.Normal

	var words []string
	var latin strings.Builder
	flush := func() {
		if latin.Len() > 0 {
			words = append(words, latin.String())
			latin.Reset()
		}
	}

	// Full-width letters and digits (ＡＢＣ, ２０２４) become ASCII first.
	for _, r := range width.Fold.String(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			latin.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Han, r):
			flush()
			if py := pinyin.SinglePinyin(r, args); len(py) > 0 && py[0] != "" {
				words = append(words, py[0])
			}
		default:
			flush()
		}
	}
	flush()
	return strings.Join(words, "-")
}

// Set hands out segments that are unique within one folder of URLs. The
// same name always gets the same segment from one Set. Two names that make
// the same segment get a number suffix in the order the names are first
// seen, so callers must pass names in a stable order.
type Set struct {
	byName map[string]string
	taken  map[string]bool
}

// NewSet returns an empty Set; reserved segments are never handed out.
func NewSet(reserved ...string) *Set {
	s := &Set{byName: map[string]string{}, taken: map[string]bool{}}
	for _, r := range reserved {
		s.taken[r] = true
	}
	return s
}

// For returns the segment of name, making it on first use. fallback is
// used when Make returns "".
func (s *Set) For(name, fallback string) string {
	if seg, ok := s.byName[name]; ok {
		return seg
	}
	base := Make(name)
	if base == "" {
		base = fallback
	}
	seg := base
	for n := 2; s.taken[seg]; n++ {
		seg = base + "-" + strconv.Itoa(n)
	}
	s.taken[seg] = true
	s.byName[name] = seg
	return seg
}
