package sheet

import (
	"errors"
	"math"
	"time"

	"gongshi/internal/tz"
)

const millisecondsPerDay = 24 * 60 * 60 * 1000

var (
	// excelEpoch1900 is the day before serial 1 (1900-01-01) for serials
	// below 60, and excelEpoch1900Shifted is day 0 from serial 61
	// (1900-03-01) on. Excel counts a 1900-02-29 that never was as serial
	// 60, copying a Lotus 1-2-3 bug, so the two ranges are a day apart.
	excelEpoch1900        = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelEpoch1900Shifted = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

	// excelEpoch1904 is serial 0 in the 1904 date system, which workbooks
	// made on old Macs use (workbookPr date1904="1"). The same date is
	// 1462 days lower there than in the 1900 system.
	excelEpoch1904 = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// serialToTime converts an Excel date serial number to the date and time it
// represents, as wall-clock fields in UTC. The time of day is rounded to the
// millisecond, so that a formula result such as 45292.99999999999 is
// 2024-01-02 00:00.
func serialToTime(serial float64, date1904 bool) (time.Time, error) {
	switch {
	case math.IsNaN(serial) || math.IsInf(serial, 0):
		return time.Time{}, errors.New("日期格式的单元格里不是有效的数字")
	case serial < 0:
		return time.Time{}, errors.New("日期格式的单元格里是负数，不是日期")
	case serial >= 3e6:
		// 2958465 is 9999-12-31, the last date Excel shows.
		return time.Time{}, errors.New("日期超出了 Excel 能表示的范围（最晚为 9999-12-31）")
	}

	total := int64(math.Round(serial * millisecondsPerDay))
	days := int(total / millisecondsPerDay)
	clock := time.Duration(total%millisecondsPerDay) * time.Millisecond

	var epoch time.Time
	switch {
	case date1904:
		epoch = excelEpoch1904
	case days == 0:
		return time.Time{}, errors.New("日期为 0（Excel 显示为 1900-01-00），不是有效日期")
	case days == 60:
		return time.Time{}, errors.New("日期是 1900-02-29，这一天并不存在（Excel 为兼容旧软件保留的错误日期）")
	case days < 60:
		epoch = excelEpoch1900
	default:
		epoch = excelEpoch1900Shifted
	}

	when := epoch.AddDate(0, 0, days).Add(clock)
	if when.Year() > 9999 {
		return time.Time{}, errors.New("日期超出了 Excel 能表示的范围（最晚为 9999-12-31）")
	}
	return when, nil
}

// isoDateLayouts are the forms of the ISO 8601 values in t="d" cells.
var isoDateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02",
}

// parseISODate parses the value of a t="d" cell. The date and time are
// taken as written, without converting between zones, so that a calendar
// date never shifts by a zone offset.
func parseISODate(s string) (time.Time, bool) {
	for _, layout := range isoDateLayouts {
		if when, err := time.Parse(layout, s); err == nil {
			y, m, d := when.Date()
			return time.Date(y, m, d, when.Hour(), when.Minute(), when.Second(), when.Nanosecond(), time.UTC), true
		}
	}
	return time.Time{}, false
}

// setDate makes c a Date cell for the wall-clock time when.
func setDate(c *Cell, when time.Time) {
	y, m, d := when.Date()
	c.Kind = Date
	c.Date = tz.Date(y, m, d)
	c.Text = when.Format("2006-01-02")
	if h, mi, s := when.Clock(); h != 0 || mi != 0 || s != 0 {
		c.Text = when.Format("2006-01-02 15:04:05")
	}
}
