package tasktable

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Deadline is the 完成时限 cell: the text as written, and what of it can be
// read as dates. A clause that depends on an event (税务总局平台建成后,
// 条件成熟时) gets no date: it is kept in Conditions and in Text.
type Deadline struct {
	// Text is the cell verbatim, lines joined.
	Text       string
	Milestones []Milestone
	// Ongoing is set when the work continues after its milestones (持续开展).
	Ongoing bool
	// Recurring is the yearly due day ("每年1月31日前"), or nil.
	Recurring *MonthDay
	// Conditions are the clauses that name no date.
	Conditions []string
}

// Milestone is one dated clause of a deadline.
type Milestone struct {
	Date Date
	// Text is the clause the date comes from, such as "2019年9月底前完成".
	Text string
	// Start is set when the clause names when work begins
	// ("2019年9月开始执行") rather than when it must be done.
	Start bool
}

// Date is a calendar day with no time or zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String returns the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Before reports whether d is an earlier day than other.
func (d Date) Before(other Date) bool {
	if d.Year != other.Year {
		return d.Year < other.Year
	}
	if d.Month != other.Month {
		return d.Month < other.Month
	}
	return d.Day < other.Day
}

// MonthDay is a day that comes back every year.
type MonthDay struct {
	Month time.Month
	Day   int
}

// String returns the day as MM-DD.
func (m MonthDay) String() string {
	return fmt.Sprintf("%02d-%02d", int(m.Month), m.Day)
}

// deadlineDate matches the date forms the table uses:
//
//	2019年7月12日前    a day
//	2019年9月底前      the last day of a month
//	2019年底前         the last day of a year
//	2019年9月开始执行  a start, the first day of the month
//
// The trailing group separates a start (开始, 启动, 起) from a due date.
var deadlineDate = regexp.MustCompile(`(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日|(底))?|(底))?\s*(前|开始|启动|起)?`)

var recurringDate = regexp.MustCompile(`每年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日|(底))`)

// ongoingMarker is the phrase that marks work with no end (持续开展).
const ongoingMarker = "持续"

// ParseDeadline reads a 完成时限 cell. It returns an error only for a date
// that does not exist, such as 2019年13月底前 or 2019年2月30日前.
func ParseDeadline(text string) (Deadline, error) {
	d := Deadline{Text: text}
	for _, clause := range splitClauses(text) {
		if err := d.addClause(clause); err != nil {
			return d, err
		}
	}
	return d, nil
}

// splitClauses splits at the commas and semicolons between clauses, in
// both their full-width and ASCII forms.
func splitClauses(text string) []string {
	parts := strings.FieldsFunc(text, func(r rune) bool {
		return r == '，' || r == '；' || r == ',' || r == ';' || r == '。'
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (d *Deadline) addClause(clause string) error {
	if m := recurringDate.FindStringSubmatch(clause); m != nil {
		md, err := parseMonthDay(m)
		if err != nil {
			return fmt.Errorf("%s: %w", clause, err)
		}
		d.Recurring = &md
		return nil
	}

	matches := deadlineDate.FindAllStringSubmatch(clause, -1)
	for _, m := range matches {
		ms, err := parseMilestone(m)
		if err != nil {
			return fmt.Errorf("%s: %w", clause, err)
		}
		ms.Text = clause
		d.Milestones = append(d.Milestones, ms)
	}

	if strings.Contains(clause, ongoingMarker) {
		d.Ongoing = true
		return nil
	}
	if len(matches) == 0 {
		d.Conditions = append(d.Conditions, clause)
	}
	return nil
}

// parseMilestone turns one deadlineDate match into a date.
func parseMilestone(m []string) (Milestone, error) {
	year, _ := strconv.Atoi(m[1])
	monthText, dayText, monthEnd, yearEnd, suffix := m[2], m[3], m[4], m[5], m[6]
	start := suffix == "开始" || suffix == "启动" || suffix == "起"

	if monthText == "" {
		// "2019年底前", or a bare year: the year's last day. A start in a
		// bare year ("2020年起") begins on its first day.
		if start && yearEnd == "" {
			return Milestone{Date: Date{year, time.January, 1}, Start: true}, nil
		}
		return Milestone{Date: Date{year, time.December, 31}}, nil
	}

	month, _ := strconv.Atoi(monthText)
	if month < 1 || month > 12 {
		return Milestone{}, fmt.Errorf("月份 %d 不存在", month)
	}
	last := daysIn(year, time.Month(month))
	switch {
	case dayText != "":
		day, _ := strconv.Atoi(dayText)
		if day < 1 || day > last {
			return Milestone{}, fmt.Errorf("%d年%d月没有 %d 日", year, month, day)
		}
		return Milestone{Date: Date{year, time.Month(month), day}, Start: start}, nil
	case monthEnd != "":
		return Milestone{Date: Date{year, time.Month(month), last}}, nil
	case start:
		return Milestone{Date: Date{year, time.Month(month), 1}, Start: true}, nil
	default:
		// "2019年12月" with nothing after it: due by the end of that month.
		return Milestone{Date: Date{year, time.Month(month), last}}, nil
	}
}

func parseMonthDay(m []string) (MonthDay, error) {
	month, _ := strconv.Atoi(m[1])
	if month < 1 || month > 12 {
		return MonthDay{}, fmt.Errorf("月份 %d 不存在", month)
	}
	// A leap year gives the largest day each month can have.
	last := daysIn(2000, time.Month(month))
	if m[3] != "" {
		// NOTE: 每年2月底 is read as 02-29, the largest day; a consumer
		// that needs the day of a given year must clamp it.
		return MonthDay{time.Month(month), last}, nil
	}
	day, _ := strconv.Atoi(m[2])
	if day < 1 || day > last {
		return MonthDay{}, fmt.Errorf("%d月没有 %d 日", month, day)
	}
	return MonthDay{time.Month(month), day}, nil
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
