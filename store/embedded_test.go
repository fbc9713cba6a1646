package store_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/qualcheck/qualcheck/store"
)

// TestEmbedded creates a private PostgreSQL in a folder, migrates it,
// stops it, and starts it again on the same data (serve without
// DATABASE_URL).
func TestEmbedded(t *testing.T) {
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	// World-traversable: as root the server runs as the postgres user.
	dir, err := os.MkdirTemp("", "qualcheck-embedded-")
	if err != nil || os.Chmod(dir, 0o755) != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	ctx := context.Background()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	for round := 1; round <= 2; round++ {
		pg, err := store.StartEmbedded(ctx, filepath.Join(dir, "pg"), logger)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		pool, err := pgxpool.New(ctx, pg.URL())
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Migrate(ctx, pool, logger); err != nil {
			t.Fatalf("round %d: migrate: %v", round, err)
		}
		pool.Close()
		if err := pg.Stop(ctx); err != nil {
			t.Fatalf("round %d: stop: %v", round, err)
		}
	}
}
