package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestErrorForms(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{File: "a.md", Line: 3, Column: 7, Field: "date", Value: "2024-13-01", Message: "日期无效"}, `a.md:3:7: 字段“date”: 日期无效（值："2024-13-01"）`},
		{Error{File: "a.md", Line: 3, Message: "缺少标题"}, "a.md:3: 缺少标题"},
		{Error{File: "a.md", Message: "无法读取"}, "a.md: 无法读取"},
		{Error{Message: "出错"}, "出错"},
		{Error{File: "a.md", Line: 1, Message: "提醒", Severity: SeverityWarning}, "a.md:1: 警告: 提醒"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func TestLongFormCaretUnderChineseColumn(t *testing.T) {
	e := &Error{File: "a.md", Line: 12, Column: 6, Message: "日期无效", Source: "日期 = 2024-13-01", Hint: "写成 2024-01-31"}
	lines := strings.Split(e.Long(), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines:\n%s", len(lines), e.Long())
	}
	// "    12 | " is 9 columns; 日期 takes 4 and " = " 3, so the value starts at 16.
	if caret := strings.Index(lines[2], "^"); caret != 4+len("12")+3+4+3 {
		t.Errorf("caret at column %d:\n%s", caret, e.Long())
	}
	if !strings.Contains(lines[3], "处理办法：写成 2024-01-31") {
		t.Errorf("hint line = %q", lines[3])
	}
}

func TestListSortsAndSeparatesWarnings(t *testing.T) {
	var l List
	l.Add(&Error{File: "b.md", Line: 1, Message: "b"}, nil, &Error{File: "a.md", Line: 9, Message: "a9"})
	l.Add(&Error{File: "a.md", Line: 2, Message: "w", Severity: SeverityWarning})
	items := l.Items()
	if got := fmt.Sprintf("%d %d %s", items[0].Line, items[1].Line, items[2].File); got != "2 9 b.md" {
		t.Errorf("order = %s", got)
	}
	if len(l.Errors()) != 2 || len(l.Warnings()) != 1 || !l.HasErrors() {
		t.Errorf("errors %d, warnings %d", len(l.Errors()), len(l.Warnings()))
	}
	err := l.Err()
	var be *BuildError
	if !errors.As(err, &be) || len(be.Errors) != 2 || !strings.HasPrefix(err.Error(), "发现 2 个错误") {
		t.Errorf("Err() = %v", err)
	}
	if got := AsList(err); len(got) != 2 {
		t.Errorf("AsList returned %d errors", len(got))
	}
}

func TestListWithOnlyWarningsHasNoError(t *testing.T) {
	var l List
	l.Add(&Error{Message: "w", Severity: SeverityWarning})
	if l.Err() != nil || l.HasErrors() {
		t.Error("warnings alone stop the build")
	}
}
