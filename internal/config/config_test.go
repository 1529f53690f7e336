package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimal is a valid configuration; testConfig inserts top-level keys on
// line 4 and appends tables from line 6 on.
const minimal = `baseURL = "https://www.example.gov.cn/zfgs"
siteName = "测试网站"
siteIDCode = "1502000000"
[organizer]
name = "国家税务总局包头市税务局"
`

func testConfig(extra string) string {
	if strings.HasPrefix(extra, "[") {
		return minimal + extra
	}
	top, tables, _ := strings.Cut(minimal, "[organizer]")
	return top + extra + "[organizer]" + tables
}

func TestParseMinimalAppliesDefaults(t *testing.T) {
	c, errs := Parse("gongshi.toml", []byte(minimal))
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if c.BaseURL != "https://www.example.gov.cn/zfgs/" {
		t.Errorf("baseURL = %q, want a trailing slash", c.BaseURL)
	}
	if c.SiteDomain != "www.example.gov.cn" {
		t.Errorf("siteDomain default = %q", c.SiteDomain)
	}
	if c.PageSize != 20 || c.SummaryLength != 120 || c.Tasks.Section != "tasks" || c.Filing.ICPURL != "https://beian.miit.gov.cn/" {
		t.Errorf("defaults not applied: %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		extra    string
		line     int
		field    string
		contains string
	}{
		{"unknown key", "siteNmae = \"x\"\n", 4, "siteNmae", "未知的键"},
		{"bad column type", "[[column]]\nsection = \"a\"\nname = \"甲\"\ntype = \"新闻\"\n", 6, "column.type", "不是规定的栏目类型"},
		{"duplicate column", "[[column]]\nsection = \"a\"\nname = \"甲\"\ntype = \"其他\"\n[[column]]\nsection = \"a\"\nname = \"乙\"\ntype = \"其他\"\n", 10, "column.section", "栏目重复定义"},
		{"bad url", "[filing]\nicpURL = \"beian.miit.gov.cn\"\n", 7, "filing.icpURL", "不是 http 或 https 网址"},
		{"wrong type", "pageSize = \"20\"\n", 4, "pageSize", "类型不对"},
		{"tasks date as text", "[tasks]\ndate = \"2019年7月5日\"\n", 7, "tasks.date", "不是日期"},
		{"menu without url", "[[menu]]\nname = \"首页\"\n", 6, "menu", "缺少 name 或 url"},
		{"negative page size", "pageSize = -1\n", 4, "pageSize", "不能为负数"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Parse("gongshi.toml", []byte(testConfig(tt.extra)))
			for _, e := range errs {
				if e.Line == tt.line && e.Field == tt.field && strings.Contains(e.Message, tt.contains) {
					return
				}
			}
			t.Errorf("want error at line %d field %q containing %q; got %v", tt.line, tt.field, tt.contains, errs)
		})
	}
}

func TestParseMissingRequired(t *testing.T) {
	_, errs := Parse("gongshi.toml", []byte("baseURL = \"ftp://x\"\n"))
	var got []string
	for _, e := range errs {
		got = append(got, e.Field)
	}
	for _, want := range []string{"siteName", "siteIDCode", "organizer.name", "baseURL"} {
		if !strings.Contains(strings.Join(got, ","), want) {
			t.Errorf("no error for %s; got %v", want, got)
		}
	}
}

func TestLoadAcceptsBOM(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("\ufeff"+minimal), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs := Load(dir); len(errs) > 0 {
		t.Fatal(errs[0])
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, errs := Load(t.TempDir())
	if len(errs) != 1 || !strings.Contains(errs[0].Hint, "--source") {
		t.Errorf("got %v", errs)
	}
}

func TestSampleConfig(t *testing.T) {
	c, errs := Load("../..")
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if c.Tasks.Date.Location().String() != "Asia/Shanghai" || c.Tasks.Date.Format("2006-01-02 15:04") != "2019-07-05 00:00" {
		t.Errorf("tasks.date = %v, want 2019-07-05 00:00 in Asia/Shanghai", c.Tasks.Date)
	}
}
