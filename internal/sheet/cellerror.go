package sheet

import (
	"fmt"

	"gongshi/internal/diag"
)

// NewError returns an error placed at c, for problems that a later stage
// finds in a cell's value. It fills File, Line, Column, Field and Value
// (c.Raw), and for CSV cells the source line that diag.Error.Long shows.
//
// For XLSX cells Column is the column number and the message starts with
// the worksheet and cell reference (工作表“处罚” C7：), which is how editors
// find a cell in Excel. For CSV cells Column is the rune column where the
// field starts in its line.
func (c Cell) NewError(msg, hint string) *diag.Error {
	e := &diag.Error{
		File:    c.File,
		Line:    c.Line,
		Column:  c.Column,
		Field:   c.Field,
		Value:   c.Raw,
		Message: msg,
		Hint:    hint,
	}
	if c.Ref != "" {
		e.Message = cellPlace(c.Sheet, c.Ref) + "：" + msg
	}
	if c.textColumn > 0 {
		e.Column = c.textColumn
		e.Source = c.source
	}
	return e
}

// cellPlace names an XLSX cell the way editors see it in Excel.
func cellPlace(sheet, ref string) string {
	return fmt.Sprintf("工作表“%s” %s", sheet, ref)
}
