// Command corpus writes a deterministic benchmark site of N Chinese pages
// twice: OUT/gongshi/ for gongshi (with the project's configuration,
// layouts, static files and task table) and OUT/hugo/ for Hugo (with the
// minimal layouts in bench/hugo-layouts). Both have the same content/:
// ten sections with TOML front matter, headings, a table and lists.
//
//	go run ./bench/corpus -pages 10000 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	pages := flag.Int("pages", 1000, "number of pages")
	out := flag.String("out", "", "output folder (required)")
	repo := flag.String("repo", ".", "the gongshi repository, for its layouts and configuration")
	pageSize := flag.Int("page-size", 50, "items per list page, in both sites")
	flag.Parse()
	if *out == "" {
		log.Fatal("-out is required")
	}

	gongshi := filepath.Join(*out, "gongshi")
	hugo := filepath.Join(*out, "hugo")
	for _, name := range []string{"gongshi.toml", "layouts", "static", "seeds"} {
		must(copyTree(filepath.Join(*repo, name), filepath.Join(gongshi, name)))
	}
	must(copyTree(filepath.Join(*repo, "content"), filepath.Join(gongshi, "content")))
	must(copyTree(filepath.Join(*repo, "bench", "hugo-layouts"), filepath.Join(hugo, "layouts")))
	must(os.WriteFile(filepath.Join(hugo, "hugo.toml"), []byte(fmt.Sprintf(hugoConfig, *pageSize)), 0o644))
	cfg, err := os.ReadFile(filepath.Join(gongshi, "gongshi.toml"))
	must(err)
	cfg = regexp.MustCompile(`(?m)^pageSize = \d+$`).ReplaceAll(cfg, []byte(fmt.Sprintf("pageSize = %d", *pageSize)))
	must(os.WriteFile(filepath.Join(gongshi, "gongshi.toml"), cfg, 0o644))

	for _, site := range []string{gongshi, hugo} {
		for s := range 10 {
			write(site, fmt.Sprintf("content/s%02d/_index.md", s), fmt.Sprintf("+++\ntitle = \"栏目%d\"\n+++\n", s))
		}
		for i := range *pages {
			write(site, fmt.Sprintf("content/s%02d/p%05d.md", i%10, i), Page(i, ""))
		}
	}
	fmt.Printf("wrote %d pages to %s and %s\n", *pages, gongshi, hugo)
}

// Page is page i of the corpus, with extra text at the end of its body.
func Page(i int, extra string) string {
	body := strings.Repeat("税务机关应当依法公开执法主体、职责、依据、程序和结果，**接受社会监督**。\n", 8) +
		"\n| 项目 | 内容 |\n|---|---|\n| 执法主体 | 国家税务总局包头市税务局 |\n| 依据 | 《中华人民共和国税收征收管理法》 |\n\n- 事前公示\n- 事中公示\n- 事后公示\n"
	link := fmt.Sprintf("参见[上一篇公告](/s%02d/p%05d/)。\n", (i+9)%10, max(i-1, 0))
	return fmt.Sprintf("+++\ntitle = \"关于第%d号执法信息的公告\"\ndate = 2024-%02d-%02d\nkeywords = [\"公告\", \"执法\"]\n+++\n## 一、公告内容\n\n%s\n## 二、办理流程\n\n%s%s%s\n",
		i, i%12+1, i%28+1, body, body, link, extra)
}

const hugoConfig = `baseURL = "http://127.0.0.1/"
languageCode = "zh-cn"
title = "基准测试"
paginate = %d
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
`

func write(site, rel, text string) {
	p := filepath.Join(site, filepath.FromSlash(rel))
	must(os.MkdirAll(filepath.Dir(p), 0o755))
	must(os.WriteFile(p, []byte(text), 0o644))
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
