// Command qualcheck verifies telecom number applications: see README.md
// and CONTRACT §2. This package only wires: flags and env into Config,
// Config into constructors.
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

// exitUsage is the exit code for usage errors (CONTRACT §2).
const exitUsage = 2

var errUsage = errors.New("usage")

func main() {
	ensureSingleThreadedOCR()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// ensureSingleThreadedOCR re-executes the binary with OMP_THREAD_LIMIT=1
// unless the environment sets it. Tesseract's OpenMP threads fight the
// engine pool (one image: 0.64 s with one thread, 3.1 s with the
// default), and libgomp reads the variable only at process start.
func ensureSingleThreadedOCR() {
	if os.Getenv("OMP_THREAD_LIMIT") != "" {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	env := append(os.Environ(), "OMP_THREAD_LIMIT=1")
	_ = syscall.Exec(exe, os.Args, env) // on failure, run on as we are
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "verify":
		err = runVerify(ctx, args[1:], stdout, stderr)
	case "bench":
		err = runBench(ctx, args[1:], stdout, stderr)
	case "serve":
		err = runServe(ctx, args[1:], stdout, stderr)
	case "worker":
		err = runWorker(ctx, args[1:], stderr)
	case "upload":
		err = runUpload(ctx, args[1:], stdout, stderr)
	case "reprocess":
		err = runReprocess(ctx, args[1:], stdout, stderr)
	case "migrate":
		err = runMigrate(ctx, args[1:], stdout, stderr)
	case "user":
		err = runUser(ctx, args[1:], os.Stdin, stdout, stderr)
	case "token":
		err = runToken(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, version())
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "qualcheck: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return exitCode(err, stderr)
}

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "qualcheck: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "qualcheck: %v\n", err)
		return 1
	}
}

const usage = `qualcheck: checks the paperwork of telecom number applications.

Usage:
  qualcheck verify DIR                    verdict JSON of one application folder on stdout
  qualcheck verify --out OUTDIR DIR...    many folders; OUTDIR/<id>.json each
  qualcheck bench [--tesseract] DIR...    accuracy (and speed against the tesseract CLI) over a corpus
  qualcheck serve                         upload API and workers (CONTRACT §5)
  qualcheck worker                        workers only, for more machines on the same database
  qualcheck upload [--api-url U] DIR...   send application folders to a server; prints their ids
  qualcheck reprocess [--status S] [--since DATE] [--rules-only]
                                          re-run a backlog; report decisions that changed
  qualcheck migrate                       bring the database up to date
  qualcheck token add NAME                create an API token (printed once)
  qualcheck user add NAME [--role admin]  create a reviewer account; the password is read from stdin
  qualcheck version

Every flag can also be set by its environment variable: --ocr-workers is
OCR_WORKERS, --database-url is DATABASE_URL, and so on. Run
"qualcheck verify -h" or "qualcheck serve -h" for the flags.
`
