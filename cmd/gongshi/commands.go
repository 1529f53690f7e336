package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"gongshi/internal/build"
	"gongshi/internal/diag"
	"gongshi/internal/tz"
)

// commonFlags are the flags build, serve and check share.
type commonFlags struct {
	source  string
	dest    string
	baseURL string
	asOf    string
}

func newFlagSet(name string, stderr io.Writer, c *commonFlags, withDest bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.source, "source", ".", "站点目录")
	if withDest {
		fs.StringVar(&c.dest, "dest", "", "输出目录")
		fs.StringVar(&c.baseURL, "base-url", "", "网站地址")
	}
	fs.StringVar(&c.asOf, "as-of", "", "按哪一天生成，YYYY-MM-DD")
	return fs
}

// parseFlags parses args, printing the command's usage and a Chinese
// explanation on a mistake.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stderr, commandUsage[fs.Name()])
		return errUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "命令行有误：%s\n\n%s", translateFlagError(err), commandUsage[fs.Name()])
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "多余的参数：%s（选项要写成 --名称 值）\n\n%s", strings.Join(fs.Args(), " "), commandUsage[fs.Name()])
		return errUsage
	}
	return nil
}

func translateFlagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "没有选项 " + name
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "选项 " + name + " 后面要写值"
	}
	return msg
}

// options turns the flags into build options with a progress display on
// stderr, which the caller finishes after the build.
func (c *commonFlags) options(stderr io.Writer) (build.Options, *progress, error) {
	opts := build.Options{Source: c.source, Dest: c.dest, BaseURL: c.baseURL}
	if c.asOf != "" {
		day, err := tz.ParseDay(c.asOf)
		if err != nil {
			fmt.Fprintf(stderr, "--as-of 的日期“%s”无效，应写成 YYYY-MM-DD，例如 --as-of 2025-01-31\n", c.asOf)
			return opts, nil, errUsage
		}
		opts.AsOf = day
	}
	if c.baseURL != "" && !strings.HasPrefix(c.baseURL, "http://") && !strings.HasPrefix(c.baseURL, "https://") {
		fmt.Fprintf(stderr, "--base-url 应是完整网址，例如 --base-url https://www.example.gov.cn/zfgs/\n")
		return opts, nil, errUsage
	}
	p := newProgress(stderr)
	opts.Progress = p.update
	return opts, p, nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c commonFlags
	fs := newFlagSet("build", stderr, &c, true)
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	opts, prog, err := c.options(stderr)
	if err != nil {
		return err
	}
	res, err := build.Run(ctx, opts)
	prog.finish()
	printWarnings(stderr, res)
	if err != nil {
		return err
	}
	printSummary(stdout, res, destOf(opts))
	return nil
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c commonFlags
	fs := newFlagSet("check", stderr, &c, false)
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	opts, prog, err := c.options(stderr)
	if err != nil {
		return err
	}
	res, err := build.Check(ctx, opts)
	prog.finish()
	printWarnings(stderr, res)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "检查通过：%d 个页面，%d 项任务，没有发现错误。\n", res.Pages, res.Tasks)
	return nil
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c commonFlags
	fs := newFlagSet("serve", stderr, &c, true)
	port := fs.Int("port", 8080, "预览端口")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *port < 1 || *port > 65535 {
		fmt.Fprintf(stderr, "--port 应在 1 到 65535 之间，例如 --port 8080\n")
		return errUsage
	}
	opts, prog, err := c.options(stderr)
	if err != nil {
		return err
	}

	// Bind before building, so a busy port is reported at once.
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(*port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%v；端口可能已被占用，请换一个端口，例如 gongshi serve --port %d", addr, err, *port+1)
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "http://" + addr + "/"
	}

	res, err := build.Run(ctx, opts)
	prog.finish()
	printWarnings(stderr, res)
	if err != nil {
		ln.Close()
		return err
	}
	printSummary(stdout, res, destOf(opts))

	srv := &http.Server{Handler: newSiteHandler(destOf(opts)), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "预览地址：%s  （按 Ctrl+C 停止）\n", opts.BaseURL)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc:
		return fmt.Errorf("预览服务器出错：%w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "预览已停止。")
	return nil
}

// newSiteHandler serves the output folder, answering a missing path with
// the site's 404.html and status 404, as the production web server does.
func newSiteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(filepath.Clean("/"+r.URL.Path)))
		if info, err := os.Stat(name); err != nil || (info.IsDir() && !exists(filepath.Join(name, "index.html"))) {
			page, err := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			if err == nil {
				w.Write(page)
			}
			return
		}
		files.ServeHTTP(w, r)
	})
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

func destOf(opts build.Options) string {
	if opts.Dest != "" {
		return opts.Dest
	}
	return filepath.Join(opts.Source, "public")
}

func runVersion(stdout io.Writer) error {
	version := "开发版"
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Version != "" && info.Main.Version != "(devel)" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				version += "（提交 " + s.Value[:12] + "）"
			}
		}
	}
	fmt.Fprintf(stdout, "gongshi %s，%s %s/%s\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

func printSummary(stdout io.Writer, res *build.Result, dest string) {
	skipped := res.Skipped
	fmt.Fprintf(stdout, "已生成 %d 个页面（任务 %d 项），共写入 %d 个文件、%s，用时 %s，输出目录：%s\n",
		res.Pages, res.Tasks, res.Files, humanBytes(res.Bytes), res.Duration.Round(time.Millisecond), dest)
	if n := skipped.Drafts + skipped.Future + skipped.Expired; n > 0 {
		fmt.Fprintf(stdout, "未发布 %d 篇：草稿 %d、未到发布日期 %d、已过期 %d。\n", n, skipped.Drafts, skipped.Future, skipped.Expired)
	}
}

func printWarnings(stderr io.Writer, res *build.Result) {
	if res == nil {
		return
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w.Long())
	}
}

// printError prints every positioned error in its long form.
func printError(stderr io.Writer, err error) {
	var be *diag.BuildError
	if errors.As(err, &be) {
		fmt.Fprintln(stderr, be.Long())
		fmt.Fprintln(stderr, "\n构建未完成，原有输出目录保持不变。")
		return
	}
	fmt.Fprintln(stderr, "错误：", err)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
