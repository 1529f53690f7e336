package idcode

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// idWeights are the GB 11643-1999 weights of positions 1–17.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps r = Σ digit×weight mod 11 to the check character.
const idCheckChars = "10X98765432"

// idDateHint is the hint for every problem with the birth date.
const idDateHint = "第 7 至 14 位是出生日期（年 4 位、月 2 位、日 2 位），请对照证件核对"

// NormalizeIDNumber trims surrounding spaces, folds full-width characters
// to half-width and upper-cases the letter x. It repairs nothing else.
func NormalizeIDNumber(s string) string {
	s = width.Fold.String(s)
	s = strings.TrimSpace(s)
	return strings.ReplaceAll(s, "x", "X")
}

// CheckIDNumber returns nil when id is a valid 18-digit 居民身份证号码, and
// otherwise the first problem found. Every problem is an error. The birth
// date must exist, be in 1900 or later, and be no later than today's date
// in today's location. CheckIDNumber does not normalize, so call
// NormalizeIDNumber first to accept a lower-case x or full-width digits.
//
// NOTE: the region code is checked only for a first digit of 1–9, not
// against the list of administrative divisions.
func CheckIDNumber(id string, today time.Time) *Problem {
	return checkIDNumber(id, today, true)
}

// IDCheckChar returns the character at position 18 of the ID number that
// starts with first17. It fails unless first17 is 17 ASCII digits. It
// checks neither the region nor the date.
func IDCheckChar(first17 string) (byte, error) {
	position := 0
	for _, r := range first17 {
		position++
		if r >= utf8.RuneSelf || !isASCIIDigit(byte(r)) {
			return 0, fmt.Errorf("idcode: ID number prefix %q has %q at position %d, want an ASCII digit", first17, r, position)
		}
	}

	if len(first17) != 17 {
		return 0, fmt.Errorf("idcode: ID number prefix %q has %d digits, want 17", first17, len(first17))
	}

	return idCheckChar(first17), nil
}

// idCheckChar returns idCheckChars[Σ digit×weight mod 11]. first17 must be
// 17 ASCII digits.
func idCheckChar(first17 string) byte {
	sum := 0
	for i, weight := range idWeights {
		sum += int(first17[i]-'0') * weight
	}
	return idCheckChars[sum%11]
}

// checkIDNumber is CheckIDNumber. With rejectFuture false it accepts any
// birth date from 1900 on, for callers that have no today.
func checkIDNumber(id string, today time.Time, rejectFuture bool) *Problem {
	if id == "" {
		return &Problem{Message: "身份证号码为空", Hint: "请填写 18 位居民身份证号码"}
	}

	if n := utf8.RuneCountInString(id); n != 18 {
		return idLengthProblem(id, n)
	}

	position := 0
	for i, r := range id {
		position++
		if problem := idCharProblem(id, i, position, r); problem != nil {
			return problem
		}
	}

	// All 18 characters are ASCII from here on.
	if id[0] == '0' {
		return &Problem{
			Message: fmt.Sprintf("地区码“%s”无效：第 1 位不能是 0", id[:6]),
			Hint:    "前 6 位是户籍所在地的行政区划代码，第 1 位是 1 至 9，请对照证件核对",
		}
	}

	birth, problem := idBirthDate(id[6:14])
	if problem != nil {
		return problem
	}

	if rejectFuture {
		year, month, day := today.Date()
		todayUTC := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
		if birth.After(todayUTC) {
			return &Problem{
				Message: fmt.Sprintf("出生日期“%s”晚于今天（%s）", id[6:14], todayUTC.Format(time.DateOnly)),
				Hint:    idDateHint,
			}
		}
	}

	if want := idCheckChar(id[:17]); id[17] != want {
		return &Problem{
			Message: fmt.Sprintf("第 18 位校验码应为 %c，实际是 %c", want, id[17]),
			Hint:    "请对照证件逐位核对，常见原因是某一位输错或相邻两位颠倒",
		}
	}
	return nil
}

func idLengthProblem(id string, n int) *Problem {
	problem := &Problem{Message: fmt.Sprintf("身份证号码应为 18 位，实际是 %d 位", n)}

	switch {
	case strings.ContainsFunc(id, isCodeSeparator):
		problem.Hint = "号码中间不能有空格或分隔符，请删除后再核对位数"
	case n == 15:
		problem.Hint = "15 位的是 1999 年以前签发的旧号码，请向当事人核实后改填 18 位号码"
	default:
		problem.Hint = "请对照证件核对，是否多输或漏输了数字"
	}
	return problem
}

// idCharProblem explains why rune r at byte i (character position) of id
// is not allowed there, or returns nil. Positions 1–17 take digits and
// position 18 takes a digit or X.
func idCharProblem(id string, i, position int, r rune) *Problem {
	if '0' <= r && r <= '9' || position == 18 && r == 'X' {
		return nil
	}

	quoted := quoteCharAt(id, i)

	if narrow, fullWidth := narrowRune(r); fullWidth && ('0' <= narrow && narrow <= '9' || position == 18 && (narrow == 'X' || narrow == 'x')) {
		if narrow == 'x' {
			narrow = 'X'
		}
		return &Problem{
			Message: fmt.Sprintf("第 %d 位%s是全角字符", position, quoted),
			Hint:    fmt.Sprintf("请改为半角字符“%c”", narrow),
		}
	}

	if position == 18 {
		if r == 'x' {
			return &Problem{
				Message: "第 18 位是小写字母“x”，应为大写字母 X",
				Hint:    "请改为大写字母“X”",
			}
		}
		return &Problem{
			Message: fmt.Sprintf("第 18 位应为数字或字母 X，实际是%s", quoted),
			Hint:    idCharHint(r),
		}
	}

	return &Problem{
		Message: fmt.Sprintf("第 %d 位应为数字，实际是%s", position, quoted),
		Hint:    idCharHint(r),
	}
}

func idCharHint(r rune) string {
	if digit, ok := confusedDigit(r); ok {
		return fmt.Sprintf("字母 %c 容易与数字 %c 混淆，请对照证件核对；如果是数字，请改为 %c", r, digit, digit)
	}
	return "请对照证件改正这一位"
}

// idBirthDate parses the YYYYMMDD digits of an ID number and checks that
// the date exists and is in 1900 or later.
func idBirthDate(digits string) (time.Time, *Problem) {
	year := atoiDigits(digits[0:4])
	month := atoiDigits(digits[4:6])
	day := atoiDigits(digits[6:8])

	invalid := func(reason string) *Problem {
		return &Problem{
			Message: fmt.Sprintf("出生日期“%s”不存在：%s", digits, reason),
			Hint:    idDateHint,
		}
	}

	if month < 1 || month > 12 {
		return time.Time{}, invalid(fmt.Sprintf("月份应为 01 至 12，实际是 %s", digits[4:6]))
	}
	if day == 0 {
		return time.Time{}, invalid("日不能是 00")
	}
	if days := daysInMonth(year, time.Month(month)); day > days {
		return time.Time{}, invalid(fmt.Sprintf("%d 年 %d 月只有 %d 天", year, month, days))
	}

	if year < 1900 {
		return time.Time{}, &Problem{
			Message: fmt.Sprintf("出生日期“%s”早于 1900 年", digits),
			Hint:    idDateHint,
		}
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), nil
}

func daysInMonth(year int, month time.Month) int {
	// Day 0 of the next month is the last day of this one.
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// atoiDigits converts a short run of ASCII digits, already checked.
func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func isASCIIDigit(c byte) bool {
	return '0' <= c && c <= '9'
}
