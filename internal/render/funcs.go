package render

import (
	"errors"
	"fmt"
	"html/template"
	"strings"
	"time"

	"gongshi/internal/tz"
)

// Funcs returns the functions layouts may call.
//
//	date t        "2006-01-02" in Asia/Shanghai; "" for a zero time
//	pubdate t     "2006-01-02 15:04", the PubDate metadata form
//	cndate t      "2006年1月2日"
//	join list sep strings joined
//	add a b       a + b
//	hasprefix s p strings.HasPrefix
//	dict k v ...  a map from alternating keys and values, for passing
//	              several values to a partial
func Funcs() template.FuncMap {
	return template.FuncMap{
		"date":      formatTime("2006-01-02"),
		"pubdate":   formatTime("2006-01-02 15:04"),
		"cndate":    formatTime("2006年1月2日"),
		"join":      strings.Join,
		"add":       func(a, b int) int { return a + b },
		"hasprefix": strings.HasPrefix,
		"dict":      dict,
	}
}

func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, errors.New("dict 需要成对的键和值")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict 的键必须是文本，第 %d 个参数是 %T", i+1, pairs[i])
		}
		m[key] = pairs[i+1]
	}
	return m, nil
}

func formatTime(layout string) func(time.Time) string {
	return func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(tz.Shanghai()).Format(layout)
	}
}
