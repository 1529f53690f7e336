package sheet

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongshi/internal/diag"
)

// rawRow is one CSV record or XLSX row as read, before the header is known.
// cells[i].Column is i+1, and cells past the last one in the file are absent.
type rawRow struct {
	line  int
	cells []Cell
}

// tableBuilder turns raw rows into a Table: it takes the first non-empty row
// as the header, checks the labels, and fits every data row to the header.
type tableBuilder struct {
	t    *Table
	xlsx bool
	errs []*diag.Error

	// reported[i] is set once column i, unlabeled inside the header, has
	// been reported for containing data, so each such column is reported once.
	reported map[int]bool
}

// buildTable fills t.Header, t.HeaderLine and t.Rows from rows and returns
// the problems.
func buildTable(t *Table, rows []rawRow, xlsx bool) []*diag.Error {
	b := &tableBuilder{t: t, xlsx: xlsx, reported: map[int]bool{}}

	start := 0
	for start < len(rows) && isEmptyRow(rows[start].cells) {
		start++
	}
	if start == len(rows) {
		b.errs = append(b.errs, fileError(t.File, "表格是空的，没有表头行",
			"第一行应是表头（各列的名称），从第二行起每行一条记录。"))
		return b.errs
	}

	header := rows[start]
	t.HeaderLine = header.line
	b.readHeader(header)
	for _, r := range rows[start+1:] {
		if isEmptyRow(r.cells) {
			continue
		}
		b.addRow(r)
	}
	return b.errs
}

func isEmptyRow(cells []Cell) bool {
	for _, c := range cells {
		if c.Kind != Empty {
			return false
		}
	}
	return true
}

// readHeader sets t.Header from the header row and reports duplicate labels.
func (b *tableBuilder) readHeader(header rawRow) {
	labels := make([]string, len(header.cells))
	width := 0
	for i, c := range header.cells {
		labels[i] = normalizeLabel(c.Text)
		if labels[i] != "" {
			width = i + 1
		}
	}
	b.t.Header = labels[:width]

	firstColumn := map[string]int{}
	for i, label := range b.t.Header {
		if label == "" {
			continue
		}
		first, seen := firstColumn[label]
		if !seen {
			firstColumn[label] = i
			continue
		}
		e := header.cells[i].NewError(
			fmt.Sprintf("%s和%s的表头相同", b.columnName(first+1), b.columnName(i+1)),
			"每一列的表头必须不同。请修改其中一列的名称，或删除重复的列。")
		e.Field = label
		b.errs = append(b.errs, e)
	}

	if !b.xlsx && width > 0 && strings.Contains(b.t.Header[0], "\t") {
		e := header.cells[0].NewError("表头里有制表符，这个文件可能是制表符分隔的文本，而不是逗号分隔的 CSV",
			saveAsUTF8Hint)
		e.Value = b.t.Header[0]
		b.errs = append(b.errs, e)
	}
}

// addRow appends a data row cut or padded to the header width.
func (b *tableBuilder) addRow(r rawRow) {
	width := len(b.t.Header)
	cells := make([]Cell, width)
	for i := range cells {
		if i < len(r.cells) {
			cells[i] = r.cells[i]
		} else {
			cells[i] = b.emptyCell(r.line, i+1)
		}
		cells[i].Field = b.t.Header[i]

		if b.t.Header[i] == "" && cells[i].Kind != Empty && !b.reported[i] {
			b.reported[i] = true
			b.errs = append(b.errs, cells[i].NewError(
				fmt.Sprintf("%s没有表头，但这一列有内容", b.columnName(i+1)),
				"请在表头行补上这一列的名称，或删除这一列的内容。"))
		}
	}

	for i := width; i < len(r.cells); i++ {
		if r.cells[i].Kind != Empty {
			b.errs = append(b.errs, b.extraCellError(r, i))
			break
		}
	}

	b.t.Rows = append(b.t.Rows, Row{Line: r.line, Cells: cells})
}

// extraCellError reports the first non-empty cell at index i beyond the
// header width.
func (b *tableBuilder) extraCellError(r rawRow, i int) *diag.Error {
	width := len(b.t.Header)
	if b.xlsx {
		return r.cells[i].NewError(
			fmt.Sprintf("这个单元格在表头范围之外（表头只到 %s），但有内容", b.columnName(width)),
			"请在表头行补上这一列的名称，或删除这个单元格的内容。")
	}

	used := len(r.cells)
	for used > 0 && r.cells[used-1].Kind == Empty {
		used--
	}
	return r.cells[i].NewError(
		fmt.Sprintf("这一行有 %d 个单元格，比表头的 %d 列多", used, width),
		"单元格内容里有英文逗号时，要用英文双引号把整个内容括起来（Excel 另存为 CSV 时会自动这样做）；"+
			"否则请删除多出的内容，或在表头补上列名。")
}

// emptyCell returns the Empty cell that stands for a cell missing at the
// end of a row.
func (b *tableBuilder) emptyCell(line, column int) Cell {
	c := Cell{Column: column, File: b.t.File, Sheet: b.t.Sheet, Line: line}
	if b.xlsx {
		c.Ref, _ = excelize.CoordinatesToCellName(column, line)
	}
	return c
}

// columnName names a column as editors see it: "C 列" in XLSX, "第 3 列" in
// CSV.
func (b *tableBuilder) columnName(column int) string {
	if b.xlsx {
		name, err := excelize.ColumnNumberToName(column)
		if err == nil {
			return name + " 列"
		}
	}
	return fmt.Sprintf("第 %d 列", column)
}
