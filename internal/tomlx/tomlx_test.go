package tomlx

import (
	"slices"
	"strings"
	"testing"
)

type sample struct {
	Title string   `toml:"title"`
	When  any      `toml:"when"`
	Count int      `toml:"count"`
	Tags  []string `toml:"tags"`
	Org   struct {
		Name string `toml:"name"`
	} `toml:"org"`
	Items []struct {
		Name string `toml:"name"`
	} `toml:"item"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		firstLine int
		line      int
		field     string
		contains  string
	}{
		{"unknown key", "title = \"a\"\ntitel = \"b\"\n", 1, 2, "titel", "未知的键"},
		{"unknown key in table", "[org]\nname = \"x\"\nnmae = \"y\"\n", 1, 3, "org.nmae", "未知的键"},
		{"unknown key in array of tables", "[[item]]\nname = \"a\"\n[[item]]\nlabel = \"b\"\n", 1, 4, "item.label", "未知的键"},
		{"unknown table reported once", "[extra]\na = 1\nb = 2\n", 1, 1, "extra", "未知的键"},
		{"duplicate key", "title = \"a\"\ntitle = \"b\"\n", 1, 2, "title", "键重复定义"},
		{"not UTF-8", "title = \"a\"\nname = \"\xb5\xc8\"\n", 1, 2, "", "不是 UTF-8 编码"},
		{"chinese quotes", "title = “标题”\n", 1, 1, "title", "无法识别的值"},
		{"month 13", "title = \"a\"\nwhen = 2025-13-01\n", 1, 2, "when", "日期 2025-13-01 不存在：没有 13 月"},
		{"30 February", "when = 2024-02-30\n", 1, 1, "when", "2024 年 2 月只有 29 天"},
		{"wrong type", "title = \"a\"\ncount = \"3\"\n", 1, 2, "count", "类型不对：应为整数，这里写的是文本"},
		{"syntax error", "title = 标题\n", 1, 1, "title", "无法识别的值"},
		{"offset into file", "title = \"a\"\ncount = true\n", 5, 6, "count", "类型不对"},
		{"BOM accepted", "\ufefftitle = \"a\"\nbad = 1\n", 1, 2, "bad", "未知的键"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v sample
			_, errs, _ := Decode("f.toml", []byte(tt.src), tt.firstLine, &v)
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
			}
			e := errs[0]
			if e.File != "f.toml" || e.Line != tt.line || e.Field != tt.field || !strings.Contains(e.Message, tt.contains) {
				t.Errorf("got %s (line %d, field %q), want line %d field %q containing %q", e, e.Line, e.Field, tt.line, tt.field, tt.contains)
			}
		})
	}
}

func TestDecodeValid(t *testing.T) {
	var v sample
	_, errs, decoded := Decode("f.toml", []byte("\ufefftitle = \"标题\"\ntags = [\"a\", \"b\"]\n[org]\nname = \"单位\"\n"), 1, &v)
	if len(errs) > 0 || !decoded {
		t.Fatal(errs)
	}
	if v.Title != "标题" || v.Org.Name != "单位" || !slices.Equal(v.Tags, []string{"a", "b"}) {
		t.Errorf("got %+v", v)
	}
}

func TestKeyLines(t *testing.T) {
	src := `# comment
title = "a"
text = """
fake = 1
"""
list = [
  "x = 1",
]
"quoted.key" = 1
[org]
name = "n"
[[item]]
name = "a"
[[item]]
name = "b"
`
	got := KeyLines([]byte(src))
	want := map[string][]int{
		"title": {2}, "text": {3}, "list": {6}, "quoted.key": {9},
		"org": {10}, "org.name": {11}, "item": {12, 14}, "item.name": {13, 15},
	}
	for k, lines := range want {
		if !slices.Equal(got[k], lines) {
			t.Errorf("%s: got %v, want %v", k, got[k], lines)
		}
	}
	if _, ok := got["fake"]; ok {
		t.Error("key inside a multi-line string was recorded")
	}
}

func FuzzKeyLines(f *testing.F) {
	f.Add([]byte("a = 1\n[b]\nc = \"\"\"\nx\n\"\"\"\nd = [\n1,\n]\n"))
	f.Add([]byte("[[a]]\n'k.j' = 'v'\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Count(string(src), "\n") + 1
		for key, ls := range KeyLines(src) {
			for _, l := range ls {
				if l < 1 || l > lines {
					t.Fatalf("key %q at line %d of %d", key, l, lines)
				}
			}
		}
		var v sample
		_, errs, _ := Decode("f.toml", src, 1, &v)
		for _, e := range errs {
			if e.File != "f.toml" {
				t.Fatalf("error without file: %v", e)
			}
		}
	})
}

func TestUnknownKeyHints(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"titel = \"a\"\n", "是否想写“title”？可用的键：title、when、count、tags、org、item。"},
		{"[org]\nnmae = \"a\"\n", "是否想写“name”？“org”中可用的键：name。"},
		{"[[item]]\nnaem = \"a\"\n", "是否想写“name”？“item”中可用的键：name。"},
	}
	for _, tt := range tests {
		var v sample
		_, errs, _ := Decode("f.toml", []byte(tt.src), 1, &v)
		if len(errs) != 1 || errs[0].Hint != tt.want {
			t.Errorf("%q: got %v, want hint %s", tt.src, errs, tt.want)
			continue
		}
		if errs[0].Source == "" {
			t.Errorf("%q: no source line", tt.src)
		}
	}
}

func TestChineseQuotesHint(t *testing.T) {
	var v sample
	_, errs, _ := Decode("f.toml", []byte("title = “标题”\n"), 1, &v)
	if len(errs) != 1 || !strings.Contains(errs[0].Hint, "英文双引号") {
		t.Errorf("got %v", errs)
	}
}
