package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"gongshi/internal/diag"
	"gongshi/internal/tz"
)

// parseFile splits src and parses its front matter, failing the test when
// Split fails.
func parseFile(t *testing.T, src string) (FrontMatter, []*diag.Error) {
	t.Helper()
	doc, err := Split("content/a.md", []byte(src))
	if err != nil {
		t.Fatalf("Split: %v", err)
	}
	return ParseFrontMatter("content/a.md", doc)
}

func TestParseFrontMatterFull(t *testing.T) {
	src := `+++
title = "关于公布重大税收违法失信案件的公告"
date = 2024-03-15T09:30:00+08:00
draft = false
publishDate = "2024-03-16 08:00"
expiryDate = 2027-03-15
weight = -3
slug = "2024-001"
description = """
第一行说明
titel = "这一行在字符串里，不是键"
"""
keywords = ["税收违法", "失信惩戒"]
column = "重大税收违法失信案件"

[params]
caseNumber = "京税稽罚〔2024〕1号"
amount = 1250000.5
hearing = 2024-04-01
[params.party]
name = "某某贸易有限公司"
+++
正文
`
	fm, errs := parseFile(t, src)
	if len(errs) != 0 {
		t.Fatalf("ParseFrontMatter: unexpected errors: %v", errs)
	}

	shanghai := tz.Shanghai()
	if fm.Title != "关于公布重大税收违法失信案件的公告" {
		t.Errorf("Title = %q", fm.Title)
	}
	if want := time.Date(2024, 3, 15, 9, 30, 0, 0, shanghai); !fm.Date.Equal(want) {
		t.Errorf("Date = %v, want %v", fm.Date, want)
	}
	if fm.Draft {
		t.Errorf("Draft = true, want false")
	}
	if want := time.Date(2024, 3, 16, 8, 0, 0, 0, shanghai); !fm.PublishDate.Equal(want) {
		t.Errorf("PublishDate = %v, want %v", fm.PublishDate, want)
	}
	if want := time.Date(2027, 3, 15, 0, 0, 0, 0, shanghai); !fm.ExpiryDate.Equal(want) {
		t.Errorf("ExpiryDate = %v, want %v", fm.ExpiryDate, want)
	}
	if fm.Weight != -3 {
		t.Errorf("Weight = %d, want -3", fm.Weight)
	}
	if fm.Slug != "2024-001" {
		t.Errorf("Slug = %q, want %q", fm.Slug, "2024-001")
	}
	if want := "第一行说明\ntitel = \"这一行在字符串里，不是键\"\n"; fm.Description != want {
		t.Errorf("Description = %q, want %q", fm.Description, want)
	}
	if want := []string{"税收违法", "失信惩戒"}; !reflect.DeepEqual(fm.Keywords, want) {
		t.Errorf("Keywords = %q, want %q", fm.Keywords, want)
	}
	if fm.Column != "重大税收违法失信案件" {
		t.Errorf("Column = %q", fm.Column)
	}

	if got := fm.Params["caseNumber"]; got != "京税稽罚〔2024〕1号" {
		t.Errorf("Params[caseNumber] = %v", got)
	}
	if got := fm.Params["amount"]; got != 1250000.5 {
		t.Errorf("Params[amount] = %v, want 1250000.5", got)
	}
	hearing, ok := fm.Params["hearing"].(time.Time)
	if !ok || hearing.Location() != shanghai || !hearing.Equal(time.Date(2024, 4, 1, 0, 0, 0, 0, shanghai)) {
		t.Errorf("Params[hearing] = %v, want 2024-04-01 00:00 in Asia/Shanghai", fm.Params["hearing"])
	}
	party, ok := fm.Params["party"].(map[string]any)
	if !ok || party["name"] != "某某贸易有限公司" {
		t.Errorf("Params[party] = %v, want a table with name", fm.Params["party"])
	}

	wantLines := map[string]int{
		"title": 2, "date": 3, "draft": 4, "publishDate": 5, "expiryDate": 6,
		"weight": 7, "slug": 8, "description": 9, "keywords": 13, "column": 14,
		"params": 16,
	}
	if !reflect.DeepEqual(fm.Lines, wantLines) {
		t.Errorf("Lines = %v, want %v", fm.Lines, wantLines)
	}
}

func TestParseFrontMatterNone(t *testing.T) {
	fm, errs := ParseFrontMatter("a.md", Document{Body: []byte("正文"), BodyLine: 1})
	if len(errs) != 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if fm.Title != "" || !fm.Date.IsZero() || fm.Params != nil {
		t.Errorf("FrontMatter = %+v, want zero fields", fm)
	}
	if fm.Lines == nil || len(fm.Lines) != 0 {
		t.Errorf("Lines = %v, want an empty map", fm.Lines)
	}
}

func TestParseFrontMatterDates(t *testing.T) {
	shanghai := tz.Shanghai()
	tests := []struct {
		name       string
		line       string
		want       time.Time
		wantOffset int // seconds east of UTC
	}{
		{"string day", `date = "2024-03-15"`, time.Date(2024, 3, 15, 0, 0, 0, 0, shanghai), 8 * 3600},
		{"string minutes", `date = "2024-03-15 09:30"`, time.Date(2024, 3, 15, 9, 30, 0, 0, shanghai), 8 * 3600},
		{"string seconds", `date = "2024-03-15 09:30:05"`, time.Date(2024, 3, 15, 9, 30, 5, 0, shanghai), 8 * 3600},
		{"string with T", `date = "2024-03-15T09:30:05"`, time.Date(2024, 3, 15, 9, 30, 5, 0, shanghai), 8 * 3600},
		{"string RFC 3339 UTC", `date = "2024-03-15T01:30:05Z"`, time.Date(2024, 3, 15, 9, 30, 5, 0, shanghai), 0},
		{"string RFC 3339 offset", `date = "2024-03-15T06:30:05+05:00"`, time.Date(2024, 3, 15, 9, 30, 5, 0, shanghai), 5 * 3600},
		{"TOML local date", `date = 2024-03-15`, time.Date(2024, 3, 15, 0, 0, 0, 0, shanghai), 8 * 3600},
		{"TOML local date-time", `date = 2024-03-15T09:30:00`, time.Date(2024, 3, 15, 9, 30, 0, 0, shanghai), 8 * 3600},
		{"TOML local date-time with space", `date = 2024-03-15 09:30:00`, time.Date(2024, 3, 15, 9, 30, 0, 0, shanghai), 8 * 3600},
		{"TOML offset date-time keeps zone", `date = 2024-03-15T06:30:00+05:00`, time.Date(2024, 3, 15, 9, 30, 0, 0, shanghai), 5 * 3600},
		{"TOML UTC date-time", `date = 2024-03-15T01:30:00Z`, time.Date(2024, 3, 15, 9, 30, 0, 0, shanghai), 0},
		{"lowercase publishdate", `publishdate = "2024-03-15"`, time.Date(2024, 3, 15, 0, 0, 0, 0, shanghai), 8 * 3600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, errs := parseFile(t, "+++\n"+tt.line+"\n+++\n")
			if len(errs) != 0 {
				t.Fatalf("unexpected errors: %v", errs)
			}
			got := fm.Date
			if strings.HasPrefix(tt.line, "publishdate") {
				got = fm.PublishDate
			}
			if !got.Equal(tt.want) {
				t.Errorf("date = %v, want %v", got, tt.want)
			}
			if _, offset := got.Zone(); offset != tt.wantOffset {
				t.Errorf("zone offset = %d, want %d", offset, tt.wantOffset)
			}
		})
	}
}

func TestParseFrontMatterZonelessIsShanghai(t *testing.T) {
	fm, errs := parseFile(t, "+++\ndate = \"2024-03-15 09:30\"\n+++\n")
	if len(errs) != 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if fm.Date.Location() != tz.Shanghai() {
		t.Errorf("Location = %v, want Asia/Shanghai", fm.Date.Location())
	}
	if got := fm.Date.Format(time.RFC3339); got != "2024-03-15T09:30:00+08:00" {
		t.Errorf("Date = %s, want 2024-03-15T09:30:00+08:00", got)
	}
}

// wantError describes an expected error; empty strings are not checked,
// and Hint is matched as a substring.
type wantError struct {
	line    int
	field   string
	value   string
	message string
	hint    string
}

func checkErrors(t *testing.T, got []*diag.Error, want []wantError) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), got)
	}
	for i, w := range want {
		e := got[i]
		if e.File != "content/a.md" {
			t.Errorf("error %d: File = %q, want content/a.md", i, e.File)
		}
		if e.Line != w.line {
			t.Errorf("error %d: Line = %d, want %d (%v)", i, e.Line, w.line, e)
		}
		if w.field != "" && e.Field != w.field {
			t.Errorf("error %d: Field = %q, want %q", i, e.Field, w.field)
		}
		if w.value != "" && e.Value != w.value {
			t.Errorf("error %d: Value = %q, want %q", i, e.Value, w.value)
		}
		if w.message != "" && e.Message != w.message {
			t.Errorf("error %d: Message = %q, want %q", i, e.Message, w.message)
		}
		if w.hint != "" && !strings.Contains(e.Hint, w.hint) {
			t.Errorf("error %d: Hint = %q, want it to contain %q", i, e.Hint, w.hint)
		}
		if e.Source == "" {
			t.Errorf("error %d: Source is empty", i)
		}
	}
}

func TestParseFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []wantError
	}{
		{
			name: "duplicate key has file line",
			src:  "+++\ntitle = \"a\"\ndraft = true\ntitle = \"b\"\n+++\n",
			want: []wantError{{line: 4, field: "title", message: "重复定义", hint: "第 2 行已经写过“title”"}},
		},
		{
			name: "duplicate table",
			src:  "+++\n[params]\na = 1\n[params]\nb = 2\n+++\n",
			want: []wantError{{line: 4, field: "params", message: "重复定义"}},
		},
		{
			name: "two spellings of one field",
			src:  "+++\npublishDate = 2024-01-01\npublishdate = 2024-01-02\n+++\n",
			want: []wantError{{line: 3, field: "publishdate", hint: "只保留其中一行"}},
		},
		{
			name: "unknown key with suggestion",
			src:  "+++\ntitle = \"a\"\ntitel = \"b\"\n+++\n",
			want: []wantError{{line: 3, field: "titel", message: "未知的键", hint: "是否想写“title”"}},
		},
		{
			name: "unknown key lists valid keys",
			src:  "+++\ncategories = [\"公告\"]\n+++\n",
			want: []wantError{{line: 2, field: "categories", message: "未知的键", hint: "title、date、draft、publishDate"}},
		},
		{
			name: "unknown key differs only in case",
			src:  "+++\nTitle = \"a\"\n+++\n",
			want: []wantError{{line: 2, field: "Title", hint: "是否想写“title”"}},
		},
		{
			name: "unknown table",
			src:  "+++\ntitle = \"a\"\n\n[Params]\nx = 1\n+++\n",
			want: []wantError{{line: 4, field: "Params", hint: "是否想写“params”"}},
		},
		{
			name: "nonexistent date",
			src:  "+++\ndate = \"2024-13-01\"\n+++\n",
			want: []wantError{{line: 2, field: "date", value: "2024-13-01", message: "日期不存在：月份、日期或时间超出范围", hint: "date = 2024-03-15"}},
		},
		{
			name: "Chinese date",
			src:  "+++\ndate = \"2024年1月1日\"\n+++\n",
			want: []wantError{{line: 2, field: "date", value: "2024年1月1日", message: "日期格式无法识别", hint: "改写为 date = 2024-01-01"}},
		},
		{
			name: "slash date",
			src:  "+++\nexpiryDate = \"2024/3/5\"\n+++\n",
			want: []wantError{{line: 2, field: "expiryDate", value: "2024/3/5", hint: "改写为 expiryDate = 2024-03-05"}},
		},
		{
			name: "number as date",
			src:  "+++\ndate = 20240101\n+++\n",
			want: []wantError{{line: 2, field: "date", value: "20240101", message: "应为日期，实际是整数", hint: "date = 2024-03-15"}},
		},
		{
			name: "time without date",
			src:  "+++\ndate = 09:30:00\n+++\n",
			want: []wantError{{line: 2, field: "date", value: "09:30:00", message: "只有时间，缺少日期"}},
		},
		{
			name: "unquoted invalid date is a syntax error",
			src:  "+++\ntitle = \"a\"\ndate = 2024-13-01\n+++\n",
			want: []wantError{{line: 3, field: "date", message: "日期 2024-13-01 不存在：没有 13 月", hint: "date = 2024-03-15"}},
		},
		{
			name: "malformed date keeps the general message",
			src:  "+++\ntitle = \"a\"\ndate = 2024-1-1x\n+++\n",
			want: []wantError{{line: 3, field: "date", message: "日期时间写法无效", hint: "date = 2024-03-15"}},
		},
		{
			name: "title is a number",
			src:  "+++\ntitle = 5\n+++\n",
			want: []wantError{{line: 2, field: "title", value: "5", message: "应为字符串，实际是整数", hint: `title = "`}},
		},
		{
			name: "draft is a string",
			src:  "+++\ndraft = \"yes\"\n+++\n",
			want: []wantError{{line: 2, field: "draft", value: "yes", message: "应为布尔值 true 或 false，实际是字符串", hint: "draft = true"}},
		},
		{
			name: "weight is a string",
			src:  "+++\nweight = \"1\"\n+++\n",
			want: []wantError{{line: 2, field: "weight", value: "1", message: "应为整数，实际是字符串", hint: "weight = 10"}},
		},
		{
			name: "weight is a float",
			src:  "+++\nweight = 1.5\n+++\n",
			want: []wantError{{line: 2, field: "weight", value: "1.5", message: "应为整数，实际是小数"}},
		},
		{
			name: "keywords is a string",
			src:  "+++\nkeywords = \"税收\"\n+++\n",
			want: []wantError{{line: 2, field: "keywords", value: "税收", message: "应为字符串数组，实际是字符串", hint: `keywords = ["税收违法", "失信惩戒"]`}},
		},
		{
			name: "keywords holds a number",
			src:  "+++\nkeywords = [\"税收\", 2]\n+++\n",
			want: []wantError{{line: 2, field: "keywords", value: "2", message: "第 2 项应为字符串，实际是整数"}},
		},
		{
			name: "params is not a table",
			src:  "+++\nparams = \"x\"\n+++\n",
			want: []wantError{{line: 2, field: "params", message: "应为表，实际是字符串", hint: "[params]"}},
		},
		{
			name: "unquoted Chinese text",
			src:  "+++\n\ntitle = 税务公告\n+++\n",
			want: []wantError{{line: 3, field: "title", message: "无法识别的值", hint: `title = "`}},
		},
		{
			name: "Chinese quotes",
			src:  "+++\ntitle = “税务公告”\n+++\n",
			want: []wantError{{line: 2, field: "title", hint: "把中文引号"}},
		},
		{
			name: "YAML colon",
			src:  "+++\ntitle: \"税务公告\"\n+++\n",
			want: []wantError{{line: 2, field: "title", message: "键后面缺少等号 =", hint: "不用冒号"}},
		},
		{
			name: "capitalised boolean",
			src:  "+++\ndraft = True\n+++\n",
			want: []wantError{{line: 2, field: "draft", hint: "draft = true 或 draft = false"}},
		},
		{
			name: "unclosed string",
			src:  "+++\ntitle = \"税务公告\ndraft = true\n+++\n",
			want: []wantError{{line: 2, field: "title", message: "字符串缺少结束的引号"}},
		},
		{
			name: "Windows path in basic string",
			src:  "+++\n[params]\nfile = \"C:\\Users\\a.pdf\"\n+++\n",
			want: []wantError{{line: 3, field: "file", hint: "单引号"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := parseFile(t, tt.src)
			checkErrors(t, errs, tt.want)
		})
	}
}

func TestParseFrontMatterCollectsAllErrors(t *testing.T) {
	src := "+++\n" +
		"title = 5\n" + // line 2
		"date = \"2024年1月1日\"\n" + // line 3
		"draft = \"yes\"\n" + // line 4
		"weight = \"1\"\n" + // line 5
		"keywords = \"a\"\n" + // line 6
		"titel = \"x\"\n" + // line 7
		"slug = \"ok\"\n" +
		"+++\n正文\n"
	fm, errs := parseFile(t, src)
	checkErrors(t, errs, []wantError{
		{line: 2, field: "title"},
		{line: 3, field: "date"},
		{line: 4, field: "draft"},
		{line: 5, field: "weight"},
		{line: 6, field: "keywords"},
		{line: 7, field: "titel"},
	})
	if fm.Slug != "ok" {
		t.Errorf("Slug = %q, want the valid field decoded despite the errors", fm.Slug)
	}
}

func TestParseFrontMatterKeyBelowParams(t *testing.T) {
	src := "+++\ndate = 2024-03-15\n[params]\ncaseNumber = \"1号\"\ntitle = \"公告\"\n+++\n"
	fm, errs := parseFile(t, src)
	checkErrors(t, errs, []wantError{{line: 5, field: "params.title", hint: "移到 [params] 这一行之前"}})
	if errs[0].Severity != diag.SeverityWarning {
		t.Errorf("Severity = %v, want a warning", errs[0].Severity)
	}
	if fm.Title != "" {
		t.Errorf("Title = %q, want empty: TOML puts the key into params", fm.Title)
	}
	if fm.Params["title"] != "公告" {
		t.Errorf("Params[title] = %v, want 公告", fm.Params["title"])
	}
}

func TestParseFrontMatterLineOffset(t *testing.T) {
	// A caller may build the Document itself, for example from a file
	// whose front matter starts further down.
	doc := Document{FrontMatter: []byte("title = \"a\"\n\ntitle = \"b\"\n"), FrontMatterLine: 10}
	_, errs := ParseFrontMatter("content/a.md", doc)
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
	}
	if errs[0].Line != 12 {
		t.Errorf("Line = %d, want 12", errs[0].Line)
	}
	if errs[0].Column != 1 {
		t.Errorf("Column = %d, want 1", errs[0].Column)
	}
}

func TestParseFrontMatterSyntaxColumnInRunes(t *testing.T) {
	_, errs := parseFile(t, "+++\nkeywords = [\"税收\", 税务]\n+++\n")
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(errs), errs)
	}
	// `keywords = ["税收", ` is 18 runes (22 bytes), so the unquoted
	// 税务 starts at rune 19.
	if errs[0].Column != 19 {
		t.Errorf("Column = %d, want 19 (%v)", errs[0].Column, errs[0])
	}
	if errs[0].Message != "无法识别的值" {
		t.Errorf("Message = %q", errs[0].Message)
	}
}

func TestParseFrontMatterBOMAndCRLF(t *testing.T) {
	t.Run("BOM at file start", func(t *testing.T) {
		fm, errs := parseFile(t, "\uFEFF+++\r\ntitle = \"公告\"\r\nweight = 2\r\n+++\r\n正文\r\n")
		if len(errs) != 0 {
			t.Fatalf("unexpected errors: %v", errs)
		}
		if fm.Title != "公告" || fm.Weight != 2 {
			t.Errorf("Title, Weight = %q, %d; want 公告, 2", fm.Title, fm.Weight)
		}
		if fm.Lines["weight"] != 3 {
			t.Errorf("Lines[weight] = %d, want 3", fm.Lines["weight"])
		}
	})
	t.Run("BOM inside front matter", func(t *testing.T) {
		doc := Document{FrontMatter: []byte("\uFEFFtitle = \"公告\"\ntitel = 1\n"), FrontMatterLine: 2}
		fm, errs := ParseFrontMatter("content/a.md", doc)
		if fm.Title != "公告" {
			t.Errorf("Title = %q, want 公告", fm.Title)
		}
		checkErrors(t, errs, []wantError{{line: 3, field: "titel"}})
	})
	t.Run("CRLF error line", func(t *testing.T) {
		_, errs := parseFile(t, "+++\r\ntitle = \"a\"\r\ntitle = \"b\"\r\n+++\r\n")
		checkErrors(t, errs, []wantError{{line: 3, field: "title", message: "重复定义"}})
		if strings.HasSuffix(errs[0].Source, "\r") {
			t.Errorf("Source = %q keeps the CR of CRLF", errs[0].Source)
		}
	})
}

func TestTopLevelKeyLines(t *testing.T) {
	text := `title = "a" # comment
"quoted key" = 1
'literal' = 2
description = """
fake = 1
"""
poem = '''
also = "fake"
'''
keywords = [
  "a",
  "b = c",
]
inline = { x = 1, y = [2] }
dotted.part = 3
  indented = 4
[params]
inside = 5
[[menu]]
name = "x"
`
	want := map[string]int{
		"title": 1, "quoted key": 2, "literal": 3, "description": 4, "poem": 7,
		"keywords": 10, "inline": 14, "dotted": 15, "indented": 16,
		"params": 17, "params.inside": 18, "menu": 19,
	}
	got := topLevelKeyLines(text)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("topLevelKeyLines =\n%v\nwant\n%v", got, want)
	}
}
