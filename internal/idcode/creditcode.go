package idcode

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// PlaceholderCreditCode is what a 个体工商户 without a 统一社会信用代码 enters
// in its place. It is valid only together with another code of the same
// party, such as the 工商注册号 or 税务登记号.
const PlaceholderCreditCode = "00000000000000000X"

// creditCodeAlphabet lists the characters of a 统一社会信用代码 in value
// order (GB 32100-2015): digits 0–9, then the letters without I, O, Z, S
// and V as values 10–30.
const creditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCodeWeights are the GB 32100-2015 weights of positions 1–17.
var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// organizationCodeWeights are the GB 11714 weights of the first 8
// characters of a 组织机构代码, which are positions 9–16 of a credit code.
var organizationCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// AllowList contains credit codes whose failed check characters are known
// to be genuine. Keys are codes in the form NormalizeCreditCode returns.
type AllowList map[string]bool

// NormalizeCreditCode trims surrounding spaces, folds full-width characters
// to half-width (ＡＢＣ１２３ → ABC123) and upper-cases ASCII letters. It
// repairs nothing else: a letter O stays O, and inner spaces stay.
func NormalizeCreditCode(s string) string {
	s = width.Fold.String(s)
	s = strings.TrimSpace(s)
	return upperASCII(s)
}

// IsPlaceholder reports whether code is PlaceholderCreditCode. It compares
// exactly, so code should be normalized first.
func IsPlaceholder(code string) bool {
	return code == PlaceholderCreditCode
}

// CheckCreditCode returns nil when code is a valid 统一社会信用代码, and
// otherwise the first problem found. It does not normalize, so a lower-case
// or full-width character is a problem. Call NormalizeCreditCode first to
// accept those.
//
// A wrong length, a character outside the code's alphabet and the
// placeholder alone are errors. A failed check character, at position 17
// (the 组织机构代码 check) or 18, is a warning.
//
// NOTE: positions 1–8 (登记管理部门码, 机构类别码, 行政区划码) are not
// checked against their code lists.
func CheckCreditCode(code string) *Problem {
	if code == "" {
		return &Problem{
			Message: "统一社会信用代码为空",
			Hint:    "请填写证照上的 18 位统一社会信用代码",
		}
	}

	if n := utf8.RuneCountInString(code); n != 18 {
		return creditCodeLengthProblem(code, n)
	}

	if IsPlaceholder(code) {
		return &Problem{
			Message: fmt.Sprintf("“%s”是个体工商户没有统一社会信用代码时使用的占位代码，不能单独使用", PlaceholderCreditCode),
			Hint:    "请同时填写该个体工商户的工商注册号、税务登记号等其他代码",
		}
	}

	position := 0
	for i, r := range code {
		position++
		if r >= utf8.RuneSelf || strings.IndexByte(creditCodeAlphabet, byte(r)) < 0 {
			return creditCodeCharProblem(code, i, position, r)
		}
	}

	return checkCreditCodeChecksums(code)
}

// CheckCreditCodeAllowing is CheckCreditCode, except that a failed check
// character of a code in allow is no problem. Errors are still returned for
// codes in allow. A nil allow list allows nothing.
func CheckCreditCodeAllowing(code string, allow AllowList) *Problem {
	problem := CheckCreditCode(code)
	if problem != nil && problem.Warning && allow[code] {
		return nil
	}
	return problem
}

// CreditCodeCheckChar returns the character at position 18 of the credit
// code that starts with first17. It fails unless first17 has 17 characters
// of the code's alphabet. Position 17 must already be the 组织机构代码 check
// character (see OrganizationCodeCheckChar) for the result to validate.
func CreditCodeCheckChar(first17 string) (byte, error) {
	position := 0
	for _, r := range first17 {
		position++
		if r >= utf8.RuneSelf || strings.IndexByte(creditCodeAlphabet, byte(r)) < 0 {
			return 0, fmt.Errorf("idcode: credit code prefix %q has %q at position %d, want one of %s", first17, r, position, creditCodeAlphabet)
		}
	}

	if len(first17) != 17 {
		return 0, fmt.Errorf("idcode: credit code prefix %q has %d characters, want 17", first17, len(first17))
	}

	return creditCodeCheckChar(first17), nil
}

// OrganizationCodeCheckChar returns the check character of the 组织机构代码
// that starts with first8 (GB 11714), which is position 17 of a credit code
// whose positions 9–16 are first8. It fails unless first8 has 8 digits or
// upper-case ASCII letters.
func OrganizationCodeCheckChar(first8 string) (byte, error) {
	position := 0
	for _, r := range first8 {
		position++
		if _, ok := organizationCodeValue(r); !ok {
			return 0, fmt.Errorf("idcode: organization code prefix %q has %q at position %d, want an ASCII digit or upper-case letter", first8, r, position)
		}
	}

	if len(first8) != 8 {
		return 0, fmt.Errorf("idcode: organization code prefix %q has %d characters, want 8", first8, len(first8))
	}

	return organizationCodeCheckChar(first8), nil
}

// creditCodeCheckChar computes c = 31 − (Σ value×weight mod 31), with 31
// becoming 0, and returns the character of value c. first17 must contain
// only characters of creditCodeAlphabet.
func creditCodeCheckChar(first17 string) byte {
	sum := 0
	for i, weight := range creditCodeWeights {
		sum += strings.IndexByte(creditCodeAlphabet, first17[i]) * weight
	}

	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return creditCodeAlphabet[c]
}

// organizationCodeCheckChar computes c = 11 − (Σ value×weight mod 11) and
// returns it as a digit, with 10 as X and 11 as 0. first8 must contain only
// digits and upper-case ASCII letters.
func organizationCodeCheckChar(first8 string) byte {
	sum := 0
	for i, weight := range organizationCodeWeights {
		value, _ := organizationCodeValue(rune(first8[i]))
		sum += value * weight
	}

	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// organizationCodeValue returns the GB 11714 value of c: digits 0–9 and
// letters A=10 … Z=35.
func organizationCodeValue(c rune) (int, bool) {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0'), true
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10, true
	default:
		return 0, false
	}
}

// checkCreditCodeChecksums checks positions 17 and 18 of a code of 18
// alphabet characters, and reports both when both fail.
func checkCreditCodeChecksums(code string) *Problem {
	var failures []string

	if want := organizationCodeCheckChar(code[8:16]); code[16] != want {
		failures = append(failures, fmt.Sprintf("第 17 位（组织机构代码的校验码）应为 %c，实际是 %c", want, code[16]))
	}
	if want := creditCodeCheckChar(code[:17]); code[17] != want {
		failures = append(failures, fmt.Sprintf("第 18 位校验码应为 %c，实际是 %c", want, code[17]))
	}

	if len(failures) == 0 {
		return nil
	}
	return &Problem{
		Message: strings.Join(failures, "；"),
		Hint:    "请对照证照原件逐位核对；少数早期发放的代码确实通不过校验，核实无误后可将该代码加入校验例外名单",
		Warning: true,
	}
}

func creditCodeLengthProblem(code string, n int) *Problem {
	problem := &Problem{Message: fmt.Sprintf("统一社会信用代码应为 18 位，实际是 %d 位", n)}

	switch {
	case strings.ContainsFunc(code, isCodeSeparator):
		problem.Hint = "代码中间不能有空格或分隔符，请删除后再核对位数"
	case n == 15:
		problem.Hint = "15 位的可能是旧的工商注册号或税务登记号，请填入对应字段，本栏填 18 位统一社会信用代码"
	default:
		problem.Hint = "请对照证照原件核对，是否多输或漏输了字符"
	}
	return problem
}

// creditCodeCharProblem explains why rune r at byte i (character position)
// of code is not allowed. Letters that editors confuse with digits get
// their own message.
func creditCodeCharProblem(code string, i, position int, r rune) *Problem {
	quoted := quoteCharAt(code, i)

	if unicode.IsSpace(r) {
		return &Problem{
			Message: fmt.Sprintf("第 %d 位是%s", position, quoted),
			Hint:    "代码中间不能有空格，请删除后核对是否漏输了字符",
		}
	}

	narrow, fullWidth := narrowRune(r)
	upper := narrow
	if 'a' <= narrow && narrow <= 'z' {
		upper = narrow - 'a' + 'A'
	}

	switch {
	case strings.ContainsRune("IOZSV", upper):
		return &Problem{
			Message: fmt.Sprintf("第 %d 位是字母%s，统一社会信用代码不使用字母 I、O、Z、S、V", position, quoted),
			Hint:    forbiddenLetterHint(upper),
		}
	case fullWidth && upper < utf8.RuneSelf && strings.IndexByte(creditCodeAlphabet, byte(upper)) >= 0:
		return &Problem{
			Message: fmt.Sprintf("第 %d 位%s是全角字符", position, quoted),
			Hint:    fmt.Sprintf("请改为半角字符“%c”", upper),
		}
	case 'a' <= r && r <= 'z':
		return &Problem{
			Message: fmt.Sprintf("第 %d 位是小写字母%s，统一社会信用代码只用大写字母", position, quoted),
			Hint:    fmt.Sprintf("请改为大写字母“%c”", upper),
		}
	default:
		return &Problem{
			Message: fmt.Sprintf("第 %d 位是%s，统一社会信用代码只由数字和大写字母组成", position, quoted),
			Hint:    "请对照证照原件改正这一位",
		}
	}
}

func forbiddenLetterHint(letter rune) string {
	digit, ok := confusedDigit(letter)
	if !ok {
		return "请对照证照原件核对这一位"
	}
	return fmt.Sprintf("字母 %c 容易与数字 %c 混淆，请对照证照原件核对；如果是数字，请改为 %c", letter, digit, digit)
}

// isCodeSeparator reports whether r is a space or a hyphen, which editors
// type to group the characters of a long code.
func isCodeSeparator(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '－' || r == '—'
}
