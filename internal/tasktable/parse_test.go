package tasktable

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const seedPath = "../../seeds/000_1356ac1abf4ab30c.txt"

func parseSeed(t *testing.T) *Table {
	t.Helper()
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	table, errs := Parse(seedPath, src)
	for _, e := range errs {
		t.Errorf("seed: %s", e.Long())
	}
	return table
}

// TestSeedGolden compares the whole parse of the real seed, field by field,
// with testdata/seed.golden.json. The golden file was checked by hand
// against the seed, row by row.
func TestSeedGolden(t *testing.T) {
	table := parseSeed(t)
	got, err := table.JSON(true)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("seed parse differs from %s; run go test -update and review the diff", golden)
	}
}

func TestSeedShape(t *testing.T) {
	table := parseSeed(t)

	if len(table.Tasks) != 35 {
		t.Fatalf("got %d tasks, want 35", len(table.Tasks))
	}
	for i, task := range table.Tasks {
		if task.Number != i+1 {
			t.Errorf("task %d has number %d", i+1, task.Number)
		}
	}
	if table.Caption != "包头市税务系统优化执法方式全面推行“三项制度”工作任务分解表" {
		t.Errorf("caption = %q", table.Caption)
	}
	if table.Label != "附件2：" {
		t.Errorf("label = %q", table.Label)
	}
	if !strings.HasPrefix(table.Note, "牵头部门除承担部门职责范围内具体工作外") || !strings.HasSuffix(table.Note, "进行适当调整。") {
		t.Errorf("note = %q", table.Note)
	}
	if strings.Contains(table.Tasks[34].Deadline.Text, "备注") || strings.Contains(table.Tasks[34].Text, "备注") {
		t.Errorf("备注 leaked into row 35: %+v", table.Tasks[34])
	}
}

func TestSeedCells(t *testing.T) {
	table := parseSeed(t)
	task := func(n int) Task { return table.Tasks[n-1] }

	tests := []struct {
		name string
		got  any
		want any
	}{
		{"vertical measure joins", task(1).Measure, "强化事前公示"},
		{"wrapped category joins", task(6).Category, "全面推行行政执法公示制度"},
		{"merged category inherited", task(2).Category, "全面推行行政执法公示制度"},
		{"merged measure inherited", task(4).Measure, "强化事前公示"},
		{"page-break repeat keeps measure", task(6).Measure, "规范事中公示"},
		{"8-cell row has no measure", task(28).Measure, ""},
		{"8-cell row keeps category", task(30).Category, "强化全面推行工作保障"},
		{"8-cell row text", task(28).Text, "召开动员部署会议。"},
		{"unit", task(20).Unit, "自治区、盟市税务机关"},
		{"glued lead split", task(31).Lead, []string{"人事处", "征管和科技发展处", "稽查局"}},
		{"glued cooperating split", task(29).Cooperating, []string{"纳税服务部门", "征管部门", "稽查部门"}},
		{"blank lines inside cell", task(30).Responsible, []string{"办公室", "政策法规部门", "征管部门", "纳税服务部门", "稽查部门", "其他相关部门"}},
		{"name with 、 stays whole", task(20).Cooperating, []string{"人事部门", "法律顾问、公职律师所在部门"}},
		{"empty cooperating", len(task(28).Cooperating), 0},
		{"full-width brackets kept", task(8).Cooperating, []string{"办公厅（室）"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			switch want := tt.want.(type) {
			case []string:
				if got := tt.got.([]string); !slices.Equal(got, want) {
					t.Errorf("got %q, want %q", got, want)
				}
			default:
				if tt.got != tt.want {
					t.Errorf("got %v, want %v", tt.got, tt.want)
				}
			}
		})
	}
}

func TestParseAcceptsBOMAndCRLF(t *testing.T) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	plain, errs := Parse("a.txt", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	dos := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	converted, errs := Parse("b.txt", dos)
	if len(errs) > 0 {
		t.Fatalf("BOM+CRLF: %v", errs[0])
	}
	a, _ := plain.JSON(false)
	b, _ := converted.JSON(false)
	if !bytes.Equal(a, b) {
		t.Error("BOM and CRLF change the parse")
	}
}

func TestDepartmentRoles(t *testing.T) {
	table := parseSeed(t)
	task := table.Tasks[0]
	if got := task.Roles("人事部门"); !slices.Equal(got, []Role{RoleLead, RoleResponsible}) {
		t.Errorf("roles of 人事部门 in task 1 = %v", got)
	}
	if got := task.Roles("稽查局"); len(got) != 0 {
		t.Errorf("roles of 稽查局 in task 1 = %v, want none", got)
	}
	if got := task.Departments(); !slices.Equal(got, []string{"人事部门", "办公室", "纳税服务部门", "其他相关部门"}) {
		t.Errorf("departments of task 1 = %q", got)
	}
}

func BenchmarkParseSeed(b *testing.B) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := Parse(seedPath, src); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}
