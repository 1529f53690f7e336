package build

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/internal/testsite"
)

// BenchmarkBuildSample builds the sample site: 35 tasks, their department
// and timeline pages, and the sample content.
func BenchmarkBuildSample(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(context.Background(), Options{Source: repoRoot, Dest: dest, AsOf: testAsOf}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildPages builds the sample site plus n generated Chinese
// pages in 10 sections, each with a table and a list.
func BenchmarkBuildPages(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			source := benchSite(b, n)
			dest := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Run(context.Background(), Options{Source: source, Dest: dest, AsOf: testAsOf}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

func benchSite(b *testing.B, n int) string {
	b.Helper()
	source := testsite.Copy(b, repoRoot, testsite.Inputs...)
	body := strings.Repeat("税务机关应当依法公开执法主体、职责、依据、程序和结果，**接受社会监督**。\n", 8) +
		"\n| 项目 | 内容 |\n|---|---|\n| 执法主体 | 国家税务总局包头市税务局 |\n| 依据 | 《中华人民共和国税收征收管理法》 |\n\n- 事前公示\n- 事中公示\n- 事后公示\n"
	for s := range 10 {
		testsite.WriteFile(b, source, fmt.Sprintf("content/s%02d/_index.md", s), fmt.Sprintf("+++\ntitle = \"栏目%d\"\n+++\n", s))
	}
	for i := range n {
		page := fmt.Sprintf("+++\ntitle = \"关于第%d号执法信息的公告\"\ndate = 2024-%02d-%02d\nkeywords = [\"公告\", \"执法\"]\n+++\n## 一、公告内容\n\n%s\n## 二、办理流程\n\n%s", i, i%12+1, i%28+1, body, body)
		testsite.WriteFile(b, source, fmt.Sprintf("content/s%02d/p%05d.md", i%10, i), page)
	}
	return source
}
