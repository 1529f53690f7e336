package sheet

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func FuzzReadCSV(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("序号,名称\r\n1,包头市甲公司\r\n"))
	seeds := [][]byte{
		[]byte("序号,名称\n1,甲\n"),
		[]byte("\xEF\xBB\xBF序号,名称\r\n1,\"甲\n乙\"\r\n"),
		gbk,
		[]byte("a,b\n1,2,3\n4\n"),
		[]byte("a,a\n,\n\"x\"y,\"\n"),
		[]byte("\xff\xfe\x00"),
		[]byte("\x84\x31\x95\x33a\n1\n"),
		[]byte("１，２（３）\u3000,〔〕\n"),
		[]byte(""),
	}
	for _, s := range seeds {
		f.Add(s)
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		table, errs := ReadCSV("fuzz.csv", data)
		for _, e := range errs {
			if e.File != "fuzz.csv" || e.Line < 1 {
				t.Fatalf("error without position: %+v", e)
			}
		}
		if table == nil {
			if len(errs) == 0 {
				t.Fatal("nil table without error")
			}
			return
		}

		if len(table.Header) > 0 && strings.ContainsRune(table.Header[0], '\uFEFF') {
			t.Fatalf("first label %q keeps a byte order mark", table.Header[0])
		}
		for _, r := range table.Rows {
			if r.Line < 1 || len(r.Cells) != len(table.Header) {
				t.Fatalf("row at line %d has %d cells for %d labels", r.Line, len(r.Cells), len(table.Header))
			}
			for i, c := range r.Cells {
				if c.Column != i+1 || c.Line < r.Line {
					t.Fatalf("cell %d of line %d: %+v", i, r.Line, c)
				}
				if utf8.Valid(data) && len(errs) == 0 && !utf8.ValidString(c.Text) {
					t.Fatalf("cell text %q is not valid UTF-8", c.Text)
				}
			}
		}
	})
}

func FuzzIdentifier(f *testing.F) {
	f.Add("9.13501E+17", uint8(Text), 18)
	f.Add("913501199001011234", uint8(Number), 18)
	f.Add("012345", uint8(Text), 6)
	f.Add("", uint8(Empty), 0)
	f.Add("12.5", uint8(Number), -1)

	f.Fuzz(func(t *testing.T, raw string, kind uint8, wantLen int) {
		c := Cell{Text: Normalize(raw), Raw: raw, Kind: CellKind(kind % 5), Line: 1, File: "fuzz.xlsx", Ref: "A1"}
		got, e := Identifier(c, wantLen)
		if e != nil {
			if got != "" || e.Line != 1 || e.File != "fuzz.xlsx" {
				t.Fatalf("error %+v with result %q", e, got)
			}
			return
		}
		if c.Kind != Empty && got != c.Text {
			t.Fatalf("Identifier returned %q for text %q", got, c.Text)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	f.Add("\u3000（２０２４）〔１２〕，\u00a0")
	f.Fuzz(func(t *testing.T, s string) {
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Fatalf("Normalize is not idempotent: %q -> %q -> %q", s, once, twice)
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(rawWorkbook(&testing.T{}, `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1"><f>1+1</f></c></row>`+
		`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c></row>`))
	f.Add([]byte("PK\x03\x04"))

	f.Fuzz(func(t *testing.T, data []byte) {
		table, errs := ReadXLSX("fuzz.xlsx", data, "")
		for _, e := range errs {
			if e.File != "fuzz.xlsx" || e.Line < 1 {
				t.Fatalf("error without position: %+v", e)
			}
		}
		if table == nil && len(errs) == 0 {
			t.Fatal("nil table without error")
		}
	})
}
