package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/qualcheck/qualcheck/store"
)

// dbFlags are the flags of the commands that only need the database.
type dbFlags struct {
	Config
	ServiceConfig
}

// parse binds the config's flags, and more's, then parses args.
func (d *dbFlags) parse(name string, args []string, stderr io.Writer, more ...func(*flag.FlagSet)) (*flag.FlagSet, error) {
	fs := newFlagSet(name, &d.Config)
	d.ServiceConfig.bind(fs)
	for _, bind := range more {
		bind(fs)
	}
	fs.SetOutput(stderr)
	return fs, parseFlags(fs, args)
}

// openDB connects to DATABASE_URL (or the private PostgreSQL in
// DATA_DIR) and migrates it; the returned func closes what it opened.
func (d *dbFlags) openDB(ctx context.Context, stderr io.Writer) (*store.Store, func(), error) {
	s := &service{cfg: d.ServiceConfig, logger: d.Config.logger(stderr)}
	if err := s.connect(ctx); err != nil {
		s.close()
		return nil, nil, err
	}
	return s.store, s.close, nil
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var d dbFlags
	if _, err := d.parse("migrate", args, stderr); err != nil {
		return err
	}
	_, closeDB, err := d.openDB(ctx, stderr)
	if err != nil {
		return err
	}
	closeDB()
	fmt.Fprintln(stdout, "database is up to date")
	return nil
}

// runToken: qualcheck token add NAME prints a new API token once.
func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("%w: token add NAME", errUsage)
	}
	var d dbFlags
	fs, err := d.parse("token add", args[1:], stderr)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: token add NAME", errUsage)
	}
	st, closeDB, err := d.openDB(ctx, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	token, err := st.AddToken(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, token)
	return nil
}

// runUser: qualcheck user add NAME [--role reviewer|admin] reads the
// password from the first line of standard input.
func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("%w: user add NAME [--role reviewer|admin] < password", errUsage)
	}
	var d dbFlags
	var role string
	fs, err := d.parse("user add", args[1:], stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&role, "role", store.RoleReviewer, "reviewer or admin")
	})
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: user add NAME [--role reviewer|admin] < password", errUsage)
	}
	password, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && password == "" {
		return fmt.Errorf("%w: the password is read from standard input", errUsage)
	}
	st, closeDB, err := d.openDB(ctx, stderr)
	if err != nil {
		return err
	}
	defer closeDB()
	if err := st.AddUser(ctx, fs.Arg(0), role, strings.TrimRight(password, "\r\n")); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s (%s) added\n", fs.Arg(0), role)
	return nil
}
