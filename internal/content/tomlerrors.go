package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"gongshi/internal/diag"
	"gongshi/internal/tomlx"
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
		Column:  tomlx.RuneColumn(source, pe.Position.Col),
		Message: translateTOMLMessage(pe.Message),
		Hint:    hintForLine(source),
		Source:  source,
	}
	if why := tomlx.ImpossibleDate(source); why != "" && strings.HasPrefix(pe.Message, "invalid datetime") {
		e.Message = why
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

// tomlFormHint describes the TOML forms editors most often need.
const tomlFormHint = `每行写一个“键 = 值”：文字用英文双引号括起来，例如 title = "关于公布重大税收违法失信案件的公告"；` +
	`日期不加引号，例如 date = 2024-03-15；是否草稿写 draft = true 或 false。`

// hintForLine recognises mistakes that Chinese input methods and YAML
// habits cause, and otherwise returns the general form.
func hintForLine(line string) string {
	key, rest, ok := parseKeyPath(strings.TrimLeft(line, " \t"))
	if ok && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")) {
		return fmt.Sprintf("TOML 的键和值之间用等号连接，写成 %s = …，不用冒号。", key)
	}
	if hint, found := tomlx.HintForLine(line); found {
		return hint
	}
	return tomlFormHint
}

// translateTOMLMessage returns the Chinese message for a toml.ParseError
// message.
func translateTOMLMessage(msg string) string {
	if m, ok := tomlx.TranslateMessage(msg); ok {
		return m
	}
	return "front matter 的 TOML 写法有误：" + msg
}
