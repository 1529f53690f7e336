package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gongshi/internal/diag"
)

// ReadCSV reads a comma-separated table in UTF-8 (with or without byte
// order mark) or GBK/GB18030, as Excel and WPS save it.
//
// Quoted fields may hold commas, quotes written as "" and line breaks; CRLF
// and LF line ends are both accepted. A malformed record is reported and
// skipped, and reading goes on with the next line. The returned table is nil
// only when the encoding cannot be read.
func ReadCSV(file string, data []byte) (*Table, []*diag.Error) {
	text, encoding, err := decodeCSV(file, data)
	if err != nil {
		return nil, []*diag.Error{err}
	}

	t := &Table{File: file, Encoding: encoding}
	src := csvSource{file: file, lines: strings.Split(text, "\n")}
	rows, errs := src.records(text)
	errs = append(errs, buildTable(t, rows, false)...)
	return t, errs
}

// csvSource holds the decoded lines of a CSV file, which place cells and
// errors in their line for diag.Error.Long.
type csvSource struct {
	file  string
	lines []string
}

// records reads every record of text as a raw row.
func (s csvSource) records(text string) ([]rawRow, []*diag.Error) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1 // rows are fitted to the header by buildTable

	var rows []rawRow
	var errs []*diag.Error
	for {
		record, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs = append(errs, s.parseError(pe))
				continue
			}
			errs = append(errs, fileError(s.file, "读取 CSV 失败："+err.Error(), saveAsUTF8Hint))
			break
		}

		line, _ := r.FieldPos(0)
		cells := make([]Cell, len(record))
		for i, field := range record {
			fieldLine, byteColumn := r.FieldPos(i)
			cells[i] = s.cell(field, i+1, fieldLine, byteColumn)
		}
		rows = append(rows, rawRow{line: line, cells: cells})
	}
	return rows, errs
}

// cell returns the cell for field, which starts in line at byteColumn.
func (s csvSource) cell(field string, column, line, byteColumn int) Cell {
	c := Cell{
		Text:       Normalize(field),
		Column:     column,
		Raw:        field,
		File:       s.file,
		Line:       line,
		textColumn: s.runeColumn(line, byteColumn),
		source:     s.line(line),
	}
	if c.Text != "" {
		c.Kind = Text
	}
	return c
}

// line returns the text of the 1-based line n without its line end.
func (s csvSource) line(n int) string {
	if n < 1 || n > len(s.lines) {
		return ""
	}
	return strings.TrimSuffix(s.lines[n-1], "\r")
}

// runeColumn converts the 1-based byte column that encoding/csv reports into
// the 1-based rune column that diag.Error uses.
func (s csvSource) runeColumn(line, byteColumn int) int {
	text := s.line(line)
	end := min(max(byteColumn-1, 0), len(text))
	return utf8.RuneCountInString(text[:end]) + 1
}

// parseError converts an encoding/csv error into a positioned error.
func (s csvSource) parseError(pe *csv.ParseError) *diag.Error {
	e := &diag.Error{
		File:   s.file,
		Line:   max(pe.Line, 1),
		Column: s.runeColumn(pe.Line, pe.Column),
		Source: s.line(pe.Line),
	}

	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		e.Message = "没有用英文双引号括起来的单元格里出现了英文双引号 \""
		e.Hint = "请把整个单元格内容用英文双引号括起来，并把内容里的每个 \" 写成两个 \"\"；" +
			"在 Excel 中打开后另存为 CSV 会自动这样写。"
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Column > len(s.line(pe.Line)):
		// encoding/csv reports a quoted field that runs to the end of the
		// file at the end of its last line; the editor needs its start.
		e.Line, e.Column, e.Source = pe.StartLine, 0, s.line(pe.StartLine)
		e.Message = fmt.Sprintf("第 %d 行有一个以英文双引号开头的单元格，直到文件末尾都没有结束的引号", pe.StartLine)
		e.Hint = "请在这个单元格内容的末尾补上英文双引号 \"，内容里的双引号要写成两个 \"\"。"
	case errors.Is(pe.Err, csv.ErrQuote):
		e.Message = "用英文双引号括起来的单元格里，有一个双引号没有写成两个 \"\""
		e.Hint = "请把单元格内容里的每个 \" 写成两个 \"\"，或在 Excel 中打开后重新另存为 CSV。"
	default:
		e.Message = "CSV 格式错误：" + pe.Err.Error()
		e.Hint = "请在 Excel 中打开后重新另存为 CSV。"
	}
	return e
}
