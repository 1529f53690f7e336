package sheet

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadCSVUTF8(t *testing.T) {
	data := "序号,纳税人名称,罚款金额\n1,包头市甲商贸有限公司,1200\n2,乙公司,300.5\n"
	table := mustRead(t)(ReadCSV("cases.csv", []byte(data)))

	if table.Encoding != EncodingUTF8 {
		t.Errorf("Encoding = %q, want %q", table.Encoding, EncodingUTF8)
	}
	if want := []string{"序号", "纳税人名称", "罚款金额"}; !reflect.DeepEqual(table.Header, want) {
		t.Errorf("Header = %q, want %q", table.Header, want)
	}
	want := [][]string{{"1", "包头市甲商贸有限公司", "1200"}, {"2", "乙公司", "300.5"}}
	if got := texts(table); !reflect.DeepEqual(got, want) {
		t.Errorf("cells = %q, want %q", got, want)
	}
	if table.Rows[0].Line != 2 || table.Rows[1].Line != 3 {
		t.Errorf("row lines = %d, %d, want 2, 3", table.Rows[0].Line, table.Rows[1].Line)
	}

	c := table.Rows[1].Cells[1]
	if c.Kind != Text || c.Column != 2 || c.Line != 3 || c.Field != "纳税人名称" || c.File != "cases.csv" || c.Ref != "" {
		t.Errorf("cell = %+v", c)
	}
}

func TestReadCSVBOM(t *testing.T) {
	tests := []struct {
		name, data string
	}{
		{"one bom", "\xEF\xBB\xBF序号,名称\r\n1,甲\r\n"},
		{"two boms", "\xEF\xBB\xBF\xEF\xBB\xBF序号,名称\r\n1,甲\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table := mustRead(t)(ReadCSV("bom.csv", []byte(tt.data)))
			if table.Encoding != EncodingUTF8BOM {
				t.Errorf("Encoding = %q, want %q", table.Encoding, EncodingUTF8BOM)
			}
			if table.Header[0] != "序号" {
				t.Errorf("first label = %q, want 序号", table.Header[0])
			}
			if got := table.Rows[0].Cells[1].Text; got != "甲" {
				t.Errorf("cell = %q, want 甲", got)
			}
		})
	}
}

func TestReadCSVGBK(t *testing.T) {
	text := "序号,纳税人名称,违法事实\r\n1,包头市昆都仑区某某商贸有限公司,\"未按规定期限办理纳税申报，处罚款２００元\"\r\n"
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	table := mustRead(t)(ReadCSV("gbk.csv", data))

	if table.Encoding != EncodingGB18030 {
		t.Errorf("Encoding = %q, want %q", table.Encoding, EncodingGB18030)
	}
	if want := []string{"序号", "纳税人名称", "违法事实"}; !reflect.DeepEqual(table.Header, want) {
		t.Errorf("Header = %q, want %q", table.Header, want)
	}
	row := table.Rows[0].Cells
	if row[1].Text != "包头市昆都仑区某某商贸有限公司" {
		t.Errorf("name = %q", row[1].Text)
	}
	if row[2].Text != "未按规定期限办理纳税申报，处罚款200元" {
		t.Errorf("fact = %q", row[2].Text)
	}
}

func TestReadCSVGB18030BOM(t *testing.T) {
	body, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("序号,名称\n1,甲\n"))
	if err != nil {
		t.Fatal(err)
	}
	data := append([]byte{0x84, 0x31, 0x95, 0x33}, body...)
	table := mustRead(t)(ReadCSV("gb.csv", data))
	if table.Encoding != EncodingGB18030 || table.Header[0] != "序号" {
		t.Errorf("Encoding = %q, Header = %q", table.Encoding, table.Header)
	}
}

func TestReadCSVInvalidEncoding(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("序号,名称\n1,甲公司\n2,"))
	if err != nil {
		t.Fatal(err)
	}
	// 0xFF is neither UTF-8 nor GB18030; it sits at byte 3 of line 3.
	broken := append(gbk, 0xFF, 0x41, '\n')

	tests := []struct {
		name         string
		data         []byte
		line, column int
		message      string
	}{
		{"gbk with a broken byte", broken, 3, 3, "既不是有效的 UTF-8"},
		{"random bytes", []byte("a,b\n\x80\x80\x80,\xc3\x28\n"), 2, 1, "既不是有效的 UTF-8"},
		{"utf-8 bom then invalid byte", []byte("\xEF\xBB\xBFa,b\n1,\xff\n"), 2, 3, "标明是 UTF-8"},
		{"utf-16", []byte("\xFF\xFEa\x00,\x00b\x00"), 1, 1, "UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, errs := ReadCSV("bad.csv", tt.data)
			if table != nil {
				t.Error("table is not nil")
			}
			e := onlyError(t, errs, tt.message)
			if e.File != "bad.csv" || e.Line != tt.line || e.Column != tt.column {
				t.Errorf("position = %s:%d:%d, want bad.csv:%d:%d", e.File, e.Line, e.Column, tt.line, tt.column)
			}
			if !strings.Contains(e.Hint, "UTF-8") {
				t.Errorf("hint %q does not mention UTF-8", e.Hint)
			}
		})
	}
}

func TestReadCSVMultilineField(t *testing.T) {
	data := "序号,违法事实,罚款\n1,\"第一行\n第二行，含英文逗号, 和\"\"引号\"\"\",100\n2,乙,200\n"
	table := mustRead(t)(ReadCSV("multi.csv", []byte(data)))

	if len(table.Rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(table.Rows))
	}
	first, second := table.Rows[0], table.Rows[1]
	if first.Line != 2 {
		t.Errorf("first row line = %d, want 2", first.Line)
	}
	if second.Line != 4 {
		t.Errorf("second row line = %d, want 4", second.Line)
	}
	if want := "第一行\n第二行，含英文逗号, 和\"引号\""; first.Cells[1].Text != want {
		t.Errorf("field = %q, want %q", first.Cells[1].Text, want)
	}
	// The third field starts on line 3, where the quoted field ends.
	if c := first.Cells[2]; c.Line != 3 || c.Text != "100" {
		t.Errorf("third cell: line %d text %q, want line 3 text 100", c.Line, c.Text)
	}
}

func TestReadCSVLineEndsAndEmptyRows(t *testing.T) {
	data := "\r\n序号,名称\r\n1,甲\r\n\r\n,\r\n  ,\u3000\r\n2,乙\r\n\r\n"
	table := mustRead(t)(ReadCSV("crlf.csv", []byte(data)))

	want := [][]string{{"1", "甲"}, {"2", "乙"}}
	if got := texts(table); !reflect.DeepEqual(got, want) {
		t.Errorf("cells = %q, want %q", got, want)
	}
	if table.Rows[0].Line != 3 || table.Rows[1].Line != 7 {
		t.Errorf("row lines = %d, %d, want 3, 7", table.Rows[0].Line, table.Rows[1].Line)
	}
	if strings.Contains(table.Rows[0].Cells[1].Raw, "\r") {
		t.Errorf("raw cell kept a carriage return: %q", table.Rows[0].Cells[1].Raw)
	}
}

func TestReadCSVTooManyCells(t *testing.T) {
	data := "序号,名称\n1,甲\n2,乙公司,多余\n3,丙\n"
	table, errs := ReadCSV("wide.csv", []byte(data))
	e := onlyError(t, errs, "这一行有 3 个单元格，比表头的 2 列多")
	if e.Line != 3 || e.Column != 7 {
		t.Errorf("position = %d:%d, want 3:7 (the rune column of 多余)", e.Line, e.Column)
	}
	if e.Value != "多余" || e.Source != "2,乙公司,多余" {
		t.Errorf("value %q source %q", e.Value, e.Source)
	}
	if len(table.Rows) != 3 || len(table.Rows[1].Cells) != 2 {
		t.Errorf("rows were not kept at header width: %q", texts(table))
	}
}

func TestReadCSVTrailingEmptyCells(t *testing.T) {
	// Excel writes trailing commas for formatted but empty columns.
	data := "序号,名称,,\n1,甲,,\n2,乙,, \n"
	table := mustRead(t)(ReadCSV("trailing.csv", []byte(data)))
	if want := []string{"序号", "名称"}; !reflect.DeepEqual(table.Header, want) {
		t.Errorf("Header = %q, want %q", table.Header, want)
	}
	if len(table.Rows[0].Cells) != 2 {
		t.Errorf("row has %d cells, want 2", len(table.Rows[0].Cells))
	}
}

func TestReadCSVFewerCells(t *testing.T) {
	data := "序号,名称,金额,备注\n1,甲\n"
	table := mustRead(t)(ReadCSV("short.csv", []byte(data)))

	cells := table.Rows[0].Cells
	if len(cells) != 4 {
		t.Fatalf("got %d cells, want 4", len(cells))
	}
	for i, c := range cells[2:] {
		if c.Kind != Empty || c.Text != "" || c.Column != i+3 || c.Line != 2 || c.Field != table.Header[i+2] || c.File != "short.csv" {
			t.Errorf("padding cell %d = %+v", i+3, c)
		}
	}
}

func TestReadCSVHeaderErrors(t *testing.T) {
	tests := []struct {
		name, data string
		message    string
		line, col  int
		field      string
	}{
		{"duplicate label", "序号,姓名,金额,姓名\n1,甲,2,乙\n", "第 2 列和第 4 列的表头相同", 1, 10, "姓名"},
		{"duplicate after folding", "金额（元）,金额(元)\n1,2\n", "第 1 列和第 2 列的表头相同", 1, 7, "金额(元)"},
		{"empty label with data", "序号,,金额\n1,x,2\n", "第 2 列没有表头，但这一列有内容", 2, 3, ""},
		{"empty file", "", "表格是空的", 1, 0, ""},
		{"only empty rows", ",,\n\n , \n", "表格是空的", 1, 0, ""},
		{"tab separated", "序号\t名称\n1\t甲\n", "制表符", 1, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ReadCSV("header.csv", []byte(tt.data))
			e := onlyError(t, errs, tt.message)
			if e.Line != tt.line || e.Column != tt.col || e.Field != tt.field {
				t.Errorf("got line %d column %d field %q, want %d %d %q", e.Line, e.Column, e.Field, tt.line, tt.col, tt.field)
			}
		})
	}
}

func TestReadCSVEmptyLabelWithoutData(t *testing.T) {
	table := mustRead(t)(ReadCSV("gap.csv", []byte("序号,,金额\n1,,2\n")))
	if want := []string{"序号", "", "金额"}; !reflect.DeepEqual(table.Header, want) {
		t.Errorf("Header = %q, want %q", table.Header, want)
	}
}

func TestReadCSVQuoteErrors(t *testing.T) {
	tests := []struct {
		name, data string
		message    string
		line, col  int
	}{
		{"bare quote", "序号,名称\n1,甲\"乙\"公司\n2,丙\n", "没有用英文双引号括起来的单元格里出现了英文双引号", 2, 4},
		{"extraneous quote", "序号,名称\n1,\"甲\"乙\"\n2,丙\n", "有一个双引号没有写成两个", 2, 5},
		{"unterminated quote", "序号,名称\n1,甲\n2,\"乙公司\n3,丙\n", "第 3 行有一个以英文双引号开头的单元格", 3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, errs := ReadCSV("quote.csv", []byte(tt.data))
			e := onlyError(t, errs, tt.message)
			if e.Line != tt.line || e.Column != tt.col {
				t.Errorf("position = %d:%d, want %d:%d", e.Line, e.Column, tt.line, tt.col)
			}
			if e.Source == "" {
				t.Error("source line is empty")
			}
			if table == nil || len(table.Header) != 2 {
				t.Errorf("table was not read around the error")
			}
		})
	}
}

func TestReadCSVQuoteErrorSkipsRecord(t *testing.T) {
	table, errs := ReadCSV("quote.csv", []byte("序号,名称\n1,甲\"乙\n2,丙\n"))
	if len(errs) != 1 {
		t.Fatalf("got %d errors:\n%s", len(errs), joinErrors(errs))
	}
	if got := texts(table); !reflect.DeepEqual(got, [][]string{{"2", "丙"}}) {
		t.Errorf("cells = %q, want only the record after the error", got)
	}
}

func TestReadCSVNormalizes(t *testing.T) {
	data := "\u3000序号\u3000,文号 ,纳税人识别号,金额（元）\n" +
		"１, 包税稽罚〔２０２４〕１２号\u3000,９１１５０１００ＭＡ０１ＡＢＣ１２３,\u00a0１，２００\n"
	table := mustRead(t)(ReadCSV("wide.csv", []byte(data)))

	if want := []string{"序号", "文号", "纳税人识别号", "金额(元)"}; !reflect.DeepEqual(table.Header, want) {
		t.Errorf("Header = %q, want %q", table.Header, want)
	}
	want := []string{"1", "包税稽罚〔2024〕12号", "91150100MA01ABC123", "1，200"}
	for i, c := range table.Rows[0].Cells {
		if c.Text != want[i] {
			t.Errorf("cell %d Text = %q, want %q", i+1, c.Text, want[i])
		}
	}
	if raw := table.Rows[0].Cells[1].Raw; raw != " 包税稽罚〔２０２４〕１２号\u3000" {
		t.Errorf("Raw = %q, want the field as written", raw)
	}
}

func TestCSVCellNewError(t *testing.T) {
	table := mustRead(t)(ReadCSV("pos.csv", []byte("名称,代码\n甲公司,\"9.13501E+17\"\n")))
	e := table.Rows[0].Cells[1].NewError("消息", "提示。")
	if e.File != "pos.csv" || e.Line != 2 || e.Column != 5 || e.Field != "代码" || e.Value != "9.13501E+17" {
		t.Errorf("error = %+v", e)
	}
	if e.Source != "甲公司,\"9.13501E+17\"" {
		t.Errorf("Source = %q", e.Source)
	}
	if !strings.Contains(e.Long(), "    2 | 甲公司,") {
		t.Errorf("Long() lacks the source line:\n%s", e.Long())
	}
}
