package site

import (
	"strconv"
	"strings"
)

// tasks plans the task table's pages: the whole table, a page per task, the
// department index and a page per department, and the timeline.
func (p *planner) tasks() {
	cfg := p.in.Config
	section := cfg.Tasks.Section
	base := p.site.BasePath
	tt := newTaskTable(p.in.Tasks, p.in.TasksDate, base, section, p.in.AsOf)
	p.site.Tasks = tt
	file := p.in.Tasks.File

	col := p.column(section, nil)
	if col.Name == "" {
		col.Name = cfg.Tasks.Title
	}
	if col.Description == "" || col.Description == col.Name {
		col.Description = p.in.Tasks.Caption
	}

	table := p.newPage(KindTaskTable, section, cfg.Tasks.Title, section+"/")
	p.claim(table.Path, file, 0)
	table.Date = tt.Date
	table.Deps = []string{file}
	table.Column = col
	table.Description = p.in.Tasks.Caption
	table.Breadcrumbs = []Link{p.homeLink(), {Title: table.Title}}
	tableCrumb := Link{Title: table.Title, URL: table.RelURL()}

	for i := range tt.Rows {
		row := &tt.Rows[i]
		t := row.Task
		pg := p.newPage(KindTask, section, taskTitle(t), section+"/"+strconv.Itoa(t.Number)+"/")
		p.claim(pg.Path, file, t.Line)
		pg.Task = t
		pg.Date = tt.Date
		pg.Deps = []string{file}
		pg.Column = col
		pg.Description = t.Text
		pg.Keywords = append([]string{t.Category}, t.Lead...)
		pg.Breadcrumbs = []Link{p.homeLink(), tableCrumb, {Title: "任务" + strconv.Itoa(t.Number)}}
	}

	index := p.newPage(KindDepartments, section, "按部门查看任务", section+"/departments/")
	p.claim(index.Path, file, 0)
	index.Date = tt.Date
	index.Deps = []string{file}
	index.Column = col
	index.Description = "任务分解表中各部门牵头、负责和配合的任务"
	index.Breadcrumbs = []Link{p.homeLink(), tableCrumb, {Title: index.Title}}
	indexCrumb := Link{Title: index.Title, URL: index.RelURL()}

	for _, d := range tt.Departments {
		pg := p.newPage(KindDepartment, section, d.Name, strings.TrimPrefix(d.URL, base))
		p.claim(pg.Path, file, 0)
		pg.Department = d
		pg.Date = tt.Date
		pg.Deps = []string{file}
		pg.Column = col
		pg.Description = d.Name + "在任务分解表中牵头、负责和配合的任务"
		pg.Keywords = []string{d.Name}
		pg.Breadcrumbs = []Link{p.homeLink(), tableCrumb, indexCrumb, {Title: d.Name}}
	}

	timeline := p.newPage(KindTimeline, section, "任务时间表", section+"/timeline/")
	p.claim(timeline.Path, file, 0)
	timeline.Date = tt.Date
	timeline.Deps = []string{file}
	timeline.Column = col
	timeline.Description = "任务分解表各项任务按完成时限排列"
	timeline.Breadcrumbs = []Link{p.homeLink(), tableCrumb, {Title: timeline.Title}}
}
