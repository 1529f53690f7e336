package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"gongshi/internal/build"
	"gongshi/internal/tz"
)

// siteFlags are the flags of the commands that read a site. Each command
// registers only the ones it uses.
type siteFlags struct {
	source  string
	dest    string
	baseURL string
	asOf    string
}

func (c *siteFlags) addSource(fs *flag.FlagSet) {
	fs.StringVar(&c.source, "source", ".", "站点目录")
}

func (c *siteFlags) addDest(fs *flag.FlagSet) {
	fs.StringVar(&c.dest, "dest", "", "输出目录")
}

func (c *siteFlags) addBaseURL(fs *flag.FlagSet) {
	fs.StringVar(&c.baseURL, "base-url", "", "网站地址")
}

func (c *siteFlags) addAsOf(fs *flag.FlagSet) {
	fs.StringVar(&c.asOf, "as-of", "", "按哪一天生成")
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// errHelp marks a request for a command's help, which was printed.
var errHelp = errors.New("help")

// parseFlags parses args. On -h or --help it prints the command's usage
// to stdout; on a mistake it prints a Chinese explanation and the usage to
// stderr.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, commandUsage[fs.Name()])
		return errHelp
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

var invalidFlagValue = regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): `)

// translateFlagError turns the flag package's English errors into Chinese.
func translateFlagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "没有选项 --" + name
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "选项 --" + name + " 后面要写值"
	}
	if m := invalidFlagValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项 --%s 的值“%s”无效", m[2], m[1])
	}
	return msg
}

// asOfLayouts are the accepted forms of --as-of. A day alone means its
// first moment, so that a page timed for later that day is not published
// early.
var asOfLayouts = []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"}

// options turns the flags into build options with a progress display on
// stderr, which the caller finishes after the build.
func (c *siteFlags) options(stderr io.Writer) (build.Options, *progress, error) {
	opts := build.Options{Source: c.source, Dest: c.dest, BaseURL: c.baseURL}
	if c.asOf != "" {
		at, ok := parseAsOf(c.asOf)
		if !ok {
			fmt.Fprintf(stderr, "--as-of 的日期“%s”无效，应写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM（北京时间），例如 --as-of 2025-01-31\n", c.asOf)
			return opts, nil, errUsage
		}
		opts.AsOf = at
	}
	if c.baseURL != "" && !strings.HasPrefix(c.baseURL, "http://") && !strings.HasPrefix(c.baseURL, "https://") {
		fmt.Fprintf(stderr, "--base-url 应是完整网址，例如 --base-url https://www.example.gov.cn/zfgs/\n")
		return opts, nil, errUsage
	}
	p := newProgress(stderr)
	opts.Progress = p.update
	return opts, p, nil
}

func parseAsOf(s string) (time.Time, bool) {
	for _, layout := range asOfLayouts {
		if t, err := time.ParseInLocation(layout, s, tz.Shanghai()); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
