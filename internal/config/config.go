// Package config reads the site configuration, gongshi.toml: the portal's
// identity for the government-site metadata and footer, menus, columns and
// where the task table comes from.
//
// Decoding is strict: an unknown key or a value of the wrong type is an
// error naming the file, line and key, because a typo in a government
// site's identifiers must not pass silently.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"gongshi/internal/diag"
	"gongshi/internal/tomlx"
	"gongshi/internal/tz"
)

// FileName is the configuration file at the top of a site.
const FileName = "gongshi.toml"

// Config is the decoded gongshi.toml. The zero value of each optional field
// is its documented default, applied by Load.
type Config struct {
	// BaseURL is the absolute URL the site is published under, ending
	// in "/". Canonical links and the sitemap use it.
	BaseURL string `toml:"baseURL"`
	// SiteName is the 网站名称, the SiteName metadata tag.
	SiteName string `toml:"siteName"`
	// SiteDomain is the SiteDomain metadata tag; default: BaseURL's host.
	SiteDomain string `toml:"siteDomain"`
	// SiteIDCode is the 网站标识码 issued by the government-site register.
	SiteIDCode string `toml:"siteIDCode"`
	// Description and Keywords describe the whole site for the home page.
	Description string   `toml:"description"`
	Keywords    []string `toml:"keywords"`
	// AllowRawHTML lets HTML written in Markdown pass through; off by
	// default, when it is shown escaped as text.
	AllowRawHTML bool `toml:"allowRawHTML"`
	// SummaryLength is the number of characters of a summary; default 120.
	SummaryLength int `toml:"summaryLength"`
	// PageSize is the number of items on one list page; default 20.
	PageSize int `toml:"pageSize"`

	Organizer  Organization `toml:"organizer"`  // 主办单位
	Contractor Organization `toml:"contractor"` // 承办单位, optional
	Contact    Contact      `toml:"contact"`
	Filing     Filing       `toml:"filing"`

	Menu    []MenuItem `toml:"menu"`
	Columns []Column   `toml:"column"`
	Tasks   Tasks      `toml:"tasks"`

	// File is the path the configuration was read from.
	File string `toml:"-"`
	// Lines maps dotted keys to their line in File, for later errors.
	Lines map[string][]int `toml:"-"`

	// source is File's text by line, for showing an error's line.
	source []string
}

// Organization is a 主办单位 or 承办单位.
type Organization struct {
	Name string `toml:"name"`
	URL  string `toml:"url"`
}

// Contact is the 联系方式 in every footer.
type Contact struct {
	Phone    string `toml:"phone"`
	Email    string `toml:"email"`
	Address  string `toml:"address"`
	Postcode string `toml:"postcode"`
}

// Filing holds the registration numbers every government site shows.
type Filing struct {
	// ICP is the ICP备案号, linked to ICPURL (default: the MIIT filing
	// system, https://beian.miit.gov.cn/).
	ICP    string `toml:"icp"`
	ICPURL string `toml:"icpURL"`
	// Police is the 公安机关备案号, shown with its badge and linked to
	// PoliceURL.
	Police    string `toml:"police"`
	PoliceURL string `toml:"policeURL"`
	// ConacURL is the site's entry in the register of 党政机关网站标识.
	ConacURL string `toml:"conacURL"`
	// ErrorReportURL is the 我为政府网站找错 link.
	ErrorReportURL string `toml:"errorReportURL"`
}

// MenuItem is one entry of the main navigation.
type MenuItem struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Weight int    `toml:"weight"`
}

// Column describes a content section as a column of the site (栏目), for
// the ColumnName, ColumnType, ColumnDescription and ColumnKeywords tags.
type Column struct {
	// Section is the folder under content/, such as "shiqian"; "tasks"
	// names the task table's column.
	Section     string   `toml:"section"`
	Name        string   `toml:"name"`
	Type        string   `toml:"type"`
	Description string   `toml:"description"`
	Keywords    []string `toml:"keywords"`
}

// Tasks names the task table file and the URL folder of its pages.
type Tasks struct {
	// File is the table dump, relative to the site folder. Default: the one
	// .txt file in seeds/.
	File string `toml:"file"`
	// Section is the URL folder of the task pages; default "tasks".
	Section string `toml:"section"`
	// Title is the column's title; default "工作任务分解".
	Title string `toml:"title"`
	// Date is the table's 发布日期, shown on its pages; required when the
	// site has a task table. A date without a zone is Asia/Shanghai.
	Date time.Time `toml:"-"`
	// RawDate receives the TOML value of date. A time.Time field would
	// lose the zone: BurntSushi/toml decodes into it through
	// UnmarshalText, which reads a zone-less date as UTC.
	RawDate any `toml:"date"`
}

// ColumnTypes are the ColumnType values of the government-site design
// rules (政府网站网页设计规范, 国办发〔2017〕47号).
var ColumnTypes = []string{"首页", "机构职能", "政策文件", "信息公开目录", "数据发布", "办事服务", "互动交流", "咨询投诉", "专题专栏", "其他"}

// siteIDCode is the form of a 网站标识码: ten letters or digits, such as
// 1502000001 for a local site or bm29000001 for a ministry's.
var siteIDCode = regexp.MustCompile(`^[0-9A-Za-z]{10}$`)

// Load reads and checks dir/gongshi.toml.
func Load(dir string) (*Config, []*diag.Error) {
	path := filepath.Join(dir, FileName)
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, []*diag.Error{{
			File: FileName, Message: "找不到站点配置文件 " + path,
			Hint: "请在站点目录中运行 gongshi，或用 --source 指定含有 gongshi.toml 的站点目录。",
		}}
	}
	if err != nil {
		return nil, []*diag.Error{{File: FileName, Message: "无法读取站点配置文件：" + err.Error()}}
	}
	return Parse(FileName, src)
}

// Parse decodes and checks a configuration read from file. It returns the
// configuration whenever the file could be decoded, also when it has
// errors, so that a build can go on to check the other files. A nil
// configuration means the file could not be decoded at all.
func Parse(file string, src []byte) (*Config, []*diag.Error) {
	c := &Config{File: file}
	_, errs, decoded := tomlx.Decode(file, src, 1, c)
	if !decoded {
		return nil, errs
	}
	c.Lines = tomlx.KeyLines(src)
	c.source = strings.Split(strings.TrimPrefix(string(src), "\ufeff"), "\n")
	c.applyDefaults()
	errs = append(errs, c.validate()...)
	return c, errs
}

// Default returns the configuration of an empty gongshi.toml with its
// defaults applied. It lets a build check content while gongshi.toml is
// broken.
func Default() *Config {
	c := &Config{File: FileName}
	c.applyDefaults()
	return c
}

func (c *Config) applyDefaults() {
	if c.BaseURL != "" && !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if c.SiteDomain == "" {
		if u, err := url.Parse(c.BaseURL); err == nil {
			c.SiteDomain = u.Host
		}
	}
	if c.SummaryLength == 0 {
		c.SummaryLength = 120
	}
	if c.PageSize == 0 {
		c.PageSize = 20
	}
	if c.Filing.ICPURL == "" {
		c.Filing.ICPURL = "https://beian.miit.gov.cn/"
	}
	if c.Tasks.Section == "" {
		c.Tasks.Section = "tasks"
	}
	if c.Tasks.Title == "" {
		c.Tasks.Title = "工作任务分解"
	}
	sort.SliceStable(c.Menu, func(i, j int) bool { return c.Menu[i].Weight < c.Menu[j].Weight })
}

// line returns the first line of a dotted key, or 0.
func (c *Config) line(key string) int {
	if l := c.Lines[key]; len(l) > 0 {
		return l[0]
	}
	return 0
}

func (c *Config) fail(key, value, msg, hint string) *diag.Error {
	e := &diag.Error{File: c.File, Line: c.line(key), Field: key, Value: value, Message: msg, Hint: hint}
	e.Source = c.SourceLine(e.Line)
	return e
}

// SourceLine returns line n (1-based) of the configuration file, or "".
func (c *Config) SourceLine(n int) string {
	if n < 1 || n > len(c.source) {
		return ""
	}
	return strings.TrimRight(c.source[n-1], "\r")
}

func (c *Config) validate() []*diag.Error {
	var errs []*diag.Error

	required := []struct{ key, value, what string }{
		{"siteName", c.SiteName, "网站名称"},
		{"siteIDCode", c.SiteIDCode, "网站标识码"},
		{"organizer.name", c.Organizer.Name, "主办单位"},
	}
	for _, r := range required {
		if strings.TrimSpace(r.value) == "" {
			errs = append(errs, c.fail(r.key, "", "缺少"+r.what, fmt.Sprintf("请在 gongshi.toml 中填写 %s。", r.key)))
		}
	}

	if c.SiteIDCode != "" && !siteIDCode.MatchString(c.SiteIDCode) {
		errs = append(errs, c.fail("siteIDCode", c.SiteIDCode, "网站标识码应为 10 位字母或数字",
			"网站标识码由全国政府网站信息报送系统分配，例如 1502000001；请照抄开办证明上的号码。"))
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			errs = append(errs, c.fail("baseURL", c.BaseURL, "不是完整的网址",
				"请写成 https://域名/路径/ 的形式，例如 https://www.example.gov.cn/zfgs/。"))
		}
	}
	if c.SummaryLength < 0 {
		errs = append(errs, c.fail("summaryLength", fmt.Sprint(c.SummaryLength), "摘要长度不能为负数", ""))
	}
	if c.PageSize < 0 {
		errs = append(errs, c.fail("pageSize", fmt.Sprint(c.PageSize), "每页条数不能为负数", ""))
	}

	for key, value := range map[string]string{
		"organizer.url": c.Organizer.URL, "contractor.url": c.Contractor.URL,
		"filing.icpURL": c.Filing.ICPURL, "filing.policeURL": c.Filing.PoliceURL,
		"filing.conacURL": c.Filing.ConacURL, "filing.errorReportURL": c.Filing.ErrorReportURL,
	} {
		if value == "" {
			continue
		}
		if u, err := url.Parse(value); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			errs = append(errs, c.fail(key, value, "不是 http 或 https 网址", "请填写以 https:// 开头的完整网址。"))
		}
	}

	errs = append(errs, c.validateColumns()...)
	errs = append(errs, c.decodeTasksDate()...)
	for i, m := range c.Menu {
		if m.Name == "" || m.URL == "" {
			e := c.fail("menu", "", fmt.Sprintf("第 %d 个菜单项缺少 name 或 url", i+1), "每个 [[menu]] 都要写 name 和 url。")
			if l := c.Lines["menu"]; i < len(l) {
				e.Line = l[i]
			}
			errs = append(errs, e)
		}
	}
	sortErrs(errs)
	return errs
}

func (c *Config) validateColumns() []*diag.Error {
	var errs []*diag.Error
	seen := map[string]bool{}
	for i, col := range c.Columns {
		line := 0
		if l := c.Lines["column"]; i < len(l) {
			line = l[i]
		}
		fail := func(field, value, msg, hint string) {
			errs = append(errs, &diag.Error{File: c.File, Line: line, Field: "column." + field, Value: value, Message: msg, Hint: hint})
		}
		if col.Section == "" {
			fail("section", "", "栏目缺少 section", "section 是 content/ 下的文件夹名，例如 section = \"shiqian\"。")
		} else if seen[col.Section] {
			fail("section", col.Section, "栏目重复定义", "每个 section 只能有一个 [[column]]。")
		}
		seen[col.Section] = true
		if col.Name == "" {
			fail("name", "", "栏目缺少 name", "")
		}
		if col.Type == "" {
			fail("type", "", "栏目缺少 type（ColumnType）", "可选："+strings.Join(ColumnTypes, "、")+"。")
		} else if !slices.Contains(ColumnTypes, col.Type) {
			fail("type", col.Type, "不是规定的栏目类型", "可选："+strings.Join(ColumnTypes, "、")+"。")
		}
	}
	return errs
}

func (c *Config) decodeTasksDate() []*diag.Error {
	switch v := c.Tasks.RawDate.(type) {
	case nil:
	case time.Time:
		c.Tasks.Date = tz.InShanghai(v)
	default:
		return []*diag.Error{c.fail("tasks.date", fmt.Sprint(v), "不是日期",
			"日期不加引号，写成 date = 2019-07-05。")}
	}
	return nil
}

// Column returns the column configured for a section, if any.
func (c *Config) Column(section string) (Column, bool) {
	for _, col := range c.Columns {
		if col.Section == section {
			return col, true
		}
	}
	return Column{}, false
}

func sortErrs(errs []*diag.Error) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
}
