package tasktable

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
)

// taskJSON is the published shape of one task in tasks.json. Its keys are
// a public interface: people and programs download the file, so renaming
// a key breaks them.
type taskJSON struct {
	Number      int             `json:"number"`
	Category    string          `json:"category"`
	Measure     string          `json:"measure"`
	Text        string          `json:"text"`
	Unit        string          `json:"unit"`
	Lead        []string        `json:"lead"`
	Responsible []string        `json:"responsible"`
	Cooperating []string        `json:"cooperating"`
	Deadline    string          `json:"deadline"`
	Milestones  []milestoneJSON `json:"milestones"`
	Ongoing     bool            `json:"ongoing"`
	Recurring   *string         `json:"recurring"`
}

type milestoneJSON struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// JSON returns the tasks as a JSON array, indented when indent is set.
// Lists are never null: an empty list is written as [].
func (t *Table) JSON(indent bool) ([]byte, error) {
	out := make([]taskJSON, 0, len(t.Tasks))
	for _, task := range t.Tasks {
		j := taskJSON{
			Number:      task.Number,
			Category:    task.Category,
			Measure:     task.Measure,
			Text:        task.Text,
			Unit:        task.Unit,
			Lead:        nonNil(task.Lead),
			Responsible: nonNil(task.Responsible),
			Cooperating: nonNil(task.Cooperating),
			Deadline:    task.Deadline.Text,
			Milestones:  []milestoneJSON{},
			Ongoing:     task.Deadline.Ongoing,
		}
		for _, m := range task.Deadline.Milestones {
			j.Milestones = append(j.Milestones, milestoneJSON{Date: m.Date.String(), Text: m.Text})
		}
		if r := task.Deadline.Recurring; r != nil {
			s := r.String()
			j.Recurring = &s
		}
		out = append(out, j)
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// csvHeader names the columns of tasks.csv in the table's own words.
var csvHeader = []string{
	"序号", "推行任务", "工作措施", "工作任务", "责任单位", "牵头部门", "责任部门", "配合部门",
	"完成时限", "时间节点", "持续开展", "每年截止日",
}

// CSV returns the tasks as CSV for spreadsheet users: UTF-8 with a BOM,
// which Excel needs to read Chinese correctly, CRLF line ends, several
// departments in one cell separated by "、".
func (t *Table) CSV() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return nil, err
	}
	for _, task := range t.Tasks {
		var milestones []string
		for _, m := range task.Deadline.Milestones {
			milestones = append(milestones, m.Date.String())
		}
		ongoing := "否"
		if task.Deadline.Ongoing {
			ongoing = "是"
		}
		recurring := ""
		if r := task.Deadline.Recurring; r != nil {
			recurring = r.String()
		}
		record := []string{
			strconv.Itoa(task.Number), task.Category, task.Measure, task.Text, task.Unit,
			strings.Join(task.Lead, "、"), strings.Join(task.Responsible, "、"),
			strings.Join(task.Cooperating, "、"), task.Deadline.Text,
			strings.Join(milestones, "；"), ongoing, recurring,
		}
		if err := w.Write(record); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
