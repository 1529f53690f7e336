package idcode_test

import (
	"fmt"
	"time"

	"gongshi/internal/idcode"
)

func ExampleCheckCreditCode() {
	for _, input := range []string{"９１３５０１００ｍ０００１００ｙ４３", "91350100MO00100Y43", "91350100M000100Y44"} {
		code := idcode.NormalizeCreditCode(input)
		if p := idcode.CheckCreditCode(code); p != nil {
			fmt.Printf("%s: %s（警告：%v）\n", code, p.Message, p.Warning)
			continue
		}
		fmt.Printf("%s: 有效\n", code)
	}
	// Output:
	// 91350100M000100Y43: 有效
	// 91350100MO00100Y43: 第 10 位是字母“O”，统一社会信用代码不使用字母 I、O、Z、S、V（警告：false）
	// 91350100M000100Y44: 第 18 位校验码应为 3，实际是 4（警告：true）
}

func ExampleCheckIDNumber() {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, input := range []string{"11010519491231002x", "110105194902300021"} {
		id := idcode.NormalizeIDNumber(input)
		if p := idcode.CheckIDNumber(id, today); p != nil {
			fmt.Printf("%s: %s\n", id, p.Message)
			continue
		}
		fmt.Printf("%s: 有效，公示为 %s\n", id, idcode.MaskIDNumber(id))
	}
	// Output:
	// 11010519491231002X: 有效，公示为 110105********002X
	// 110105194902300021: 出生日期“19490230”不存在：1949 年 2 月只有 28 天
}

func ExampleMaskPersonalNumbers() {
	// Names inside free text are not found: mask the party's name field
	// with MaskName.
	fact := "当事人欧阳修（身份证号码11010519491231002X，电话13812345678）违反第63条规定。"
	fmt.Println(idcode.MaskName("欧阳修"))
	fmt.Println(idcode.MaskPersonalNumbers(fact))
	// Output:
	// 欧阳某
	// 当事人欧阳修（身份证号码110105********002X，电话138****5678）违反第63条规定。
}
