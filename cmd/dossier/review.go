package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/daemon"
	"dossier/service"
)

// runReview is `dossier review list|show|decide` (cli.md, desk.md).
func runReview(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usagef("say what to do: dossier review list [--json] [--all] | review show [--json] ID | review decide ID (--accept|--reject) --as USER --note TEXT …")
	}
	switch args[0] {
	case "list":
		return reviewList(ctx, args[1:])
	case "show":
		return reviewShow(ctx, args[1:])
	case "decide":
		return reviewDecide(ctx, args[1:])
	}
	return usagef("unknown review command %q: use list, show or decide", args[0])
}

func reviewList(ctx context.Context, args []string) error {
	c := newFlags("review list")
	asJSON := c.fs.Bool("json", false, "print JSON lines (cli.md)")
	all := c.fs.Bool("all", false, "every document of the year, not only those that wait")
	cfg, now, _, err := c.prepare(args)
	if err != nil {
		return err
	}
	svc, closeSvc, err := openService(cfg, now, false)
	if err != nil {
		return err
	}
	defer closeSvc()
	items, err := svc.Queue(ctx, *all)
	if err != nil {
		return err
	}
	for _, it := range items {
		if *asJSON {
			err = writeJSONLine(os.Stdout, toListLine(it, cfg.Registry, cfg.Programme.Location()))
		} else {
			err = writeListHuman(os.Stdout, it, cfg.Registry, cfg.Programme.Location())
		}
		if err != nil {
			return fmt.Errorf("write queue: %w", err)
		}
	}
	if len(items) == 0 && !*asJSON {
		fmt.Println("没有待审核的材料。")
	}
	return nil
}

func reviewShow(ctx context.Context, args []string) error {
	c := newFlags("review show")
	asJSON := c.fs.Bool("json", false, "print JSON (cli.md)")
	cfg, now, pos, err := c.prepare(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("name one document: dossier review show [--json] ID (e.g. d-42)")
	}
	id, err := parseDocID(pos[0])
	if err != nil {
		return err
	}
	svc, closeSvc, err := openService(cfg, now, false)
	if err != nil {
		return err
	}
	defer closeSvc()
	v, err := svc.Document(ctx, id)
	if err != nil {
		return serviceErr(err)
	}
	if *asJSON {
		return writeJSONLine(os.Stdout, toShowLine(v.Doc, v.History, v.Why, cfg.Registry, cfg.Programme.Location()))
	}
	return writeShowHuman(os.Stdout, v, cfg.Registry, cfg.Programme.Location())
}

// decideFlags are review decide's own flags.
type decideFlags struct {
	accept, reject, force, asJSON, preview bool
	user, note, team, kind                 string
	set                                    map[string]string
	reasons                                []dossier.Finding
}

func (d *decideFlags) register(fs *flag.FlagSet) {
	d.set = map[string]string{}
	fs.BoolVar(&d.accept, "accept", false, "accept the document")
	fs.BoolVar(&d.reject, "reject", false, "reject the document")
	fs.BoolVar(&d.force, "force", false, "accept although error findings remain (needs --note)")
	fs.BoolVar(&d.asJSON, "json", false, "print the decided document as JSON (cli.md)")
	fs.BoolVar(&d.preview, "preview", false, "show the findings the corrections give; record nothing")
	fs.StringVar(&d.user, "as", "", "the clerk deciding (a desk clerk account, once accounts exist)")
	fs.StringVar(&d.note, "note", "", "why: the note recorded with the decision and sent to the unit")
	fs.StringVar(&d.team, "team", "", "the team the document belongs to (e.g. M11)")
	fs.StringVar(&d.kind, "kind", "", "the kind of document: survey, audit, summary or photos")
	fs.Func("set", "a corrected field, KEY=VALUE as written on the form (repeatable)", func(s string) error {
		k, v, ok := strings.Cut(s, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return fmt.Errorf("write --set KEY=VALUE, e.g. --set funds_matching=10万元")
		}
		d.set[strings.TrimSpace(k)] = v
		return nil
	})
	fs.Func("reason", "a rule id (S005) or free text given as the reason (repeatable)", func(s string) error {
		if isRuleID(s) {
			d.reasons = append(d.reasons, dossier.Finding{Rule: strings.ToUpper(s)})
		} else {
			d.reasons = append(d.reasons, dossier.Finding{Severity: dossier.SeverityError, Message: s})
		}
		return nil
	})
}

func reviewDecide(ctx context.Context, args []string) error {
	c := newFlags("review decide")
	var f decideFlags
	f.register(c.fs)
	cfg, now, pos, err := c.prepare(args)
	if err != nil {
		return err
	}
	req, err := f.request(pos)
	if err != nil {
		return err
	}
	svc, closeSvc, err := openService(cfg, now, true)
	if err != nil {
		return err
	}
	defer closeSvc()
	if f.preview {
		doc, err := svc.Preview(ctx, req)
		if err != nil {
			return serviceErr(err)
		}
		return printDecided(doc, nil, f.asJSON, cfg.Registry, cfg.Programme.Location())
	}
	// Without a daemon, this process finishes what a killed decision left
	// and delivers the notice; while dossier serve runs, its recovery and
	// its notifier do, so that a notice is never sent by two processes.
	unlock, lockErr := daemon.LockData(cfg.Data)
	if lockErr == nil {
		defer unlock()
		if err := svc.Recover(ctx); err != nil {
			return err
		}
	} else if !errors.Is(lockErr, daemon.ErrBusy) {
		return lockErr
	}
	doc, err := svc.Decide(ctx, req)
	if err != nil {
		return serviceErr(err)
	}
	if lockErr != nil {
		fmt.Fprintln(os.Stderr, "dossier review decide: dossier serve is running; it sends the notice (通知由运行中的 dossier serve 发送)")
	} else if err := svc.Flush(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "dossier review decide: %v (the notice waits in the outbox for the next run)\n", err)
	}
	v, err := svc.Document(ctx, doc.ID)
	if err != nil {
		return err
	}
	return printDecided(v.Doc, v.History, f.asJSON, cfg.Registry, cfg.Programme.Location())
}

// request checks the flags and builds the decision.
func (f *decideFlags) request(pos []string) (service.DecisionRequest, error) {
	var r service.DecisionRequest
	if len(pos) != 1 {
		return r, usagef("name one document: dossier review decide ID (--accept|--reject) --as USER --note TEXT")
	}
	id, err := parseDocID(pos[0])
	if err != nil {
		return r, err
	}
	if f.accept == f.reject && !f.preview {
		return r, usagef("say --accept or --reject (one of them)")
	}
	if strings.TrimSpace(f.user) == "" && !f.preview {
		return r, usagef("say who decides: --as USER")
	}
	if strings.TrimSpace(f.note) == "" && !f.preview {
		return r, usagef("give the reason: --note TEXT (it is recorded and sent to the unit)")
	}
	r = service.DecisionRequest{DocumentID: id, User: f.user, Note: f.note, Set: f.set, Team: f.team,
		Kind: dossier.Kind(f.kind), Reasons: f.reasons, Force: f.force, Verdict: dossier.VerdictAccepted}
	if f.reject {
		r.Verdict = dossier.VerdictRejected
	}
	return r, nil
}

func printDecided(doc dossier.Document, history []dossier.Decision, asJSON bool, reg dossier.Registry, loc *time.Location) error {
	if asJSON {
		return writeJSONLine(os.Stdout, toShowLine(doc, history, nil, reg, loc))
	}
	return writeShowHuman(os.Stdout, service.DocumentView{Doc: doc, History: history}, reg, loc)
}

// parseDocID reads "d-42" or "42".
func parseDocID(s string) (int64, error) {
	t := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(s), "d-"), "D-")
	id, err := strconv.ParseInt(t, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a document id: write it as d-42 (review list shows the ids)", s)
	}
	return id, nil
}

func docID(id int64) string { return "d-" + strconv.FormatInt(id, 10) }

func isRuleID(s string) bool {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 4 || !strings.ContainsRune("FSADT", rune(s[0])) {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil
}

// serviceErr gives a refused decision its English reason, the Chinese a
// clerk reads, and the exit status: a request to fix is bad usage (2).
func serviceErr(err error) error {
	msg := fmt.Errorf("%w\n%s", err, service.Message(err))
	switch {
	case errors.Is(err, service.ErrBadRequest), errors.Is(err, service.ErrBadField), errors.Is(err, service.ErrNeedsNote),
		errors.Is(err, service.ErrErrorsLeft), errors.Is(err, service.ErrNoUser):
		return usageError{msg}
	case errors.Is(err, service.ErrSuperseded), errors.Is(err, service.ErrNotFound), errors.Is(err, service.ErrBusy):
		return msg
	}
	return err
}
