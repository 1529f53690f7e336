package tasktable

import (
	"strings"
	"testing"
)

const testHeader = "附件2：\n测试任务分解表\n\t序号\n\t推行任务\n\t工作措施\n\t责任\n单位\n\t牵头部门\n\t责任部门\n\t配合部门\n\t完成时限\n\n"

// testRow writes one row in the dump format: each cell on its own line
// starting with a tab, and a blank line after the row.
func testRow(cells ...string) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString("\t" + c + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

func goodRow(n string) string {
	return testRow(n, "", "", "任务内容。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年底前")
}

// lineOf returns the 1-based number of the last line of src equal to text.
func lineOf(t *testing.T, src, text string) int {
	t.Helper()
	lines := strings.Split(src, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if lines[i] == text {
			return i + 1
		}
	}
	t.Fatalf("line %q not in test input", text)
	return 0
}

func TestParseValidSmallTable(t *testing.T) {
	src := testHeader +
		testRow("1", "推行任务甲", "强化\n事前\n公示", "任务内容。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年底前") +
		goodRow("2") +
		"\t备注：说明文字。\n"
	table, errs := Parse("t.txt", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs[0].Long())
	}
	if len(table.Tasks) != 2 || table.Tasks[1].Measure != "强化事前公示" || table.Note != "说明文字。" {
		t.Errorf("got %+v", table)
	}
}

func TestParseMalformed(t *testing.T) {
	first := testRow("1", "推行任务甲", "措施甲", "任务内容。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年底前")

	tests := []struct {
		name     string
		src      string
		line     string // the input line the error must point at
		field    string
		contains string
	}{
		{
			name:     "missing cell after the unit",
			src:      testHeader + first + testRow("2", "", "", "少了配合部门的任务。", "各级税务机关", "政策法规部门", "政策法规部门", "2019年底前"),
			line:     "\t2",
			contains: "责任单位之后的牵头部门、责任部门、配合部门、完成时限中少了一个",
		},
		{
			name:     "extra cell after the unit",
			src:      testHeader + first + testRow("2", "", "合并的任务。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "多余", "2019年底前"),
			line:     "\t2",
			contains: "责任单位之后多了一个",
		},
		{
			name:     "missing unit",
			src:      testHeader + first + testRow("2", "", "", "少了责任单位的任务。", "政策法规部门", "政策法规部门", "办公室", "2019年底前"),
			line:     "\t少了责任单位的任务。",
			field:    "责任单位",
			contains: "可能缺少或多出一个单元格",
		},
		{
			name:     "missing cell in merged row",
			src:      testHeader + first + testRow("2", "", "任务。", "各级税务机关", "政策法规部门", "政策法规部门", "2019年底前"),
			line:     "\t2",
			contains: "有 7 个单元格",
		},
		{
			name:     "too many cells",
			src:      testHeader + first + testRow("2", "", "", "任务。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年底前", "多余"),
			line:     "\t2",
			contains: "有 10 个单元格",
		},
		{
			name:     "non-numeric row number",
			src:      testHeader + first + goodRow("二"),
			line:     "\t二",
			field:    "序号",
			contains: "序号不是数字",
		},
		{
			name:     "skipped row number",
			src:      testHeader + first + goodRow("3"),
			line:     "\t3",
			field:    "序号",
			contains: "序号应为 2",
		},
		{
			name:     "impossible deadline",
			src:      testHeader + first + testRow("2", "", "", "任务。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年13月底前"),
			line:     "\t2019年13月底前",
			field:    "完成时限",
			contains: "月份 13 不存在",
		},
		{
			name:     "empty lead",
			src:      testHeader + first + testRow("2", "", "", "任务。", "各级税务机关", "", "政策法规部门", "办公室", "2019年底前"),
			line:     "\t",
			field:    "牵头部门",
			contains: "牵头部门为空",
		},
		{
			name:     "first row without category",
			src:      testHeader + testRow("1", "", "措施", "任务。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年底前"),
			line:     "\t",
			field:    "推行任务",
			contains: "无处继承",
		},
		{
			name:     "note before last row",
			src:      testHeader + first + "\t备注：说明。\n\n" + goodRow("2"),
			line:     "\t备注：说明。",
			field:    "备注",
			contains: "备注之后还有表格行",
		},
		{
			name:     "no table",
			src:      "只有标题\n没有表格\n",
			line:     "只有标题",
			contains: "没有找到表格",
		},
		{
			name:     "bad header",
			src:      "标题\n\t编号\n\t任务\n\t措施\n\t单位\n\t牵头\n\t责任\n\t配合\n\t时限\n\n" + first,
			line:     "\t编号",
			field:    "表头",
			contains: "表头应以“序号”开头",
		},
		{
			name:     "invalid UTF-8",
			src:      testHeader + "\t1\n\t\xff\xfe\n",
			line:     "\t\xff\xfe",
			contains: "不是有效的 UTF-8",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Parse("bad.txt", []byte(tt.src))
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			wantLine := lineOf(t, tt.src, tt.line)
			for _, e := range errs {
				if e.Line == wantLine && e.Field == tt.field && strings.Contains(e.Message, tt.contains) {
					if e.File != "bad.txt" {
						t.Errorf("error names file %q", e.File)
					}
					return
				}
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			t.Errorf("want error at line %d, field %q, containing %q; got:\n%s",
				wantLine, tt.field, tt.contains, strings.Join(got, "\n"))
		})
	}
}

func TestParseReportsEveryError(t *testing.T) {
	src := testHeader +
		testRow("1", "推行任务甲", "措施甲", "任务内容。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年13月底前") +
		goodRow("3")
	_, errs := Parse("bad.txt", []byte(src))
	if len(errs) != 2 {
		t.Errorf("got %d errors, want 2 (bad date and skipped number): %v", len(errs), errs)
	}
}

// TestBadRowReportedOnce checks that a broken row does not make the rows
// after it look misnumbered.
func TestBadRowReportedOnce(t *testing.T) {
	first := testRow("1", "推行任务甲", "措施甲", "任务内容。", "各级税务机关", "政策法规部门", "政策法规部门", "办公室", "2019年底前")
	tests := map[string]string{
		"letter as number": testHeader + first + goodRow("C") + goodRow("3"),
		"missing cell":     testHeader + first + testRow("2", "", "任务。", "各级税务机关", "政策法规部门", "政策法规部门", "2019年底前") + goodRow("3"),
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			table, errs := Parse("bad.txt", []byte(src))
			if len(errs) != 1 {
				t.Errorf("got %d errors, want 1: %v", len(errs), errs)
			}
			if n := len(table.Tasks); n != 2 || table.Tasks[1].Number != 3 {
				t.Errorf("got %d tasks", n)
			}
		})
	}
}
