package sheet

import (
	"testing"

	"golang.org/x/text/width"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "ABC-123", "ABC-123"},
		{"ascii spaces trimmed", "  王芳\t", "王芳"},
		{"ideographic space trimmed", "\u3000王芳\u3000", "王芳"},
		{"nbsp trimmed", "\u00a0张三\u00a0", "张三"},
		{"bom and zero width space trimmed", "\ufeff\u200b姓名", "姓名"},
		{"full-width digits", "２０２４", "2024"},
		{"full-width letters", "ＡＢｃ", "ABc"},
		{"full-width parentheses folded", "罚款金额（万元）", "罚款金额(万元)"},
		{"full-width brackets folded", "［１］｛２｝", "[1]{2}"},
		{"full-width hyphen slash period", "２０２４－０１／０１．５", "2024-01/01.5"},
		{"hexagonal brackets kept", "包税稽罚〔２０２４〕１２号", "包税稽罚〔2024〕12号"},
		{"chinese punctuation kept", "违法事实：未按期申报，处罚。", "违法事实：未按期申报，处罚。"},
		{"chinese marks kept", "依据《税收征收管理法》、“规定”【一】！？；～", "依据《税收征收管理法》、“规定”【一】！？；～"},
		{"inner ideographic space becomes space", "王\u3000芳", "王 芳"},
		{"inner nbsp becomes space", "a\u00a0b", "a b"},
		{"inner line break kept", "第一行\n第二行", "第一行\n第二行"},
		{"full-width yen kept", "￥１２００", "￥1200"},
		{"empty", "", ""},
		{"spaces only", " \u3000 ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestWidthFoldBehaviour records what golang.org/x/text/width.Fold does to
// each mark, which is why Normalize does not call it on whole strings: it
// folds ，：；！？～ too.
func TestWidthFoldBehaviour(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（", "("}, {"）", ")"},
		{"［", "["}, {"］", "]"},
		{"｛", "{"}, {"｝", "}"},
		{"，", ","}, {"：", ":"}, {"；", ";"}, {"！", "!"}, {"？", "?"}, {"～", "~"},
		{"\u3000", " "},
		{"〔", "〔"}, {"〕", "〕"},
		{"【", "【"}, {"】", "】"},
		{"《", "《"}, {"》", "》"},
		{"“", "“"}, {"”", "”"},
		{"。", "。"}, {"、", "、"},
		{"￥", "¥"},
	}
	for _, tt := range tests {
		if got := width.Fold.String(tt.in); got != tt.want {
			t.Errorf("width.Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeLabelRemovesBOM(t *testing.T) {
	if got := normalizeLabel("\ufeff\ufeff序号\ufeff"); got != "序号" {
		t.Errorf("normalizeLabel = %q, want 序号", got)
	}
}
