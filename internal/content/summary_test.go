package content

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSummarize(t *testing.T) {
	tests := []struct {
		name     string
		plain    string
		maxRunes int
		want     string
	}{
		{"cut inside Chinese", "纳税人应当依照法律规定办理纳税申报", 6, "纳税人应当依…"},
		{"exact length not cut", "依法纳税", 4, "依法纳税"},
		{"shorter text not cut", "依法纳税", 10, "依法纳税"},
		{"one over the limit", "依法纳税人", 4, "依法纳税…"},
		{"whitespace collapsed", "  依法 \n\t 纳税  ", 10, "依法 纳税"},
		{"whitespace collapsed before counting", "a   b   c   d", 5, "a b c…"},
		{"emoji counted as one rune", "😀😀😀😀", 2, "😀😀…"},
		{"four-byte Han", "𠀀𠀁𠀂", 2, "𠀀𠀁…"},
		{"trailing comma dropped", "依法纳税，按期申报", 5, "依法纳税…"},
		{"dangling opening bracket dropped", "依照《税收征收管理法》", 3, "依照…"},
		{"dangling space dropped", "Pay your taxes on time", 4, "Pay…"},
		{"only brackets kept rather than emptied", "《《《《", 2, "《《…"},
		{"zero limit", "依法纳税", 0, ""},
		{"negative limit", "依法纳税", -1, ""},
		{"empty text", "", 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.plain, tt.maxRunes)
			if got != tt.want {
				t.Errorf("Summarize(%q, %d) = %q, want %q", tt.plain, tt.maxRunes, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Summarize(%q, %d) = %q is not valid UTF-8", tt.plain, tt.maxRunes, got)
			}
		})
	}
}

func TestSummarizeLengthBound(t *testing.T) {
	text := strings.Repeat("税务公告 tax notice 😀 ", 20)
	for limit := 1; limit < 120; limit++ {
		got := Summarize(text, limit)
		if !utf8.ValidString(got) {
			t.Fatalf("limit %d: invalid UTF-8 %q", limit, got)
		}
		body := strings.TrimSuffix(got, "…")
		if n := utf8.RuneCountInString(body); n > limit {
			t.Errorf("limit %d: %d runes before the ellipsis in %q", limit, n, got)
		}
		if !strings.HasSuffix(got, "…") {
			t.Errorf("limit %d: cut text %q lacks the ellipsis", limit, got)
		}
	}
}

func FuzzSummarize(f *testing.F) {
	f.Add("纳税人应当依照法律规定办理纳税申报", 6)
	f.Add("😀 a\u200d😀", 2)
	f.Fuzz(func(t *testing.T, plain string, maxRunes int) {
		got := Summarize(plain, maxRunes)
		if utf8.ValidString(plain) && !utf8.ValidString(got) {
			t.Fatalf("Summarize(%q, %d) = %q is not valid UTF-8", plain, maxRunes, got)
		}
		if maxRunes <= 0 && got != "" {
			t.Fatalf("Summarize(%q, %d) = %q, want empty", plain, maxRunes, got)
		}
		if n := utf8.RuneCountInString(strings.TrimSuffix(got, "…")); maxRunes > 0 && n > maxRunes {
			t.Fatalf("Summarize(%q, %d) = %q has %d runes", plain, maxRunes, got, n)
		}
	})
}
