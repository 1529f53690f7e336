package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ name, want string }{
		{"政策法规部门", "zheng-ce-fa-gui-bu-men"},
		{"办公厅（室）", "ban-gong-ting-shi"},
		{"法律顾问、公职律师所在部门", "fa-lv-gu-wen-gong-zhi-lv-shi-suo-zai-bu-men"},
		{"About Us", "about-us"},
		{"2024年第1季度", "2024-nian-di-1-ji-du"},
		{"２０２４", "2024"},
		{"ＡＢＣ全角", "abc-quan-jiao"},
		{"——", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.name); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSetKeepsSegmentsUnique(t *testing.T) {
	s := NewSet("index")
	if got := s.For("Index", "x"); got != "index-2" {
		t.Errorf("reserved segment handed out: %q", got)
	}
	a := s.For("稽查局", "x")
	b := s.For("稽查-局", "x")
	if a != "ji-cha-ju" || b != "ji-cha-ju-2" {
		t.Errorf("got %q and %q", a, b)
	}
	if again := s.For("稽查局", "x"); again != a {
		t.Errorf("same name got %q then %q", a, again)
	}
	if got := s.For("！！", "dept"); got != "dept" {
		t.Errorf("fallback not used: %q", got)
	}
}
