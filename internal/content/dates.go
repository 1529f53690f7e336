package content

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"gongshi/internal/tz"
)

// Names that BurntSushi/toml v1.6.0 gives the fixed zones of TOML values
// written without an offset (its internal.LocalDatetime, LocalDate and
// LocalTime). Their offset is the build machine's, which means nothing here.
const (
	tomlLocalDatetime = "datetime-local"
	tomlLocalDate     = "date-local"
	tomlLocalTime     = "time-local"
)

// zonelessLayouts are the string forms accepted for a date without a zone,
// read as Asia/Shanghai.
var zonelessLayouts = []string{
	"2006-01-02",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
}

// dateShape matches strings laid out like an accepted form, so that a
// failure to parse them means the date does not exist (2024-02-30), not
// that the form is wrong.
var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$`)

// looseDate matches dates written the Chinese way or with other separators:
// 2024年3月5日, 2024/3/5, 2024.3.5.
var looseDate = regexp.MustCompile(`^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?$`)

// dateProblem explains why a front-matter value is not a date.
type dateProblem struct {
	message string
	hint    string
}

// toDate converts the TOML value of the date field key. TOML offset
// date-times keep their offset. TOML local date-times and local dates, and
// strings without a zone, are read as Asia/Shanghai.
func toDate(key string, v any) (time.Time, *dateProblem) {
	switch v := v.(type) {
	case time.Time:
		return tomlTimeToDate(key, v)
	case string:
		return parseDateString(key, v)
	}
	return time.Time{}, &dateProblem{
		message: fmt.Sprintf("应为日期，实际是%s", tomlTypeName(v)),
		hint:    dateHint(key),
	}
}

func tomlTimeToDate(key string, t time.Time) (time.Time, *dateProblem) {
	switch t.Location().String() {
	case tomlLocalDatetime, tomlLocalDate:
		return inShanghai(t), nil
	case tomlLocalTime:
		return time.Time{}, &dateProblem{message: "只有时间，缺少日期", hint: dateHint(key)}
	}
	return t, nil
}

// inShanghai returns the same wall-clock reading as t, in Asia/Shanghai.
func inShanghai(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), tz.Shanghai())
}

func parseDateString(key, s string) (time.Time, *dateProblem) {
	for _, layout := range zonelessLayouts {
		if t, err := time.ParseInLocation(layout, s, tz.Shanghai()); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}

	if dateShape.MatchString(s) {
		return time.Time{}, &dateProblem{message: "日期不存在：月份、日期或时间超出范围", hint: dateHint(key)}
	}
	problem := &dateProblem{message: "日期格式无法识别", hint: dateHint(key)}
	if m := looseDate.FindStringSubmatch(s); m != nil {
		month, _ := strconv.Atoi(m[2]) // the pattern allows digits only
		day, _ := strconv.Atoi(m[3])
		fixed := fmt.Sprintf("%s-%02d-%02d", m[1], month, day)
		if _, err := time.Parse("2006-01-02", fixed); err == nil {
			problem.hint = fmt.Sprintf("改写为 %s = %s（年-月-日，不加引号）。", key, fixed)
		}
	}
	return time.Time{}, problem
}

// dateHint returns the accepted forms of a date field, named as written.
func dateHint(key string) string {
	return fmt.Sprintf("写成 %s = 2024-03-15（不加引号），需要时刻时写成 %s = 2024-03-15T09:30:00；"+
		"也可以写带引号的 \"2024-03-15 09:30\"。不带时区的时间按北京时间理解。", key, key)
}
