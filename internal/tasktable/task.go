// Package tasktable reads the task breakdown table (工作任务分解表) that a
// tax bureau issues as a Word table, in the text form that Word's
// "save as plain text" produces, and turns it into typed tasks with
// structured deadlines.
//
// The dump format: the caption lines come first; every table cell starts
// with a tab at the beginning of a line and runs until the next tab; lines
// without a leading tab continue the cell above. A blank line separates
// rows, but blank lines also appear inside cells. Cells merged across rows
// (推行任务, 工作措施) are empty below their first row and repeat their text
// after a page break. Text written vertically in narrow cells arrives one
// short line per word.
package tasktable

import "fmt"

// Table is a parsed task table.
type Table struct {
	// File is the path the table was read from, as given to Parse.
	File string
	// Label is the line before the caption, such as "附件2：".
	Label string
	// Caption is the table's title line.
	Caption string
	// Header is the header row's cell texts, in file order.
	Header []string
	// Tasks are the rows in file order, numbered from 1.
	Tasks []Task
	// Note is the 备注 paragraph below the last row, without its "备注：" label.
	Note string
}

// Task is one row of the table.
type Task struct {
	Number int
	// Category is the 推行任务 the row belongs to, inherited from the rows
	// above where its cell was merged.
	Category string
	// Measure is the 工作措施; empty where the table merged that column
	// into the task text.
	Measure string
	// Text is the task itself (工作任务).
	Text string
	// Unit is the 责任单位, the level of tax authority that carries it out.
	Unit        string
	Lead        []string
	Responsible []string
	Cooperating []string
	Deadline    Deadline
	// Line is the file line where the row starts.
	Line int
}

// Departments returns every department the task names, lead first, without
// repeats.
func (t *Task) Departments() []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range [][]string{t.Lead, t.Responsible, t.Cooperating} {
		for _, d := range list {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// Role is a department's part in a task.
type Role int

const (
	RoleLead Role = iota + 1
	RoleResponsible
	RoleCooperating
)

// String returns the role's Chinese name as the table's header writes it.
func (r Role) String() string {
	switch r {
	case RoleLead:
		return "牵头部门"
	case RoleResponsible:
		return "责任部门"
	case RoleCooperating:
		return "配合部门"
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// Roles returns the roles the department has in the task, in the order
// lead, responsible, cooperating. A department can have several.
func (t *Task) Roles(department string) []Role {
	var roles []Role
	for i, list := range [][]string{t.Lead, t.Responsible, t.Cooperating} {
		for _, d := range list {
			if d == department {
				roles = append(roles, Role(i+1))
				break
			}
		}
	}
	return roles
}
