package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strings"
)

// Embedded is a private PostgreSQL server in a folder of its own, for
// serve without DATABASE_URL: the machine's initdb and pg_ctl, a unix
// socket in the folder, no TCP port. It outlives a killed serve (pg_ctl
// runs it in the background), and the next start takes it over.
type Embedded struct {
	dir    string // absolute; holds pgdata/, the socket and postgres.log
	bin    string // folder of initdb and pg_ctl
	runAs  []string
	logger *slog.Logger
}

// StartEmbedded starts (creating on first use) the server in dir.
func StartEmbedded(ctx context.Context, dir string, logger *slog.Logger) (*Embedded, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("embedded postgres: %w", err)
	}
	bin, err := postgresBin()
	if err != nil {
		return nil, err
	}
	e := &Embedded{dir: abs, bin: bin, logger: logger}
	if err := e.prepare(ctx); err != nil {
		return nil, err
	}
	return e, e.start(ctx)
}

// URL is the server's connection URL (unix socket, trust auth).
func (e *Embedded) URL() string {
	return "postgres://qualcheck@/postgres?host=" + e.dir + "&sslmode=disable"
}

// Stop shuts the server down (fast: running queries are cancelled).
func (e *Embedded) Stop(ctx context.Context) error {
	return e.run(ctx, "pg_ctl", "stop", "-D", e.data(), "-m", "fast", "-w")
}

func (e *Embedded) data() string { return filepath.Join(e.dir, "pgdata") }

// postgresBin finds initdb and pg_ctl: on PATH, else in Debian's
// /usr/lib/postgresql/<version>/bin, newest first.
func postgresBin() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("embedded postgres: no pg_ctl on PATH or in /usr/lib/postgresql (install postgresql, or set DATABASE_URL)")
}

// prepare creates the folder and, on first use, the cluster. PostgreSQL
// refuses to run as root: as root the server runs as the postgres user,
// which then owns the folder.
func (e *Embedded) prepare(ctx context.Context) error {
	if err := os.MkdirAll(e.dir, 0o700); err != nil {
		return fmt.Errorf("embedded postgres: %w", err)
	}
	if os.Geteuid() == 0 {
		if err := e.dropRoot(); err != nil {
			return err
		}
	}
	if _, err := os.Stat(filepath.Join(e.data(), "PG_VERSION")); err == nil {
		return nil
	}
	e.logger.Info("creating the embedded database", "dir", e.dir)
	return e.run(ctx, "initdb", "-D", e.data(), "-U", "qualcheck", "--auth=trust", "--encoding=UTF8", "--no-instructions")
}

func (e *Embedded) dropRoot() error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return errors.New("embedded postgres: running as root needs a postgres user to run the server as")
	}
	if out, err := exec.Command("chown", "-R", u.Username, e.dir).CombinedOutput(); err != nil {
		return fmt.Errorf("embedded postgres: chown %s: %v: %s", e.dir, err, out)
	}
	e.runAs = []string{"runuser", "-u", u.Username, "--"}
	if exec.Command("runuser", "-u", u.Username, "--", "test", "-w", e.dir).Run() != nil {
		return fmt.Errorf("embedded postgres: the postgres user cannot reach %s (a folder above it is private): pick a --data-dir it can, such as /var/lib/qualcheck, or set DATABASE_URL", e.dir)
	}
	return nil
}

// start starts the server unless one already runs on the folder (left
// by a killed serve): pg_ctl status answers 0 for a running one.
func (e *Embedded) start(ctx context.Context) error {
	if e.run(ctx, "pg_ctl", "status", "-D", e.data()) == nil {
		e.logger.Info("embedded database already running", "dir", e.dir)
		return nil
	}
	opts := "-c listen_addresses='' -k " + e.dir
	return e.run(ctx, "pg_ctl", "start", "-D", e.data(), "-w", "-t", "60", "-l", filepath.Join(e.dir, "postgres.log"), "-o", opts)
}

func (e *Embedded) run(ctx context.Context, prog string, args ...string) error {
	argv := append(append([]string{}, e.runAs...), filepath.Join(e.bin, prog))
	argv = append(argv, args...)
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("embedded postgres: %s %s: %v: %s", prog, args[0], err, strings.TrimSpace(string(out)))
	}
	return nil
}
