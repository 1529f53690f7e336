package tz

import (
	"testing"
	"time"
)

func TestInShanghai(t *testing.T) {
	local := time.Date(2024, 3, 15, 9, 30, 0, 0, time.FixedZone("datetime-local", 0))
	got := InShanghai(local)
	if got.Location() != Shanghai() || got.Hour() != 9 || got.Format("-07:00") != "+08:00" {
		t.Errorf("local date-time became %v", got)
	}
	utc := time.Date(2024, 3, 15, 1, 30, 0, 0, time.UTC)
	if !InShanghai(utc).Equal(utc) || InShanghai(utc).Location() != time.UTC {
		t.Error("a time with its own zone was changed")
	}
	if !InShanghai(time.Time{}).IsZero() {
		t.Error("zero time changed")
	}
}

func TestToday(t *testing.T) {
	// 2024-03-15 17:00 UTC is already 2024-03-16 in Beijing.
	got := Today(time.Date(2024, 3, 15, 17, 0, 0, 0, time.UTC))
	if got.Format("2006-01-02 15:04 -07:00") != "2024-03-16 00:00 +08:00" {
		t.Errorf("Today = %v", got)
	}
}
