package build

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gongshi/internal/testsite"
	"gongshi/internal/watch"
)

// BenchmarkEditLatency measures watch mode from saving one page to the
// rebuilt output: the fsnotify event, the batch's quiet period, reading
// the file and rendering what depends on the page. A body edit renders
// the page alone; a title edit plans the whole site again and renders the
// page's section lists, the home page and the site map too. It reports
// the median and the 90th percentile.
func BenchmarkEditLatency(b *testing.B) {
	for _, bench := range []struct {
		n     int
		title bool
	}{{1000, false}, {10000, false}, {1000, true}, {10000, true}} {
		n := bench.n
		name := fmt.Sprintf("%d/body", n)
		if bench.title {
			name = fmt.Sprintf("%d/title", n)
		}
		b.Run(name, func(b *testing.B) {
			source := benchSite(b, n)
			dest := filepath.Join(b.TempDir(), "public")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()

			s := NewSession(Options{Source: source, Dest: dest, AsOf: testAsOf})
			if _, err := s.Build(ctx); err != nil {
				b.Fatal(err)
			}
			batches := make(chan watch.Batch)
			w := watch.New(watch.Options{Root: source, Paths: []string{"content", "layouts", "static", "seeds", "gongshi.toml"}})
			go w.Run(ctx, batches)
			time.Sleep(200 * time.Millisecond)

			rel := "content/s03/p00003.md"
			var times []time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				page := benchPage(3, fmt.Sprintf("第%d次修改", i))
				if bench.title {
					page = strings.Replace(page, "title = \"", fmt.Sprintf("title = \"第%d次修改", i), 1)
				}
				testsite.WriteFile(b, source, rel, page)
				batch := <-batches
				if _, err := s.Update(ctx, batch.Paths); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
			b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
		})
	}
}

// benchPage is page i of benchSite, with extra text in its body.
func benchPage(i int, extra string) string {
	body := strings.Repeat("税务机关应当依法公开执法主体、职责、依据、程序和结果，**接受社会监督**。\n", 8) +
		"\n| 项目 | 内容 |\n|---|---|\n| 执法主体 | 国家税务总局包头市税务局 |\n| 依据 | 《中华人民共和国税收征收管理法》 |\n\n- 事前公示\n- 事中公示\n- 事后公示\n"
	return fmt.Sprintf("+++\ntitle = \"关于第%d号执法信息的公告\"\ndate = 2024-%02d-%02d\nkeywords = [\"公告\", \"执法\"]\n+++\n## 一、公告内容\n\n%s\n## 二、办理流程\n\n%s%s\n", i, i%12+1, i%28+1, body, body, extra)
}
