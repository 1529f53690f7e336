package tasktable

import (
	"fmt"
	"slices"
	"testing"
)

func TestParseDeadline(t *testing.T) {
	tests := []struct {
		text       string
		milestones []string // "date start? text"
		ongoing    bool
		recurring  string
		conditions []string
	}{
		{text: "2019年9月底前", milestones: []string{"2019-09-30 2019年9月底前"}},
		{text: "2019年底前", milestones: []string{"2019-12-31 2019年底前"}},
		{text: "2019年7月12日前", milestones: []string{"2019-07-12 2019年7月12日前"}},
		{text: "2019年12月底", milestones: []string{"2019-12-31 2019年12月底"}},
		{text: "2020年2月底前", milestones: []string{"2020-02-29 2020年2月底前"}},
		{text: "2019年2月底前", milestones: []string{"2019-02-28 2019年2月底前"}},
		{text: "2019年9月开始执行，并持续开展", milestones: []string{"2019-09-01 start 2019年9月开始执行"}, ongoing: true},
		{text: "2019年9月底前完成，并持续开展", milestones: []string{"2019-09-30 2019年9月底前完成"}, ongoing: true},
		{text: "2019年7月底前启动，2019年底前基本完成", milestones: []string{"2019-07-31 2019年7月底前启动", "2019-12-31 2019年底前基本完成"}},
		{text: "2019年底前完成音像记录设备配备，2020年9月底前建成税务约谈（询问）室",
			milestones: []string{"2019-12-31 2019年底前完成音像记录设备配备", "2020-09-30 2020年9月底前建成税务约谈（询问）室"}},
		{text: "2019年7月底前完成准备阶段培训工作；其他培训持续开展", milestones: []string{"2019-07-31 2019年7月底前完成准备阶段培训工作"}, ongoing: true},
		{text: "每年1月31日前", recurring: "01-31"},
		{text: "每年4月底前", recurring: "04-30"},
		{text: "持续开展", ongoing: true},
		{text: "税务总局平台建成后", conditions: []string{"税务总局平台建成后"}},
		{text: "条件成熟时", conditions: []string{"条件成熟时"}},
		{text: "制定或修改相关标准后1个月内", conditions: []string{"制定或修改相关标准后1个月内"}},
		{text: "税务总局实施方案印发后启动宣传工作，并持续开展", ongoing: true, conditions: []string{"税务总局实施方案印发后启动宣传工作"}},
		{text: "2020年起", milestones: []string{"2020-01-01 start 2020年起"}},
		{text: "2019年 9 月底前", milestones: []string{"2019-09-30 2019年 9 月底前"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := ParseDeadline(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.text {
				t.Errorf("text = %q, want verbatim %q", d.Text, tt.text)
			}
			var got []string
			for _, m := range d.Milestones {
				s := m.Date.String()
				if m.Start {
					s += " start"
				}
				got = append(got, s+" "+m.Text)
			}
			if !slices.Equal(got, tt.milestones) {
				t.Errorf("milestones = %q, want %q", got, tt.milestones)
			}
			if d.Ongoing != tt.ongoing {
				t.Errorf("ongoing = %v, want %v", d.Ongoing, tt.ongoing)
			}
			rec := ""
			if d.Recurring != nil {
				rec = d.Recurring.String()
			}
			if rec != tt.recurring {
				t.Errorf("recurring = %q, want %q", rec, tt.recurring)
			}
			if !slices.Equal(d.Conditions, tt.conditions) {
				t.Errorf("conditions = %q, want %q", d.Conditions, tt.conditions)
			}
		})
	}
}

func TestParseDeadlineRejectsImpossibleDates(t *testing.T) {
	for _, text := range []string{"2019年13月底前", "2019年2月30日前", "2019年0月底前", "每年2月30日前", "2019年4月31日前"} {
		if d, err := ParseDeadline(text); err == nil {
			t.Errorf("%s: no error, got %+v", text, d)
		}
	}
}

func ExampleParseDeadline() {
	d, _ := ParseDeadline("2019年底前完成音像记录设备配备，2020年9月底前建成税务约谈（询问）室")
	for _, m := range d.Milestones {
		fmt.Println(m.Date, m.Text)
	}
	// Output:
	// 2019-12-31 2019年底前完成音像记录设备配备
	// 2020-09-30 2020年9月底前建成税务约谈（询问）室
}
