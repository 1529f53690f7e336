package tasktable

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"gongshi/internal/diag"
)

// rawTask is a parsed row whose department cells still hold their lines as
// written, before glued names are split.
type rawTask struct {
	Task
	deptLines [3][]string // lead, responsible, cooperating
}

// Parse reads a task table dump. It returns every problem it finds, each
// with the file line of the offending cell. A table with errors is still
// returned with the rows that did parse, so callers can show both.
func Parse(file string, src []byte) (*Table, []*diag.Error) {
	p := parser{file: file}
	lines, ok := p.splitLines(src)
	if !ok {
		return nil, p.errs
	}

	first := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "\t") {
			first = i
			break
		}
	}
	if first < 0 {
		p.fail(1, "", "", "没有找到表格：没有任何以制表符开头的单元格行",
			"请确认文件是从 Word 表格“另存为纯文本”得到的，单元格之间用制表符分隔。")
		return nil, p.errs
	}

	t := &Table{File: file}
	t.Label, t.Caption = caption(lines[:first])

	rows := splitRows(lines, first)
	t.Header = p.header(rows[0])

	var raws []rawTask
	// want is the number the next row should carry. It advances past a
	// row that failed to parse, so one bad row is reported once and does
	// not make every row after it look misnumbered.
	want := 1
	for i, r := range rows[1:] {
		if note, ok := noteText(r); ok {
			if i != len(rows)-2 {
				p.fail(r.line, "备注", "", "备注之后还有表格行；备注应在表格最后",
					"把备注移到最后一行之后，或删除多出的行。")
			}
			t.Note = note
			continue
		}
		var prev *rawTask
		if len(raws) > 0 {
			prev = &raws[len(raws)-1]
		}
		raw, ok := p.row(r, prev, want)
		if ok {
			raws = append(raws, raw)
			want = raw.Number
		}
		want++
	}
	if len(raws) == 0 && len(p.errs) == 0 {
		p.fail(rows[0].line, "", "", "表格只有表头，没有任务行", "")
	}

	t.Tasks = splitDepartments(raws)
	p.lines = lines
	p.attachSource()
	return t, p.errs
}

type parser struct {
	file  string
	errs  []*diag.Error
	lines []string
}

func (p *parser) fail(line int, field, value, msg, hint string) {
	p.errs = append(p.errs, &diag.Error{
		File: p.file, Line: line, Field: field, Value: value, Message: msg, Hint: hint,
	})
}

// attachSource copies each error's source line for the long error form.
func (p *parser) attachSource() {
	for _, e := range p.errs {
		if e.Line >= 1 && e.Line <= len(p.lines) {
			e.Source = strings.ReplaceAll(p.lines[e.Line-1], "\t", "→")
		}
	}
}

// splitLines checks the encoding and splits into lines, accepting a UTF-8
// BOM and CRLF or CR line ends.
func (p *parser) splitLines(src []byte) ([]string, bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if !utf8.ValidString(l) {
			p.fail(i+1, "", "", "这一行不是有效的 UTF-8 文本",
				"请把文件另存为 UTF-8 编码（Word：另存为纯文本时选择 Unicode (UTF-8)）。")
			return nil, false
		}
	}
	return lines, true
}

// caption returns the label ("附件2：") and title lines above the table.
func caption(pre []string) (label, title string) {
	var kept []string
	for _, l := range pre {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	switch len(kept) {
	case 0:
		return "", ""
	case 1:
		return "", kept[0]
	}
	return kept[0], strings.Join(kept[1:], "")
}

// header checks the header row: it starts with 序号 and ends with 完成时限.
func (p *parser) header(r row) []string {
	var names []string
	for _, c := range r.cells {
		names = append(names, joinLines(c.lines))
	}
	if len(names) < minRowCells-1 || names[0] != "序号" || names[len(names)-1] != "完成时限" {
		p.fail(r.line, "表头", strings.Join(names, "|"), "表头应以“序号”开头、以“完成时限”结尾",
			"请确认表格第一行是表头：序号、推行任务、工作措施、责任单位、牵头部门、责任部门、配合部门、完成时限。")
	}
	return names
}

// noteText recognises the 备注 paragraph below the last row.
func noteText(r row) (string, bool) {
	if len(r.cells) == 0 {
		return "", false
	}
	text := joinLines(r.cells[0].lines)
	for _, label := range []string{"备注：", "备注:", "备注"} {
		if strings.HasPrefix(text, label) {
			var rest []string
			rest = append(rest, strings.TrimSpace(strings.TrimPrefix(text, label)))
			for _, c := range r.cells[1:] {
				rest = append(rest, joinLines(c.lines))
			}
			return strings.Join(rest, ""), true
		}
	}
	return "", false
}

// row turns one row of cells into a task. prev is the row above, from
// which merged cells are inherited, and want the number the row should
// carry.
func (p *parser) row(r row, prev *rawTask, want int) (rawTask, bool) {
	n := len(r.cells)
	first := joinLines(r.cells[0].lines)
	if n != 9 && n != 8 {
		p.fail(r.line, "", first, fmt.Sprintf("这一行有 %d 个单元格，应为 9 个（工作措施并入工作任务时为 8 个）", n),
			"请检查这一行是否缺少或多出单元格：每个单元格以制表符开头。")
		return rawTask{}, false
	}

	number, ok := atoi(first)
	if !ok {
		p.fail(r.cells[0].line, "序号", first, "序号不是数字", "序号应为 1、2、3 这样的整数。")
		return rawTask{}, false
	}
	if number != want {
		p.fail(r.cells[0].line, "序号", first, fmt.Sprintf("序号应为 %d", want), "请按顺序编号，不要跳号或重号。")
	}

	// off is 1 when the row has its own 工作措施 cell.
	off := n - minRowCells
	text := func(i int) string { return joinLines(r.cells[i].lines) }
	t := rawTask{Task: Task{
		Number:   number,
		Category: text(1),
		Text:     text(2 + off),
		Unit:     text(3 + off),
		Line:     r.line,
	}}
	if off == 1 {
		t.Measure = text(2)
	}
	for i := range 3 {
		t.deptLines[i] = nonBlankLines(r.cells[4+off+i].lines)
	}

	if !looksLikeUnit(t.Unit) {
		p.layoutError(r, off)
		return rawTask{}, false
	}

	p.inherit(&t, prev, r)
	p.required(&t, r, off)

	deadlineCell := r.cells[7+off]
	d, err := ParseDeadline(joinLines(deadlineCell.lines))
	if err != nil {
		p.fail(deadlineCell.line, "完成时限", d.Text, "日期不存在："+err.Error(), "请改正年月日。")
	}
	t.Deadline = d
	return t, true
}

// layoutError explains a row whose 责任单位 is not where its cell count
// puts it. When the unit sits one cell off, the row has a cell too few or
// too many after the unit, and the error reports that at the row's first
// line. Otherwise the error names the cell in the unit's place.
func (p *parser) layoutError(r row, off int) {
	const columns = "序号、推行任务、工作措施、工作任务、责任单位、牵头部门、责任部门、配合部门、完成时限"
	text := func(i int) string { return joinLines(r.cells[i].lines) }
	first := text(0)
	switch {
	case off == 0 && looksLikeUnit(text(4)):
		p.fail(r.line, "", first,
			"这一行写了工作措施，应有 9 个单元格，但只有 8 个：责任单位之后的牵头部门、责任部门、配合部门、完成时限中少了一个",
			"请对照原表补上缺少的单元格（没有配合部门时也要留一个只有制表符的空单元格）。各列依次是："+columns+"。")
	case off == 1 && looksLikeUnit(text(3)):
		p.fail(r.line, "", first,
			"这一行的工作措施与工作任务合并，应有 8 个单元格，但有 9 个：责任单位之后多了一个",
			"请对照原表删去多出的单元格。各列依次是："+columns+"。")
	default:
		c := r.cells[3+off]
		p.fail(c.line, "责任单位", text(3+off), "这个单元格应是责任单位（如“各级税务机关”），这一行可能缺少或多出一个单元格",
			"请对照原表检查这一行的单元格："+columns+"。")
	}
}

// looksLikeUnit reports whether s names a level of tax authority, which
// every 责任单位 of a tax bureau's table does. The check anchors the cell
// layout: a row that lost a cell puts some other text in this position.
func looksLikeUnit(s string) bool {
	return strings.HasSuffix(s, "税务机关") || strings.HasSuffix(s, "税务局")
}

// inherit fills the merged 推行任务 and 工作措施 cells from the row above.
func (p *parser) inherit(t *rawTask, prev *rawTask, r row) {
	if t.Category == "" {
		if prev == nil {
			p.fail(r.cells[1].line, "推行任务", "", "第一行的推行任务为空，无处继承", "请在第一行写明推行任务。")
		} else {
			t.Category = prev.Category
		}
	}
	if len(r.cells) == minRowCells || t.Measure != "" {
		return
	}
	if prev != nil && prev.Category == t.Category && prev.Measure != "" {
		t.Measure = prev.Measure
		return
	}
	p.fail(r.cells[2].line, "工作措施", "", "工作措施为空，上一行也没有同一推行任务下的工作措施可继承",
		"请在这一推行任务的第一行写明工作措施。")
}

func (p *parser) required(t *rawTask, r row, off int) {
	checks := []struct {
		field string
		empty bool
		cell  int
	}{
		{"工作任务", t.Text == "", 2 + off},
		{"牵头部门", len(t.deptLines[0]) == 0, 4 + off},
		{"责任部门", len(t.deptLines[1]) == 0, 5 + off},
		{"完成时限", joinLines(r.cells[7+off].lines) == "", 7 + off},
	}
	for _, c := range checks {
		if c.empty {
			p.fail(r.cells[c.cell].line, c.field, "", c.field+"为空", "请填写"+c.field+"。")
		}
	}
}
