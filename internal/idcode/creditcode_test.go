package idcode

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Check characters of 91350100M000100Y43 worked by hand. Alphabet values:
// digits are themselves, M = 21, Y = 30.
//
// Position 18 (weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28):
//
//	9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29
//	+ 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + 30·30 + 4·28
//	= 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640
//	1640 mod 31 = 1640 − 31·52 = 28, and 31 − 28 = 3, the character 3.
//
// Position 17, the 组织机构代码 M000100Y (GB 11714 values M = 22, Y = 34;
// weights 3 7 9 10 5 8 4 2):
//
//	22·3 + 1·5 + 34·2 = 66 + 5 + 68 = 139
//	139 mod 11 = 7, and 11 − 7 = 4, the character 4.
const handCheckedCreditCode = "91350100M000100Y43"

func TestCreditCodeHandChecked(t *testing.T) {
	if got, err := CreditCodeCheckChar(handCheckedCreditCode[:17]); err != nil || got != '3' {
		t.Errorf("CreditCodeCheckChar(%q) = %q, %v; want '3', nil", handCheckedCreditCode[:17], got, err)
	}
	if got, err := OrganizationCodeCheckChar(handCheckedCreditCode[8:16]); err != nil || got != '4' {
		t.Errorf("OrganizationCodeCheckChar(%q) = %q, %v; want '4', nil", handCheckedCreditCode[8:16], got, err)
	}
}

func TestNormalizeCreditCode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"already normal", "91350100M000100Y43", "91350100M000100Y43"},
		{"surrounding spaces", "  91350100M000100Y43\t", "91350100M000100Y43"},
		{"ideographic spaces", "\u300091110108772551611J\u3000", "91110108772551611J"},
		{"full-width", "ＡＢＣ１２３", "ABC123"},
		{"full-width code", "９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"},
		{"lower case", "91110108772551611j", "91110108772551611J"},
		{"full-width lower case", "９１１１０１０８７７２５５１６１１ｊ", "91110108772551611J"},
		{"letter O stays", "91350100MO00100Y43", "91350100MO00100Y43"},
		{"inner space stays", "9135 0100", "9135 0100"},
		{"non-ASCII letter stays", "ſ", "ſ"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeCreditCode(tt.in); got != tt.want {
				t.Errorf("NormalizeCreditCode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCheckCreditCodeValid(t *testing.T) {
	codes := []string{
		"91350100M000100Y43",
		"91110108772551611J",
		makeCreditCode(t, "91150200", "MA0N1234"),
		// 组织机构代码 00000006 has check character X, 00000019 has 0.
		makeCreditCode(t, "12150200", "00000006"),
		makeCreditCode(t, "52150200", "00000019"),
	}
	for _, code := range codes {
		t.Run(code, func(t *testing.T) {
			if p := CheckCreditCode(code); p != nil {
				t.Errorf("CheckCreditCode(%q) = %+v, want nil", code, *p)
			}
		})
	}
}

func TestCheckCreditCodeNormalizedInput(t *testing.T) {
	for _, in := range []string{" ９１３５０１００Ｍ０００１００Ｙ４３ ", "91110108772551611j"} {
		code := NormalizeCreditCode(in)
		if p := CheckCreditCode(code); p != nil {
			t.Errorf("CheckCreditCode(NormalizeCreditCode(%q)) = %+v, want nil", in, *p)
		}
	}
}

func TestCheckCreditCodeProblems(t *testing.T) {
	// Position 17 wrong and position 18 recomputed, so only the
	// 组织机构代码 check fails.
	orgOnly := "91350100M000100Y5"
	orgOnly += string(mustCreditCodeCheckChar(t, orgOnly))

	const checkHint = "请对照证照原件逐位核对；少数早期发放的代码确实通不过校验，核实无误后可将该代码加入校验例外名单"
	const forbiddenMessage = "统一社会信用代码不使用字母 I、O、Z、S、V"
	const alphabetMessage = "统一社会信用代码只由数字和大写字母组成"

	tests := []struct {
		name string
		code string
		want Problem
	}{
		{"empty", "", Problem{
			Message: "统一社会信用代码为空",
			Hint:    "请填写证照上的 18 位统一社会信用代码",
		}},
		{"17 characters", "91350100M000100Y4", Problem{
			Message: "统一社会信用代码应为 18 位，实际是 17 位",
			Hint:    "请对照证照原件核对，是否多输或漏输了字符",
		}},
		{"19 characters", "91350100M000100Y433", Problem{
			Message: "统一社会信用代码应为 18 位，实际是 19 位",
			Hint:    "请对照证照原件核对，是否多输或漏输了字符",
		}},
		{"15-digit registration number", "110108000000016", Problem{
			Message: "统一社会信用代码应为 18 位，实际是 15 位",
			Hint:    "15 位的可能是旧的工商注册号或税务登记号，请填入对应字段，本栏填 18 位统一社会信用代码",
		}},
		{"grouped with spaces", "9135 0100 M000 100Y 43", Problem{
			Message: "统一社会信用代码应为 18 位，实际是 22 位",
			Hint:    "代码中间不能有空格或分隔符，请删除后再核对位数",
		}},
		{"length counts characters", "91350100号000100Y43x", Problem{
			Message: "统一社会信用代码应为 18 位，实际是 19 位",
			Hint:    "请对照证照原件核对，是否多输或漏输了字符",
		}},
		{"placeholder alone", PlaceholderCreditCode, Problem{
			Message: "“00000000000000000X”是个体工商户没有统一社会信用代码时使用的占位代码，不能单独使用",
			Hint:    "请同时填写该个体工商户的工商注册号、税务登记号等其他代码",
		}},
		{"letter O", "91350100M0O0100Y43", Problem{
			Message: "第 11 位是字母“O”，" + forbiddenMessage,
			Hint:    "字母 O 容易与数字 0 混淆，请对照证照原件核对；如果是数字，请改为 0",
		}},
		{"letter I", "9I350100M000100Y43", Problem{
			Message: "第 2 位是字母“I”，" + forbiddenMessage,
			Hint:    "字母 I 容易与数字 1 混淆，请对照证照原件核对；如果是数字，请改为 1",
		}},
		{"letter Z", "91350100M000100Z43", Problem{
			Message: "第 16 位是字母“Z”，" + forbiddenMessage,
			Hint:    "字母 Z 容易与数字 2 混淆，请对照证照原件核对；如果是数字，请改为 2",
		}},
		{"letter S", "S1350100M000100Y43", Problem{
			Message: "第 1 位是字母“S”，" + forbiddenMessage,
			Hint:    "字母 S 容易与数字 5 混淆，请对照证照原件核对；如果是数字，请改为 5",
		}},
		{"letter V", "91350100V000100Y43", Problem{
			Message: "第 9 位是字母“V”，" + forbiddenMessage,
			Hint:    "请对照证照原件核对这一位",
		}},
		{"lower-case o", "91350100M000100Y4o", Problem{
			Message: "第 18 位是字母“o”，" + forbiddenMessage,
			Hint:    "字母 O 容易与数字 0 混淆，请对照证照原件核对；如果是数字，请改为 0",
		}},
		{"full-width O", "91350100M000100Y4Ｏ", Problem{
			Message: "第 18 位是字母“Ｏ”，" + forbiddenMessage,
			Hint:    "字母 O 容易与数字 0 混淆，请对照证照原件核对；如果是数字，请改为 0",
		}},
		{"lower-case letter", "91350100m000100Y43", Problem{
			Message: "第 9 位是小写字母“m”，统一社会信用代码只用大写字母",
			Hint:    "请改为大写字母“M”",
		}},
		{"lower-case x", "91350100M000100x43", Problem{
			Message: "第 16 位是小写字母“x”，统一社会信用代码只用大写字母",
			Hint:    "请改为大写字母“X”",
		}},
		{"full-width letter", "91350100Ｍ000100Y43", Problem{
			Message: "第 9 位“Ｍ”是全角字符",
			Hint:    "请改为半角字符“M”",
		}},
		{"full-width lower-case letter", "91350100ｍ000100Y43", Problem{
			Message: "第 9 位“ｍ”是全角字符",
			Hint:    "请改为半角字符“M”",
		}},
		{"full-width digit", "９1350100M000100Y43", Problem{
			Message: "第 1 位“９”是全角字符",
			Hint:    "请改为半角字符“9”",
		}},
		{"inner space", "91350100 000100Y43", Problem{
			Message: "第 9 位是空格",
			Hint:    "代码中间不能有空格，请删除后核对是否漏输了字符",
		}},
		{"inner ideographic space", "91350100\u3000000100Y43", Problem{
			Message: "第 9 位是全角空格",
			Hint:    "代码中间不能有空格，请删除后核对是否漏输了字符",
		}},
		{"hyphen", "91350100-000100Y43", Problem{
			Message: "第 9 位是“-”，" + alphabetMessage,
			Hint:    "请对照证照原件改正这一位",
		}},
		{"Han character", "91350100号000100Y43", Problem{
			Message: "第 9 位是“号”，" + alphabetMessage,
			Hint:    "请对照证照原件改正这一位",
		}},
		{"zero-width space", "91350100\u200b000100Y43", Problem{
			Message: "第 9 位是不可见字符 U+200B，" + alphabetMessage,
			Hint:    "请对照证照原件改正这一位",
		}},
		{"invalid UTF-8", "91350100\xff000100Y43", Problem{
			Message: "第 9 位是无效字节 0xFF，" + alphabetMessage,
			Hint:    "请对照证照原件改正这一位",
		}},
		{"check character", "91350100M000100Y44", Problem{
			Message: "第 18 位校验码应为 3，实际是 4",
			Hint:    checkHint,
			Warning: true,
		}},
		{"organization code check", orgOnly, Problem{
			Message: "第 17 位（组织机构代码的校验码）应为 4，实际是 5",
			Hint:    checkHint,
			Warning: true,
		}},
		// 17 changes 4 → 5: Σ grows by 28, 1668 mod 31 = 25, 31 − 25 = 6.
		{"both checks", "91350100M000100Y53", Problem{
			Message: "第 17 位（组织机构代码的校验码）应为 4，实际是 5；第 18 位校验码应为 6，实际是 3",
			Hint:    checkHint,
			Warning: true,
		}},
		{"all-zero code with placeholder check", "00000000000000000Y", Problem{
			Message: "第 18 位校验码应为 0，实际是 Y",
			Hint:    checkHint,
			Warning: true,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckCreditCode(tt.code)
			if got == nil {
				t.Fatalf("CheckCreditCode(%q) = nil, want %+v", tt.code, tt.want)
			}
			if got.Message != tt.want.Message {
				t.Errorf("CheckCreditCode(%q).Message = %q, want %q", tt.code, got.Message, tt.want.Message)
			}
			if got.Hint != tt.want.Hint {
				t.Errorf("CheckCreditCode(%q).Hint = %q, want %q", tt.code, got.Hint, tt.want.Hint)
			}
			if got.Warning != tt.want.Warning {
				t.Errorf("CheckCreditCode(%q).Warning = %v, want %v", tt.code, got.Warning, tt.want.Warning)
			}
		})
	}
}

func TestCheckCreditCodeExampleMessage(t *testing.T) {
	// Build a code whose check character is Y and replace it with 3, the
	// case of the message in the package documentation.
	code := ""
	for i := 0; i < 1000 && code == ""; i++ {
		first16 := "9115020077255" + pad3(i)
		org, err := OrganizationCodeCheckChar(first16[8:16])
		if err != nil {
			t.Fatal(err)
		}
		first17 := first16 + string(org)
		if mustCreditCodeCheckChar(t, first17) == 'Y' {
			code = first17 + "3"
		}
	}
	if code == "" {
		t.Fatal("no prefix with check character Y found")
	}

	p := CheckCreditCode(code)
	if p == nil || p.Message != "第 18 位校验码应为 Y，实际是 3" {
		t.Errorf("CheckCreditCode(%q) = %+v, want message 第 18 位校验码应为 Y，实际是 3", code, p)
	}
}

func TestCheckCreditCodeAllowing(t *testing.T) {
	const genuine = "91350100M000100Y44" // check character fails
	allow := AllowList{genuine: true, PlaceholderCreditCode: true, "91350100MO00100Y43": true}

	tests := []struct {
		name        string
		code        string
		allow       AllowList
		wantProblem bool
	}{
		{"listed warning silenced", genuine, allow, false},
		{"unlisted warning kept", "91110108772551611K", allow, true},
		{"nil list keeps warning", genuine, nil, true},
		{"listed placeholder still an error", PlaceholderCreditCode, allow, true},
		{"listed forbidden letter still an error", "91350100MO00100Y43", allow, true},
		{"valid code", "91110108772551611J", allow, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckCreditCodeAllowing(tt.code, tt.allow)
			if (got != nil) != tt.wantProblem {
				t.Errorf("CheckCreditCodeAllowing(%q) = %+v, want problem %v", tt.code, got, tt.wantProblem)
			}
		})
	}
}

func TestIsPlaceholder(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"00000000000000000X", true},
		{"00000000000000000x", false},
		{"000000000000000000", false},
		{"91350100M000100Y43", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsPlaceholder(tt.code); got != tt.want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestCreditCodeCheckChar(t *testing.T) {
	tests := []struct {
		first17 string
		want    byte
	}{
		{"91350100M000100Y4", '3'},
		{"91110108772551611", 'J'},
		{"00000000000000000", '0'},
	}
	for _, tt := range tests {
		got, err := CreditCodeCheckChar(tt.first17)
		if err != nil || got != tt.want {
			t.Errorf("CreditCodeCheckChar(%q) = %q, %v; want %q, nil", tt.first17, got, err, tt.want)
		}
	}
}

func TestCreditCodeCheckCharErrors(t *testing.T) {
	tests := []struct{ name, first17, want string }{
		{"too short", "91350100M000100Y", `idcode: credit code prefix "91350100M000100Y" has 16 characters, want 17`},
		{"too long", "91350100M000100Y43", `idcode: credit code prefix "91350100M000100Y43" has 18 characters, want 17`},
		{"full-width", "９1350100M000100Y4", `idcode: credit code prefix "９1350100M000100Y4" has '９' at position 1, want one of 0123456789ABCDEFGHJKLMNPQRTUWXY`},
		{"letter O", "91350100MO00100Y4", `idcode: credit code prefix "91350100MO00100Y4" has 'O' at position 10, want one of 0123456789ABCDEFGHJKLMNPQRTUWXY`},
		{"lower case", "91350100m000100Y4", `idcode: credit code prefix "91350100m000100Y4" has 'm' at position 9, want one of 0123456789ABCDEFGHJKLMNPQRTUWXY`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CreditCodeCheckChar(tt.first17)
			if err == nil || err.Error() != tt.want {
				t.Errorf("CreditCodeCheckChar(%q) error = %v, want %s", tt.first17, err, tt.want)
			}
		})
	}
}

func TestOrganizationCodeCheckChar(t *testing.T) {
	tests := []struct {
		first8 string
		want   byte
	}{
		{"M000100Y", '4'},
		{"77255161", '1'},
		// 3+14+27+40+25+48+28+16 = 201, 201 mod 11 = 3, 11 − 3 = 8.
		{"12345678", '8'},
		// 6·2 = 12, 12 mod 11 = 1, 11 − 1 = 10 → X.
		{"00000006", 'X'},
		// 1·4 + 9·2 = 22, 22 mod 11 = 0, 11 − 0 = 11 → 0.
		{"00000019", '0'},
	}
	for _, tt := range tests {
		got, err := OrganizationCodeCheckChar(tt.first8)
		if err != nil || got != tt.want {
			t.Errorf("OrganizationCodeCheckChar(%q) = %q, %v; want %q, nil", tt.first8, got, err, tt.want)
		}
	}

	for _, bad := range []string{"1234567", "123456789", "1234567a", "1234567-"} {
		if _, err := OrganizationCodeCheckChar(bad); err == nil {
			t.Errorf("OrganizationCodeCheckChar(%q) error = nil, want an error", bad)
		}
	}
}

func FuzzCheckCreditCode(f *testing.F) {
	for _, seed := range []string{
		"91350100M000100Y43", "91110108772551611J", PlaceholderCreditCode,
		"", " ９１３５０１００Ｍ０００１００Ｙ４３ ", "91350100MO00100Y43", "9135 0100",
		"91350100\xff000100Y43", "ſ", "91110108772551611j",
	} {
		f.Add(seed)
	}

	f.Fuzz(func(t *testing.T, s string) {
		problem := CheckCreditCode(s)
		normalized := NormalizeCreditCode(s)

		if again := NormalizeCreditCode(normalized); again != normalized {
			t.Errorf("NormalizeCreditCode not idempotent: %q → %q → %q", s, normalized, again)
		}

		if problem == nil {
			if normalized != s {
				t.Errorf("valid code %q changes under NormalizeCreditCode to %q", s, normalized)
			}
		} else {
			if problem.Message == "" || problem.Hint == "" {
				t.Errorf("CheckCreditCode(%q) = %+v, want a message and a hint", s, *problem)
			}
			if !utf8.ValidString(problem.Message) || !utf8.ValidString(problem.Hint) {
				t.Errorf("CheckCreditCode(%q) = %+v, want valid UTF-8", s, *problem)
			}

			allowed := CheckCreditCodeAllowing(s, AllowList{s: true})
			if problem.Warning && allowed != nil {
				t.Errorf("CheckCreditCodeAllowing(%q) = %+v, want the warning silenced", s, *allowed)
			}
			if !problem.Warning && (allowed == nil || *allowed != *problem) {
				t.Errorf("CheckCreditCodeAllowing(%q) = %+v, want the error %+v", s, allowed, *problem)
			}
		}

		// A code built from the fuzz bytes with both check functions is valid.
		if s == "" {
			return
		}
		var first16 strings.Builder
		for i := 0; i < 16; i++ {
			first16.WriteByte(creditCodeAlphabet[int(s[i%len(s)])%len(creditCodeAlphabet)])
		}
		built := first16.String()
		built += string(mustOrganizationCodeCheckChar(t, built[8:16]))
		built += string(mustCreditCodeCheckChar(t, built))

		if p := CheckCreditCode(built); p != nil {
			t.Errorf("CheckCreditCode(%q) of a built code = %+v, want nil", built, *p)
		}
		if got := NormalizeCreditCode(built); got != built {
			t.Errorf("NormalizeCreditCode(%q) = %q, want it unchanged", built, got)
		}
	})
}

// makeCreditCode builds a valid code from 8 characters for positions 1–8
// and the 8 characters of the 组织机构代码 before its check character.
func makeCreditCode(t *testing.T, first8, organization8 string) string {
	t.Helper()
	first17 := first8 + organization8 + string(mustOrganizationCodeCheckChar(t, organization8))
	return first17 + string(mustCreditCodeCheckChar(t, first17))
}

func mustCreditCodeCheckChar(t *testing.T, first17 string) byte {
	t.Helper()
	c, err := CreditCodeCheckChar(first17)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustOrganizationCodeCheckChar(t *testing.T, first8 string) byte {
	t.Helper()
	c, err := OrganizationCodeCheckChar(first8)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// pad3 returns n as 3 digits with leading zeros.
func pad3(n int) string {
	return string([]byte{byte('0' + n/100%10), byte('0' + n/10%10), byte('0' + n%10)})
}
