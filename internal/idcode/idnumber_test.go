package idcode

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// testToday is the date the ID tests check birth dates against.
var testToday = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

// Check character of 11010519491231002X worked by hand (weights 7 9 10 5 8
// 4 2 1 6 3 7 9 10 5 8 4 2):
//
//	1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7
//	+ 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
//	= 7 + 9 + 5 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 4 = 167
//	167 mod 11 = 2, and "10X98765432"[2] = X.
const handCheckedIDNumber = "11010519491231002X"

func TestIDNumberHandChecked(t *testing.T) {
	if got, err := IDCheckChar(handCheckedIDNumber[:17]); err != nil || got != 'X' {
		t.Errorf("IDCheckChar(%q) = %q, %v; want 'X', nil", handCheckedIDNumber[:17], got, err)
	}
	if p := CheckIDNumber(handCheckedIDNumber, testToday); p != nil {
		t.Errorf("CheckIDNumber(%q) = %+v, want nil", handCheckedIDNumber, *p)
	}
}

func TestNormalizeIDNumber(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"already normal", "11010519491231002X", "11010519491231002X"},
		{"lower-case x", "11010519491231002x", "11010519491231002X"},
		{"surrounding spaces", " 11010519491231002X\u3000", "11010519491231002X"},
		{"full-width", "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"},
		{"inner space stays", "110105 19491231", "110105 19491231"},
		{"letter O stays", "1101O5", "1101O5"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeIDNumber(tt.in); got != tt.want {
				t.Errorf("NormalizeIDNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCheckIDNumberValid(t *testing.T) {
	ids := []string{
		"11010519491231002X",
		makeIDNumber(t, "150204", "19870512", "123"),
		makeIDNumber(t, "440304", "20000229", "123"), // leap day
		makeIDNumber(t, "650102", "19000101", "001"), // earliest date
		makeIDNumber(t, "910102", "19850704", "001"), // first digit 9
		makeIDNumber(t, "110105", "20260301", "002"), // born today
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			if p := CheckIDNumber(id, testToday); p != nil {
				t.Errorf("CheckIDNumber(%q) = %+v, want nil", id, *p)
			}
		})
	}
}

func TestCheckIDNumberNormalizedInput(t *testing.T) {
	for _, in := range []string{"11010519491231002x", " １１０１０５１９４９１２３１００２Ｘ "} {
		id := NormalizeIDNumber(in)
		if p := CheckIDNumber(id, testToday); p != nil {
			t.Errorf("CheckIDNumber(NormalizeIDNumber(%q)) = %+v, want nil", in, *p)
		}
	}
}

func TestCheckIDNumberProblems(t *testing.T) {
	const dateHint = "第 7 至 14 位是出生日期（年 4 位、月 2 位、日 2 位），请对照证件核对"

	tests := []struct {
		name string
		id   string
		want Problem
	}{
		{"empty", "", Problem{
			Message: "身份证号码为空",
			Hint:    "请填写 18 位居民身份证号码",
		}},
		{"17 digits", "11010519491231002", Problem{
			Message: "身份证号码应为 18 位，实际是 17 位",
			Hint:    "请对照证件核对，是否多输或漏输了数字",
		}},
		{"19 digits", "11010519491231002X1", Problem{
			Message: "身份证号码应为 18 位，实际是 19 位",
			Hint:    "请对照证件核对，是否多输或漏输了数字",
		}},
		{"old 15-digit number", "110105491231002", Problem{
			Message: "身份证号码应为 18 位，实际是 15 位",
			Hint:    "15 位的是 1999 年以前签发的旧号码，请向当事人核实后改填 18 位号码",
		}},
		{"grouped with spaces", "110105 19491231 002X", Problem{
			Message: "身份证号码应为 18 位，实际是 20 位",
			Hint:    "号码中间不能有空格或分隔符，请删除后再核对位数",
		}},
		{"letter O", "1101O519491231002X", Problem{
			Message: "第 5 位应为数字，实际是“O”",
			Hint:    "字母 O 容易与数字 0 混淆，请对照证件核对；如果是数字，请改为 0",
		}},
		{"lower-case l", "l1010519491231002X", Problem{
			Message: "第 1 位应为数字，实际是“l”",
			Hint:    "字母 l 容易与数字 1 混淆，请对照证件核对；如果是数字，请改为 1",
		}},
		{"other letter", "11010A19491231002X", Problem{
			Message: "第 6 位应为数字，实际是“A”",
			Hint:    "请对照证件改正这一位",
		}},
		{"X before position 18", "1101051949123100XX", Problem{
			Message: "第 17 位应为数字，实际是“X”",
			Hint:    "请对照证件改正这一位",
		}},
		{"inner space", "1101051949123100 X", Problem{
			Message: "第 17 位应为数字，实际是空格",
			Hint:    "请对照证件改正这一位",
		}},
		{"full-width digit", "１1010519491231002X", Problem{
			Message: "第 1 位“１”是全角字符",
			Hint:    "请改为半角字符“1”",
		}},
		{"lower-case x", "11010519491231002x", Problem{
			Message: "第 18 位是小写字母“x”，应为大写字母 X",
			Hint:    "请改为大写字母“X”",
		}},
		{"full-width x", "11010519491231002ｘ", Problem{
			Message: "第 18 位“ｘ”是全角字符",
			Hint:    "请改为半角字符“X”",
		}},
		{"other check letter", "11010519491231002Y", Problem{
			Message: "第 18 位应为数字或字母 X，实际是“Y”",
			Hint:    "请对照证件改正这一位",
		}},
		{"invalid UTF-8", "1101051949123100\xff2", Problem{
			Message: "第 17 位应为数字，实际是无效字节 0xFF",
			Hint:    "请对照证件改正这一位",
		}},
		{"region starts with 0", "01010519491231002X", Problem{
			Message: "地区码“010105”无效：第 1 位不能是 0",
			Hint:    "前 6 位是户籍所在地的行政区划代码，第 1 位是 1 至 9，请对照证件核对",
		}},
		{"month 13", "110105194913310021", Problem{
			Message: "出生日期“19491331”不存在：月份应为 01 至 12，实际是 13",
			Hint:    dateHint,
		}},
		{"month 00", "110105194900310021", Problem{
			Message: "出生日期“19490031”不存在：月份应为 01 至 12，实际是 00",
			Hint:    dateHint,
		}},
		{"day 00", "110105194912000021", Problem{
			Message: "出生日期“19491200”不存在：日不能是 00",
			Hint:    dateHint,
		}},
		{"30 April", "110105194904310021", Problem{
			Message: "出生日期“19490431”不存在：1949 年 4 月只有 30 天",
			Hint:    dateHint,
		}},
		{"1900 is no leap year", "110105190002290021", Problem{
			Message: "出生日期“19000229”不存在：1900 年 2 月只有 28 天",
			Hint:    dateHint,
		}},
		{"before 1900", "110105189912310021", Problem{
			Message: "出生日期“18991231”早于 1900 年",
			Hint:    dateHint,
		}},
		{"tomorrow", makeIDNumber(t, "110105", "20260302", "001"), Problem{
			Message: "出生日期“20260302”晚于今天（2026-03-01）",
			Hint:    dateHint,
		}},
		{"check character", "110105194912310021", Problem{
			Message: "第 18 位校验码应为 X，实际是 1",
			Hint:    "请对照证件逐位核对，常见原因是某一位输错或相邻两位颠倒",
		}},
		{"swapped digits", "11010519491231020X", Problem{
			Message: "第 18 位校验码应为 6，实际是 X",
			Hint:    "请对照证件逐位核对，常见原因是某一位输错或相邻两位颠倒",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckIDNumber(tt.id, testToday)
			if got == nil {
				t.Fatalf("CheckIDNumber(%q) = nil, want %+v", tt.id, tt.want)
			}
			if got.Message != tt.want.Message {
				t.Errorf("CheckIDNumber(%q).Message = %q, want %q", tt.id, got.Message, tt.want.Message)
			}
			if got.Hint != tt.want.Hint {
				t.Errorf("CheckIDNumber(%q).Hint = %q, want %q", tt.id, got.Hint, tt.want.Hint)
			}
			if got.Warning {
				t.Errorf("CheckIDNumber(%q).Warning = true, want false", tt.id)
			}
		})
	}
}

func TestCheckIDNumberUsesTodaysLocation(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*60*60)
	// 00:30 on 1 May in Beijing time is still 30 April in UTC.
	today := time.Date(2024, 5, 1, 0, 30, 0, 0, shanghai)
	bornToday := makeIDNumber(t, "110105", "20240501", "001")
	bornTomorrow := makeIDNumber(t, "110105", "20240502", "001")

	if p := CheckIDNumber(bornToday, today); p != nil {
		t.Errorf("CheckIDNumber(%q, %v) = %+v, want nil", bornToday, today, *p)
	}
	if p := CheckIDNumber(bornTomorrow, today); p == nil {
		t.Errorf("CheckIDNumber(%q, %v) = nil, want a future-date problem", bornTomorrow, today)
	}
}

func TestIDCheckChar(t *testing.T) {
	// 1101051949123100d has Σ = 163 + 2d, and 163 mod 11 = 9, so
	// r = (9 + 2d) mod 11. 1101051949123101d adds 4 to Σ: r = (2 + 2d) mod 11.
	// Together the rows cover every r from 0 to 10.
	tests := []struct {
		first17 string
		want    byte
	}{
		{"11010519491231000", '3'}, // r = 9
		{"11010519491231001", '1'}, // r = 0
		{"11010519491231002", 'X'}, // r = 2
		{"11010519491231003", '8'}, // r = 4
		{"11010519491231004", '6'}, // r = 6
		{"11010519491231005", '4'}, // r = 8
		{"11010519491231006", '2'}, // r = 10
		{"11010519491231007", '0'}, // r = 1
		{"11010519491231008", '9'}, // r = 3
		{"11010519491231009", '7'}, // r = 5
		{"11010519491231018", '5'}, // r = 7
		{"15020419870512123", '9'},
	}
	for _, tt := range tests {
		got, err := IDCheckChar(tt.first17)
		if err != nil || got != tt.want {
			t.Errorf("IDCheckChar(%q) = %q, %v; want %q, nil", tt.first17, got, err, tt.want)
		}
	}
}

func TestIDCheckCharErrors(t *testing.T) {
	tests := []struct{ name, first17, want string }{
		{"too short", "1101051949123100", `idcode: ID number prefix "1101051949123100" has 16 digits, want 17`},
		{"too long", "11010519491231002X", `idcode: ID number prefix "11010519491231002X" has 'X' at position 18, want an ASCII digit`},
		{"full-width digit", "１1010519491231002", `idcode: ID number prefix "１1010519491231002" has '１' at position 1, want an ASCII digit`},
		{"letter", "1101051949123100X", `idcode: ID number prefix "1101051949123100X" has 'X' at position 17, want an ASCII digit`},
		{"invalid UTF-8", "1101051949123100\xff", `idcode: ID number prefix "1101051949123100\xff" has '�' at position 17, want an ASCII digit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := IDCheckChar(tt.first17)
			if err == nil || err.Error() != tt.want {
				t.Errorf("IDCheckChar(%q) error = %v, want %s", tt.first17, err, tt.want)
			}
		})
	}
}

func FuzzCheckIDNumber(f *testing.F) {
	for _, seed := range []string{
		"11010519491231002X", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ",
		"", "110105491231002", "110105194902290021", "01010519491231002X", "1101051949123100\xff2",
	} {
		f.Add(seed, uint32(0))
	}

	earliest := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	days := uint32(testToday.Sub(earliest).Hours()/24) + 1

	f.Fuzz(func(t *testing.T, s string, n uint32) {
		problem := CheckIDNumber(s, testToday)
		normalized := NormalizeIDNumber(s)

		if again := NormalizeIDNumber(normalized); again != normalized {
			t.Errorf("NormalizeIDNumber not idempotent: %q → %q → %q", s, normalized, again)
		}

		if problem == nil {
			if normalized != s {
				t.Errorf("valid ID number %q changes under NormalizeIDNumber to %q", s, normalized)
			}
		} else {
			if problem.Warning {
				t.Errorf("CheckIDNumber(%q) = %+v, want an error, not a warning", s, *problem)
			}
			if problem.Message == "" || problem.Hint == "" {
				t.Errorf("CheckIDNumber(%q) = %+v, want a message and a hint", s, *problem)
			}
			if !utf8.ValidString(problem.Message) || !utf8.ValidString(problem.Hint) {
				t.Errorf("CheckIDNumber(%q) = %+v, want valid UTF-8", s, *problem)
			}
		}

		trimmed := strings.TrimSpace(s)
		masked := MaskIDNumber(s)
		if trimmed != "" && !strings.Contains(masked, "*") {
			t.Errorf("MaskIDNumber(%q) = %q, want at least one character hidden", s, masked)
		}
		if utf8.RuneCountInString(masked) != utf8.RuneCountInString(trimmed) {
			t.Errorf("MaskIDNumber(%q) = %q, want %d characters", s, masked, utf8.RuneCountInString(trimmed))
		}

		// An ID number built from n with IDCheckChar is valid, and masking
		// it hides the birth date.
		birth := earliest.AddDate(0, 0, int(n%days)).Format("20060102")
		region := fmt.Sprintf("%06d", 100000+n%900000)
		sequence := fmt.Sprintf("%03d", n%1000)
		built := makeIDNumber(t, region, birth, sequence)

		if p := CheckIDNumber(built, testToday); p != nil {
			t.Errorf("CheckIDNumber(%q) of a built ID number = %+v, want nil", built, *p)
		}
		if got := NormalizeIDNumber(built); got != built {
			t.Errorf("NormalizeIDNumber(%q) = %q, want it unchanged", built, got)
		}
		if masked := MaskIDNumber(built); masked[6:14] != "********" || masked[:6] != region || masked[14:] != built[14:] {
			t.Errorf("MaskIDNumber(%q) = %q, want %s********%s", built, masked, region, built[14:])
		}
	})
}

// makeIDNumber builds an ID number with a correct check character.
func makeIDNumber(t *testing.T, region, birth, sequence string) string {
	t.Helper()
	first17 := region + birth + sequence
	c, err := IDCheckChar(first17)
	if err != nil {
		t.Fatal(err)
	}
	return first17 + string(c)
}
