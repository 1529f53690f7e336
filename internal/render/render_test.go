package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/internal/config"
	"gongshi/internal/site"
)

func writeLayouts(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "layouts")
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const base = `<html>{{template "partials/head.html" .}}{{block "main" .}}{{end}}</html>`

func TestLookupPrefersSection(t *testing.T) {
	dir := writeLayouts(t, map[string]string{
		"_default/baseof.html":  base,
		"partials/head.html":    `<title>{{.Title}}</title>`,
		"_default/page.html":    `{{define "main"}}default{{end}}`,
		"tongzhi/page.html":     `{{define "main"}}tongzhi{{end}}`,
		"_default/section.html": `{{define "main"}}list{{end}}`,
	})
	r, errs := Load(dir)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	s := &site.Site{Config: &config.Config{}, BasePath: "/"}
	tests := []struct{ kind, section, want string }{
		{"page", "tongzhi", "<html><title>甲</title>tongzhi</html>"},
		{"page", "shiqian", "<html><title>甲</title>default</html>"},
		{"section", "tongzhi", "<html><title>甲</title>list</html>"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := r.Page(&buf, &site.Page{Site: s, Kind: tt.kind, Section: tt.section, Title: "甲"}); err != nil {
			t.Fatal(err)
		}
		if buf.String() != tt.want {
			t.Errorf("%s/%s = %s, want %s", tt.section, tt.kind, buf.String(), tt.want)
		}
	}
	missing := r.Missing(&site.Site{Pages: []*site.Page{{Kind: "task"}, {Kind: "task"}}})
	if len(missing) != 1 || missing[0].File != "layouts/_default/task.html" {
		t.Errorf("missing = %v", missing)
	}
}

func TestLoadReportsTemplateErrorLine(t *testing.T) {
	dir := writeLayouts(t, map[string]string{
		"_default/baseof.html": base,
		"partials/head.html":   "<title>\n{{.Title}</title>",
		"_default/page.html":   "{{define \"main\"}}\n\n{{if .Title}}\n{{end}",
	})
	_, errs := Load(dir)
	if len(errs) != 1 || errs[0].File != "layouts/partials/head.html" || errs[0].Line != 2 {
		t.Errorf("got %v", errs)
	}

	os.WriteFile(filepath.Join(dir, "partials", "head.html"), []byte("<title></title>"), 0o644)
	_, errs = Load(dir)
	if len(errs) != 1 || errs[0].File != "layouts/_default/page.html" || errs[0].Line != 4 || !strings.HasPrefix(errs[0].Message, "模板错误") {
		t.Errorf("got %v", errs)
	}
}

func TestLoadWithoutBase(t *testing.T) {
	_, errs := Load(writeLayouts(t, map[string]string{"_default/page.html": "x"}))
	if len(errs) != 1 || !strings.Contains(errs[0].Message, "缺少基础模板") {
		t.Errorf("got %v", errs)
	}
}

func TestExecErrorNamesLayoutLine(t *testing.T) {
	dir := writeLayouts(t, map[string]string{
		"_default/baseof.html": base,
		"partials/head.html":   `<title>{{.Title}}</title>`,
		"_default/page.html":   "{{define \"main\"}}\n<p>{{.Titel}}</p>{{end}}",
	})
	r, errs := Load(dir)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	var buf bytes.Buffer
	err := r.Page(&buf, &site.Page{Site: &site.Site{Config: &config.Config{}}, Kind: "page", Title: "甲"})
	if err == nil {
		t.Fatal("no error")
	}
	e := ExecError(err)
	if e.File != "layouts/_default/page.html" || e.Line != 2 || e.Value != ".Titel" || !strings.Contains(e.Message, "没有字段 Titel") {
		t.Errorf("got %v (file %q line %d value %q)", e, e.File, e.Line, e.Value)
	}
}
