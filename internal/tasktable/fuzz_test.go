package tasktable

import (
	"encoding/json"
	"os"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	if seed, err := os.ReadFile(seedPath); err == nil {
		f.Add(seed)
	}
	f.Add([]byte(testHeader + goodRow("1")))
	f.Add([]byte(testHeader + testRow("1", "甲", "", "任务。", "各级税务机关", "征管部门稽查部门", "征管部门\n\n稽查部门", "", "2019年9月开始执行，并持续开展") + "\t备注：无\n"))
	f.Add([]byte("\t\t\t\n\n\t1\n"))

	f.Fuzz(func(t *testing.T, src []byte) {
		table, errs := Parse("fuzz.txt", src)
		for _, e := range errs {
			if e.File != "fuzz.txt" || e.Line < 1 {
				t.Fatalf("error without position: %+v", e)
			}
		}
		if table == nil {
			if len(errs) == 0 {
				t.Fatal("nil table and no error")
			}
			return
		}
		out, err := table.JSON(false)
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(out) {
			t.Fatal("invalid JSON")
		}
		if utf8.Valid(src) && !utf8.Valid(out) {
			t.Fatal("invalid UTF-8 out of valid input")
		}
		for i, task := range table.Tasks {
			if len(task.Lead) == 0 && len(errs) == 0 {
				t.Fatalf("task %d has no lead but no error was reported", i+1)
			}
		}
	})
}

func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"2019年9月底前完成，并持续开展", "每年1月31日前", "2019年7月12日前", "条件成熟时", "9999年99月99日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDeadline(text)
		if err != nil {
			return
		}
		for _, m := range d.Milestones {
			if m.Date.Month < 1 || m.Date.Month > 12 || m.Date.Day < 1 || m.Date.Day > 31 {
				t.Fatalf("impossible date %v from %q", m.Date, text)
			}
		}
	})
}
