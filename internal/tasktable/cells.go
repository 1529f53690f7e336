package tasktable

import "strings"

// cell is one table cell as it appears in the dump: its lines, blank ones
// included, and the file line it starts on.
type cell struct {
	lines []string
	line  int
}

// row is a run of cells between row breaks.
type row struct {
	cells []cell
	line  int
}

// minRowCells is the cell count of the shortest complete row: the 8-cell
// form, where 工作措施 is merged into the task text.
const minRowCells = 8

// splitRows groups the cells of the table body into rows.
//
// A blank line followed by a line that starts a cell ends the row when the
// row already has minRowCells cells or when the new cell holds the next row
// number, or when the row is the 备注 paragraph. Otherwise the blank line
// sits inside the row, as Word writes it between paragraphs of one cell.
func splitRows(lines []string, first int) []row {
	var rows []row
	var cur *row
	blankBefore := true

	for i := first; i < len(lines); i++ {
		text := lines[i]
		lineNo := i + 1

		if !strings.HasPrefix(text, "\t") && strings.TrimSpace(text) == "" {
			blankBefore = true
			if cur != nil && len(cur.cells) > 0 {
				last := &cur.cells[len(cur.cells)-1]
				last.lines = append(last.lines, "")
			}
			continue
		}

		if !strings.HasPrefix(text, "\t") {
			if cur == nil || len(cur.cells) == 0 {
				// Text outside any cell; the caller reports it.
				cur = startRow(&rows, lineNo)
				cur.cells = append(cur.cells, cell{line: lineNo})
			}
			last := &cur.cells[len(cur.cells)-1]
			last.lines = append(last.lines, text)
			blankBefore = false
			continue
		}

		parts := strings.Split(text[1:], "\t")
		if cur == nil || (blankBefore && endsRow(cur, parts[0])) {
			cur = startRow(&rows, lineNo)
		}
		for _, p := range parts {
			cur.cells = append(cur.cells, cell{lines: []string{p}, line: lineNo})
		}
		blankBefore = false
	}
	return rows
}

// endsRow reports whether a cell starting with next, after a blank line,
// begins a new row rather than continuing cur.
func endsRow(cur *row, next string) bool {
	if len(cur.cells) >= minRowCells || isNumber(next, nextRowNumber(cur)) {
		return true
	}
	_, isNote := noteText(*cur)
	return isNote
}

func startRow(rows *[]row, line int) *row {
	*rows = append(*rows, row{line: line})
	return &(*rows)[len(*rows)-1]
}

// nextRowNumber returns the number the row after r should carry.
func nextRowNumber(r *row) int {
	if len(r.cells) == 0 {
		return 0
	}
	n, ok := atoi(joinLines(r.cells[0].lines))
	if !ok {
		return 0
	}
	return n + 1
}

func isNumber(s string, want int) bool {
	n, ok := atoi(strings.TrimSpace(s))
	return ok && want > 0 && n == want
}

// atoi parses a row number: ASCII or full-width digits only.
func atoi(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 18 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
	}
	return n, true
}

// joinLines joins a cell's lines into one phrase. Chinese needs no space
// where Word wrapped a line or wrote a word per line (强化 / 事前 / 公示), but
// two Latin words or numbers split across lines keep one.
func joinLines(lines []string) string {
	var b strings.Builder
	prevLast := rune(0)
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		first := []rune(l)[0]
		if prevLast != 0 && isLatin(prevLast) && isLatin(first) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
		runes := []rune(l)
		prevLast = runes[len(runes)-1]
	}
	return b.String()
}

func isLatin(r rune) bool {
	return r < 0x80 && (r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// nonBlankLines returns the cell's lines trimmed, without blank ones.
func nonBlankLines(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
