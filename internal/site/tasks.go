package site

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"gongshi/internal/slug"
	"gongshi/internal/tasktable"
	"gongshi/internal/tz"
)

// TaskTable is the task table as the templates lay it out.
type TaskTable struct {
	Table *tasktable.Table
	// Date is the table's 发布日期, from the configuration.
	Date time.Time
	Rows []TaskRow
	// Departments are sorted by the number of tasks they lead, then name.
	Departments []*Department
	Timeline    Timeline

	// JSONPath and CSVPath are the download links, with the base path.
	JSONPath string
	CSVPath  string

	byName map[string]*Department
}

// TaskRow is one task with the cell spans of the original layout:
// 推行任务 and 工作措施 cells merged down over the rows of their group.
type TaskRow struct {
	Task *tasktable.Task
	URL  string
	// CategorySpan is the rowspan of the 推行任务 cell on this row, or 0
	// when a row above covers it. MeasureSpan likewise for 工作措施.
	CategorySpan int
	MeasureSpan  int
	// Merged is set when the row has no 工作措施 and its text spans both
	// columns, as in the original table.
	Merged bool

	Lead        []Link
	Responsible []Link
	Cooperating []Link
}

// Department is a department named in the task table and its tasks by
// role.
type Department struct {
	Name        string
	Slug        string
	URL         string
	Lead        []*TaskRow
	Responsible []*TaskRow
	Cooperating []*TaskRow
}

// Count returns the number of distinct tasks the department takes part in.
func (d *Department) Count() int {
	seen := map[int]bool{}
	for _, list := range [][]*TaskRow{d.Lead, d.Responsible, d.Cooperating} {
		for _, r := range list {
			seen[r.Task.Number] = true
		}
	}
	return len(seen)
}

// Timeline orders the tasks' deadlines.
type Timeline struct {
	// Dated are the milestones in date order, then task order.
	Dated []TimelineEntry
	// Recurring are tasks due on the same day every year.
	Recurring []*TaskRow
	// Conditional are tasks whose deadline depends on an event and has
	// no date.
	Conditional []*TaskRow
	// Ongoing are tasks with no end, with or without milestones.
	Ongoing []*TaskRow
}

// TimelineEntry is one milestone of one task.
type TimelineEntry struct {
	Date      tasktable.Date
	Milestone tasktable.Milestone
	Row       *TaskRow
	// Past is set when the date is before the build's as-of day.
	Past bool
}

// newTaskTable lays out the table and creates its department index.
// section is the URL folder of the task pages.
func newTaskTable(t *tasktable.Table, date time.Time, basePath, section string, asOf time.Time) *TaskTable {
	tt := &TaskTable{
		Table:    t,
		Date:     date,
		JSONPath: basePath + section + "/tasks.json",
		CSVPath:  basePath + section + "/tasks.csv",
		byName:   map[string]*Department{},
	}

	slugs := slug.NewSet("timeline", "page")
	for i := range t.Tasks {
		for _, name := range t.Tasks[i].Departments() {
			if tt.byName[name] == nil {
				seg := slugs.For(name, "dept")
				d := &Department{Name: name, Slug: seg, URL: basePath + section + "/departments/" + seg + "/"}
				tt.byName[name] = d
				tt.Departments = append(tt.Departments, d)
			}
		}
	}

	tt.Rows = make([]TaskRow, len(t.Tasks))
	for i := range t.Tasks {
		task := &t.Tasks[i]
		tt.Rows[i] = TaskRow{
			Task:        task,
			URL:         basePath + section + "/" + strconv.Itoa(task.Number) + "/",
			Merged:      task.Measure == "",
			Lead:        tt.links(task.Lead),
			Responsible: tt.links(task.Responsible),
			Cooperating: tt.links(task.Cooperating),
		}
	}
	tt.setSpans()
	tt.indexDepartments()
	tt.Timeline = newTimeline(tt.Rows, asOf)
	return tt
}

func (tt *TaskTable) links(names []string) []Link {
	out := make([]Link, len(names))
	for i, n := range names {
		out[i] = Link{Title: n, URL: tt.byName[n].URL}
	}
	return out
}

// setSpans computes the rowspans of the merged 推行任务 and 工作措施 cells:
// consecutive rows with the same value form one cell.
func (tt *TaskTable) setSpans() {
	rows := tt.Rows
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Task.Category == rows[i].Task.Category {
			j++
		}
		rows[i].CategorySpan = j - i

		for k := i; k < j; {
			m := k
			for m < j && rows[m].Task.Measure == rows[k].Task.Measure {
				m++
			}
			if !rows[k].Merged {
				rows[k].MeasureSpan = m - k
			}
			k = m
		}
		i = j
	}
}

func (tt *TaskTable) indexDepartments() {
	for i := range tt.Rows {
		row := &tt.Rows[i]
		for _, n := range row.Task.Lead {
			tt.byName[n].Lead = append(tt.byName[n].Lead, row)
		}
		for _, n := range row.Task.Responsible {
			tt.byName[n].Responsible = append(tt.byName[n].Responsible, row)
		}
		for _, n := range row.Task.Cooperating {
			tt.byName[n].Cooperating = append(tt.byName[n].Cooperating, row)
		}
	}
	sort.SliceStable(tt.Departments, func(i, j int) bool {
		a, b := tt.Departments[i], tt.Departments[j]
		if len(a.Lead) != len(b.Lead) {
			return len(a.Lead) > len(b.Lead)
		}
		return a.Name < b.Name
	})
}

func newTimeline(rows []TaskRow, asOf time.Time) Timeline {
	var tl Timeline
	day := asOf.In(tz.Shanghai())
	today := tasktable.Date{Year: day.Year(), Month: day.Month(), Day: day.Day()}
	for i := range rows {
		row := &rows[i]
		d := row.Task.Deadline
		for _, m := range d.Milestones {
			tl.Dated = append(tl.Dated, TimelineEntry{Date: m.Date, Milestone: m, Row: row, Past: m.Date.Before(today)})
		}
		if d.Recurring != nil {
			tl.Recurring = append(tl.Recurring, row)
		}
		if len(d.Conditions) > 0 {
			tl.Conditional = append(tl.Conditional, row)
		}
		if d.Ongoing {
			tl.Ongoing = append(tl.Ongoing, row)
		}
	}
	sort.SliceStable(tl.Dated, func(i, j int) bool {
		return tl.Dated[i].Date.Before(tl.Dated[j].Date)
	})
	return tl
}

// Years groups the dated milestones by year, for headings in the
// timeline.
func (tl Timeline) Years() []TimelineYear {
	var out []TimelineYear
	for _, e := range tl.Dated {
		if len(out) == 0 || out[len(out)-1].Year != e.Date.Year {
			out = append(out, TimelineYear{Year: e.Date.Year})
		}
		last := &out[len(out)-1]
		last.Entries = append(last.Entries, e)
	}
	return out
}

// TimelineYear is the milestones of one year.
type TimelineYear struct {
	Year    int
	Entries []TimelineEntry
}

// taskTitle is the title of a task's own page.
func taskTitle(t *tasktable.Task) string {
	return fmt.Sprintf("任务%d：%s", t.Number, shorten(t.Text, 30))
}

// shorten cuts s to n characters, adding "…" when it cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
