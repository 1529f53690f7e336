package sheet

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"gongshi/internal/diag"
)

// mergedRange is one merged range of a worksheet, with 1-based bounds.
type mergedRange struct {
	ref           string // "A3:A5"
	left, top     int
	right, bottom int
	topLeftValue  string
}

// mergedRanges returns the merged ranges that overlap the used area of
// grid, the rows and columns that contain any cell. A merge farther out only
// formats blank cells and does not affect the table.
func (x *xlsxReader) mergedRanges(grid [][]string) ([]mergedRange, error) {
	cells, err := x.f.GetMergeCells(x.sheet)
	if err != nil {
		return nil, err
	}

	usedColumns := 0
	for _, row := range grid {
		usedColumns = max(usedColumns, len(row))
	}

	var out []mergedRange
	for _, mc := range cells {
		m := mergedRange{ref: mc[0], topLeftValue: mc.GetCellValue()}
		if m.left, m.top, err = excelize.CellNameToCoordinates(mc.GetStartAxis()); err != nil {
			return nil, err
		}
		if m.right, m.bottom, err = excelize.CellNameToCoordinates(mc.GetEndAxis()); err != nil {
			return nil, err
		}
		if m.top <= len(grid) && m.left <= usedColumns {
			out = append(out, m)
		}
	}
	return out, nil
}

// coveredCells returns the cells of grid, as {column, row}, that merged
// ranges cover other than their top-left cells. Cells outside grid are left
// out, so that a merge of whole rows or columns costs no more than the grid.
func coveredCells(merges []mergedRange, grid [][]string) map[[2]int]bool {
	covered := map[[2]int]bool{}
	for _, m := range merges {
		for row := m.top; row <= min(m.bottom, len(grid)); row++ {
			for col := m.left; col <= min(m.right, len(grid[row-1])); col++ {
				if row != m.top || col != m.left {
					covered[[2]int{col, row}] = true
				}
			}
		}
	}
	return covered
}

// mergeErrors reports each merged range. The table is read row by row, and
// in a merged range only the top-left cell contains the value, so every other
// row of a vertical merge would silently lose it.
func (x *xlsxReader) mergeErrors(merges []mergedRange, t *Table) []*diag.Error {
	var errs []*diag.Error
	for _, m := range merges {
		e := &diag.Error{
			File:    x.file,
			Line:    m.top,
			Column:  m.left,
			Value:   m.topLeftValue,
			Message: fmt.Sprintf("工作表“%s”的 %s 是合并单元格；数据表按行读取，合并后只有左上角的单元格有内容", x.sheet, m.ref),
			Hint:    "请选中这些单元格，取消合并单元格，并在每一行的单元格里分别填写内容。",
		}
		if m.top > t.HeaderLine && m.left <= len(t.Header) {
			e.Field = t.Header[m.left-1]
		}
		if m.top <= t.HeaderLine {
			e.Hint += "如果这是表格上方的标题，请删除标题行，让表头成为第一行。"
		}
		errs = append(errs, e)
	}
	return errs
}
