package sheet

import (
	"fmt"
	"regexp"

	"gongshi/internal/diag"
)

// maxExcelDigits is the number of significant digits Excel keeps in a
// number. It sets the digits after them to 0.
const maxExcelDigits = 15

// scientificNotation matches a number as Excel displays a long one in the
// General format, 9.13501E+17. Excel always writes the sign of the exponent,
// and requiring it keeps codes such as 9111010812345E6789 from matching.
var scientificNotation = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?[eE][+-][0-9]+$`)

const identifierHint = "在 Excel 中把这一列设为“文本”格式后重新输入，或在数字前加英文单引号（'）再输入；" +
	"请从原始材料重新录入完整的编号，不要根据现在的值推算。"

// Identifier returns the normalized text of a cell meant to hold an
// identifier (统一社会信用代码, 身份证号码, 执法证号, 纳税人识别号), or an error
// when Excel turned the identifier into a number and so changed it. It
// never repairs the value.
//
// The errors are:
//   - text in scientific notation (9.13501E+17), which is what a CSV export
//     holds for a long number shown in the General format;
//   - a Number cell with more than 15 digits, whose digits after the 15th
//     Excel has set to 0, or one that is not a whole number;
//   - when wantLen > 0, a Number cell or an all-digit text with fewer than
//     wantLen digits, which lost its leading zeros. For text this is only
//     likely (a CSV export of a number), but the value is wrong either way.
//   - a Date or Bool cell, which Excel made out of the typed text.
//
// An Empty cell returns "" and no error; whether the identifier is required
// is up to the caller, and so are checksums and exact lengths.
//
// NOTE: a CSV export of a number formatted with 0 decimals contains all its
// digits as text (913501234567891000), so the trailing zeros that Excel put
// in look like real ones here. The caller's checksum of an 18-digit code
// catches most of these.
func Identifier(c Cell, wantLen int) (string, *diag.Error) {
	switch c.Kind {
	case Empty:
		return "", nil
	case Number:
		return numberIdentifier(c, wantLen)
	case Date:
		e := c.NewError("这个编号被 Excel 识别成了日期，原来输入的内容已经改变", identifierHint)
		e.Value = c.Text
		return "", e
	case Bool:
		return "", c.NewError("这个单元格是逻辑值（TRUE/FALSE），不是编号", identifierHint)
	}

	text := c.Text
	if scientificNotation.MatchString(text) {
		return "", c.NewError("Excel 把这个长数字显示成了科学计数法，原来的编号已经丢失", identifierHint)
	}
	if wantLen > 0 && isDigits(text) && len(text) < wantLen {
		return "", c.NewError(fmt.Sprintf(
			"这个编号只有 %d 位数字，应为 %d 位；如果文件是从 Excel 导出的，开头的 0 可能已经丢失",
			len(text), wantLen), identifierHint)
	}
	return text, nil
}

// numberIdentifier checks a Number cell, whose Text is the plain decimal
// that FormatNumber writes.
func numberIdentifier(c Cell, wantLen int) (string, *diag.Error) {
	digits := c.Text
	switch {
	case !isDigits(digits):
		return "", c.NewError("这个编号被 Excel 存成了数字，而且不是正整数", identifierHint)
	case len(digits) > maxExcelDigits:
		return "", c.NewError(fmt.Sprintf(
			"这个编号被 Excel 存成了数字，而 Excel 只保留 %d 位有效数字，所以这个 %d 位编号的后几位已经丢失",
			maxExcelDigits, len(digits)), identifierHint)
	case wantLen > 0 && len(digits) < wantLen:
		return "", c.NewError(fmt.Sprintf(
			"这个编号被 Excel 存成了数字，开头的 0 已经丢失，现在只有 %d 位，应为 %d 位",
			len(digits), wantLen), identifierHint)
	}
	return digits, nil
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
