package content

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"gongshi/internal/diag"
	"gongshi/internal/tomlx"
)

// setField checks the value of one top-level key and stores it in fm.
func (p *frontMatterParser) setField(fm *FrontMatter, key string, v any) {
	name, known := keyAliases[key]
	if !known {
		p.unknownKey(key)
		return
	}
	if line, dup := fm.Lines[name]; dup {
		p.keyError(key, "", fmt.Sprintf("与第 %d 行的“%s”是同一个字段，重复定义", line, name),
			"只保留其中一行。")
		return
	}
	fm.Lines[name] = p.fileLine(p.keyLines[key])

	switch name {
	case "title":
		fm.Title = p.stringValue(key, v)
	case "slug":
		fm.Slug = p.stringValue(key, v)
	case "description":
		fm.Description = p.stringValue(key, v)
	case "column":
		fm.Column = p.stringValue(key, v)
	case "date":
		fm.Date = p.dateValue(key, v)
	case "publishDate":
		fm.PublishDate = p.dateValue(key, v)
	case "expiryDate":
		fm.ExpiryDate = p.dateValue(key, v)
	case "draft":
		fm.Draft = p.boolValue(key, v)
	case "weight":
		fm.Weight = p.intValue(key, v)
	case "keywords":
		fm.Keywords = p.stringsValue(key, v)
	case "params":
		fm.Params = p.paramsValue(key, v)
	}
}

func (p *frontMatterParser) unknownKey(key string) {
	hint := "可用的键：" + strings.Join(validKeys[:len(validKeys)-1], "、") +
		"，以及 [params] 表；其他自定义字段请写在 [params] 下面。"
	if guess := tomlx.Closest(key, validKeys); guess != "" {
		hint = fmt.Sprintf("是否想写“%s”？", guess) + hint
	}
	p.keyError(key, "", "未知的键", hint)
}

// stringExamples shows a typical value of each string key.
var stringExamples = map[string]string{
	"title":       `"关于公布重大税收违法失信案件的公告"`,
	"slug":        `"2024-001"`,
	"description": `"一句话说明本页内容"`,
	"column":      `"重大税收违法失信案件"`,
}

// valueHint returns how to write the value of a key. name is the canonical
// spelling and key the spelling the editor used.
func valueHint(name, key string) string {
	switch name {
	case "title", "slug", "description", "column":
		return fmt.Sprintf("写成带英文双引号的文字，例如 %s = %s。", key, stringExamples[name])
	case "draft":
		return fmt.Sprintf("写成 %s = true 或 %s = false，小写，不加引号。", key, key)
	case "weight":
		return fmt.Sprintf("写成 %s = 10 这样的整数，不加引号，也不写小数。", key)
	case "keywords":
		return fmt.Sprintf(`写成带方括号的数组，每项用英文双引号，例如 %s = ["税收违法", "失信惩戒"]。`, key)
	case "date", "publishDate", "expiryDate":
		return dateHint(key)
	case "params":
		return `在 front matter 末尾单独写一行 [params]，下面每行写一个自定义字段，例如 caseNumber = "京税稽罚〔2024〕1号"。`
	}
	return tomlFormHint
}

func (p *frontMatterParser) stringValue(key string, v any) string {
	s, ok := v.(string)
	if !ok {
		p.typeError(key, v, "字符串")
	}
	return s
}

func (p *frontMatterParser) boolValue(key string, v any) bool {
	b, ok := v.(bool)
	if !ok {
		p.typeError(key, v, "布尔值 true 或 false")
	}
	return b
}

func (p *frontMatterParser) intValue(key string, v any) int {
	n, ok := v.(int64)
	if !ok || n > math.MaxInt || n < math.MinInt {
		p.typeError(key, v, "整数")
		return 0
	}
	return int(n)
}

func (p *frontMatterParser) dateValue(key string, v any) time.Time {
	t, problem := toDate(key, v)
	if problem != nil {
		p.keyError(key, formatValue(v), problem.message, problem.hint)
	}
	return t
}

func (p *frontMatterParser) stringsValue(key string, v any) []string {
	items, ok := v.([]any)
	if !ok {
		p.typeError(key, v, "字符串数组")
		return nil
	}

	out := make([]string, 0, len(items))
	for i, item := range items {
		s, ok := item.(string)
		if !ok {
			p.keyError(key, formatValue(item),
				fmt.Sprintf("第 %d 项应为字符串，实际是%s", i+1, tomlTypeName(item)), valueHint(keyAliases[key], key))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (p *frontMatterParser) paramsValue(key string, v any) map[string]any {
	table, ok := v.(map[string]any)
	if !ok {
		p.typeError(key, v, "表")
		return nil
	}
	p.warnMisplacedKeys(table)
	return convertParams(table).(map[string]any)
}

// warnMisplacedKeys warns about page keys such as title written below the
// [params] header. TOML puts every line after a table header into that
// table, so such a key silently becomes params.title instead of the title.
func (p *frontMatterParser) warnMisplacedKeys(table map[string]any) {
	for _, name := range sortedKeys(keyAliases) {
		if _, found := table[name]; !found || name == "params" {
			continue
		}
		rel := p.keyLines["params."+name]
		p.errs = append(p.errs, &diag.Error{
			File:     p.file,
			Line:     p.fileLine(rel),
			Field:    "params." + name,
			Message:  fmt.Sprintf("“%s”写在了 [params] 表里，不会作为页面的 %s 生效", name, name),
			Hint:     fmt.Sprintf("把 %s 这一行移到 [params] 这一行之前；[params] 后面的每一行都属于 [params] 表。", name),
			Severity: diag.SeverityWarning,
			Source:   p.sourceLine(rel),
		})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// convertParams copies a [params] value, turning TOML local date-times and
// local dates into Asia/Shanghai times like the date fields.
func convertParams(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, item := range v {
			out[k] = convertParams(item)
		}
		return out
	case []map[string]any:
		out := make([]map[string]any, len(v))
		for i, item := range v {
			out[i] = convertParams(item).(map[string]any)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = convertParams(item)
		}
		return out
	case time.Time:
		switch v.Location().String() {
		case tomlLocalDatetime, tomlLocalDate:
			return inShanghai(v)
		}
	}
	return v
}

func (p *frontMatterParser) typeError(key string, v any, want string) {
	p.keyError(key, formatValue(v), fmt.Sprintf("应为%s，实际是%s", want, tomlTypeName(v)), valueHint(keyAliases[key], key))
}

// tomlTypeName names the TOML type of a decoded value in Chinese.
func tomlTypeName(v any) string {
	switch v := v.(type) {
	case string:
		return "字符串"
	case int64:
		return "整数"
	case float64:
		return "小数"
	case bool:
		return "布尔值"
	case time.Time:
		if v.Location().String() == tomlLocalTime {
			return "时间"
		}
		return "日期"
	case []any, []map[string]any:
		return "数组"
	case map[string]any:
		return "表"
	}
	return fmt.Sprintf("%T", v)
}

// formatValue shows a decoded value roughly as the editor wrote it.
func formatValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case time.Time:
		return formatTOMLTime(v)
	case map[string]any:
		return "{" + strings.Join(sortedKeys(v), ", ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, item := range v {
			parts[i] = formatValue(item)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func formatTOMLTime(t time.Time) string {
	switch t.Location().String() {
	case tomlLocalDate:
		return t.Format("2006-01-02")
	case tomlLocalTime:
		return t.Format("15:04:05")
	case tomlLocalDatetime:
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format(time.RFC3339)
}
