package tomlx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// messages translates the BurntSushi/toml v1.6.0 syntax errors that
// editors meet most often.
var messages = []struct {
	pattern *regexp.Regexp
	message string
}{
	{regexp.MustCompile(`^expected value but found .* instead$`), "无法识别的值"},
	{regexp.MustCompile(`^unexpected EOF; expected value$`), "等号后面缺少值"},
	{regexp.MustCompile(`^expected '\.' or '=', but got .* instead$`), "键后面缺少等号 ="},
	{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), "键后面缺少等号 ="},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF`), "值后面有多余的内容"},
	{regexp.MustCompile(`^strings cannot contain newlines$`), "字符串缺少结束的引号"},
	{regexp.MustCompile(`^invalid datetime: `), "日期时间写法无效"},
	{regexp.MustCompile(`^invalid escape in string`), `字符串里的反斜杠 \ 写法无效`},
	{regexp.MustCompile(`hexadecimal digits after '\\[uU]'`), `字符串里的反斜杠 \ 写法无效`},
	{regexp.MustCompile(`^Key '.*' has already been defined\.$`), "键重复定义"},
	{regexp.MustCompile(`^invalid UTF-8`), "文件不是 UTF-8 编码"},
}

// TranslateMessage returns the Chinese form of a toml.ParseError message,
// and false when it has none.
func TranslateMessage(msg string) (string, bool) {
	for _, m := range messages {
		if m.pattern.MatchString(msg) {
			return m.message, true
		}
	}
	return "", false
}

// FormHint describes the TOML forms editors most often need.
const FormHint = `每行写一个“键 = 值”：文字用英文双引号括起来，例如 title = "标题"；` +
	`日期不加引号，例如 date = 2024-03-15；是否开启写 true 或 false。`

// HintForLine recognises the mistakes that Chinese input methods and YAML
// habits cause on a TOML line, and returns the fix. It returns false when
// the line shows none of them.
func HintForLine(line string) (string, bool) {
	_, rest, hasKey := strings.Cut(strings.TrimSpace(line), "=")
	colon := strings.IndexAny(line, ":：")
	switch {
	case strings.ContainsAny(line, "“”‘’"):
		return `把中文引号“ ”换成英文双引号 "，例如 title = "关于……的公告"。`, true
	case strings.Contains(line, "＝"):
		return "把全角等号“＝”换成半角等号 =。", true
	case !hasKey && colon > 0:
		name := strings.TrimSpace(line[:colon])
		return fmt.Sprintf("TOML 的键和值之间用等号连接，写成 %s = …，不用冒号。", name), true
	case hasKey && strings.Contains(rest, `\`) && strings.Contains(rest, `"`):
		return `双引号里的反斜杠要写成两个 \\，或者把整个值改用单引号括起来，例如 'C:\文件'。`, true
	}
	return "", false
}

// RuneColumn converts toml's byte column on line to the rune column that
// diag.Error uses.
func RuneColumn(line string, byteCol int) int {
	if byteCol < 1 {
		return 0
	}
	if byteCol-1 > len(line) {
		return utf8.RuneCountInString(line) + 1
	}
	return utf8.RuneCountInString(strings.ToValidUTF8(line[:byteCol-1], "?")) + 1
}

// Closest returns the candidate that key most likely misspells, or ""
// when none is within two edits, ignoring case.
func Closest(key string, candidates []string) string {
	best, bestDistance := "", 3
	for _, c := range candidates {
		if d := EditDistance(strings.ToLower(key), strings.ToLower(c)); d < bestDistance {
			best, bestDistance = c, d
		}
	}
	return best
}

// EditDistance returns the Levenshtein distance between a and b, in runes.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

var dateValue = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})`)

// ImpossibleDate explains why a date written on a TOML line does not
// exist, such as 2025-13-01 or 2025-02-30, which the TOML parser reports
// only as an invalid datetime. It returns "" when the line holds no such
// date.
func ImpossibleDate(line string) string {
	m := dateValue.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if month < 1 || month > 12 {
		return fmt.Sprintf("日期 %s 不存在：没有 %d 月", m[0], month)
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return fmt.Sprintf("日期 %s 不存在：%d 年 %d 月只有 %d 天", m[0], year, month, last)
	}
	return ""
}
