package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"gongshi/internal/diag"
)

var duplicateKeyMessage = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)

// syntaxError converts a TOML decoding error, usually a toml.ParseError
// whose line is counted from the start of the front matter.
func (p *frontMatterParser) syntaxError(err error) *diag.Error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return &diag.Error{
			File:    p.file,
			Line:    p.base,
			Message: "front matter 无法解析：" + err.Error(),
			Hint:    tomlFormHint,
		}
	}

	rel := pe.Position.Line
	source := p.sourceLine(rel)
	e := &diag.Error{
		File:    p.file,
		Line:    p.fileLine(rel),
		Column:  runeColumn(source, pe.Position.Col),
		Message: translateTOMLMessage(pe.Message),
		Hint:    hintForLine(source),
		Source:  source,
	}

	key, rest, isKeyLine := parseKeyPath(strings.TrimLeft(source, " \t"))
	if isKeyLine && rel >= 1 {
		e.Field = key
		if name, known := keyAliases[key]; known && strings.HasPrefix(rest, "=") && e.Hint == tomlFormHint {
			e.Hint = valueHint(name, key)
		}
	}

	if m := duplicateKeyMessage.FindStringSubmatch(pe.Message); m != nil {
		e.Field = m[1]
		e.Message = "重复定义"
		e.Column = len(source) - len(strings.TrimLeft(source, " \t[")) + 1
		e.Hint = "同一个键只能写一次，请删掉多余的一行。"
		top, _, _ := strings.Cut(m[1], ".")
		if first, ok := p.keyLines[top]; ok && first != rel && !strings.Contains(m[1], ".") {
			e.Hint = fmt.Sprintf("第 %d 行已经写过“%s”，同一个键只能写一次，请删掉多余的一行。", p.fileLine(first), m[1])
		}
	}
	return e
}

// runeColumn converts toml's byte column to the rune column diag.Error
// uses.
func runeColumn(line string, byteCol int) int {
	if byteCol < 1 {
		return 0
	}
	if byteCol-1 > len(line) {
		return utf8.RuneCountInString(line) + 1
	}
	return utf8.RuneCountInString(strings.ToValidUTF8(line[:byteCol-1], "?")) + 1
}

// tomlFormHint describes the TOML forms editors most often need.
const tomlFormHint = `每行写一个“键 = 值”：文字用英文双引号括起来，例如 title = "关于公布重大税收违法失信案件的公告"；` +
	`日期不加引号，例如 date = 2024-03-15；是否草稿写 draft = true 或 false。`

// hintForLine recognises mistakes that Chinese input methods and YAML
// habits cause, and otherwise returns the general form.
func hintForLine(line string) string {
	key, rest, ok := parseKeyPath(strings.TrimLeft(line, " \t"))
	switch {
	case strings.ContainsAny(line, "“”‘’"):
		return `把中文引号“ ”换成英文双引号 "，例如 title = "关于……的公告"。`
	case ok && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")):
		return fmt.Sprintf("TOML 的键和值之间用等号连接，写成 %s = …，不用冒号。", key)
	case strings.Contains(line, "＝"):
		return "把全角等号“＝”换成半角等号 =。"
	case strings.Contains(line, `\`):
		return `双引号里的反斜杠要写成两个 \\，或者把整个值改用单引号括起来，例如 'C:\文件'。`
	}
	return tomlFormHint
}

// tomlMessages translates the messages of BurntSushi/toml v1.6.0 that
// editors meet most often. Others are shown in English after a Chinese
// lead-in.
var tomlMessages = []struct {
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
}

// translateTOMLMessage returns the Chinese message for a toml.ParseError
// message.
func translateTOMLMessage(msg string) string {
	for _, t := range tomlMessages {
		if t.pattern.MatchString(msg) {
			return t.message
		}
	}
	return "front matter 的 TOML 写法有误：" + msg
}
