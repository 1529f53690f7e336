// Package tomlx decodes TOML strictly, on top of BurntSushi/toml, and turns
// every problem into a positioned *diag.Error in Chinese: syntax errors,
// files that are not UTF-8, values of the wrong type, and keys the
// destination struct does not have.
package tomlx

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"gongshi/internal/diag"
)

// Decode decodes src into v, which must be a pointer to a struct. file
// names src in errors and firstLine is the file line of src's first line,
// for TOML embedded in a larger file. A UTF-8 BOM at the start is accepted.
//
// Keys that v has no field for are errors whose hint lists the keys valid
// at that place and the closest one. decoded is false when src could not
// be decoded at all, and v is then incomplete.
func Decode(file string, src []byte, firstLine int, v any) (md toml.MetaData, errs []*diag.Error, decoded bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := strings.Split(string(src), "\n")
	d := decoder{file: file, lines: lines, firstLine: firstLine}

	if e := d.checkUTF8(); e != nil {
		return md, []*diag.Error{e}, false
	}
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(v)
	if err != nil {
		return md, []*diag.Error{d.convert(err)}, false
	}

	keyLines := KeyLines(src)
	undecoded := md.Undecoded()
	for _, key := range undecoded {
		path := strings.Join(key, ".")
		// A table whose keys are all unknown is reported once, at the table.
		if parent := parentOf(path); parent != "" && contains(undecoded, parent) {
			continue
		}
		line := 0
		if l := keyLines[path]; len(l) > 0 {
			line = l[0]
		}
		e := d.at(line, &diag.Error{Field: path, Message: "未知的键"})
		e.Hint = unknownKeyHint(v, key)
		errs = append(errs, e)
	}
	return md, errs, true
}

type decoder struct {
	file      string
	lines     []string
	firstLine int
}

// at places e at a line of the TOML text, filling the file, the file line
// and the source line.
func (d decoder) at(line int, e *diag.Error) *diag.Error {
	e.File = d.file
	if line >= 1 {
		e.Line = line + d.firstLine - 1
		if line <= len(d.lines) {
			e.Source = strings.TrimRight(d.lines[line-1], "\r")
		}
	}
	return e
}

func (d decoder) checkUTF8() *diag.Error {
	for i, l := range d.lines {
		if !utf8.ValidString(l) {
			return d.at(i+1, &diag.Error{
				Message: "文件不是 UTF-8 编码（可能是 GBK）",
				Hint:    "请用记事本或 WPS 另存为 UTF-8 编码后再提交。",
			})
		}
	}
	return nil
}

func parentOf(path string) string {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return ""
	}
	return path[:i]
}

func contains(keys []toml.Key, path string) bool {
	for _, k := range keys {
		if strings.Join(k, ".") == path {
			return true
		}
	}
	return false
}

// typeError matches BurntSushi/toml's decode errors, which carry the line
// and key in their text only (v1.6.0 returns them as plain errors).
var typeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

var incompatible = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (\S+)`)

// convert turns a decode error into a positioned Chinese error.
func (d decoder) convert(err error) *diag.Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e := d.at(pe.Position.Line, &diag.Error{Field: pe.LastKey})
		e.Column = RuneColumn(e.Source, pe.Position.Col)
		msg, ok := TranslateMessage(pe.Message)
		if !ok {
			msg = "TOML 写法有误：" + pe.Message
		}
		e.Message = msg
		e.Hint = FormHint
		if hint, ok := HintForLine(e.Source); ok {
			e.Hint = hint
		}
		if msg == "键重复定义" {
			e.Hint = "同一个键只能写一次，请删掉多余的一行。"
		}
		if why := ImpossibleDate(e.Source); why != "" && strings.HasPrefix(pe.Message, "invalid datetime") {
			e.Message = why
		}
		return e
	}
	if m := typeError.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		e := d.at(line, &diag.Error{Field: m[2], Message: m[3]})
		if t := incompatible.FindStringSubmatch(m[3]); t != nil {
			e.Message = fmt.Sprintf("类型不对：应为%s，这里写的是%s", typeName(t[2]), typeName(t[1]))
			e.Hint = "文本要加英文双引号，数字和 true/false 不加，日期不加引号，列表写成 [\"甲\", \"乙\"]。"
		}
		return e
	}
	return d.at(0, &diag.Error{Message: "TOML 无法解析：" + err.Error(), Hint: FormHint})
}

// typeName returns the Chinese name of a TOML or Go type in an error.
func typeName(t string) string {
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "整数"
	case strings.HasPrefix(t, "float"):
		return "小数"
	case t == "string":
		return "文本"
	case t == "bool":
		return "true 或 false"
	case strings.HasPrefix(t, "[]"), strings.Contains(t, "Slice"), strings.Contains(t, "slice"):
		return "列表"
	case strings.Contains(t, "Time"), strings.Contains(t, "Date"):
		return "日期"
	case strings.HasPrefix(t, "map"), strings.Contains(t, "Hash"), strings.Contains(t, "struct"):
		return "表"
	}
	return t
}
