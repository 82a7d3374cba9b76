// Command verbatim reads news reports and says who said what, exactly.
//
// Run `verbatim --help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal asks the command to stop cleanly; a second
		// one, once the default handling is back, ends the process.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1 // some inputs failed, or the command failed
	exitUsage  = 2 // the command line is wrong
)

// usageError marks an error in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// partialError reports that some inputs failed while the rest were done;
// the failures were already printed.
type partialError struct{ failed, total int }

func (e partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

// env is what a command may touch of the outside world, injected so that
// tests run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cpuProfile     string       // --cpuprofile: the file a CPU profile goes to
	stopProfile    func() error // ends the CPU profile, when one runs
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRoot(e)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if e.stopProfile != nil {
		if perr := e.stopProfile(); perr != nil && err == nil {
			err = perr
		}
	}
	if err == nil {
		return exitOK
	}
	var ue usageError
	var pe partialError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "verbatim: %v\nRun 'verbatim --help' for usage.\n", err)
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "verbatim: %v\n", err)
		return exitFailed
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "verbatim: interrupted")
		return exitFailed
	}
	fmt.Fprintf(stderr, "verbatim: %v\n", err)
	return exitFailed
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "verbatim",
		Short: "Who said what, exactly: quotations and their speakers in news reports",
		Long: `Verbatim reads news reports and says who said what, exactly: every direct,
indirect and mixed quotation, its speaker resolved to a named person or
organisation, and the numbers and dates the report asserts.`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf(" (did you mean %q?)", s[0])
			}
			return usagef("%s", msg)
		},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.SetVersionTemplate("verbatim {{.Version}}\n")
	root.PersistentFlags().StringVar(&e.cpuProfile, "cpuprofile", "",
		"write a CPU profile of the command to `file` (for go tool pprof)")
	root.PersistentPreRunE = e.startProfile
	root.AddCommand(
		newAnalyzeCmd(e),
		newEvalCmd(e),
		newTrainCmd(e),
		newServeCmd(e),
		newIngestCmd(e), newQuotesCmd(e), newSpeakersCmd(e), newClustersCmd(e), newSearchCmd(e), newShowCmd(e),
	)
	for _, c := range root.Commands() {
		wrapArgs(c)
	}
	return root
}

// startProfile starts the CPU profile --cpuprofile asks for.
func (e *env) startProfile(*cobra.Command, []string) error {
	if e.cpuProfile == "" {
		return nil
	}
	f, err := os.Create(e.cpuProfile)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile %s: %w", e.cpuProfile, err)
	}
	e.stopProfile = func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		return nil
	}
	return nil
}

// wrapArgs makes argument-count errors usage errors, recursively.
func wrapArgs(c *cobra.Command) {
	if c.Args != nil {
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgs(sub)
	}
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		rev := ""
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = s.Value[:12]
			}
		}
		if v == "" || v == "(devel)" {
			v = "devel"
		}
		if rev != "" {
			v += " (" + rev + ")"
		}
		return v
	}
	return "devel"
}

// isTerminal reports whether w is a terminal (not merely a character
// device such as /dev/null).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
