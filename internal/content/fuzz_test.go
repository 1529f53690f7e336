package content

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"+++\ntitle = \"关于公布重大税收违法失信案件的公告\"\ndate = 2024-03-15\n+++\n正文\n",
	"\uFEFF+++\r\ntitle = \"a\"\r\n+++\r\n正文\r\n",
	"+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n",
	"+++\ntitle = \"未结束\n",
	"+++\n[params]\ncaseNumber = \"京税稽罚〔2024〕1号\"\n+++\n# 标题\n",
	"# 办理流程\n\n这是**「重点」**内容\n第二行\n",
	"| 名称 | 处罚 |\n| --- | --- |\n| 甲 | 罚款 |\n\n~~旧~~新[^1]\n\n[^1]: 注\n",
	"<script>alert(1)</script>\n\na <b>b</b> [x](javascript:alert(1))\n",
	"+++",
	"+++\n+++",
	"税\xce\xf1局",
}

// checkSubslice reports whether part is a sub-slice of whole that starts
// on the given 1-based line, and, when toEnd is set, runs to its end.
func checkSubslice(t *testing.T, name string, whole, part []byte, line int, toEnd bool) {
	t.Helper()
	offset := cap(whole) - cap(part)
	if offset < 0 || offset+len(part) > len(whole) || !bytes.Equal(whole[offset:offset+len(part)], part) {
		t.Fatalf("%s %q is not a sub-slice of the input", name, part)
	}
	if toEnd && offset+len(part) != len(whole) {
		t.Fatalf("%s does not run to the end of the input", name)
	}
	if got := bytes.Count(whole[:offset], []byte{'\n'}) + 1; got != line {
		t.Fatalf("%s starts on line %d, but its line field says %d", name, got, line)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Split("a.md", src)
		if err != nil {
			if err.File != "a.md" || err.Line < 1 || err.Message == "" {
				t.Fatalf("incomplete error: %#v", err)
			}
			return
		}

		content := bytes.TrimPrefix(src, utf8BOM)
		bodyLine := doc.BodyLine
		if len(doc.Body) == 0 && doc.FrontMatter != nil && !bytes.HasSuffix(content, []byte{'\n'}) {
			// The closing line ends the file without a line break, so the
			// empty body "starts" on the line after it, which has no bytes.
			bodyLine--
		}
		checkSubslice(t, "Body", content, doc.Body, bodyLine, true)
		if doc.FrontMatter == nil {
			if doc.BodyLine != 1 {
				t.Fatalf("no front matter but BodyLine = %d", doc.BodyLine)
			}
			return
		}
		checkSubslice(t, "FrontMatter", content, doc.FrontMatter, doc.FrontMatterLine, false)
		if doc.FrontMatterLine != 2 {
			t.Fatalf("FrontMatterLine = %d, want 2", doc.FrontMatterLine)
		}
		fmLines := bytes.Count(doc.FrontMatter, []byte{'\n'})
		if doc.BodyLine != doc.FrontMatterLine+fmLines+1 {
			t.Fatalf("BodyLine = %d, want %d", doc.BodyLine, doc.FrontMatterLine+fmLines+1)
		}
	})
}

func FuzzParseFrontMatter(f *testing.F) {
	f.Add("title = \"公告\"\ndate = 2024-03-15\n", 2)
	f.Add("title = \"a\"\ntitle = \"b\"\n", 2)
	f.Add("titel = 1\ndraft = \"yes\"\nweight = 1.5\nkeywords = \"a\"\n", 5)
	f.Add("date = \"2024年1月1日\"\npublishdate = 09:30:00\n", 1)
	f.Add("[params]\nx = 2024-01-01T09:00:00\n[[params.list]]\na = 1\n", 2)
	f.Add("\uFEFFtitle = \"a\"\r\n", 2)
	f.Add("description = \"\"\"\ntitle = 1\n\"\"\"\n", 0)
	f.Add("title = “税务”\n", 2)
	f.Fuzz(func(t *testing.T, fm string, line int) {
		line &= 0xFFFFF // Split gives 2; keep other values far from overflow
		doc := Document{FrontMatter: []byte(fm), FrontMatterLine: line}
		_, errs := ParseFrontMatter("a.md", doc)
		lastLine := max(line, 1) + strings.Count(fm, "\n")
		for _, e := range errs {
			if e.File != "a.md" {
				t.Fatalf("error without file: %v", e)
			}
			if e.Line < 1 || e.Line > lastLine {
				t.Fatalf("error line %d outside 1..%d: %v", e.Line, lastLine, e)
			}
			if e.Message == "" {
				t.Fatalf("error without message: %#v", e)
			}
		}
	})
}

// allowedTags are the elements the safe renderer may emit; any other tag
// in its output would have come from the input.
var allowedTags = map[string]bool{
	"p": true, "em": true, "strong": true, "del": true, "a": true, "code": true,
	"pre": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"img": true, "sup": true, "div": true,
}

var tagName = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)`)

func FuzzRender(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("<SCRIPT>x</SCRIPT> <scr<script>ipt> <img src=x onerror=alert(1)>")
	f.Add("[a](JaVaScRiPt:alert(1)) ![b](javascript:x) <javascript:y>")
	safe := NewMarkdown(MarkdownOptions{ReservedIDs: []string{"main"}})
	f.Fuzz(func(t *testing.T, src string) {
		r, err := safe.Render([]byte(src))
		if !utf8.ValidString(src) {
			if err == nil {
				t.Fatalf("Render accepted invalid UTF-8")
			}
			return
		}
		if err != nil {
			t.Fatalf("Render: %v", err)
		}

		if !utf8.Valid(r.HTML) || !utf8.ValidString(r.PlainText) {
			t.Fatalf("invalid UTF-8 in output for %q", src)
		}
		lower := strings.ToLower(string(r.HTML))
		if strings.Contains(lower, "<script") || strings.Contains(lower, `href="javascript:`) ||
			strings.Contains(lower, `src="javascript:`) {
			t.Fatalf("dangerous output for %q:\n%s", src, r.HTML)
		}
		for _, m := range tagName.FindAllStringSubmatch(string(r.HTML), -1) {
			if !allowedTags[strings.ToLower(m[2])] {
				t.Fatalf("unexpected tag <%s%s> in output for %q:\n%s", m[1], m[2], src, r.HTML)
			}
		}

		seen := map[string]bool{"main": true}
		for _, h := range r.Headings {
			if h.ID == "" || seen[h.ID] {
				t.Fatalf("heading id %q empty, reserved or repeated in %v", h.ID, r.Headings)
			}
			seen[h.ID] = true
		}
	})
}

// FuzzEmphasisMatchesGoldmark checks that text without CJK characters
// renders exactly as with goldmark's own emphasis parser.
func FuzzEmphasisMatchesGoldmark(f *testing.F) {
	f.Add("*foo*bar a * b * **foo bar **")
	f.Add("__foo, __bar__, baz__\n*(*foo*)*")
	f.Add("~~old~~ new ~~~x~~~ _snake_case_")
	f.Add("**foo \"*bar*\" foo**\n\n# T *x*")
	m := NewMarkdown(MarkdownOptions{Unsafe: true})
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) || hasCJKContext(src) {
			return
		}
		got, want := compareWithGoldmark(t, m, src)
		if got != want {
			t.Fatalf("input %q:\ngot  %q\nwant %q", src, got, want)
		}
	})
}
