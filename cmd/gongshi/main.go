// Command gongshi builds the tax bureau's enforcement-disclosure portal
// from the site folder: gongshi.toml, content/, layouts/, static/ and
// seeds/.
//
// Output conventions: results a user may want to keep or pipe (the build
// summary, the version, the preview address) go to stdout. Progress,
// warnings and errors go to stderr. Every message is Simplified Chinese.
//
// Exit codes: 0 success, 1 the site has errors or the build failed,
// 2 the command line is wrong.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err))
}

// errUsage marks a command-line mistake; its message was already printed.
var errUsage = errors.New("usage")

func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	return 1
}

// run executes one command; it is main without the process around it, so
// tests call it directly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return errUsage
	}

	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "build":
		err = runBuild(ctx, rest, stdout, stderr)
	case "serve", "server":
		err = runServe(ctx, rest, stdout, stderr)
	case "check":
		err = runCheck(ctx, rest, stdout, stderr)
	case "version", "--version", "-v":
		err = runVersion(rest, stdout, stderr)
	case "help", "-h", "--help":
		return runHelp(rest, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "未知的命令“%s”。\n\n%s", cmd, mainUsage)
		return errUsage
	}
	if err != nil && !errors.Is(err, errUsage) && !errors.Is(err, errHelp) {
		printError(stderr, err)
	}
	return err
}

func runHelp(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, mainUsage)
		return nil
	}
	usage, ok := commandUsage[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "没有命令“%s”。\n\n%s", args[0], mainUsage)
		return errUsage
	}
	fmt.Fprint(stdout, usage)
	return nil
}
