package idcode

import (
	"time"
	"unicode/utf8"
)

// Kinds of personal number that FindPersonalNumbers reports.
const (
	KindID       = "id"
	KindMobile   = "mobile"
	KindBankCard = "bankcard"
)

// Match is a personal number found in free text: the byte range
// text[Start:End] of the original text, and its Kind.
type Match struct {
	Start, End int
	Kind       string
}

// FindPersonalNumbers scans free text (违法事实, 处罚内容) and returns, in
// text order and without overlap, the numbers that look like personal data.
// Digits may be ASCII or full-width (０–９).
//
// A number is one maximal run of digits, so a 20-digit run is never split
// into a shorter number. Runs joined by single spaces or hyphens form one
// number when the groups have a usual layout (138 1234 5678, 110105
// 19491231 002X, 6222 0212 3456 7894), and otherwise each run is tried
// alone. The kinds, tried in this order:
//
//   - KindID: 17 digits and X, or 18 digits, with a valid check character,
//     a first digit of 1–9 and a birth date that exists, from 1900 on. The
//     check character keeps article numbers and amounts from matching.
//   - KindBankCard: 16–19 digits that pass the Luhn check.
//   - KindMobile: 11 digits of the form 1[3-9]xxxxxxxxx, also after +86.
//
// NOTE: an all-digit 统一社会信用代码 in free text is reported as a bank card
// when it passes the Luhn check, as one in ten random digit strings do. Not
// found: old 15-digit ID numbers, 20-digit 税务登记号 (an ID number with 2
// digits appended), landline numbers, and card numbers grouped 6+13.
func FindPersonalNumbers(text string) []Match {
	runs := digitRuns(text)

	var matches []Match
	for first := 0; first < len(runs); {
		last := first
		for last+1 < len(runs) && runs[last+1].linked {
			last++
		}

		if last > first {
			if m, ok := matchChain(runs[first : last+1]); ok {
				matches = append(matches, m)
				first = last + 1
				continue
			}
		}

		for _, run := range runs[first : last+1] {
			if m, ok := matchRun(text, run); ok {
				matches = append(matches, m)
			}
		}
		first = last + 1
	}
	return matches
}

// FindIDNumbers returns the matches of FindPersonalNumbers of KindID.
func FindIDNumbers(text string) []Match {
	return filterKind(FindPersonalNumbers(text), KindID)
}

// FindMobileNumbers returns the matches of FindPersonalNumbers of
// KindMobile.
func FindMobileNumbers(text string) []Match {
	return filterKind(FindPersonalNumbers(text), KindMobile)
}

// FindBankCardNumbers returns the matches of FindPersonalNumbers of
// KindBankCard. A number that is also a valid ID number is reported as an
// ID number only.
func FindBankCardNumbers(text string) []Match {
	return filterKind(FindPersonalNumbers(text), KindBankCard)
}

func filterKind(matches []Match, kind string) []Match {
	var out []Match
	for _, m := range matches {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// digitRun is a maximal run of digits in the text.
type digitRun struct {
	start, end int // byte range of the digits in the text

	// digits are the run's digits folded to ASCII.
	digits string

	// xEnd is the end of an X or x (either width) right after the digits,
	// or 0 when none follows.
	xEnd int

	// linked reports whether exactly one group separator lies between the
	// previous run and this one.
	linked bool
}

// digitRuns returns the maximal runs of ASCII and full-width digits in
// text, in order.
func digitRuns(text string) []digitRun {
	var runs []digitRun
	var digits []byte
	start := 0

	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if digit, ok := foldDigit(r); ok {
			if digits == nil {
				start = i
			}
			digits = append(digits, digit)
		} else if digits != nil {
			runs = appendRun(runs, text, start, i, digits, isX(r), size)
			digits = nil
		}
		i += size
	}

	if digits != nil {
		runs = appendRun(runs, text, start, len(text), digits, false, 0)
	}
	return runs
}

// appendRun appends the run of digits at text[start:end]. followedByX is
// true when an X of xSize bytes follows at text[end].
func appendRun(runs []digitRun, text string, start, end int, digits []byte, followedByX bool, xSize int) []digitRun {
	run := digitRun{start: start, end: end, digits: string(digits)}
	if followedByX {
		run.xEnd = end + xSize
	}
	if n := len(runs); n > 0 {
		run.linked = isSingleSeparator(text[runs[n-1].end:start])
	}
	return append(runs, run)
}

// isSingleSeparator reports whether s is exactly one space or hyphen, as
// written between the digit groups of a long number.
func isSingleSeparator(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) {
		return false
	}

	switch r {
	case ' ', '\u00a0', '\u3000', '-', '－':
		return true
	}
	return false
}

// matchChain reports a chain of two or more linked runs that forms one
// number in a usual grouping.
func matchChain(chain []digitRun) (Match, bool) {
	lengths := make([]int, len(chain))
	digits := ""
	for i, run := range chain {
		lengths[i] = len(run.digits)
		digits += run.digits
	}

	first, last := chain[0], chain[len(chain)-1]

	// Only the last group can end in X, because an X between two runs is
	// no separator. The X belongs to an ID number only.
	if last.xEnd != 0 {
		if equalInts(lengths, 6, 8, 3) && isIDNumber(digits+"X") {
			return Match{Start: first.start, End: last.xEnd, Kind: KindID}, true
		}
		return Match{}, false
	}

	switch {
	case equalInts(lengths, 6, 8, 4) && isIDNumber(digits):
		return Match{Start: first.start, End: last.end, Kind: KindID}, true
	case isCardGrouping(lengths) && luhnValid(digits):
		return Match{Start: first.start, End: last.end, Kind: KindBankCard}, true
	case equalInts(lengths, 3, 4, 4) && isMobileNumber(digits):
		return Match{Start: first.start, End: last.end, Kind: KindMobile}, true
	}
	return Match{}, false
}

// isCardGrouping reports whether groups are 4 digits each, except a last
// group of 1–4, with 16–19 digits in all.
func isCardGrouping(lengths []int) bool {
	total := 0
	for i, n := range lengths {
		if n != 4 && (i < len(lengths)-1 || n < 1 || n > 4) {
			return false
		}
		total += n
	}
	return 16 <= total && total <= 19
}

// matchRun reports a single run of digits that forms a number.
func matchRun(text string, run digitRun) (Match, bool) {
	digits := run.digits

	switch n := len(digits); {
	case n == 17 && run.xEnd != 0 && isIDNumber(digits+"X"):
		return Match{Start: run.start, End: run.xEnd, Kind: KindID}, true
	case n == 18 && isIDNumber(digits):
		return Match{Start: run.start, End: run.end, Kind: KindID}, true
	case 16 <= n && n <= 19 && luhnValid(digits):
		return Match{Start: run.start, End: run.end, Kind: KindBankCard}, true
	case n == 11 && isMobileNumber(digits):
		return Match{Start: run.start, End: run.end, Kind: KindMobile}, true
	case n == 13 && digits[:2] == "86" && isMobileNumber(digits[2:]):
		// The country code counts only after a plus sign, which the match
		// then includes; a bare 86 may be the end of another number.
		r, size := utf8.DecodeLastRuneInString(text[:run.start])
		if r == '+' || r == '＋' {
			return Match{Start: run.start - size, End: run.end, Kind: KindMobile}, true
		}
	}
	return Match{}, false
}

// isIDNumber reports whether id, 17 ASCII digits and a digit or X, is a
// valid ID number with any birth date from 1900 on, because free text comes
// with no date to compare against.
func isIDNumber(id string) bool {
	return checkIDNumber(id, time.Time{}, false) == nil
}

// isMobileNumber reports whether digits match 1[3-9] and 9 more digits.
func isMobileNumber(digits string) bool {
	return len(digits) == 11 && digits[0] == '1' && digits[1] >= '3'
}

// luhnValid reports whether ASCII digits pass the Luhn check: from the
// right, every second digit is doubled (minus 9 above 9), and the sum must
// be a multiple of 10.
func luhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// foldDigit returns the ASCII form of an ASCII or full-width digit.
func foldDigit(r rune) (byte, bool) {
	switch {
	case '0' <= r && r <= '9':
		return byte(r), true
	case '０' <= r && r <= '９':
		return byte(r-'０') + '0', true
	}
	return 0, false
}

func isX(r rune) bool {
	return r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ'
}

// numberChar returns the ASCII form of a character that is part of a
// number: a digit or the X of an ID number, in either width.
func numberChar(r rune) (byte, bool) {
	if isX(r) {
		return 'X', true
	}
	return foldDigit(r)
}

func equalInts(got []int, want ...int) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}
