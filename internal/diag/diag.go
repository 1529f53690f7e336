// Package diag holds the positioned error type that every stage of a build
// reports with, and the list that collects them so that one build shows all
// of its problems at once.
//
// Messages are Simplified Chinese because the people who read them are the
// tax-office editors who wrote the content.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity is whether a problem stops the build.
type Severity int

const (
	// SeverityError stops the build; the previous output stays in place.
	SeverityError Severity = iota
	// SeverityWarning is reported, and the build goes on.
	SeverityWarning
)

// Error is one problem in one input file.
//
// Line and Column are 1-based; zero means unknown. Field names the key or
// column the problem sits in, Value the offending text as found, and Hint
// what the editor should do about it.
type Error struct {
	File     string
	Line     int
	Column   int
	Field    string
	Value    string
	Message  string
	Hint     string
	Severity Severity

	// Source is the text of the offending line, shown by Long.
	Source string
}

// Error returns the one-line form: "文件:行:列: 字段 “键”: 消息".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.position())
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Severity == SeverityWarning {
		b.WriteString("警告: ")
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "字段“%s”: ", e.Field)
	}
	b.WriteString(e.Message)
	if e.Value != "" {
		fmt.Fprintf(&b, "（值：%q）", e.Value)
	}
	return b.String()
}

// Long returns the one-line form followed by the source line with a caret
// under the column, and the hint.
func (e *Error) Long() string {
	var b strings.Builder
	b.WriteString(e.Error())
	if e.Source != "" {
		fmt.Fprintf(&b, "\n    %d | %s", e.Line, e.Source)
		if e.Column > 0 {
			pad := len(fmt.Sprint(e.Line)) + 3 + displayWidth(prefixRunes(e.Source, e.Column-1))
			fmt.Fprintf(&b, "\n    %s^", strings.Repeat(" ", pad))
		}
	}
	if e.Hint != "" {
		fmt.Fprintf(&b, "\n    处理办法：%s", e.Hint)
	}
	return b.String()
}

func (e *Error) position() string {
	switch {
	case e.File == "":
		return ""
	case e.Line == 0:
		return e.File
	case e.Column == 0:
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	}
}

// prefixRunes returns the first n runes of s.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// displayWidth counts a terminal column per ASCII byte and two per other
// rune, which is right for the Chinese text these messages quote.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r < 0x80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

// List collects the problems of a whole build. The zero value is ready.
type List struct {
	items []*Error
}

// Add appends problems; nil entries are skipped.
func (l *List) Add(errs ...*Error) {
	for _, e := range errs {
		if e != nil {
			l.items = append(l.items, e)
		}
	}
}

// Merge appends every problem of other.
func (l *List) Merge(other *List) {
	if other != nil {
		l.items = append(l.items, other.items...)
	}
}

// Errorf adds an error at file and line.
func (l *List) Errorf(file string, line int, field, format string, args ...any) *Error {
	e := &Error{File: file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)}
	l.items = append(l.items, e)
	return e
}

// Items returns the problems sorted by file, line, column and message, so
// that reports read in file order and two builds print the same report.
func (l *List) Items() []*Error {
	out := append([]*Error(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Message < b.Message
	})
	return out
}

// Errors returns only the problems of SeverityError.
func (l *List) Errors() []*Error {
	var out []*Error
	for _, e := range l.Items() {
		if e.Severity == SeverityError {
			out = append(out, e)
		}
	}
	return out
}

// Warnings returns only the problems of SeverityWarning.
func (l *List) Warnings() []*Error {
	var out []*Error
	for _, e := range l.Items() {
		if e.Severity == SeverityWarning {
			out = append(out, e)
		}
	}
	return out
}

// HasErrors reports whether any problem stops the build.
func (l *List) HasErrors() bool {
	for _, e := range l.items {
		if e.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Err returns nil when nothing stops the build, and otherwise a *BuildError
// holding every error (warnings left out).
func (l *List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return &BuildError{Errors: errs}
}

// BuildError is returned by a build that found one or more errors.
type BuildError struct {
	Errors []*Error
}

func (b *BuildError) Error() string {
	lines := make([]string, 0, len(b.Errors)+1)
	lines = append(lines, fmt.Sprintf("发现 %d 个错误：", len(b.Errors)))
	for _, e := range b.Errors {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// Long returns every error in its long form, separated by blank lines.
func (b *BuildError) Long() string {
	parts := make([]string, 0, len(b.Errors)+1)
	parts = append(parts, fmt.Sprintf("发现 %d 个错误：", len(b.Errors)))
	for _, e := range b.Errors {
		parts = append(parts, e.Long())
	}
	return strings.Join(parts, "\n\n")
}

// AsList returns the positioned errors inside err: the errors of a
// *BuildError, a single *Error, or nil when err carries no position.
func AsList(err error) []*Error {
	var be *BuildError
	if errors.As(err, &be) {
		return be.Errors
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}
