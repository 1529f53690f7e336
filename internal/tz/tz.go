// Package tz gives the time zone in which every date of the portal is read:
// China Standard Time. A date or time written without a zone means
// Asia/Shanghai, whatever the zone of the machine that builds the site.
package tz

import (
	"time"
	// The zone database is embedded so that builds on minimal CI images,
	// which often lack /usr/share/zoneinfo, read dates the same way.
	_ "time/tzdata"
)

// Shanghai returns the Asia/Shanghai location.
func Shanghai() *time.Location {
	return shanghai
}

var shanghai = mustLoad()

func mustLoad() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic("BUG: embedded tzdata lacks Asia/Shanghai: " + err.Error())
	}
	return loc
}

// Today returns the calendar date of now in Asia/Shanghai, at midnight.
func Today(now time.Time) time.Time {
	y, m, d := now.In(shanghai).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, shanghai)
}

// Date returns midnight of the given day in Asia/Shanghai.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, shanghai)
}

// ParseDay parses "YYYY-MM-DD" as a day in Asia/Shanghai.
func ParseDay(s string) (time.Time, error) {
	return time.ParseInLocation("2006-01-02", s, shanghai)
}

// InShanghai returns t with a zone-less TOML date or date-time read as
// Asia/Shanghai. BurntSushi/toml gives such values fixed zones named
// "date-local", "datetime-local" and "time-local"; a value with its own
// offset is returned unchanged.
func InShanghai(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	switch t.Location().String() {
	case "date-local", "datetime-local", "time-local", "Local":
		y, m, d := t.Date()
		return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), shanghai)
	}
	return t
}
