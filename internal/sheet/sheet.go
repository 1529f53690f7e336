// Package sheet reads tables, a header row followed by data rows, from the
// CSV and XLSX files that tax-office editors make with Excel or WPS. It
// reports every problem with the file, line and column (or cell reference)
// where it sits.
//
// The package reads cells faithfully and normalizes their text (see
// Normalize). Mapping columns to typed fields by their Chinese header labels
// is left to the caller.
package sheet

import (
	"bytes"
	"path/filepath"
	"strings"
	"time"

	"gongshi/internal/diag"
)

// Table is one table read from a CSV file or from one XLSX worksheet.
type Table struct {
	File  string
	Sheet string // XLSX worksheet name; "" for CSV

	// Header holds the header labels, normalized and with every U+FEFF
	// removed. An unlabeled column whose cells are all empty keeps its place
	// as "", and trailing unlabeled columns are dropped.
	Header []string

	// HeaderLine is the CSV line or XLSX row of the header: the first row
	// that is not empty. It is 0 when the table has no header.
	HeaderLine int

	Rows []Row

	// Encoding is "UTF-8", "UTF-8 BOM" or "GB18030" for CSV (GBK files are
	// reported as GB18030, its superset), and "XLSX" otherwise.
	Encoding string
}

// Row is one data row. Completely empty rows are skipped, so Line values may
// have gaps.
type Row struct {
	// Line is 1-based: the CSV line on which the record starts, or the XLSX
	// row number.
	Line int

	// Cells has exactly one cell per header column. Cells missing at the end
	// of the row are Empty cells with their position filled in.
	Cells []Cell
}

// CellKind is the type of value a cell holds.
type CellKind int

// The kinds of cell. CSV cells are always Text or Empty, because CSV stores
// only text.
const (
	Empty CellKind = iota
	Text
	Number
	Date
	Bool
)

// String returns the English name of the kind, for tests and logs.
func (k CellKind) String() string {
	switch k {
	case Empty:
		return "Empty"
	case Text:
		return "Text"
	case Number:
		return "Number"
	case Date:
		return "Date"
	case Bool:
		return "Bool"
	}
	return "CellKind(?)"
}

// Cell is one cell with its position, so that a later stage can report a
// problem in it (see Cell.Errorf).
type Cell struct {
	// Text is the value as text, normalized by Normalize. For Number cells
	// it is a plain decimal without exponent, for Date cells "2006-01-02"
	// (followed by " 15:04:05" when the value has a time of day), and for
	// Bool cells "TRUE" or "FALSE".
	Text string

	Column int    // 1-based
	Ref    string // cell reference such as "C7" for XLSX; "" for CSV
	Kind   CellKind

	// Date is the calendar date of a Date cell, at midnight Asia/Shanghai.
	Date time.Time

	// Raw is the cell as stored, before normalization: the CSV field, or the
	// XLSX stored value (a serial number for dates, "1" or "0" for Bool).
	Raw string

	File  string
	Sheet string // XLSX worksheet name; "" for CSV
	Line  int    // 1-based line (CSV) or row number (XLSX) of the cell
	Field string // header label of the column; "" in the header row

	// textColumn and source place a CSV cell inside its line for diag.Error:
	// the 1-based rune column where the field starts and the text of that
	// line. Both are zero for XLSX cells.
	textColumn int
	source     string
}

// Read reads a table from data, choosing the reader by the extension of
// file: .csv or .xlsx. The sheet argument is used for XLSX only; "" means
// the first worksheet.
func Read(file string, data []byte, sheet string) (*Table, []*diag.Error) {
	ext := strings.ToLower(filepath.Ext(file))
	switch ext {
	case ".csv":
		if isZip(data) {
			return nil, []*diag.Error{fileError(file, "文件扩展名是 .csv，但内容是 Excel 工作簿（.xlsx）",
				"请把扩展名改为 .xlsx，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”。")}
		}
		return ReadCSV(file, data)
	case ".xlsx":
		return ReadXLSX(file, data, sheet)
	case ".xls":
		return nil, []*diag.Error{fileError(file, "不支持旧版 Excel 97-2003 工作簿（.xls）",
			"请在 Excel 中另存为 .xlsx（Excel 工作簿），或另存为“CSV UTF-8（逗号分隔）”。")}
	case ".et", ".ett":
		return nil, []*diag.Error{fileError(file, "不支持 WPS 表格文件（"+ext+"）",
			"请在 WPS 中另存为 .xlsx（Excel 工作簿），或另存为 CSV。")}
	}
	return nil, []*diag.Error{{
		File:    file,
		Line:    1,
		Value:   ext,
		Message: "不支持这种文件类型，数据表只能是 .csv 或 .xlsx",
		Hint:    "请在 Excel 或 WPS 中另存为 .xlsx，或另存为“CSV UTF-8（逗号分隔）”。",
	}}
}

// isZip reports whether data starts like a ZIP archive, which an XLSX file is.
func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// fileError returns an error about the file as a whole, placed on line 1.
func fileError(file, msg, hint string) *diag.Error {
	return &diag.Error{File: file, Line: 1, Message: msg, Hint: hint}
}
