package sheet

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongshi/internal/tz"
)

func TestReadXLSXCellKinds(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "序号", "纳税人名称", "纳税人识别号", "处罚日期", "罚款金额", "已公示")
	setRow(t, f, "Sheet1", 2, 1, " 甲商贸有限公司\u3000", "0012345", 45292, 1200000, true)
	setRow(t, f, "Sheet1", 3, 2, "乙（个体）", "ＡＢ１２", 45366.75, 0.5, false)
	dateStyle := newStyle(t, f, 14, "")
	setStyle(t, f, "Sheet1", "D2", dateStyle)
	setStyle(t, f, "Sheet1", "D3", newStyle(t, f, 0, "yyyy-mm-dd hh:mm"))

	table := mustRead(t)(ReadXLSX("cases.xlsx", workbookBytes(t, f), ""))

	if table.Sheet != "Sheet1" || table.Encoding != EncodingXLSX {
		t.Errorf("Sheet = %q, Encoding = %q", table.Sheet, table.Encoding)
	}
	tests := []struct {
		ref        string
		kind       CellKind
		text, raw  string
		date       time.Time
		row, field int
	}{
		{"A2", Number, "1", "1", time.Time{}, 0, 0},
		{"B2", Text, "甲商贸有限公司", " 甲商贸有限公司\u3000", time.Time{}, 0, 1},
		{"C2", Text, "0012345", "0012345", time.Time{}, 0, 2},
		{"D2", Date, "2024-01-01", "45292", tz.Date(2024, time.January, 1), 0, 3},
		{"E2", Number, "1200000", "1200000", time.Time{}, 0, 4},
		{"F2", Bool, "TRUE", "1", time.Time{}, 0, 5},
		{"B3", Text, "乙(个体)", "乙（个体）", time.Time{}, 1, 1},
		{"C3", Text, "AB12", "ＡＢ１２", time.Time{}, 1, 2},
		{"D3", Date, "2024-03-15 18:00:00", "45366.75", tz.Date(2024, time.March, 15), 1, 3},
		{"E3", Number, "0.5", "0.5", time.Time{}, 1, 4},
		{"F3", Bool, "FALSE", "0", time.Time{}, 1, 5},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			c := table.Rows[tt.row].Cells[tt.field]
			if c.Ref != tt.ref {
				t.Fatalf("Ref = %q, want %q", c.Ref, tt.ref)
			}
			if c.Kind != tt.kind || c.Text != tt.text || c.Raw != tt.raw {
				t.Errorf("got %v %q raw %q, want %v %q raw %q", c.Kind, c.Text, c.Raw, tt.kind, tt.text, tt.raw)
			}
			if !c.Date.Equal(tt.date) || (!tt.date.IsZero() && c.Date.Location() != tz.Shanghai()) {
				t.Errorf("Date = %v, want %v", c.Date, tt.date)
			}
			if c.Field != table.Header[tt.field] || c.Sheet != "Sheet1" || c.File != "cases.xlsx" || c.Line != tt.row+2 || c.Column != tt.field+1 {
				t.Errorf("position = %+v", c)
			}
		})
	}
}

func TestReadXLSXDateFormats(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "格式", "值")
	formats := []struct {
		name   string
		id     int
		code   string
		isDate bool
	}{
		{"builtin 14", 14, "", true},
		{"builtin zh-CN 31", 31, "", true},
		{"builtin zh-CN 57", 57, "", true},
		{"builtin time 20", 20, "", false},
		{"builtin zh-CN time 32", 32, "", false},
		{"builtin number", 2, "", false},
		{"custom chinese date", 0, `yyyy"年"m"月"d"日"`, true},
		{"custom slash date", 0, "yyyy/m/d;@", true},
		{"custom locale date", 0, "[$-804]yyyy-mm-dd", true},
		{"custom dbnum date", 0, `[DBNum1][$-804]yyyy"年"m"月"d"日"`, true},
		{"custom month only", 0, `m"月"`, true},
		{"custom time", 0, "h:mm", false},
		{"custom elapsed time", 0, "[h]:mm", false},
		{"custom am/pm time", 0, "h:mm AM/PM", false},
		{"custom currency", 0, `"¥"#,##0.00;[Red]"¥"-#,##0.00`, false},
		{"custom quoted letters", 0, `0.00"天"_d`, false},
		{"text format", 49, "", false},
	}
	for i, ff := range formats {
		row := i + 2
		setRow(t, f, "Sheet1", row, ff.name, 45292)
		ref, _ := excelize.CoordinatesToCellName(2, row)
		setStyle(t, f, "Sheet1", ref, newStyle(t, f, ff.id, ff.code))
	}

	table := mustRead(t)(ReadXLSX("formats.xlsx", workbookBytes(t, f), ""))
	for i, ff := range formats {
		c := table.Rows[i].Cells[1]
		if got := c.Kind == Date; got != ff.isDate {
			t.Errorf("%s: Kind = %v Text = %q, want date %v", ff.name, c.Kind, c.Text, ff.isDate)
		}
	}
}

func TestReadXLSXDateSystems(t *testing.T) {
	tests := []struct {
		name     string
		date1904 bool
		serial   int
	}{
		{"1900 system", false, 45292},
		{"1904 system", true, 45292 - 1462},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &tt.date1904}); err != nil {
				t.Fatal(err)
			}
			setRow(t, f, "Sheet1", 1, "序号", "日期", "写入的日期")
			setRow(t, f, "Sheet1", 2, 1, tt.serial, time.Date(2024, time.May, 20, 0, 0, 0, 0, time.UTC))
			setStyle(t, f, "Sheet1", "B2", newStyle(t, f, 14, ""))

			table := mustRead(t)(ReadXLSX("dates.xlsx", workbookBytes(t, f), ""))
			serial, written := table.Rows[0].Cells[1], table.Rows[0].Cells[2]
			if serial.Kind != Date || !serial.Date.Equal(tz.Date(2024, time.January, 1)) {
				t.Errorf("serial %d: %v %q %v, want 2024-01-01", tt.serial, serial.Kind, serial.Text, serial.Date)
			}
			if written.Kind != Date || written.Text != "2024-05-20" {
				t.Errorf("time written by excelize: %v %q raw %q, want 2024-05-20", written.Kind, written.Text, written.Raw)
			}
		})
	}
}

func TestReadXLSXIdentifiers(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "纳税人识别号", "身份证号码", "执法证号")
	setRow(t, f, "Sheet1", 2, 9.13501e17, 150102199001011234, 12345)
	setRow(t, f, "Sheet1", 3, "91150100MA01ABC123", "150102199001011234", "012345")
	table := mustRead(t)(ReadXLSX("ids.xlsx", workbookBytes(t, f), ""))

	bad := table.Rows[0].Cells
	tests := []struct {
		name    string
		cell    Cell
		wantLen int
		message string
	}{
		{"scientific number", bad[0], 18, "Excel 只保留 15 位有效数字"},
		{"18-digit number", bad[1], 18, "这个 18 位编号的后几位已经丢失"},
		{"lost leading zero", bad[2], 6, "开头的 0 已经丢失，现在只有 5 位，应为 6 位"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.cell.Kind != Number {
				t.Fatalf("Kind = %v, want Number", tt.cell.Kind)
			}
			got, e := Identifier(tt.cell, tt.wantLen)
			if e == nil {
				t.Fatalf("no error; returned %q", got)
			}
			if !strings.Contains(e.Message, tt.message) || !strings.Contains(e.Message, tt.cell.Ref) {
				t.Errorf("message %q lacks %q or %s", e.Message, tt.message, tt.cell.Ref)
			}
			if e.File != "ids.xlsx" || e.Line != 2 || e.Column != tt.cell.Column || e.Field != tt.cell.Field || e.Value != tt.cell.Raw {
				t.Errorf("error = %+v", e)
			}
			if !strings.Contains(e.Hint, "“文本”格式") || !strings.Contains(e.Hint, "英文单引号") {
				t.Errorf("hint %q lacks the fix", e.Hint)
			}
		})
	}

	for i, want := range []string{"91150100MA01ABC123", "150102199001011234", "012345"} {
		got, e := Identifier(table.Rows[1].Cells[i], len(want))
		if e != nil || got != want {
			t.Errorf("text identifier %q: got %q, %v", want, got, e)
		}
	}
}

func TestReadXLSXMergedCells(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "执法单位", "纳税人名称")
	setRow(t, f, "Sheet1", 2, "稽查局", "甲")
	setRow(t, f, "Sheet1", 3, "第一税务分局", "乙")
	setRow(t, f, "Sheet1", 4, nil, "丙")
	setRow(t, f, "Sheet1", 5, nil, "丁")
	if err := f.MergeCell("Sheet1", "A3", "A5"); err != nil {
		t.Fatal(err)
	}
	// A merge far from the data formats blank cells only.
	if err := f.MergeCell("Sheet1", "H20", "J22"); err != nil {
		t.Fatal(err)
	}

	table, errs := ReadXLSX("merged.xlsx", workbookBytes(t, f), "")
	e := onlyError(t, errs, "A3:A5 是合并单元格")
	if e.Line != 3 || e.Column != 1 || e.Field != "执法单位" || e.Value != "第一税务分局" {
		t.Errorf("error = %+v", e)
	}
	if !strings.Contains(e.Hint, "取消合并单元格") {
		t.Errorf("hint %q", e.Hint)
	}
	if len(table.Rows) != 4 {
		t.Errorf("got %d rows, want 4", len(table.Rows))
	}
}

func TestReadXLSXMergedTitleRow(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "2024年行政处罚公示")
	if err := f.MergeCell("Sheet1", "A1", "C1"); err != nil {
		t.Fatal(err)
	}
	setRow(t, f, "Sheet1", 2, "序号", "名称", "金额")
	_, errs := ReadXLSX("title.xlsx", workbookBytes(t, f), "")
	found := false
	for _, e := range errs {
		if strings.Contains(e.Message, "A1:C1") && strings.Contains(e.Hint, "删除标题行") {
			found = true
		}
	}
	if !found {
		t.Errorf("no merge error suggesting to delete the title row:\n%s", joinErrors(errs))
	}
}

func TestReadXLSXSheets(t *testing.T) {
	build := func(t *testing.T, hideFirst bool) []byte {
		f := excelize.NewFile()
		if err := f.SetSheetName("Sheet1", "说明"); err != nil {
			t.Fatal(err)
		}
		setRow(t, f, "说明", 1, "填表说明")
		if _, err := f.NewSheet("处罚信息"); err != nil {
			t.Fatal(err)
		}
		setRow(t, f, "处罚信息", 1, "序号", "名称")
		setRow(t, f, "处罚信息", 2, 1, "甲")
		if hideFirst {
			// excelize keeps the selected tab visible, so select another.
			index, err := f.GetSheetIndex("处罚信息")
			if err != nil {
				t.Fatal(err)
			}
			f.SetActiveSheet(index)
			if err := f.SetSheetVisible("说明", false); err != nil {
				t.Fatal(err)
			}
		}
		return workbookBytes(t, f)
	}

	t.Run("named", func(t *testing.T) {
		table := mustRead(t)(ReadXLSX("book.xlsx", build(t, false), "处罚信息"))
		if table.Sheet != "处罚信息" || !reflect.DeepEqual(table.Header, []string{"序号", "名称"}) {
			t.Errorf("Sheet = %q Header = %q", table.Sheet, table.Header)
		}
	})
	t.Run("named with surrounding spaces", func(t *testing.T) {
		table := mustRead(t)(ReadXLSX("book.xlsx", build(t, false), " 处罚信息 "))
		if table.Sheet != "处罚信息" {
			t.Errorf("Sheet = %q", table.Sheet)
		}
	})
	t.Run("first", func(t *testing.T) {
		table := mustRead(t)(ReadXLSX("book.xlsx", build(t, false), ""))
		if table.Sheet != "说明" {
			t.Errorf("Sheet = %q, want 说明", table.Sheet)
		}
	})
	t.Run("first visible", func(t *testing.T) {
		table := mustRead(t)(ReadXLSX("book.xlsx", build(t, true), ""))
		if table.Sheet != "处罚信息" {
			t.Errorf("Sheet = %q, want 处罚信息", table.Sheet)
		}
	})
	t.Run("missing", func(t *testing.T) {
		table, errs := ReadXLSX("book.xlsx", build(t, false), "处罚")
		if table != nil {
			t.Error("table is not nil")
		}
		e := onlyError(t, errs, "现有的工作表是 “说明”、“处罚信息”")
		if e.Value != "处罚" || e.File != "book.xlsx" || e.Line != 1 {
			t.Errorf("error = %+v", e)
		}
	})
}

func TestReadXLSXFormulas(t *testing.T) {
	t.Run("excelize formula with cached value", func(t *testing.T) {
		f := excelize.NewFile()
		setRow(t, f, "Sheet1", 1, "甲", "乙", "合计")
		setRow(t, f, "Sheet1", 2, 1, 2, 3)
		if err := f.SetCellFormula("Sheet1", "C2", "A2+B2"); err != nil {
			t.Fatal(err)
		}
		table := mustRead(t)(ReadXLSX("formula.xlsx", workbookBytes(t, f), ""))
		if c := table.Rows[0].Cells[2]; c.Text != "3" || c.Kind != Text {
			t.Errorf("C2 = %v %q, want the cached text 3", c.Kind, c.Text)
		}
	})

	sheetData := `<row r="1">` +
		`<c r="A1" t="inlineStr"><is><t>数量</t></is></c>` +
		`<c r="B1" t="inlineStr"><is><t>两倍</t></is></c>` +
		`<c r="C1" t="inlineStr"><is><t>三倍</t></is></c>` +
		`<c r="D1" t="inlineStr"><is><t>说明</t></is></c>` +
		`<c r="E1" t="inlineStr"><is><t>比例</t></is></c>` +
		`</row><row r="2">` +
		`<c r="A2"><v>42</v></c>` +
		`<c r="B2"><f>A2*2</f><v>84</v></c>` +
		`<c r="C2"><f>A2*3</f></c>` +
		`<c r="D2" t="str"><f>IF(A2&gt;0,"","负数")</f><v></v></c>` +
		`<c r="E2" t="e"><f>A2/0</f><v>#DIV/0!</v></c>` +
		`</row>`
	table, errs := ReadXLSX("raw.xlsx", rawWorkbook(t, sheetData), "")
	if len(errs) != 2 {
		t.Fatalf("got %d errors, want 2:\n%s", len(errs), joinErrors(errs))
	}

	cells := table.Rows[0].Cells
	if c := cells[1]; c.Kind != Number || c.Text != "84" {
		t.Errorf("numeric cached result: %v %q, want Number 84", c.Kind, c.Text)
	}
	if c := cells[3]; c.Kind != Empty {
		t.Errorf("empty text result: %v %q, want Empty", c.Kind, c.Text)
	}

	noCache, errValue := errs[0], errs[1]
	if !strings.Contains(noCache.Message, "C2") || !strings.Contains(noCache.Message, "没有保存计算结果") ||
		noCache.Value != "=A2*3" || noCache.Field != "三倍" || noCache.Line != 2 || noCache.Column != 3 {
		t.Errorf("formula without cached value: %+v", noCache)
	}
	if !strings.Contains(errValue.Message, "#DIV/0!") || errValue.Field != "比例" {
		t.Errorf("error value: %+v", errValue)
	}
}

func TestReadXLSXHiddenRowsAndColumns(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 1, "序号", "名称", "备注")
	setRow(t, f, "Sheet1", 2, 1, "甲", "x")
	setRow(t, f, "Sheet1", 3, 2, "乙", "y")
	if err := f.SetRowVisible("Sheet1", 3, false); err != nil {
		t.Fatal(err)
	}
	if err := f.SetColVisible("Sheet1", "C", false); err != nil {
		t.Fatal(err)
	}
	table := mustRead(t)(ReadXLSX("hidden.xlsx", workbookBytes(t, f), ""))
	want := [][]string{{"1", "甲", "x"}, {"2", "乙", "y"}}
	if got := texts(table); !reflect.DeepEqual(got, want) {
		t.Errorf("cells = %q, want %q", got, want)
	}
}

func TestReadXLSXRowShape(t *testing.T) {
	f := excelize.NewFile()
	setRow(t, f, "Sheet1", 2, "序号", "名称", "金额")
	setRow(t, f, "Sheet1", 3, 1, "甲")
	setRow(t, f, "Sheet1", 5, 2, "乙", 3, nil, "表外备注")
	table, errs := ReadXLSX("shape.xlsx", workbookBytes(t, f), "")

	e := onlyError(t, errs, "这个单元格在表头范围之外（表头只到 C 列）")
	if !strings.Contains(e.Message, "E5") || e.Line != 5 || e.Column != 5 || e.Value != "表外备注" {
		t.Errorf("error = %+v", e)
	}
	if len(table.Rows) != 2 || table.Rows[0].Line != 3 || table.Rows[1].Line != 5 {
		t.Fatalf("rows = %+v", table.Rows)
	}
	pad := table.Rows[0].Cells[2]
	if pad.Kind != Empty || pad.Ref != "C3" || pad.Line != 3 || pad.Column != 3 || pad.Field != "金额" || pad.Sheet != "Sheet1" {
		t.Errorf("padding cell = %+v", pad)
	}
}

func TestReadXLSXBadFiles(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		message string
	}{
		{"not a zip", []byte("序号,名称\n1,甲\n"), "不是有效的 .xlsx 工作簿"},
		{"empty", nil, "不是有效的 .xlsx 工作簿"},
		{"old xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...), "Excel 97-2003"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, errs := ReadXLSX("bad.xlsx", tt.data, "")
			if table != nil {
				t.Error("table is not nil")
			}
			e := onlyError(t, errs, tt.message)
			if e.File != "bad.xlsx" || e.Line != 1 || e.Hint == "" {
				t.Errorf("error = %+v", e)
			}
		})
	}
}

func TestReadXLSXEmptySheet(t *testing.T) {
	_, errs := ReadXLSX("empty.xlsx", workbookBytes(t, excelize.NewFile()), "")
	onlyError(t, errs, "表格是空的")
}

func TestReadXLSXDeclaredSizes(t *testing.T) {
	// zipWithPart returns a ZIP whose one part has compressed bytes of the
	// given length but declares uncompressed as its size.
	zipWithPart := func(t *testing.T, compressed int, uncompressed uint64) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               "xl/worksheets/sheet1.xml",
			Method:             zip.Deflate,
			CompressedSize64:   uint64(compressed),
			UncompressedSize64: uncompressed,
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(make([]byte, compressed)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}

	tests := []struct {
		name         string
		compressed   int
		uncompressed uint64
		message      string
	}{
		{"impossible ratio", 100, 1 << 30, "不是有效的 .xlsx 工作簿"},
		{"over the cap", 300 << 10, 300 << 20, "文件解压后超过 256 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, errs := ReadXLSX("big.xlsx", zipWithPart(t, tt.compressed, tt.uncompressed), "")
			if table != nil {
				t.Error("table is not nil")
			}
			onlyError(t, errs, tt.message)
		})
	}
}

func TestReadXLSXStoredTypes(t *testing.T) {
	sheetData := `<row r="1">` +
		`<c r="A1" t="inlineStr"><is><t>日期</t></is></c>` +
		`<c r="B1" t="inlineStr"><is><t>金额</t></is></c>` +
		`<c r="C1" t="inlineStr"><is><t>坏日期</t></is></c>` +
		`<c r="D1" t="inlineStr"><is><t>坏数字</t></is></c>` +
		`</row><row r="2">` +
		`<c r="A2" t="d"><v>2024-01-01T00:00:00Z</v></c>` +
		`<c r="B2" t="n"><v>1.2E+6</v></c>` +
		`<c r="C2" t="d"><v>2024/01/01</v></c>` +
		`<c r="D2"><v>abc</v></c>` +
		`</row>`
	table, errs := ReadXLSX("types.xlsx", rawWorkbook(t, sheetData), "")
	if len(errs) != 2 {
		t.Fatalf("got %d errors, want 2:\n%s", len(errs), joinErrors(errs))
	}

	cells := table.Rows[0].Cells
	if c := cells[0]; c.Kind != Date || c.Text != "2024-01-01" || !c.Date.Equal(tz.Date(2024, time.January, 1)) {
		t.Errorf("t=\"d\" cell: %v %q %v", c.Kind, c.Text, c.Date)
	}
	if c := cells[1]; c.Kind != Number || c.Text != "1200000" || c.Raw != "1.2E+6" {
		t.Errorf("t=\"n\" cell: %v %q raw %q", c.Kind, c.Text, c.Raw)
	}
	if !strings.Contains(errs[0].Message, "C2") || !strings.Contains(errs[0].Message, "日期单元格的内容无法识别") || errs[0].Field != "坏日期" {
		t.Errorf("bad date: %+v", errs[0])
	}
	if !strings.Contains(errs[1].Message, "D2") || !strings.Contains(errs[1].Message, "不是数字") || errs[1].Field != "坏数字" {
		t.Errorf("bad number: %+v", errs[1])
	}
}
