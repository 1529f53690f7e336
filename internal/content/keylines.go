package content

import (
	"strconv"
	"strings"
	"unicode"
)

// BurntSushi/toml v1.6.0 records where each key is defined but does not
// export it, so keyScanner finds the line of every top-level key itself.
// It understands just enough TOML to not be fooled by text inside strings,
// multi-line strings and multi-line arrays: a line that continues a value
// is never taken for a key line.

// keyScanner tracks the lexical state between front-matter lines.
type keyScanner struct {
	lines     map[string]int // top-level key → 1-based line, first definition
	multiline string         // `"""` or `'''` while inside a multi-line string
	depth     int            // open [ and { brackets of the current value
	inTable   bool           // a [table] header has been seen
	table     string         // header text of the current table, such as "params"
}

// topLevelKeyLines returns the 1-based line, within text, of the first
// definition of each top-level key. A key first defined by a table header
// such as [params] maps to the header's line. Keys written under a plain
// [params] header are also listed, as "params.key".
func topLevelKeyLines(text string) map[string]int {
	s := &keyScanner{lines: map[string]int{}}
	for i, line := range strings.Split(text, "\n") {
		s.scanLine(strings.TrimRight(line, "\r"), i+1)
	}
	return s.lines
}

func (s *keyScanner) scanLine(line string, lineNo int) {
	if s.multiline != "" || s.depth > 0 {
		s.scanValue(line)
		return
	}

	trimmed := strings.TrimLeft(line, " \t")
	switch {
	case trimmed == "" || trimmed[0] == '#':
		return
	case trimmed[0] == '[':
		// A table header such as [params], [params.x] or [[menu]].
		if key, _, ok := parseKeyPath(strings.TrimLeft(trimmed, "[ \t")); ok {
			s.record(key, lineNo)
		}
		s.inTable = true
		s.table = strings.Trim(strings.SplitN(trimmed, "#", 2)[0], "[] \t")
		return
	}

	key, rest, ok := parseKeyPath(trimmed)
	if !ok || !strings.HasPrefix(rest, "=") {
		return
	}
	switch {
	case !s.inTable:
		s.record(key, lineNo)
	case s.table == "params":
		s.record("params."+key, lineNo)
	}
	s.scanValue(rest[1:])
}

func (s *keyScanner) record(key string, lineNo int) {
	if _, seen := s.lines[key]; !seen {
		s.lines[key] = lineNo
	}
}

// scanValue follows strings and brackets through the value part of a line,
// so that the state is right when the next line starts.
func (s *keyScanner) scanValue(v string) {
	for i := 0; i < len(v); {
		if s.multiline != "" {
			i = s.skipMultiline(v, i)
			continue
		}

		switch c := v[i]; {
		case c == '#':
			return
		case strings.HasPrefix(v[i:], `"""`), strings.HasPrefix(v[i:], `'''`):
			s.multiline = v[i : i+3]
			i += 3
		case c == '"' || c == '\'':
			i = skipString(v, i)
		case c == '[' || c == '{':
			s.depth++
			i++
		case c == ']' || c == '}':
			s.depth = max(s.depth-1, 0)
			i++
		default:
			i++
		}
	}
}

// skipMultiline advances past the end of the current multi-line string,
// or to the end of v when the string goes on to the next line.
func (s *keyScanner) skipMultiline(v string, i int) int {
	for i < len(v) {
		if s.multiline == `"""` && v[i] == '\\' {
			i += 2
			continue
		}
		if strings.HasPrefix(v[i:], s.multiline) {
			s.multiline = ""
			return i + 3
		}
		i++
	}
	return len(v)
}

// skipString returns the index after the one-line string that starts at
// v[i], or len(v) when it is not closed on this line.
func skipString(v string, i int) int {
	quote := v[i]
	for j := i + 1; j < len(v); j++ {
		switch {
		case quote == '"' && v[j] == '\\':
			j++
		case v[j] == quote:
			return j + 1
		}
	}
	return len(v)
}

// parseKeyPath reads a possibly dotted key such as `title`, `"title"` or
// `params.caseNumber` at the start of s. It returns the first part, the
// text after the key with leading blanks removed, and ok=false when s does
// not start with a key.
func parseKeyPath(s string) (first, rest string, ok bool) {
	first, rest, ok = parseSimpleKey(s)
	if !ok {
		return "", s, false
	}
	rest = strings.TrimLeft(rest, " \t")
	for strings.HasPrefix(rest, ".") {
		var more bool
		_, rest, more = parseSimpleKey(strings.TrimLeft(rest[1:], " \t"))
		if !more {
			return "", s, false
		}
		rest = strings.TrimLeft(rest, " \t")
	}
	return first, rest, true
}

// parseSimpleKey reads one bare or quoted key.
func parseSimpleKey(s string) (key, rest string, ok bool) {
	if s == "" {
		return "", s, false
	}
	switch s[0] {
	case '"':
		end := skipString(s, 0)
		if end > len(s) || s[end-1] != '"' || end < 2 {
			return "", s, false
		}
		if unquoted, err := strconv.Unquote(s[:end]); err == nil {
			return unquoted, s[end:], true
		}
		return s[1 : end-1], s[end:], true
	case '\'':
		end := strings.IndexByte(s[1:], '\'')
		if end < 0 {
			return "", s, false
		}
		return s[1 : end+1], s[end+2:], true
	}

	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	if end == 0 {
		return "", s, false
	}
	if end < 0 {
		end = len(s)
	}
	return s[:end], s[end:], true
}
