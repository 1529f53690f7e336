package sheet

import (
	"strings"
	"testing"
	"time"
)

func TestSerialToTime(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		serial   float64
		date1904 bool
		want     time.Time
	}{
		{"1900 first day", 1, false, day(1900, time.January, 1)},
		{"1900 before fake leap day", 59, false, day(1900, time.February, 28)},
		{"1900 after fake leap day", 61, false, day(1900, time.March, 1)},
		{"1900 2024-01-01", 45292, false, day(2024, time.January, 1)},
		{"1900 last day", 2958465, false, day(9999, time.December, 31)},
		{"1900 with time", 45292.75, false, time.Date(2024, time.January, 1, 18, 0, 0, 0, time.UTC)},
		{"1900 rounds to next day", 45292.99999999999, false, day(2024, time.January, 2)},
		{"1904 epoch", 0, true, day(1904, time.January, 1)},
		{"1904 2024-01-01", 45292 - 1462, true, day(2024, time.January, 1)},
		{"1904 1904-03-01", 60, true, day(1904, time.March, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := serialToTime(tt.serial, tt.date1904)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("serialToTime(%v, %v) = %v, want %v", tt.serial, tt.date1904, got, tt.want)
			}
		})
	}
}

func TestSerialToTimeErrors(t *testing.T) {
	tests := []struct {
		name    string
		serial  float64
		message string
	}{
		{"zero", 0, "日期为 0"},
		{"fake leap day", 60, "1900-02-29"},
		{"fake leap day afternoon", 60.5, "1900-02-29"},
		{"negative", -1, "负数"},
		{"after 9999", 2958466, "9999-12-31"},
		{"huge", 1e300, "9999-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := serialToTime(tt.serial, false)
			if err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("serialToTime(%v) error = %v, want one containing %q", tt.serial, err, tt.message)
			}
		})
	}
}

func TestParseISODate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2024-01-01T00:00:00Z", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"2024-01-01T23:30:00+08:00", time.Date(2024, 1, 1, 23, 30, 0, 0, time.UTC), true},
		{"2024-01-01T08:15:00.5", time.Date(2024, 1, 1, 8, 15, 0, 5e8, time.UTC), true},
		{"2024-01-01", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"2024/01/01", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := parseISODate(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("parseISODate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1200000, "1200000"},
		{1.2e6, "1200000"},
		{0.5, "0.5"},
		{-3.25, "-3.25"},
		{0, "0"},
		{0.1 + 0.2, "0.3"},
		{9.13501e17, "913501000000000000"},
		{150102199001011234, "150102199001011000"},
		{1e-7, "0.0000001"},
		{123456789012345, "123456789012345"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsDateFormatCode(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"yyyy-mm-dd", true},
		{"m/d/yy", true},
		{`yyyy"年"m"月"d"日"`, true},
		{"[$-F800]dddd, mmmm dd, yyyy", true},
		{"mmm", true},
		{"h:mm:ss", false},
		{"mm:ss", false},
		{"[mm]:ss", false},
		{"[h]", false},
		{"General", false},
		{"0.00E+00", false},
		{`#,##0.00" 元"`, false},
		{`\d0`, false},
		{"[Red]0.00", false},
		{"@", false},
		{`"unterminated`, false},
		{"[unterminated", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isDateFormatCode(tt.code); got != tt.want {
			t.Errorf("isDateFormatCode(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
