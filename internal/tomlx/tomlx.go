// Package tomlx decodes TOML strictly, on top of BurntSushi/toml, and turns
// every problem into a positioned *diag.Error: syntax errors, values of the
// wrong type, and keys the destination struct does not have.
package tomlx

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"gongshi/internal/diag"
)

// Decode decodes src into v, which must be a pointer to a struct. file
// names src in errors and firstLine is the file line of src's first line,
// for TOML embedded in a larger file. A UTF-8 BOM at the start is accepted.
//
// Keys that v has no field for are errors; hint lists the keys that are
// valid at the top level and is shown with them. decoded is false when
// src could not be decoded at all, and v is then incomplete.
func Decode(file string, src []byte, firstLine int, v any, hint string) (md toml.MetaData, errs []*diag.Error, decoded bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	at := func(line int) int {
		if line < 1 {
			return 0
		}
		return line + firstLine - 1
	}

	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(v)
	if err != nil {
		e := convert(err)
		e.File = file
		e.Line = at(e.Line)
		return md, []*diag.Error{e}, false
	}

	lines := KeyLines(src)
	for _, key := range md.Undecoded() {
		path := strings.Join(key, ".")
		// A table whose keys are all unknown is reported once, at the table.
		if parent := parentOf(path); parent != "" && contains(md.Undecoded(), parent) {
			continue
		}
		line := 0
		if l := lines[path]; len(l) > 0 {
			line = l[0]
		}
		errs = append(errs, &diag.Error{
			File: file, Line: at(line), Field: path,
			Message: "未知的键", Hint: hint,
		})
	}
	return md, errs, true
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

// convert turns a decode error into a diag.Error with a line relative to
// the TOML text and a Chinese message.
func convert(err error) *diag.Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e := &diag.Error{Line: pe.Position.Line, Column: pe.Position.Col, Field: pe.LastKey}
		e.Message, e.Hint = syntaxMessage(pe.Message)
		return e
	}
	if m := typeError.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		e := &diag.Error{Line: line, Field: m[2], Message: m[3]}
		if t := incompatible.FindStringSubmatch(m[3]); t != nil {
			e.Message = fmt.Sprintf("类型不对：应为%s，这里写的是%s", typeName(t[2]), typeName(t[1]))
			e.Hint = "文本要加英文双引号，数字和 true/false 不加，列表写成 [\"甲\", \"乙\"]。"
		}
		return e
	}
	return &diag.Error{Message: err.Error()}
}

func syntaxMessage(msg string) (string, string) {
	switch {
	case strings.Contains(msg, "has already been defined"):
		return "键重复定义：" + msg, "同一个键只能写一次，请删除或合并重复的那一行。"
	case strings.Contains(msg, "expected value but found"), strings.Contains(msg, "bare keys cannot contain"):
		return "TOML 语法错误：" + msg, "文本值要加英文双引号，例如 title = \"标题\"。"
	}
	return "TOML 语法错误：" + msg, "请对照 TOML 写法检查这一行：键 = 值，文本加英文双引号。"
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
