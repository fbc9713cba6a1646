package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/qualcheck/qualcheck/ingest"
)

// runUpload: qualcheck upload DIR... sends application folders to a
// server and prints each folder's application id.
func runUpload(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("upload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	apiURL := fs.String("api-url", "http://127.0.0.1:8080", "the qualcheck server")
	token := fs.String("api-token", "", "bearer token (qualcheck token add)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: upload DIR...", errUsage)
	}
	u := ingest.Uploader{Client: &http.Client{Timeout: 10 * time.Minute}, Base: *apiURL, Token: *token}
	failed := 0
	for _, dir := range fs.Args() {
		id, err := u.Upload(ctx, dir)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", dir, err)
			failed++
			continue
		}
		fmt.Fprintf(stdout, "%s\t%s\n", dir, id)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d uploads failed", failed, fs.NArg())
	}
	return nil
}
