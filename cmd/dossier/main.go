// Command dossier collects the year-end materials of Shanghai's expert
// service teams (沪人社专〔2026〕109号) from a shared folder, checks them and
// consolidates them for the bureau. This file only wires: see the packages
// for the work.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // Asia/Shanghai even on machines without a zone database
)

// exit statuses (cli.md): 0 success, 1 a failure of the program, 2 bad usage.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "watch the inbox, decide every stable file, send notices, consolidate nightly", runServe},
		{"run", "run --once: process what is in the inbox now, then exit", runOnce},
		{"check", "check [--json] PATH...: dry run, print each file's verdict; stores nothing", runCheck},
		{"status", "status [--json]: one line per team: materials accepted, missing, rejected", runStatus},
		{"consolidate", "consolidate [--out DIR]: render the package for the bureau now", runConsolidate},
		{"template", "template survey --out FILE.xlsx [--team ID]: the blank survey spreadsheet", runTemplate},
		{"review", "review list|show|decide: the documents that wait for a clerk, and the clerk's decisions", runReview},
		{"user", "user add NAME [--role clerk|viewer] | list | disable NAME: the desk's accounts", runUser},
		{"config", "print the effective configuration", runConfig},
		{workerCommand, "(internal) read one file in a memory-limited child process", runWorker},
	}
}

func main() {
	os.Exit(realMain(os.Args[1:]))
}

func realMain(args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(os.Stdout)
		return exitOK
	}
	if args[0] == "--print-config" {
		args[0] = "config"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, args[1:])
			var ue usageError
			switch {
			case err == nil:
				return exitOK
			case errors.As(err, &ue):
				fmt.Fprintf(os.Stderr, "dossier %s: %v\n", c.name, err)
				return exitUsage
			default:
				fmt.Fprintf(os.Stderr, "dossier %s: %v\n", c.name, err)
				return exitFailure
			}
		}
	}
	fmt.Fprintf(os.Stderr, "dossier: unknown command %q\n\n", args[0])
	usage(os.Stderr)
	return exitUsage
}

type usageError struct{ error }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

func usage(w *os.File) {
	fmt.Fprintln(w, "dossier — collects and checks the expert service teams' year-end materials (沪人社专〔2026〕109号)")
	fmt.Fprintln(w, "\nUsage: dossier COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		if strings.HasPrefix(c.name, "__") { // internal: the parse worker
			continue
		}
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nCommon flags: --config FILE  --data DIR (./data)  --inbox DIR (./inbox)  --now RFC3339  --log-format json|console")
}
