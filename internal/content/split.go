package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"gongshi/internal/diag"
)

// Document is a content file split into front matter and body.
type Document struct {
	FrontMatter     []byte // TOML text between the +++ lines, nil when the file has none
	FrontMatterLine int    // 1-based file line of the first front-matter line
	Body            []byte
	BodyLine        int // 1-based file line where the body starts
}

// utf8BOM is the byte order mark that Windows editors put at the start of
// UTF-8 files.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// frontMatterDelimiter is the line that opens and closes TOML front matter.
const frontMatterDelimiter = "+++"

// Split separates the TOML front matter of a content file from its body.
//
// Front matter is present when the first line is "+++" (trailing spaces
// allowed), and ends at the next line that is "+++". A UTF-8 byte order
// mark at the start is skipped, and lines may end in CRLF. FrontMatter and
// Body are sub-slices of src, line endings untouched.
//
// The error is for invalid UTF-8 anywhere in src, and for an opening "+++"
// without a closing one.
func Split(file string, src []byte) (Document, *diag.Error) {
	if !utf8.Valid(src) {
		return Document{}, invalidUTF8Error(file, src)
	}
	src = bytes.TrimPrefix(src, utf8BOM)

	opening, next := lineAt(src, 0)
	if !isDelimiterLine(opening) {
		// NOTE: Hugo's YAML ("---") and JSON front matter are not
		// recognised, so such a file renders its front matter as body text.
		return Document{Body: src, BodyLine: 1}, nil
	}

	start := next
	for pos, line := start, 2; pos < len(src); line++ {
		text, end := lineAt(src, pos)
		if isDelimiterLine(text) {
			return Document{
				FrontMatter:     src[start:pos],
				FrontMatterLine: 2,
				Body:            src[end:],
				BodyLine:        line + 1,
			}, nil
		}
		pos = end
	}
	return Document{}, missingClosingError(file, src)
}

// lineAt returns the line that starts at pos without its "\n", and the
// position after the "\n" (len(src) on the last line).
func lineAt(src []byte, pos int) (line []byte, next int) {
	i := bytes.IndexByte(src[pos:], '\n')
	if i < 0 {
		return src[pos:], len(src)
	}
	return src[pos : pos+i], pos + i + 1
}

// isDelimiterLine reports whether line is "+++" followed only by spaces,
// tabs or the "\r" of a CRLF line ending.
func isDelimiterLine(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == frontMatterDelimiter
}

func missingClosingError(file string, src []byte) *diag.Error {
	hint := "在 front matter 最后一行的下一行加一行 +++（只写这三个加号），把 front matter 和正文分开。"
	if line, text, ok := nearMissDelimiter(src); ok {
		hint = fmt.Sprintf("第 %d 行“%s”不是有效的结束行：结束行必须顶格写三个半角加号 +++，前面不能有空格。", line, text)
	}
	opening, _ := lineAt(src, 0)
	return &diag.Error{
		File:    file,
		Line:    1,
		Message: "front matter 缺少结束的 +++ 行",
		Hint:    hint,
		Source:  strings.TrimRight(string(opening), "\r"),
	}
}

// nearMissDelimiter finds the first line after the opening one that looks
// like a mistyped closing line: indented "+++", fullwidth "＋＋＋" typed
// with a Chinese input method, or a run of two or four plus signs.
func nearMissDelimiter(src []byte) (line int, text string, ok bool) {
	_, pos := lineAt(src, 0)
	for line = 2; pos < len(src); line++ {
		raw, end := lineAt(src, pos)
		pos = end
		trimmed := strings.TrimSpace(string(raw))
		if len(trimmed) < 2 || strings.Trim(trimmed, "+＋") != "" {
			continue
		}
		return line, trimmed, true
	}
	return 0, "", false
}

// invalidUTF8Error returns an error at the first invalid UTF-8 sequence of
// src. file may be empty when the caller adds it later.
func invalidUTF8Error(file string, src []byte) *diag.Error {
	offset := firstInvalidUTF8(src)
	lineStart := bytes.LastIndexByte(src[:offset], '\n') + 1
	lineText, _ := lineAt(src, lineStart)
	prefix := bytes.TrimPrefix(src[lineStart:offset], utf8BOM)

	bad := invalidRun(src[offset:])
	e := &diag.Error{
		File:    file,
		Line:    bytes.Count(src[:offset], []byte{'\n'}) + 1,
		Column:  utf8.RuneCount(prefix) + 1,
		Value:   fmt.Sprintf("% X", bad),
		Message: "文件不是有效的 UTF-8 编码",
		Hint:    "请用编辑器把文件另存为 UTF-8 编码（不要用 GBK 或 GB2312），再重新构建。",
		Source:  strings.ToValidUTF8(strings.TrimRight(string(lineText), "\r"), "\uFFFD"),
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		e.Message = "文件是 UTF-16 编码，不是 UTF-8"
		e.Hint = "请用编辑器把文件另存为 UTF-8 编码（记事本“另存为”对话框里的“编码”选 UTF-8），再重新构建。"
	}
	return e
}

// invalidRun returns the invalid bytes at the start of b, at most four.
func invalidRun(b []byte) []byte {
	n := 0
	for n < len(b) && n < 4 {
		r, size := utf8.DecodeRune(b[n:])
		if r != utf8.RuneError || size != 1 {
			break
		}
		n++
	}
	return b[:n]
}

// firstInvalidUTF8 returns the byte offset of the first invalid UTF-8
// sequence in src, or len(src) when there is none.
func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(src)
}
