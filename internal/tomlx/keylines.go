package tomlx

import (
	"bytes"
	"strings"
)

// KeyLines maps each dotted key path in a TOML document to the lines
// (1-based) where it is set or its table opens, in file order. Array-of-
// tables elements share one path, as toml.MetaData names them.
//
// BurntSushi/toml keeps key positions to itself, so this scan finds them
// for error messages. It understands table headers, dotted and quoted keys,
// and skips the inside of multi-line strings and arrays.
//
// NOTE: an inline table value ({ a = 1 }) gives a line for the outer key
// only; errors in its inner keys point at that line.
func KeyLines(src []byte) map[string][]int {
	out := map[string][]int{}
	table := ""
	inString := ""
	depth := 0

	for i, raw := range strings.Split(string(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))), "\n") {
		line := i + 1
		text := strings.TrimSpace(raw)

		if inString != "" {
			if strings.Count(text, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		if depth > 0 {
			depth += bracketDelta(text)
			continue
		}
		if text == "" || text[0] == '#' {
			continue
		}

		if text[0] == '[' {
			name := strings.Trim(strings.SplitN(text, "#", 2)[0], " \t[]")
			table = normalizeKey(name)
			out[table] = append(out[table], line)
			continue
		}

		eq := keyEnd(text)
		if eq < 0 {
			continue
		}
		path := normalizeKey(text[:eq])
		if table != "" {
			path = table + "." + path
		}
		out[path] = append(out[path], line)

		value := strings.TrimSpace(text[eq+1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, q) && strings.Count(value, q) == 1 {
				inString = q
			}
		}
		if strings.HasPrefix(value, "[") {
			depth = bracketDelta(value)
		}
	}
	return out
}

// keyEnd returns the index of the '=' that ends the key, skipping quoted
// key parts, or -1.
func keyEnd(text string) int {
	quote := byte(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return i
		}
	}
	return -1
}

// normalizeKey removes spaces around dots and quotes around key parts, so
// that `a . "b"` becomes `a.b`, the form toml.Key.String gives for simple
// keys.
func normalizeKey(key string) string {
	var parts []string
	for _, p := range strings.Split(key, ".") {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, `"'`)
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

// bracketDelta counts '[' minus ']' outside strings and comments.
func bracketDelta(text string) int {
	n := 0
	quote := byte(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return n
		case c == '[':
			n++
		case c == ']':
			n--
		}
	}
	return n
}
