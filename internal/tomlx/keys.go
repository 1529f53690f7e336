package tomlx

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
)

// unknownKeyHint lists the keys valid where key was written, read from
// the toml tags of v's type, with the closest one first.
func unknownKeyHint(v any, key toml.Key) string {
	valid := keysAt(reflect.TypeOf(v), key[:len(key)-1])
	if len(valid) == 0 {
		return "这个位置不能写键，请删掉这一行。"
	}
	where := "可用的键"
	if len(key) > 1 {
		where = fmt.Sprintf("“%s”中可用的键", strings.Join(key[:len(key)-1], "."))
	}
	hint := where + "：" + strings.Join(valid, "、") + "。"
	if guess := Closest(key[len(key)-1], valid); guess != "" {
		hint = fmt.Sprintf("是否想写“%s”？", guess) + hint
	}
	return hint
}

// keysAt returns the toml keys of the struct that path leads to within t,
// following struct fields, pointers, slices and arrays of tables.
func keysAt(t reflect.Type, path []string) []string {
	t = elem(t)
	for _, part := range path {
		if t.Kind() != reflect.Struct {
			return nil
		}
		found := false
		for i := range t.NumField() {
			f := t.Field(i)
			if name, ok := tomlName(f); ok && name == part {
				t = elem(f.Type)
				found = true
				break
			}
		}
		if !found {
			return nil
		}
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		if name, ok := tomlName(t.Field(i)); ok {
			keys = append(keys, name)
		}
	}
	return keys
}

func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return t
}

// tomlName returns the key a struct field is decoded from.
func tomlName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("toml")
	name, _, _ := strings.Cut(tag, ",")
	switch name {
	case "-":
		return "", false
	case "":
		return f.Name, true
	}
	return name, true
}
