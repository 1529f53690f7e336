package idcode

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMaskName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"two characters", "张三", "张某"},
		{"three characters", "李小龙", "李某"},
		{"compound surname", "欧阳修", "欧阳某"},
		{"compound surname, long given name", "欧阳娜娜", "欧阳某"},
		{"compound surname 司马", "司马光", "司马某"},
		{"compound surname 诸葛", "诸葛亮", "诸葛某"},
		{"compound surname 万俟", "万俟卨", "万俟某"},
		{"compound surname 第五", "第五伦", "第五某"},
		{"compound surname 单于", "单于大", "单于某"},
		{"two characters starting like a compound", "欧阳", "欧某"},
		{"single surname 单", "单田芳", "单某"},
		{"middle dot", "买买提·艾力", "买买提·某"},
		{"several middle dots", "阿卜杜勒·买买提·艾力", "阿卜杜勒·某"},
		{"katakana middle dot", "买买提・艾力", "买买提・某"},
		{"bullet", "买买提•艾力", "买买提•某"},
		{"full stop as dot", "买买提.艾力", "买买提.某"},
		{"leading dot", "·艾力", "某"},
		{"one character", "张", "某"},
		{"alignment space", "张　三", "张某"},
		{"surrounding spaces", " 王五 ", "王某"},
		{"already masked", "张某", "张某"},
		{"Latin letters", "John Smith", "J某"},
		{"empty", "", ""},
		{"only spaces", " \u3000", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaskName(tt.in); got != tt.want {
				t.Errorf("MaskName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskNameTwiceIsOnce(t *testing.T) {
	for _, name := range []string{"张三", "欧阳修", "买买提·艾力", "张", "某", "李小龙"} {
		once := MaskName(name)
		if twice := MaskName(once); twice != once {
			t.Errorf("MaskName(MaskName(%q)) = %q, want %q", name, twice, once)
		}
	}
}

func TestMaskIDNumber(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"18 digits", "150204198705121239", "150204********1239"},
		{"check character X", "11010519491231002X", "110105********002X"},
		{"lower-case x", "11010519491231002x", "110105********002x"},
		{"full-width", "１１０１０５１９４９１２３１００２Ｘ", "１１０１０５********００２Ｘ"},
		{"surrounding spaces", " 11010519491231002X ", "110105********002X"},
		{"18 characters, invalid", "ABCDEFGHIJKLMNOPQR", "ABCDEF********OPQR"},
		{"old 15 digits", "110105491231002", "11***********02"},
		{"17 digits", "11010519491231002", "11*************02"},
		{"5 characters", "12345", "12*45"},
		{"4 characters", "1234", "****"},
		{"1 character", "1", "*"},
		{"Han characters", "身份证号码不详", "身份***不详"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaskIDNumber(tt.in); got != tt.want {
				t.Errorf("MaskIDNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskIDNumberNeverReturnsInput(t *testing.T) {
	for n := 1; n <= 30; n++ {
		id := strings.Repeat("7", n)
		got := MaskIDNumber(id)
		if got == id {
			t.Errorf("MaskIDNumber(%q) returned the input unmasked", id)
		}
		if utf8.RuneCountInString(got) != n {
			t.Errorf("MaskIDNumber(%q) = %q, want %d characters", id, got, n)
		}
	}
}

func TestMaskPersonalNumbers(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ID number in a sentence",
			"当事人张三（身份证号码11010519491231002X）未按期申报。",
			"当事人张三（身份证号码110105********002X）未按期申报。"},
		{"lower-case x",
			"身份证号：11010519491231002x。",
			"身份证号：110105********002x。"},
		{"mobile number",
			"联系电话13812345678，",
			"联系电话138****5678，"},
		{"mobile number with country code",
			"电话+8613812345678",
			"电话+86138****5678"},
		{"mobile number grouped",
			"电话 138-1234-5678 或 139 8765 4321。",
			"电话 138-****-5678 或 139 **** 4321。"},
		{"bank card 16 digits",
			"账号6222021234567894收取",
			"账号6222********7894收取"},
		{"bank card 19 digits grouped",
			"账号 6228 4800 1234 5678 903，",
			"账号 6228 **** **** ***8 903，"},
		{"ID number grouped",
			"身份证 110105 19491231 002X 。",
			"身份证 110105 ******** 002X 。"},
		{"full-width ID number and mobile",
			"号码１１０１０５１９４９１２３１００２Ｘ，电话１３８１２３４５６７８",
			"号码１１０１０５********００２Ｘ，电话１３８****５６７８"},
		{"several numbers",
			"13812345678、13987654321",
			"138****5678、139****4321"},
		{"article number",
			"违反《中华人民共和国税收征收管理法》第18条、第六十三条的规定",
			"违反《中华人民共和国税收征收管理法》第18条、第六十三条的规定"},
		{"20-digit run",
			"编号12345678901234567890",
			"编号12345678901234567890"},
		{"20-digit run containing an ID number",
			"11010519491231002X" + "12",
			"110105********002X12"},
		{"ID number inside 19 digits",
			"110105194912310021" + "9",
			"110105194912310021" + "9"},
		{"15-digit run",
			"流水号622202123456789",
			"流水号622202123456789"},
		{"18 digits failing both checks",
			"文号110105194912310021",
			"文号110105194912310021"},
		{"Luhn-invalid 16 digits",
			"账号6222021234567890",
			"账号6222021234567890"},
		{"12-digit run starting like a mobile",
			"138123456789",
			"138123456789"},
		{"mobile prefix 12",
			"12812345678",
			"12812345678"},
		{"86 without plus",
			"8613812345678",
			"8613812345678"},
		{"grouped number with an extra group",
			"138 1234 5678 9",
			"138 1234 5678 9"},
		{"date",
			"2024-01-15 13812345678",
			"2024-01-15 138****5678"},
		{"credit code",
			"统一社会信用代码91350100M000100Y43",
			"统一社会信用代码91350100M000100Y43"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaskPersonalNumbers(tt.in); got != tt.want {
				t.Errorf("MaskPersonalNumbers(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskPersonalNumbersMatchesMaskIDNumber(t *testing.T) {
	for _, id := range []string{"11010519491231002X", "150204198705121239", "１１０１０５１９４９１２３１００２Ｘ"} {
		got := MaskPersonalNumbers(id)
		if want := MaskIDNumber(id); got != want {
			t.Errorf("MaskPersonalNumbers(%q) = %q, MaskIDNumber = %q", id, got, want)
		}
	}
}

// TestMaskPersonalNumbersGolden masks the free text in testdata/*.txt and
// compares it with the .golden file next to it. Run with -update to
// rewrite the golden files after checking the output by eye.
func TestMaskPersonalNumbersGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.txt input found")
	}

	for _, input := range inputs {
		t.Run(filepath.Base(input), func(t *testing.T) {
			text, err := os.ReadFile(input)
			if err != nil {
				t.Fatal(err)
			}
			got := MaskPersonalNumbers(string(text))

			golden := strings.TrimSuffix(input, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}

			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("MaskPersonalNumbers(%s) differs from %s\n got: %s\nwant: %s", input, golden, got, want)
			}
		})
	}
}

func FuzzMaskPersonalNumbers(f *testing.F) {
	for _, seed := range []string{
		"当事人（身份证号码11010519491231002X）",
		"电话13812345678、+8613812345678、138 1234 5678",
		"账号6222021234567894，6228 4800 1234 5678 903",
		"１１０１０５１９４９１２３１００２ｘ１３８１２３４５６７８",
		"第18条 12345678901234567890 622202123456789",
		"110105 19491231 002X",
		"11010519491231002X12",
		"\xff13812345678\xfe",
	} {
		f.Add(seed)
	}

	f.Fuzz(func(t *testing.T, text string) {
		matches := FindPersonalNumbers(text)
		out := MaskPersonalNumbers(text)

		// Character boundaries as a range loop yields them, with each
		// invalid byte a character of its own.
		boundaries := map[int]bool{len(text): true}
		for i := range text {
			boundaries[i] = true
		}

		end := 0
		for _, m := range matches {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("FindPersonalNumbers(%q) = %v, want ordered, non-empty, non-overlapping ranges", text, matches)
			}
			if !boundaries[m.Start] || !boundaries[m.End] {
				t.Errorf("FindPersonalNumbers(%q): match %v does not fall on character boundaries", text, m)
			}
			if m.Kind != KindID && m.Kind != KindMobile && m.Kind != KindBankCard {
				t.Errorf("FindPersonalNumbers(%q): match %v has an unknown kind", text, m)
			}
			end = m.End
		}

		if utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Errorf("MaskPersonalNumbers(%q) = %q, not valid UTF-8", text, out)
		}
		if utf8.RuneCountInString(out) != utf8.RuneCountInString(text) {
			t.Errorf("MaskPersonalNumbers(%q) = %q, want the same number of characters", text, out)
		}
		// Masking again may find new numbers in the masked text, but it
		// only ever hides more.
		again := []rune(MaskPersonalNumbers(out))
		if len(again) != utf8.RuneCountInString(out) {
			t.Fatalf("MaskPersonalNumbers(%q) = %q, want the same number of characters", out, string(again))
		}
		for i, r := range []rune(out) {
			if again[i] != r && again[i] != '*' {
				t.Errorf("MaskPersonalNumbers(%q) = %q, changed %q to %q", out, string(again), r, again[i])
				break
			}
		}

		left := make(map[string]bool)
		for _, run := range fuzzDigitRuns(out) {
			left[run] = true
		}
		for _, run := range fuzzDigitRuns(text) {
			if isSensitiveRun(run) && left[run] {
				t.Errorf("MaskPersonalNumbers(%q) = %q, still showing %s", text, out, run)
			}
		}
	})
}

// fuzzDigitRuns returns the maximal runs of ASCII or full-width digits in
// text, folded to ASCII, each with a directly following X (either width or
// case) appended as X. It is written apart from digitRuns so that the fuzz
// test does not trust the code it checks.
func fuzzDigitRuns(text string) []string {
	folded := []rune(strings.Map(func(r rune) rune {
		switch {
		case '０' <= r && r <= '９':
			return r - '０' + '0'
		case r == 'x' || r == 'Ｘ' || r == 'ｘ':
			return 'X'
		}
		return r
	}, text))

	var runs []string
	for i := 0; i < len(folded); {
		if folded[i] < '0' || folded[i] > '9' {
			i++
			continue
		}

		j := i
		for j < len(folded) && '0' <= folded[j] && folded[j] <= '9' {
			j++
		}
		run := string(folded[i:j])
		if j < len(folded) && folded[j] == 'X' {
			run += "X"
		}
		runs = append(runs, run)
		i = j
	}
	return runs
}

// isSensitiveRun reports whether a run from fuzzDigitRuns is a valid ID
// number or a Luhn-valid 16–19 digit card number, judged by the public API
// and an independent Luhn sum.
func isSensitiveRun(run string) bool {
	farFuture := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

	digits := strings.TrimSuffix(run, "X")
	followedByX := digits != run

	switch {
	case len(digits) == 18 && CheckIDNumber(digits, farFuture) == nil:
		return true
	case len(digits) == 17 && followedByX && CheckIDNumber(run, farFuture) == nil:
		return true
	default:
		return 16 <= len(digits) && len(digits) <= 19 && fuzzLuhn(digits)
	}
}

func fuzzLuhn(digits string) bool {
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			d = d*2%10 + d*2/10
		}
		sum += d
	}
	return sum%10 == 0
}
