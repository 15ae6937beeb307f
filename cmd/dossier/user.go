package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"dossier"
	"dossier/ledger"
)

// runUser is `dossier user add|list|disable` (cli.md): the desk's accounts.
func runUser(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usagef("say what to do: dossier user add NAME [--role clerk|viewer] | user list | user disable NAME")
	}
	switch args[0] {
	case "add":
		return userAdd(ctx, args[1:])
	case "list":
		return userList(ctx, args[1:])
	case "disable":
		return userDisable(ctx, args[1:])
	}
	return usagef("unknown user command %q: use add, list or disable", args[0])
}

// openLedger opens the ledger under --data for a command that only reads
// or writes accounts (no daemon, no extractor).
func openLedger(c *common, args []string) (*ledger.Ledger, time.Time, []string, error) {
	cfg, now, pos, err := c.prepare(args)
	if err != nil {
		return nil, now, nil, err
	}
	l, err := ledger.Open(filepath.Join(cfg.Data, ledger.FileName))
	if err != nil {
		return nil, now, nil, fmt.Errorf("open the ledger under %s (--data): %w", cfg.Data, err)
	}
	return l, now, pos, nil // now is in the programme's zone
}

func userAdd(ctx context.Context, args []string) error {
	c := newFlags("user add")
	role := c.fs.String("role", string(dossier.RoleClerk), "clerk (decides) or viewer (reads)")
	l, now, pos, err := openLedger(c, args)
	if err != nil {
		return err
	}
	defer l.Close()
	if len(pos) != 1 {
		return usagef("name one account: dossier user add NAME [--role clerk|viewer]")
	}
	if err := ledger.ValidUserName(pos[0]); err != nil {
		return usageError{err}
	}
	if r := dossier.Role(*role); r != dossier.RoleClerk && r != dossier.RoleViewer {
		return usagef("--role %q: use clerk or viewer", *role)
	}
	pw, err := readPassword(os.Stdin, os.Stderr)
	if err != nil {
		return err
	}
	u, err := l.AddUser(ctx, pos[0], dossier.Role(*role), pw, now)
	switch {
	case errors.Is(err, ledger.ErrUserExists):
		return fmt.Errorf("account %q exists already: choose another name (dossier user list)", pos[0])
	case errors.Is(err, ledger.ErrWeakPassword):
		return usageError{fmt.Errorf("the password is too short: give at least %d characters", ledger.MinPassword)}
	case err != nil:
		return err
	}
	fmt.Printf("已创建账号 %s（%s）\n", u.Name, roleLabel(u.Role))
	return nil
}

// readPassword reads the password: asked twice without echo on a
// terminal, otherwise the first line of standard input.
func readPassword(in *os.File, prompt io.Writer) (string, error) {
	if isTerminal(in) {
		fmt.Fprint(prompt, "密码（至少 8 个字符）: ")
		a, err := readNoEcho(in)
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("read the password: %w", err)
		}
		fmt.Fprint(prompt, "再输入一次: ")
		b, err := readNoEcho(in)
		fmt.Fprintln(prompt)
		if err != nil {
			return "", fmt.Errorf("read the password: %w", err)
		}
		if a != b {
			return "", usagef("the two passwords differ: run the command again")
		}
		return a, nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from standard input: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", usagef("no password on standard input: echo the password | dossier user add NAME, or run it in a terminal")
	}
	return line, nil
}

func readNoEcho(in *os.File) (string, error) {
	restore, err := echoOff(in)
	if err != nil {
		return "", err
	}
	defer restore()
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func userList(ctx context.Context, args []string) error {
	c := newFlags("user list")
	asJSON := c.fs.Bool("json", false, "print JSON lines")
	l, now, _, err := openLedger(c, args)
	if err != nil {
		return err
	}
	defer l.Close()
	us, err := l.Users(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		for _, u := range us {
			if err := writeJSONLine(os.Stdout, u); err != nil {
				return err
			}
		}
		return nil
	}
	if len(us) == 0 {
		fmt.Println("尚无账号：dossier user add 姓名 --role clerk")
		return nil
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "账号\t角色\t状态\t创建时间")
	for _, u := range us {
		state := "可用"
		if u.Disabled {
			state = "已停用"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Name, roleLabel(u.Role), state, u.Created.In(now.Location()).Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

func userDisable(ctx context.Context, args []string) error {
	c := newFlags("user disable")
	l, _, pos, err := openLedger(c, args)
	if err != nil {
		return err
	}
	defer l.Close()
	if len(pos) != 1 {
		return usagef("name one account: dossier user disable NAME")
	}
	if err := l.DisableUser(ctx, pos[0]); err != nil {
		if errors.Is(err, ledger.ErrNoUser) {
			return fmt.Errorf("no account %q (dossier user list shows them)", pos[0])
		}
		return err
	}
	fmt.Printf("已停用账号 %s（其已作出的审核记录保留）\n", pos[0])
	return nil
}

func roleLabel(r dossier.Role) string {
	if r == dossier.RoleClerk {
		return "审核员"
	}
	return "只读"
}
