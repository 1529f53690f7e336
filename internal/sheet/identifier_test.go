package sheet

import (
	"strings"
	"testing"
)

func TestIdentifier(t *testing.T) {
	csvCell := func(text string) Cell {
		return Cell{Text: Normalize(text), Raw: text, Kind: Text, Column: 3, File: "a.csv", Line: 7, Field: "纳税人识别号"}
	}
	numberCell := func(raw string) Cell {
		return Cell{Text: raw, Raw: raw, Kind: Number, Column: 3, Ref: "C7", File: "a.xlsx", Sheet: "Sheet1", Line: 7, Field: "身份证号码"}
	}
	withText := func(c Cell, text string) Cell { c.Text = text; return c }

	tests := []struct {
		name    string
		cell    Cell
		wantLen int
		want    string
		message string // "" when no error is expected
	}{
		{"text code", csvCell("91150100MA01ABC123"), 18, "91150100MA01ABC123", ""},
		{"text code folded", csvCell(" ９１１５０１００ＭＡ０１ＡＢＣ１２３ "), 18, "91150100MA01ABC123", ""},
		{"text with leading zeros", csvCell("012345"), 6, "012345", ""},
		{"text without fixed length", csvCell("12345"), 0, "12345", ""},
		{"code with E inside", csvCell("9111010812345E6789"), 18, "9111010812345E6789", ""},
		{"empty", Cell{Kind: Empty}, 18, "", ""},
		{"text scientific", csvCell("9.13501E+17"), 18, "", "科学计数法"},
		{"text scientific lower case", csvCell("1.23457e+16"), 0, "", "科学计数法"},
		{"text scientific negative exponent", csvCell("1E-05"), 0, "", "科学计数法"},
		{"text too short digits", csvCell("12345"), 6, "", "只有 5 位数字，应为 6 位"},
		{"number 15 digits", numberCell("123456789012345"), 0, "123456789012345", ""},
		{"number of right length", numberCell("15010023"), 8, "15010023", ""},
		{"number 16 digits", numberCell("1234567890123450"), 0, "", "只保留 15 位有效数字"},
		{"number scientific raw", withText(numberCell("9.13501E+17"), "913501000000000000"), 18, "", "这个 18 位编号"},
		{"number lost zero", numberCell("12345"), 6, "", "开头的 0 已经丢失"},
		{"number fraction", numberCell("12.5"), 0, "", "不是正整数"},
		{"number negative", numberCell("-12"), 0, "", "不是正整数"},
		{"date", Cell{Kind: Date, Text: "2024-01-02", Raw: "45293", Ref: "C7", Line: 7}, 0, "", "识别成了日期"},
		{"bool", Cell{Kind: Bool, Text: "TRUE", Raw: "1", Ref: "C7", Line: 7}, 0, "", "逻辑值"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, e := Identifier(tt.cell, tt.wantLen)
			if tt.message == "" {
				if e != nil || got != tt.want {
					t.Errorf("got %q, %v; want %q and no error", got, e, tt.want)
				}
				return
			}
			if e == nil {
				t.Fatalf("no error; returned %q", got)
			}
			if got != "" {
				t.Errorf("returned %q with the error, want \"\"", got)
			}
			if !strings.Contains(e.Message, tt.message) {
				t.Errorf("message %q does not contain %q", e.Message, tt.message)
			}
			if e.Line != 7 || e.Value == "" || e.Hint != identifierHint {
				t.Errorf("error = %+v", e)
			}
			if tt.cell.Ref != "" && !strings.Contains(e.Message, "C7") {
				t.Errorf("message %q does not name the cell", e.Message)
			}
		})
	}
}
