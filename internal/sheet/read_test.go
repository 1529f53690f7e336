package sheet

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestRead(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "序号")
	setRow(t, f, "Sheet1", 2, 1)
	xlsx := workbookBytes(t, f)
	csvData := []byte("序号\n1\n")

	t.Run("csv", func(t *testing.T) {
		table := mustRead(t)(Read("data/cases.CSV", csvData, "ignored"))
		if table.Encoding != EncodingUTF8 || table.Sheet != "" {
			t.Errorf("Encoding = %q Sheet = %q", table.Encoding, table.Sheet)
		}
	})
	t.Run("xlsx", func(t *testing.T) {
		table := mustRead(t)(Read("data/cases.xlsx", xlsx, ""))
		if table.Encoding != EncodingXLSX || table.Sheet != "Sheet1" {
			t.Errorf("Encoding = %q Sheet = %q", table.Encoding, table.Sheet)
		}
	})

	rejected := []struct {
		name, file string
		data       []byte
		message    string
		hint       string
	}{
		{"xls", "cases.xls", []byte{0xD0, 0xCF, 0x11, 0xE0}, "不支持旧版 Excel 97-2003 工作簿（.xls）", "另存为 .xlsx"},
		{"wps", "cases.et", nil, "WPS 表格文件（.et）", "另存为 .xlsx"},
		{"unknown extension", "cases.txt", csvData, "不支持这种文件类型", "另存为 .xlsx"},
		{"no extension", "cases", csvData, "不支持这种文件类型", "另存为 .xlsx"},
		{"xlsx named csv", "cases.csv", xlsx, "内容是 Excel 工作簿", "改为 .xlsx"},
	}
	for _, tt := range rejected {
		t.Run(tt.name, func(t *testing.T) {
			table, errs := Read(tt.file, tt.data, "")
			if table != nil {
				t.Error("table is not nil")
			}
			e := onlyError(t, errs, tt.message)
			if e.File != tt.file || e.Line != 1 || !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("error = %+v", e)
			}
		})
	}
}
