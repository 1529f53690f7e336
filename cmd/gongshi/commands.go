package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"syscall"
	"time"

	"gongshi/internal/build"
	"gongshi/internal/config"
	"gongshi/internal/diag"
	"gongshi/internal/serve"
	"gongshi/internal/watch"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c siteFlags
	fs := newFlagSet("build")
	c.addSource(fs)
	c.addDest(fs)
	c.addBaseURL(fs)
	c.addAsOf(fs)
	if err := parseFlags(fs, args, stdout, stderr); err != nil {
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
		return buildFailed(err)
	}
	printSummary(stdout, stderr, res, destOf(opts))
	return nil
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c siteFlags
	fs := newFlagSet("check")
	c.addSource(fs)
	c.addAsOf(fs)
	if err := parseFlags(fs, args, stdout, stderr); err != nil {
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
		return &failure{err: err, closing: "检查未通过：请按上面的处理办法修改后重新检查。"}
	}
	fmt.Fprintf(stdout, "检查通过：%d 个页面，%d 项任务，没有发现错误。\n", res.Pages, res.Tasks)
	return nil
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c siteFlags
	fs := newFlagSet("serve")
	c.addSource(fs)
	c.addDest(fs)
	c.addAsOf(fs)
	port := fs.Int("port", 8080, "预览端口")
	bind := fs.String("bind", "127.0.0.1", "监听地址")
	if err := parseFlags(fs, args, stdout, stderr); err != nil {
		return err
	}
	if *port < 1 || *port > 65535 {
		fmt.Fprintf(stderr, "--port 应在 1 到 65535 之间，例如 --port 8080\n")
		return errUsage
	}
	if net.ParseIP(*bind) == nil {
		fmt.Fprintf(stderr, "--bind 应是 IP 地址，例如 --bind 127.0.0.1\n")
		return errUsage
	}
	opts, prog, err := c.options(stderr)
	if err != nil {
		return err
	}

	// Bind before building, so a busy port is reported at once.
	addr := net.JoinHostPort(*bind, strconv.Itoa(*port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("端口 %d 已被占用；请换一个端口，例如 gongshi serve --port %d", *port, *port+1)
		}
		return fmt.Errorf("无法监听 %s：%w", addr, err)
	}
	defer ln.Close()
	if !net.ParseIP(*bind).IsLoopback() {
		fmt.Fprintf(stderr, "注意：预览服务器监听 %s，其他电脑也能访问这个预览。\n", *bind)
	}
	opts.BaseURL = "http://" + ln.Addr().String() + "/"

	// The preview has local links, so it never goes to public/, the folder
	// that gets published. It goes to a temporary folder unless --dest
	// names one.
	if opts.Dest == "" {
		tmp, err := os.MkdirTemp("", "gongshi-preview-")
		if err != nil {
			return fmt.Errorf("无法创建预览用的临时目录：%w", err)
		}
		defer os.RemoveAll(tmp)
		opts.Dest = filepath.Join(tmp, "public")
	}

	session := build.NewSession(opts)
	hub := serve.NewHub()
	res, err := session.Build(ctx)
	prog.finish()
	printWarnings(stderr, res)
	if err != nil {
		// Serve anyway: the page shows the errors and reloads once they
		// are fixed.
		printError(stderr, err)
		hub.Failed(errorText(err))
	} else {
		printSummary(stdout, stderr, res, opts.Dest)
		hub.Built()
	}

	srv := &http.Server{Handler: serve.Handler(opts.Dest, hub), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "预览地址：%s  （按 Ctrl+C 停止；修改文件后自动更新；预览文件不会写入 public/）\n", opts.BaseURL)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watchDone := make(chan error, 1)
	go func() { watchDone <- watchAndRebuild(watchCtx, session, hub, opts.Source, stdout, stderr) }()

	select {
	case err := <-errc:
		return fmt.Errorf("预览服务器出错：%w", err)
	case err := <-watchDone:
		if ctx.Err() == nil {
			srv.Close()
			return fmt.Errorf("监视文件出错：%w", err)
		}
	case <-ctx.Done():
	}
	stopWatch()
	<-watchDone
	// Open event streams never end by themselves, so the server is
	// closed rather than shut down gracefully.
	srv.Close()
	fmt.Fprintln(stderr, "预览已停止。")
	return nil
}

// watchAndRebuild rebuilds after every batch of changes until ctx ends,
// telling open pages through hub.
func watchAndRebuild(ctx context.Context, session *build.Session, hub *serve.Hub, source string, stdout, stderr io.Writer) error {
	batches := make(chan watch.Batch)
	w := watch.New(watch.Options{
		Root:   source,
		Paths:  []string{"content", "layouts", "static", "seeds", config.FileName},
		Notice: func(msg string) { fmt.Fprintln(stderr, msg) },
	})
	errc := make(chan error, 1)
	go func() { errc <- w.Run(ctx, batches) }()

	for {
		select {
		case err := <-errc:
			return err
		case b := <-batches:
			res, err := session.Update(ctx, b.Paths)
			if err != nil {
				if ctx.Err() != nil {
					return <-errc
				}
				fmt.Fprintf(stderr, "%s 更新失败（%d 处变动）：\n", time.Now().Format("15:04:05"), len(b.Paths))
				printError(stderr, err)
				hub.Failed(errorText(err))
				continue
			}
			kind := "增量更新"
			if res.Full {
				kind = "全部重建"
			}
			fmt.Fprintf(stdout, "%s %s：%d 处变动，渲染 %d 个页面，写入 %d 个文件，用时 %s\n",
				time.Now().Format("15:04:05"), kind, len(b.Paths), res.Rendered, res.Files, res.Duration.Round(time.Millisecond))
			printHeldBack(stderr, res, b.Paths)
			hub.Built()
		}
	}
}

// printHeldBack prints which of the changed files are not published as of
// the preview's time, so that a page that disappears is explained.
func printHeldBack(stderr io.Writer, res *build.Result, changed []string) {
	for _, group := range []struct {
		reason string
		files  []string
	}{{"草稿", res.Skipped.Drafts}, {"未到发布时间", res.Skipped.Future}, {"已过期", res.Skipped.Expired}} {
		for _, f := range group.files {
			if slices.Contains(changed, f) {
				fmt.Fprintf(stderr, "未发布（%s）：%s\n", group.reason, f)
			}
		}
	}
}

// errorText is a failed build's report as the error overlay shows it.
func errorText(err error) string {
	var be *diag.BuildError
	if errors.As(err, &be) {
		return be.Long()
	}
	return err.Error()
}

func destOf(opts build.Options) string {
	if opts.Dest != "" {
		return opts.Dest
	}
	return filepath.Join(opts.Source, "public")
}

func runVersion(args []string, stdout, stderr io.Writer) error {
	if err := parseFlags(newFlagSet("version"), args, stdout, stderr); err != nil {
		return err
	}
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

// printSummary prints the build summary to stdout, and the files left out
// as of the build date to stderr, one per line with the reason.
func printSummary(stdout, stderr io.Writer, res *build.Result, dest string) {
	fmt.Fprintf(stdout, "已生成 %d 个页面（任务 %d 项），共写入 %d 个文件、%s，用时 %s，输出目录：%s\n",
		res.Pages, res.Tasks, res.Files, humanBytes(res.Bytes), res.Duration.Round(time.Millisecond), dest)
	skipped := res.Skipped
	if skipped.Count() == 0 {
		return
	}
	fmt.Fprintf(stdout, "未发布 %d 篇：草稿 %d、未到发布时间 %d、已过期 %d（明细见下）。\n",
		skipped.Count(), len(skipped.Drafts), len(skipped.Future), len(skipped.Expired))
	for _, group := range []struct {
		reason string
		files  []string
	}{{"草稿", skipped.Drafts}, {"未到发布时间", skipped.Future}, {"已过期", skipped.Expired}} {
		for _, f := range group.files {
			fmt.Fprintf(stderr, "未发布（%s）：%s\n", group.reason, f)
		}
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

// failure is a failed build or check, with the line that closes its
// report.
type failure struct {
	err     error
	closing string
}

func (f *failure) Error() string { return f.err.Error() }
func (f *failure) Unwrap() error { return f.err }

func buildFailed(err error) error {
	return &failure{err: err, closing: "构建未完成，原有输出目录保持不变。"}
}

// printError prints every positioned error in its long form, then the
// closing line of a failed build or check.
func printError(stderr io.Writer, err error) {
	var be *diag.BuildError
	if errors.As(err, &be) {
		fmt.Fprintln(stderr, be.Long())
	} else {
		fmt.Fprintln(stderr, "错误：", err)
	}
	var f *failure
	if errors.As(err, &f) {
		fmt.Fprintln(stderr, "\n"+f.closing)
	}
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
