package content

import (
	"bytes"
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// referenceMarkdown is goldmark with its own emphasis and strikethrough
// parsers, configured like NewMarkdown(MarkdownOptions{Unsafe: true}).
var referenceMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

var headingIDAttr = regexp.MustCompile(`<h([1-6]) id="[^"]*">`)

// hasCJKContext reports whether s contains a character that makes our
// rules differ from CommonMark on purpose.
func hasCJKContext(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return isCJK(r) || isSharedPunct(r) })
}

// compareWithGoldmark renders src with both Markdown setups and returns
// the two outputs, heading ids removed from ours.
func compareWithGoldmark(t testing.TB, m *Markdown, src string) (got, want string) {
	r, err := m.Render([]byte(src))
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	var ref bytes.Buffer
	if err := referenceMarkdown.Convert([]byte(src), &ref); err != nil {
		t.Fatalf("goldmark Convert(%q): %v", src, err)
	}
	return headingIDAttr.ReplaceAllString(string(r.HTML), "<h$1>"), ref.String()
}

// TestEmphasisMatchesCommonMarkWithoutCJK checks that text without CJK
// characters renders exactly as with goldmark's own parsers: every string
// of up to five characters over an alphabet of delimiters, letters,
// punctuation and line breaks, then random longer strings.
func TestEmphasisMatchesCommonMarkWithoutCJK(t *testing.T) {
	m := NewMarkdown(MarkdownOptions{Unsafe: true})
	alphabet := []string{"*", "_", "~", "a", " ", ".", "(", "\n"}

	var all func(prefix string, n int)
	mismatches := 0
	check := func(src string) {
		got, want := compareWithGoldmark(t, m, src)
		if got != want && mismatches < 10 {
			mismatches++
			t.Errorf("input %q:\ngot  %q\nwant %q", src, got, want)
		}
	}
	all = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(prefix+c, n-1)
		}
	}
	all("", 5)

	rng := rand.New(rand.NewSource(1))
	wide := append(alphabet, "**", "__", "~~", "foo", "\"", "é", "¡", "-", "#", "`", "[x](/u)", "\n\n")
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(16); n >= 0; n-- {
			b.WriteString(wide[rng.Intn(len(wide))])
		}
		check(b.String())
	}
}

func TestFlanking(t *testing.T) {
	tests := []struct {
		name      string
		before    rune
		after     rune
		wantLeft  bool
		wantRight bool
	}{
		{"letters both sides", 'a', 'b', true, true},
		{"space before", ' ', 'b', true, false},
		{"space after", 'a', ' ', false, true},
		{"ASCII punct inside, letter outside", 'a', '"', false, true},
		{"CJK punct inside, CJK outside", '是', '「', true, true},
		{"CJK punct inside, letter outside", 'a', '「', true, true},
		{"curly quote inside, CJK outside", '办', '“', true, true},
		{"curly quote inside, letter outside", 'a', '“', false, true},
		{"closing: CJK punct before, CJK after", '」', '内', true, true},
		{"closing: curly quote before, CJK after", '”', '办', true, true},
		{"closing: curly quote before, letter after", '”', 'a', true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			left, right := flanking(classify(tt.before), classify(tt.after))
			if left != tt.wantLeft || right != tt.wantRight {
				t.Errorf("flanking(%q, %q) = %v, %v; want %v, %v",
					tt.before, tt.after, left, right, tt.wantLeft, tt.wantRight)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		r    rune
		want charClass
	}{
		{'a', classOther},
		{'1', classOther},
		{' ', classSpace},
		{'\n', classSpace},
		{'\u3000', classSpace}, // ideographic space is whitespace first
		{'.', classPunct},
		{'$', classPunct},
		{'“', classPunct},
		{'中', classCJK},
		{'か', classCJK},
		{'한', classCJK},
		{'，', classCJKPunct},
		{'。', classCJKPunct},
		{'「', classCJKPunct},
		{'《', classCJKPunct},
		{'😀', classPunct}, // emoji are symbols, not CJK
	}
	for _, tt := range tests {
		if got := classify(tt.r); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}
