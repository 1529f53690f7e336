package sheet

import (
	"strconv"
	"strings"
)

// builtinDateFormats lists the built-in number format ids that show a date
// in the zh-CN locale, taken from the format tables of excelize v2.11.1
// (builtInNumFmt and langNumFmt["zh-cn"]). They are 14 (yyyy/m/d), 15-17
// and 22 in English, and 27-31, 36, 50-54, 57 and 58 in Chinese, such as
// yyyy"年"m"月"d"日". Ids that show only a time of day (18-21, 32-35, 45-47,
// 55, 56) are absent.
var builtinDateFormats = map[int]bool{
	14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 36: true,
	50: true, 51: true, 52: true, 53: true, 54: true, 57: true, 58: true,
}

// isDateNumFmt reports whether a number format shows a date: the built-in
// format id, or the custom format code when custom is not nil.
//
// NOTE: a format that shows only a time of day (h:mm) is not a date, so such
// cells are read as Number with the fraction of a day as their value.
func isDateNumFmt(id int, custom *string) bool {
	if custom != nil {
		return isDateFormatCode(*custom)
	}
	return builtinDateFormats[id]
}

// isDateFormatCode reports whether a custom number format code shows a date.
// It skips the parts that show literal text: quoted strings, characters
// escaped with \, and the character after _ or *. It skips bracketed parts
// such as [Red] and [$-804], except that [h], [mm] and [ss] show elapsed
// time, and the words General, AM/PM and A/P. What remains
// shows a date when it contains y or d, or m without h or s (m next to h or
// s means minutes).
func isDateFormatCode(code string) bool {
	code = strings.ToLower(code)
	var year, day, month, clock bool
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			if end := strings.IndexByte(code[i+1:], '"'); end >= 0 {
				i += end + 1
			} else {
				i = len(code)
			}
		case c == '[':
			end := strings.IndexByte(code[i+1:], ']')
			if end < 0 {
				end = len(code) - i - 1
			}
			if inner := code[i+1 : i+1+end]; inner != "" && strings.Trim(inner, "hms") == "" {
				clock = true // elapsed time such as [h]:mm
			}
			i += end + 1
		case c == '\\' || c == '_' || c == '*':
			i++
		case strings.HasPrefix(code[i:], "general"):
			i += len("general") - 1
		case strings.HasPrefix(code[i:], "am/pm"):
			i += len("am/pm") - 1
		case strings.HasPrefix(code[i:], "a/p"):
			i += len("a/p") - 1
		case c == 'y':
			year = true
		case c == 'd':
			day = true
		case c == 'm':
			month = true
		case c == 'h' || c == 's':
			clock = true
		}
	}
	return year || day || (month && !clock)
}

// FormatNumber returns a number as Excel shows it in the formula bar: rounded
// to 15 significant digits, written as a plain decimal without exponent
// (1200000, 0.5, 913501234567891000).
//
// Excel keeps only 15 significant digits, so a stored value such as
// 0.30000000000000004 (a formula result) shows as 0.3 and is written so.
func FormatNumber(v float64) string {
	if v == 0 {
		return "0" // also for -0
	}
	rounded, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		rounded = v
	}
	return strconv.FormatFloat(rounded, 'f', -1, 64)
}
