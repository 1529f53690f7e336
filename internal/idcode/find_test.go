package idcode

import (
	"strings"
	"testing"
)

// found is a match written as its kind and the text it covers.
type found struct{ kind, text string }

func TestFindPersonalNumbers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"ID number", "身份证号码11010519491231002X。", []found{{KindID, "11010519491231002X"}}},
		{"ID number with lower-case x", "号码11010519491231002x", []found{{KindID, "11010519491231002x"}}},
		{"ID number of 18 digits", "150204198705121239", []found{{KindID, "150204198705121239"}}},
		{"full-width ID number", "号码１１０１０５１９４９１２３１００２Ｘ，", []found{{KindID, "１１０１０５１９４９１２３１００２Ｘ"}}},
		{"mixed-width ID number", "110105１９４９１２３１002ｘ", []found{{KindID, "110105１９４９１２３１002ｘ"}}},
		{"ID number followed by digits", "11010519491231002X12", []found{{KindID, "11010519491231002X"}}},
		{"ID number grouped", "110105 19491231 002X", []found{{KindID, "110105 19491231 002X"}}},
		{"ID number grouped with hyphens", "150204-19870512-1239", []found{{KindID, "150204-19870512-1239"}}},
		// 110105202405010011 passes the ID check and the Luhn check.
		{"ID number before bank card", "110105202405010011", []found{{KindID, "110105202405010011"}}},
		{"mobile", "电话13812345678。", []found{{KindMobile, "13812345678"}}},
		{"mobile prefix 19", "19912345678", []found{{KindMobile, "19912345678"}}},
		{"mobile after +86", "+8613812345678", []found{{KindMobile, "+8613812345678"}}},
		{"mobile after full-width +86", "＋８６１３８１２３４５６７８", []found{{KindMobile, "＋８６１３８１２３４５６７８"}}},
		{"mobile grouped", "138 1234 5678", []found{{KindMobile, "138 1234 5678"}}},
		{"mobile grouped with ideographic spaces", "138\u30001234\u30005678", []found{{KindMobile, "138\u30001234\u30005678"}}},
		{"full-width mobile", "１３８１２３４５６７８", []found{{KindMobile, "１３８１２３４５６７８"}}},
		{"bank card 16 digits", "6222021234567894", []found{{KindBankCard, "6222021234567894"}}},
		{"bank card 19 digits", "6228480012345678903", []found{{KindBankCard, "6228480012345678903"}}},
		{"bank card grouped", "卡号 6222 0212 3456 7894 。", []found{{KindBankCard, "6222 0212 3456 7894"}}},
		{"bank card grouped 4-4-4-4-3", "6228-4800-1234-5678-903", []found{{KindBankCard, "6228-4800-1234-5678-903"}}},
		{"bank card then mobile", "6222021234567894 13812345678", []found{
			{KindBankCard, "6222021234567894"}, {KindMobile, "13812345678"},
		}},
		{"several kinds", "A11010519491231002X,13812345678;6222021234567894", []found{
			{KindID, "11010519491231002X"}, {KindMobile, "13812345678"}, {KindBankCard, "6222021234567894"},
		}},

		{"article number", "第18条第2款", nil},
		{"20-digit run", "12345678901234567890", nil},
		{"21-digit run", "113812345678123456789", nil},
		{"15-digit run is no card", "622202123456782", nil},
		{"15 digits grouped is no card", "6222 0212 3456 782", nil},
		{"Luhn-invalid card", "6222021234567890", nil},
		{"12-digit run", "138123456789", nil},
		{"10-digit run", "1381234567", nil},
		{"mobile prefix 12", "12812345678", nil},
		{"86 without plus", "8613812345678", nil},
		{"ID check character wrong", "110105194912310021", nil},
		{"ID date impossible", "110105194913310021", nil},
		{"ID before 1900", "110105189912310021", nil},
		{"ID region 0", makeIDNumberFromParts("010105", "19491231", "002"), nil},
		{"grouped with an extra group", "138 1234 5678 9", nil},
		{"separated by two spaces", "138  1234  5678", nil},
		{"card grouping too short", "6222 0212 3456", nil},
		{"date", "2024-01-15", nil},
		{"amount", "1234567.89元", nil},
		{"credit code", "91350100M000100Y43", nil},
		{"empty", "", nil},
		{"no digits", "无", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []found
			for _, m := range FindPersonalNumbers(tt.text) {
				got = append(got, found{m.Kind, tt.text[m.Start:m.End]})
			}

			if len(got) != len(tt.want) {
				t.Fatalf("FindPersonalNumbers(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("FindPersonalNumbers(%q)[%d] = %q, want %q", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFindPersonalNumbersByteOffsets(t *testing.T) {
	text := "号码：１３８１２３４５６７８"
	start := strings.Index(text, "１")

	got := FindPersonalNumbers(text)
	want := []Match{{Start: start, End: len(text), Kind: KindMobile}}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("FindPersonalNumbers(%q) = %v, want %v", text, got, want)
	}
}

func TestFindByKind(t *testing.T) {
	text := "11010519491231002X 13812345678 6222021234567894 13987654321"

	tests := []struct {
		name string
		find func(string) []Match
		want []string
	}{
		{"FindIDNumbers", FindIDNumbers, []string{"11010519491231002X"}},
		{"FindMobileNumbers", FindMobileNumbers, []string{"13812345678", "13987654321"}},
		{"FindBankCardNumbers", FindBankCardNumbers, []string{"6222021234567894"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range tt.find(text) {
				got = append(got, text[m.Start:m.End])
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("%s(%q) = %q, want %q", tt.name, text, got, tt.want)
			}
		})
	}
}

func TestLuhnValid(t *testing.T) {
	tests := []struct {
		digits string
		want   bool
	}{
		// The usual worked example: 7992739871 with check digit 3.
		{"79927398713", true},
		{"79927398710", false},
		{"6222021234567894", true},
		{"6222021234567890", false},
		{"622202123456782", true},
		{"0", true},
		{"18", true},
		{"19", false},
	}
	for _, tt := range tests {
		if got := luhnValid(tt.digits); got != tt.want {
			t.Errorf("luhnValid(%q) = %v, want %v", tt.digits, got, tt.want)
		}
	}
}

// makeIDNumberFromParts builds an ID number with a correct check character
// outside a test function, and panics on bad input.
func makeIDNumberFromParts(region, birth, sequence string) string {
	first17 := region + birth + sequence
	c, err := IDCheckChar(first17)
	if err != nil {
		panic("BUG: " + err.Error())
	}
	return first17 + string(c)
}
