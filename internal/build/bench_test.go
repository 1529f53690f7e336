package build

import (
	"context"
	"fmt"
	"path/filepath"
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
	for s := range 10 {
		testsite.WriteFile(b, source, fmt.Sprintf("content/s%02d/_index.md", s), fmt.Sprintf("+++\ntitle = \"栏目%d\"\n+++\n", s))
	}
	for i := range n {
		testsite.WriteFile(b, source, fmt.Sprintf("content/s%02d/p%05d.md", i%10, i), benchPage(i, ""))
	}
	return source
}
