package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongshi/internal/diag"
)

// xlsxReader reads the cells of one worksheet with their types.
type xlsxReader struct {
	f        *excelize.File
	file     string
	sheet    string
	date1904 bool

	// dateStyles caches, per style index, whether the style's number
	// format shows a date.
	dateStyles map[int]bool

	errs []*diag.Error
}

func newXLSXReader(f *excelize.File, file, sheet string) (*xlsxReader, error) {
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, err
	}
	x := &xlsxReader{f: f, file: file, sheet: sheet, dateStyles: map[int]bool{}}
	if props.Date1904 != nil {
		x.date1904 = *props.Date1904
	}
	return x, nil
}

// read reads the worksheet into a table.
func (x *xlsxReader) read() (*Table, []*diag.Error) {
	t := &Table{File: x.file, Sheet: x.sheet, Encoding: EncodingXLSX}

	// GetRows returns row i+1 at index i, including hidden rows, with the
	// stored values (shared strings resolved) rather than formatted text.
	grid, err := x.f.GetRows(x.sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, []*diag.Error{fileError(x.file, "读取工作表失败："+err.Error(), resaveXLSXHint)}
	}
	merges, err := x.mergedRanges(grid)
	if err != nil {
		return nil, []*diag.Error{fileError(x.file, "读取合并单元格失败："+err.Error(), resaveXLSXHint)}
	}
	covered := coveredCells(merges, grid)

	typed := typedWidth(grid)
	rows := make([]rawRow, len(grid))
	for i, values := range grid {
		line := i + 1
		cells := make([]Cell, len(values))
		for j, raw := range values {
			if j < typed {
				cells[j] = x.cell(j+1, line, raw, covered[[2]int{j + 1, line}])
			} else {
				cells[j] = x.untypedCell(j+1, line, raw)
			}
		}
		rows[i] = rawRow{line: line, cells: cells}
	}

	// Errors about cell values were made before the header was known.
	cellErrs := x.errs
	x.errs = buildTable(t, rows, true)
	for _, e := range cellErrs {
		if e.Line > t.HeaderLine && e.Column <= len(t.Header) {
			e.Field = t.Header[e.Column-1]
		}
	}
	x.errs = append(x.errs, cellErrs...)
	x.errs = append(x.errs, x.mergeErrors(merges, t)...)
	return t, x.errs
}

// typedWidth returns the number of columns whose cells are read with their
// types: those up to the last label of the header row, which is the first
// row with a non-blank value. Cells farther right are reported as outside
// the table and need no type.
//
// The limit matters for speed: excelize finds a cell by scanning its row, so
// typing every cell of a row filled out to column XFD would cost seconds.
func typedWidth(grid [][]string) int {
	for _, values := range grid {
		width := 0
		for j, raw := range values {
			if Normalize(raw) != "" {
				width = j + 1
			}
		}
		if width > 0 {
			return width
		}
	}
	return 0
}

// untypedCell returns a cell outside the table, as text.
func (x *xlsxReader) untypedCell(col, line int, raw string) Cell {
	ref, _ := excelize.CoordinatesToCellName(col, line)
	c := Cell{Text: Normalize(raw), Column: col, Ref: ref, Raw: raw, File: x.file, Sheet: x.sheet, Line: line}
	if c.Text != "" {
		c.Kind = Text
	}
	return c
}

// cell reads the cell at column col of row line, whose stored value is raw.
// A cell covered by a merged range, other than its top-left cell, is left
// Empty. excelize returns the type and formula of the top-left cell for it,
// and the merge itself is reported as an error.
func (x *xlsxReader) cell(col, line int, raw string, covered bool) Cell {
	ref, _ := excelize.CoordinatesToCellName(col, line)
	c := Cell{Column: col, Ref: ref, Raw: raw, File: x.file, Sheet: x.sheet, Line: line}
	if covered {
		return c
	}

	typ, err := x.f.GetCellType(x.sheet, ref)
	if err != nil {
		x.errs = append(x.errs, c.NewError("读取单元格失败："+err.Error(), resaveXLSXHint))
		return c
	}
	if raw == "" {
		x.checkCachedValue(c, typ)
		return c
	}

	switch typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		// CellTypeFormula is t="str": the cached result of a formula that
		// returned text.
		c.Text = Normalize(raw)
		if c.Text != "" {
			c.Kind = Text
		}
	case excelize.CellTypeBool:
		x.boolCell(&c)
	case excelize.CellTypeError:
		c.Text, c.Kind = raw, Text
		x.errs = append(x.errs, c.NewError("单元格是 Excel 错误值 "+raw+"，通常是公式出错",
			"请改正公式或直接填写内容，使单元格不再显示 # 开头的错误值。"))
	case excelize.CellTypeDate:
		x.isoDateCell(&c)
	default:
		// CellTypeNumber and CellTypeUnset: a cell without t attribute
		// contains a number, and its number format decides whether it is
		// a date.
		x.numberCell(&c)
	}
	return c
}

// checkCachedValue reports a formula cell that has no cached result, which
// happens when the file was written by a program that does not calculate,
// and Excel or WPS has not saved it since.
//
// NOTE: a formula cell stored as t="str" with an empty value is read as
// empty text, because that is the stored form of a formula returning "".
// excelize's SetCellFormula writes uncalculated formulas in the same form,
// so those are read as empty too instead of being reported.
func (x *xlsxReader) checkCachedValue(c Cell, typ excelize.CellType) {
	if typ == excelize.CellTypeFormula {
		return
	}
	formula, err := x.f.GetCellFormula(x.sheet, c.Ref)
	if err != nil || formula == "" {
		return
	}
	e := c.NewError("这个公式单元格没有保存计算结果",
		"请在 Excel 或 WPS 中打开文件，确认公式计算正确后保存，再重新生成；或把公式的结果作为数值粘贴进去。")
	e.Value = "=" + formula
	x.errs = append(x.errs, e)
}

func (x *xlsxReader) boolCell(c *Cell) {
	switch c.Raw {
	case "1":
		c.Text, c.Kind = "TRUE", Bool
	case "0":
		c.Text, c.Kind = "FALSE", Bool
	default:
		c.Text, c.Kind = Normalize(c.Raw), Text
		x.errs = append(x.errs, c.NewError("逻辑值单元格的内容无法识别", resaveXLSXHint))
	}
}

// numberCell reads a stored number, as a date when the cell's number format
// shows a date.
func (x *xlsxReader) numberCell(c *Cell) {
	value, err := strconv.ParseFloat(strings.TrimSpace(c.Raw), 64)
	if err != nil {
		c.Text, c.Kind = Normalize(c.Raw), Text
		x.errs = append(x.errs, c.NewError("数值单元格的内容不是数字", resaveXLSXHint))
		return
	}

	isDate, err := x.isDateStyle(c.Ref)
	if err != nil {
		x.errs = append(x.errs, c.NewError("读取单元格格式失败："+err.Error(), resaveXLSXHint))
	}
	if !isDate {
		c.Text, c.Kind = FormatNumber(value), Number
		return
	}

	when, err := serialToTime(value, x.date1904)
	if err != nil {
		c.Text, c.Kind = FormatNumber(value), Number
		x.errs = append(x.errs, c.NewError(err.Error(), "请重新输入日期，例如 2024-01-01。"))
		return
	}
	setDate(c, when)
}

// isoDateCell reads a t="d" cell, whose value is an ISO 8601 date written
// as text. Such cells are rare, because Excel stores dates as serial
// numbers.
func (x *xlsxReader) isoDateCell(c *Cell) {
	when, ok := parseISODate(c.Raw)
	if !ok {
		c.Text, c.Kind = Normalize(c.Raw), Text
		x.errs = append(x.errs, c.NewError("日期单元格的内容无法识别", "请重新输入日期，例如 2024-01-01。"))
		return
	}
	setDate(c, when)
}

// isDateStyle reports whether the number format of the cell at ref shows a
// date.
func (x *xlsxReader) isDateStyle(ref string) (bool, error) {
	index, err := x.f.GetCellStyle(x.sheet, ref)
	if err != nil {
		return false, err
	}
	if isDate, ok := x.dateStyles[index]; ok {
		return isDate, nil
	}

	style, err := x.f.GetStyle(index)
	if err != nil && index == 0 {
		// A workbook without styles.xml has no style 0; its cells show
		// numbers in the General format.
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("style %d: %w", index, err)
	}
	isDate := isDateNumFmt(style.NumFmt, style.CustomNumFmt)
	x.dateStyles[index] = isDate
	return isDate, nil
}
