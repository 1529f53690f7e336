package content

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"gongshi/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// TestMarkdownGolden renders every testdata/markdown/*.md file and compares
// the HTML with the .html file beside it. Files whose name contains
// "unsafe" are rendered with raw HTML on. All use the reserved id "main".
func TestMarkdownGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs found: %v", err)
	}
	for _, input := range inputs {
		name := strings.TrimSuffix(filepath.Base(input), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(input)
			if err != nil {
				t.Fatal(err)
			}
			opts := MarkdownOptions{
				Unsafe:      strings.Contains(name, "unsafe"),
				ReservedIDs: []string{"main"},
			}
			got, err := NewMarkdown(opts).Render(src)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}

			golden := strings.TrimSuffix(input, ".md") + ".html"
			if *update {
				if err := os.WriteFile(golden, got.HTML, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got.HTML, want) {
				t.Errorf("HTML differs from %s\n--- got ---\n%s\n--- want ---\n%s", golden, got.HTML, want)
			}
		})
	}
}

// renderHTML renders src with the safe defaults and returns the HTML.
func renderHTML(t *testing.T, src string) string {
	t.Helper()
	r, err := NewMarkdown(MarkdownOptions{}).Render([]byte(src))
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return string(r.HTML)
}

func TestRenderCJKEmphasis(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"这是**「重点」**内容", "<p>这是<strong>「重点」</strong>内容</p>\n"},
		{"**“依法”**办理", "<p><strong>“依法”</strong>办理</p>\n"},
		{"按**《税收征收管理法》**规定", "<p>按<strong>《税收征收管理法》</strong>规定</p>\n"},
		{"**重要。**下一句", "<p><strong>重要。</strong>下一句</p>\n"},
		{"这是*「强调」*内容", "<p>这是<em>「强调」</em>内容</p>\n"},
		{"办理**“依法”**", "<p>办理<strong>“依法”</strong></p>\n"},
		{"纳税人**（含扣缴义务人）**应当", "<p>纳税人<strong>（含扣缴义务人）</strong>应当</p>\n"},
		{"**「重点」**abc", "<p><strong>「重点」</strong>abc</p>\n"},
		{"~~「旧规定」~~已废止", "<p><del>「旧规定」</del>已废止</p>\n"},
		{"（_强调_）", "<p>（<em>强调</em>）</p>\n"},
		// An underscore between CJK letters is inside a word and stays
		// literal, as it does in English; Chinese text uses `*`.
		{"文件_1_号", "<p>文件_1_号</p>\n"},
		{"这是_强调_内容", "<p>这是_强调_内容</p>\n"},
		{"snake_case_name", "<p>snake_case_name</p>\n"},
		// A variation selector after a CJK character counts as CJK.
		{"葛\U000E0100**「重点」**内容", "<p>葛\U000E0100<strong>「重点」</strong>内容</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			if got := renderHTML(t, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRenderSoftBreaks(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"Chinese joins", "第一行\n第二行", "<p>第一行第二行</p>\n"},
		{"fullwidth comma joins", "税款，\n请缴纳", "<p>税款，请缴纳</p>\n"},
		{"curly quote joins", "“依法”\n办理", "<p>“依法”办理</p>\n"},
		{"English keeps break", "two\nwords", "<p>two\nwords</p>\n"},
		{"English punctuation keeps break", "end.\nNext", "<p>end.\nNext</p>\n"},
		{"Chinese and English keep break", "使用\nHTTPS", "<p>使用\nHTTPS</p>\n"},
		{"English before emphasis keeps break", "see\n*the notice*", "<p>see\n<em>the notice</em></p>\n"},
		{"English before link keeps break", "see\n[notice](/a)", "<p>see\n<a href=\"/a\">notice</a></p>\n"},
		{"Chinese before emphasis joins", "参见\n**公告**", "<p>参见<strong>公告</strong></p>\n"},
		{"Chinese after emphasis joins", "**公告**\n全文", "<p><strong>公告</strong>全文</p>\n"},
		{"Chinese before code keeps nothing", "运行\n`命令`", "<p>运行<code>命令</code></p>\n"},
		{"Korean keeps break", "한국어\n문장", "<p>한국어\n문장</p>\n"},
		{"hard break stays", "第一行\\\n第二行", "<p>第一行<br>\n第二行</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderHTML(t, tt.src); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRenderRawHTML(t *testing.T) {
	tests := []struct {
		name   string
		unsafe bool
		src    string
		want   string
	}{
		{"block escaped", false, "<script>alert(1)</script>", "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>\n"},
		{"inline escaped", false, "a <b>b</b>", "<p>a &lt;b&gt;b&lt;/b&gt;</p>\n"},
		{"comment block dropped", false, "<!--more-->\n\n正文", "<p>正文</p>\n"},
		{"comment followed by script is escaped", false, "<!-- x --><script>alert(1)</script>", "<pre><code>&lt;!-- x --&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>\n"},
		{"block passes when unsafe", true, "<script>alert(1)</script>\n", "<script>alert(1)</script>\n"},
		{"inline passes when unsafe", true, "a <b>b</b>", "<p>a <b>b</b></p>\n"},
		{"javascript link not live", false, "[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n"},
		{"javascript autolink not live", false, "<javascript:alert(1)>", "<p><a href=\"\">javascript:alert(1)</a></p>\n"},
		{"uppercase javascript link not live", false, "[x](JavaScript:alert(1))", "<p><a href=\"\">x</a></p>\n"},
		{"https link live", false, "[x](https://www.chinatax.gov.cn/)", "<p><a href=\"https://www.chinatax.gov.cn/\">x</a></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewMarkdown(MarkdownOptions{Unsafe: tt.unsafe}).Render([]byte(tt.src))
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if got := string(r.HTML); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestRenderHeadings(t *testing.T) {
	src := "# Main\n\n## 办理流程\n\n## 办理流程\n\n## 第一章 Overview\n\n" +
		"### ！！！\n\n### ？？？\n\n## 见[公告](https://example.com/a)\n\n## 办理流程-2\n\n" +
		"Setext 标题\n===\n\n## main-2\n"
	r, err := NewMarkdown(MarkdownOptions{ReservedIDs: []string{"main", "办理流程-3"}}).Render([]byte(src))
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	want := []Heading{
		{Level: 1, ID: "main-2", Text: "Main"},
		{Level: 2, ID: "办理流程", Text: "办理流程"},
		{Level: 2, ID: "办理流程-2", Text: "办理流程"},
		{Level: 2, ID: "第一章-overview", Text: "第一章 Overview"},
		{Level: 3, ID: "section", Text: "！！！"},
		{Level: 3, ID: "section-2", Text: "？？？"},
		{Level: 2, ID: "见公告", Text: "见公告"},
		// "办理流程-2" is taken by the second heading and "办理流程-3"
		// is reserved, so the literal text gets a suffix of its own.
		{Level: 2, ID: "办理流程-2-2", Text: "办理流程-2"},
		{Level: 1, ID: "setext-标题", Text: "Setext 标题"},
		{Level: 2, ID: "main-2-2", Text: "main-2"},
	}
	if !reflect.DeepEqual(r.Headings, want) {
		t.Errorf("Headings =\n%v\nwant\n%v", r.Headings, want)
	}
	for _, h := range want {
		if !strings.Contains(string(r.HTML), ` id="`+h.ID+`"`) {
			t.Errorf("HTML lacks id %q:\n%s", h.ID, r.HTML)
		}
	}
}

func TestRenderHeadingIDsPerCall(t *testing.T) {
	m := NewMarkdown(MarkdownOptions{})
	for i := 0; i < 2; i++ {
		r, err := m.Render([]byte("## 办理流程\n"))
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if len(r.Headings) != 1 || r.Headings[0].ID != "办理流程" {
			t.Errorf("call %d: Headings = %v, want one with id 办理流程", i+1, r.Headings)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"办理流程", "办理流程"},
		{"第一章 Overview", "第一章-overview"},
		{"一、《税收征收管理法》第六十三条", "一-税收征收管理法-第六十三条"},
		{"（一）纳税人：名称", "一-纳税人-名称"},
		{"「重点」与“依法”", "重点-与-依法"},
		{"  Hello,   World!  ", "hello-world"},
		{"Go_Lang", "go-lang"},
		{"2024年第1号", "2024年第1号"},
		{"ÄBC", "Äbc"},
		{"！！！", "section"},
		{"", "section"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := slugify(tt.text); got != tt.want {
				t.Errorf("slugify(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRenderPlainText(t *testing.T) {
	tests := []struct {
		name   string
		unsafe bool
		src    string
		want   string
	}{
		{"soft break joins Chinese", false, "第一行\n第二行", "第一行第二行"},
		{"soft break joins into emphasis", false, "参见\n**公告**\n全文", "参见公告全文"},
		{"soft break spaces English", false, "two\nwords", "two words"},
		{"blocks separated", false, "# 标题\n\n第一段。\n\n第二段。", "标题 第一段。 第二段。"},
		{"whitespace collapsed", false, "a   b\t c", "a b c"},
		{"entities and escapes resolved", false, "A &amp; B \\*C\\*", "A & B *C*"},
		{"link text kept, URL dropped", false, "见[公告](https://example.com)", "见公告"},
		{"image dropped", false, "图![示意图](a.png)示", "图示"},
		{"code kept", false, "运行 `go test`\n\n```\nmake all\n```", "运行 go test make all"},
		{"table cells separated", false, "| 名称 | 处罚 |\n| --- | --- |\n| 甲 | 罚款 |", "名称 处罚 甲 罚款"},
		{"footnote text kept, markers dropped", false, "依法[^1]处理。\n\n[^1]: 第六十三条。", "依法处理。 第六十三条。"},
		{"raw HTML shown as text when safe", false, "a <b>b</b>", "a <b>b</b>"},
		{"raw HTML tags dropped when unsafe", true, "a <b>b</b>", "a b"},
		{"comment dropped", false, "a <!-- x --> b", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewMarkdown(MarkdownOptions{Unsafe: tt.unsafe}).Render([]byte(tt.src))
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if r.PlainText != tt.want {
				t.Errorf("PlainText = %q, want %q", r.PlainText, tt.want)
			}
		})
	}
}

func TestRenderInvalidUTF8(t *testing.T) {
	_, err := NewMarkdown(MarkdownOptions{}).Render([]byte("第一行\n税\xce\xf1局"))
	if err == nil {
		t.Fatal("Render: got no error for invalid UTF-8")
	}
	list := diag.AsList(err)
	if len(list) != 1 {
		t.Fatalf("error %v is not a *diag.Error", err)
	}
	if list[0].Line != 2 || list[0].Column != 2 {
		t.Errorf("position = %d:%d, want 2:2", list[0].Line, list[0].Column)
	}
}

func TestRenderReferencesPerCall(t *testing.T) {
	m := NewMarkdown(MarkdownOptions{})
	if _, err := m.Render([]byte("[a]: https://example.com/a\n")); err != nil {
		t.Fatal(err)
	}
	r, err := m.Render([]byte("[a]"))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(r.HTML); got != "<p>[a]</p>\n" {
		t.Errorf("a link reference leaked from an earlier call: %q", got)
	}
}

func TestRenderConcurrent(t *testing.T) {
	m := NewMarkdown(MarkdownOptions{ReservedIDs: []string{"main"}})
	inputs := []string{
		"## 办理流程\n\n## 办理流程\n\n这是**「重点」**内容",
		"# Main\n\n第一行\n第二行",
		"| a | b |\n| - | - |\n| 1 | 2 |\n\n脚注[^1]\n\n[^1]: 说明",
	}
	want := make([]Rendered, len(inputs))
	for i, in := range inputs {
		r, err := m.Render([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = r
	}

	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(inputs)
				r, err := m.Render([]byte(inputs[i]))
				if err != nil || !reflect.DeepEqual(r, want[i]) {
					select {
					case errs <- inputs[i]:
					default:
					}
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for in := range errs {
		t.Errorf("concurrent Render of %q differs from a sequential one", in)
	}
}

func TestRenderValidUTF8Output(t *testing.T) {
	r, err := NewMarkdown(MarkdownOptions{}).Render([]byte("**重要。**😀\n\n## 表情😀标题"))
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(r.HTML) || !utf8.ValidString(r.PlainText) {
		t.Errorf("output is not valid UTF-8: %q", r.HTML)
	}
}
