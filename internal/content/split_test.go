package content

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name            string
		src             string
		wantFrontMatter string
		wantNoFM        bool
		wantFMLine      int
		wantBody        string
		wantBodyLine    int
	}{
		{
			name:            "front matter and body",
			src:             "+++\ntitle = \"公告\"\n+++\n正文第一行\n",
			wantFrontMatter: "title = \"公告\"\n",
			wantFMLine:      2,
			wantBody:        "正文第一行\n",
			wantBodyLine:    4,
		},
		{
			name:         "no front matter",
			src:          "# 标题\n\n正文\n",
			wantNoFM:     true,
			wantBody:     "# 标题\n\n正文\n",
			wantBodyLine: 1,
		},
		{
			name:         "empty file",
			src:          "",
			wantNoFM:     true,
			wantBody:     "",
			wantBodyLine: 1,
		},
		{
			name:            "BOM before opening line",
			src:             "\uFEFF+++\ntitle = \"a\"\n+++\nbody",
			wantFrontMatter: "title = \"a\"\n",
			wantFMLine:      2,
			wantBody:        "body",
			wantBodyLine:    4,
		},
		{
			name:         "BOM without front matter",
			src:          "\uFEFF正文",
			wantNoFM:     true,
			wantBody:     "正文",
			wantBodyLine: 1,
		},
		{
			name:            "CRLF line endings",
			src:             "+++\r\ntitle = \"a\"\r\ndraft = true\r\n+++\r\n正文\r\n",
			wantFrontMatter: "title = \"a\"\r\ndraft = true\r\n",
			wantFMLine:      2,
			wantBody:        "正文\r\n",
			wantBodyLine:    5,
		},
		{
			name:            "trailing spaces on delimiter lines",
			src:             "+++  \ntitle = \"a\"\n+++\t \nbody",
			wantFrontMatter: "title = \"a\"\n",
			wantFMLine:      2,
			wantBody:        "body",
			wantBodyLine:    4,
		},
		{
			name:            "empty front matter",
			src:             "+++\n+++\nbody",
			wantFrontMatter: "",
			wantFMLine:      2,
			wantBody:        "body",
			wantBodyLine:    3,
		},
		{
			name:            "closing line at end of file",
			src:             "+++\ntitle = \"a\"\n+++",
			wantFrontMatter: "title = \"a\"\n",
			wantFMLine:      2,
			wantBody:        "",
			wantBodyLine:    4,
		},
		{
			name:            "plus signs inside a value do not close",
			src:             "+++\ntitle = \"+++\"\n+++\nbody",
			wantFrontMatter: "title = \"+++\"\n",
			wantFMLine:      2,
			wantBody:        "body",
			wantBodyLine:    4,
		},
		{
			name:         "four plus signs are not an opening line",
			src:          "++++\nbody",
			wantNoFM:     true,
			wantBody:     "++++\nbody",
			wantBodyLine: 1,
		},
		{
			name:         "indented plus signs are not an opening line",
			src:          " +++\nbody",
			wantNoFM:     true,
			wantBody:     " +++\nbody",
			wantBodyLine: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Split("a.md", []byte(tt.src))
			if err != nil {
				t.Fatalf("Split: unexpected error: %v", err)
			}
			if tt.wantNoFM {
				if doc.FrontMatter != nil {
					t.Errorf("FrontMatter = %q, want nil", doc.FrontMatter)
				}
			} else {
				if doc.FrontMatter == nil {
					t.Fatalf("FrontMatter = nil, want %q", tt.wantFrontMatter)
				}
				if got := string(doc.FrontMatter); got != tt.wantFrontMatter {
					t.Errorf("FrontMatter = %q, want %q", got, tt.wantFrontMatter)
				}
				if doc.FrontMatterLine != tt.wantFMLine {
					t.Errorf("FrontMatterLine = %d, want %d", doc.FrontMatterLine, tt.wantFMLine)
				}
			}
			if got := string(doc.Body); got != tt.wantBody {
				t.Errorf("Body = %q, want %q", got, tt.wantBody)
			}
			if doc.BodyLine != tt.wantBodyLine {
				t.Errorf("BodyLine = %d, want %d", doc.BodyLine, tt.wantBodyLine)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		name        string
		src         string
		wantLine    int
		wantColumn  int
		wantMessage string
		wantHint    string // substring
		wantValue   string
	}{
		{
			name:        "missing closing line",
			src:         "+++\ntitle = \"公告\"\n\n正文\n",
			wantLine:    1,
			wantMessage: "front matter 缺少结束的 +++ 行",
			wantHint:    "加一行 +++",
		},
		{
			name:        "only an opening line",
			src:         "+++",
			wantLine:    1,
			wantMessage: "front matter 缺少结束的 +++ 行",
			wantHint:    "加一行 +++",
		},
		{
			name:        "fullwidth closing line",
			src:         "+++\ntitle = \"公告\"\n＋＋＋\n正文\n",
			wantLine:    1,
			wantMessage: "front matter 缺少结束的 +++ 行",
			wantHint:    "第 3 行“＋＋＋”",
		},
		{
			name:        "indented closing line",
			src:         "+++\ntitle = \"公告\"\n  +++\n正文\n",
			wantLine:    1,
			wantMessage: "front matter 缺少结束的 +++ 行",
			wantHint:    "第 3 行“+++”",
		},
		{
			name:        "GBK bytes in body",
			src:         "+++\ntitle = \"a\"\n+++\n第一行\n税\xce\xf1局\n",
			wantLine:    5,
			wantColumn:  2,
			wantMessage: "文件不是有效的 UTF-8 编码",
			wantHint:    "UTF-8",
			wantValue:   "CE F1",
		},
		{
			name:        "invalid byte after BOM on line 1",
			src:         "\uFEFFab\xff",
			wantLine:    1,
			wantColumn:  3,
			wantMessage: "文件不是有效的 UTF-8 编码",
			wantHint:    "UTF-8",
			wantValue:   "FF",
		},
		{
			name:        "UTF-16 file",
			src:         "\xff\xfe+\x00+\x00+\x00",
			wantLine:    1,
			wantColumn:  1,
			wantMessage: "文件是 UTF-16 编码，不是 UTF-8",
			wantHint:    "UTF-8",
			wantValue:   "FF FE",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split("content/公告/a.md", []byte(tt.src))
			if err == nil {
				t.Fatal("Split: got no error, want one")
			}
			if err.File != "content/公告/a.md" {
				t.Errorf("File = %q, want %q", err.File, "content/公告/a.md")
			}
			if err.Line != tt.wantLine {
				t.Errorf("Line = %d, want %d", err.Line, tt.wantLine)
			}
			if err.Column != tt.wantColumn {
				t.Errorf("Column = %d, want %d", err.Column, tt.wantColumn)
			}
			if err.Message != tt.wantMessage {
				t.Errorf("Message = %q, want %q", err.Message, tt.wantMessage)
			}
			if !strings.Contains(err.Hint, tt.wantHint) {
				t.Errorf("Hint = %q, want it to contain %q", err.Hint, tt.wantHint)
			}
			if err.Value != tt.wantValue {
				t.Errorf("Value = %q, want %q", err.Value, tt.wantValue)
			}
		})
	}
}

func TestSplitSubslices(t *testing.T) {
	src := []byte("+++\ntitle = \"a\"\n+++\nbody\n")
	doc, err := Split("a.md", src)
	if err != nil {
		t.Fatalf("Split: %v", err)
	}

	// Writing through the returned slices must change src: they share
	// its memory rather than copying it.
	doc.Body[0] = 'B'
	if src[len(src)-5] != 'B' {
		t.Errorf("Body is not a sub-slice of src: src = %q", src)
	}
	doc.FrontMatter[0] = 'T'
	if src[4] != 'T' {
		t.Errorf("FrontMatter is not a sub-slice of src: src = %q", src)
	}
}
