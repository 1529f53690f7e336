package sheet

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongshi/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// TestErrorsGolden renders the errors for a set of broken files in their
// long form, as editors read them, and compares them with
// testdata/errors.golden.
func TestErrorsGolden(t *testing.T) {
	var out strings.Builder
	add := func(title string, errs []*diag.Error) {
		out.WriteString("== " + title + "\n")
		for _, e := range errs {
			out.WriteString(e.Long() + "\n\n")
		}
	}

	_, errs := ReadCSV("quotes.csv", []byte("序号,名称,违法事实\n1,甲\"乙\"公司,x\n2,丙,\"未申报\"逾期\n3,丁,\"未结束\n"))
	add("CSV quotes", errs)

	_, errs = ReadCSV("shape.csv", []byte("序号,名称,名称,\n1,甲,x,多余\n2,乙,y,,\n"))
	add("CSV header and row shape", errs)

	_, errs = ReadCSV("encoding.csv", []byte("序号,名称\n1,\xff\xfe\n"))
	add("CSV encoding", errs)

	table, errs := ReadCSV("ids.csv", []byte("名称,纳税人识别号\n甲,9.13501E+17\n"))
	if len(errs) > 0 {
		t.Fatalf("ids.csv: %s", joinErrors(errs))
	}
	_, e := Identifier(table.Rows[0].Cells[1], 18)
	add("CSV identifier", []*diag.Error{e})

	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "执法单位", "身份证号码", "处罚日期")
	setRow(t, f, "Sheet1", 2, "稽查局", 150102199001011234, 60)
	setRow(t, f, "Sheet1", 3, nil, "150102199001011234", 45292)
	setStyle(t, f, "Sheet1", "C2", newStyle(t, f, 14, ""))
	if err := f.MergeCell("Sheet1", "A2", "A3"); err != nil {
		t.Fatal(err)
	}
	table, errs = ReadXLSX("cases.xlsx", workbookBytes(t, f), "")
	_, e = Identifier(table.Rows[0].Cells[1], 18)
	add("XLSX", append(errs, e))

	_, errs = ReadXLSX("cases.xlsx", rawWorkbook(t, ""), "处罚")
	add("XLSX missing sheet", errs)

	_, errs = Read("cases.xls", nil, "")
	add("Read .xls", errs)

	path := filepath.Join("testdata", "errors.golden")
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if out.String() != string(want) {
		t.Errorf("error renderings differ from %s (run go test -update and review the diff):\n%s", path, out.String())
	}
}
