package sheet

import (
	"strings"
	"testing"

	"gongshi/internal/diag"
)

// joinErrors returns the one-line forms of errs, one a line, for failure
// messages.
func joinErrors(errs []*diag.Error) string {
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// mustRead returns a function that fails the test unless a reader returned
// a table and no error, so that it takes a reader's results directly:
// mustRead(t)(ReadCSV(file, data)).
func mustRead(t *testing.T) func(*Table, []*diag.Error) *Table {
	return func(table *Table, errs []*diag.Error) *Table {
		t.Helper()
		if len(errs) > 0 {
			t.Fatalf("unexpected errors:\n%s", joinErrors(errs))
		}
		if table == nil {
			t.Fatal("table is nil")
		}
		return table
	}
}

// onlyError fails the test unless errs holds exactly one error whose
// message contains want, and returns it.
func onlyError(t *testing.T, errs []*diag.Error, want string) *diag.Error {
	t.Helper()
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1 containing %q:\n%s", len(errs), want, joinErrors(errs))
	}
	if !strings.Contains(errs[0].Message, want) {
		t.Fatalf("message %q does not contain %q", errs[0].Message, want)
	}
	return errs[0]
}

// texts returns the Text of every cell of every row.
func texts(table *Table) [][]string {
	out := make([][]string, len(table.Rows))
	for i, r := range table.Rows {
		for _, c := range r.Cells {
			out[i] = append(out[i], c.Text)
		}
	}
	return out
}
