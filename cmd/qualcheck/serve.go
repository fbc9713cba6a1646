package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"riverqueue.com/riverui"

	"github.com/qualcheck/qualcheck/ingest"
	"github.com/qualcheck/qualcheck/review"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/worker"
)

// ServiceConfig is what serve and worker are built from, beside Config.
// Every field is a flag and an environment variable (--database-url ↔
// DATABASE_URL).
type ServiceConfig struct {
	// DatabaseURL is the PostgreSQL URL. Default "": serve starts a
	// private PostgreSQL in DataDir (the machine's initdb and pg_ctl).
	DatabaseURL string
	// BlobURL is where document files go (gocloud.dev/blob: file://,
	// s3://, mem://). Default file://DataDir/blobs.
	BlobURL string
	// DataDir holds the embedded database and the default blobs.
	// Default "qualcheck-data".
	DataDir string
	// Listen is the HTTP address. Default "127.0.0.1:8080".
	Listen string
	// Workers is how many applications one process verifies at once; 0
	// runs no workers (serve then only answers the API). Default: the
	// number of CPUs (OCR is bounded by OCRWorkers anyway).
	Workers int
	// JobTimeout bounds one verification. Default 10m.
	JobTimeout time.Duration
	// RescueAfter is how long a job may run before another process takes
	// it as crashed and runs it again. Default JobTimeout + 1m.
	RescueAfter time.Duration
	// ShutdownTimeout is how long SIGTERM waits for running jobs before
	// cancelling them (they run again on restart). Default 30s.
	ShutdownTimeout time.Duration
	// FetchCooldown is the least time between two fetches of jobs: short
	// jobs (rules-only re-runs) need it short. Default 100ms (River's).
	FetchCooldown time.Duration
}

func (c *ServiceConfig) bind(fs *flag.FlagSet) {
	fs.StringVar(&c.DatabaseURL, "database-url", "", "PostgreSQL URL (default: a private PostgreSQL in --data-dir)")
	fs.StringVar(&c.BlobURL, "blob-url", "", "blob storage URL (default file://DATA_DIR/blobs)")
	fs.StringVar(&c.DataDir, "data-dir", "qualcheck-data", "folder of the embedded database and default blobs")
	fs.StringVar(&c.Listen, "listen", "127.0.0.1:8080", "HTTP address")
	fs.IntVar(&c.Workers, "workers", runtime.NumCPU(), "applications verified at once")
	fs.DurationVar(&c.JobTimeout, "job-timeout", 10*time.Minute, "time limit of one verification")
	fs.DurationVar(&c.RescueAfter, "rescue-after", 0, "run a job again after it ran this long (default job-timeout + 1m)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 30*time.Second, "wait for running jobs on SIGTERM")
	fs.DurationVar(&c.FetchCooldown, "fetch-cooldown", 100*time.Millisecond, "least time between two job fetches")
}

// service is the running parts of serve and worker.
type service struct {
	cfg     ServiceConfig
	logger  *slog.Logger
	pool    *pgxpool.Pool
	store   *store.Store
	blobs   *store.Blobs
	client  *river.Client[pgx.Tx]
	closers []func()
}

func (s *service) close() {
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
}

// startService connects (or starts) the database, migrates it, opens
// blob storage and the OCR engine, and starts River's workers.
func startService(ctx context.Context, cfg Config, sc ServiceConfig, logger *slog.Logger) (*service, error) {
	s := &service{cfg: sc, logger: logger}
	if err := s.open(ctx, cfg); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func (s *service) open(ctx context.Context, cfg Config) error {
	err := s.connect(ctx)
	if err != nil {
		return err
	}
	if s.blobs, err = store.OpenBlobs(ctx, s.blobURL(), ""); err != nil {
		return err
	}
	s.closers = append(s.closers, func() { _ = s.blobs.Close() })
	engine, err := cfg.engine(s.logger)
	if err != nil {
		return err
	}
	s.closers = append(s.closers, engine.Close)
	v := worker.NewVerifier(worker.VerifierConfig{Timeout: s.cfg.JobTimeout}, s.store, s.blobs, cfg.pipeline(engine, s.logger, time.Now), s.logger)
	return s.startRiver(ctx, v)
}

// connect opens the database (starting the embedded one if need be) and
// migrates it.
func (s *service) connect(ctx context.Context) error {
	url, err := s.database(ctx)
	if err != nil {
		return err
	}
	if s.pool, err = pgxpool.New(ctx, url); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	s.closers = append(s.closers, s.pool.Close)
	s.store = store.New(s.pool, time.Now)
	return store.Migrate(ctx, s.pool, s.logger)
}

// database is the DATABASE_URL, or a private PostgreSQL's in DataDir,
// started now and stopped on close.
func (s *service) database(ctx context.Context) (string, error) {
	if s.cfg.DatabaseURL != "" {
		return s.cfg.DatabaseURL, nil
	}
	pg, err := store.StartEmbedded(ctx, filepath.Join(s.cfg.DataDir, "postgres"), s.logger)
	if err != nil {
		return "", err
	}
	s.logger.Warn("no DATABASE_URL: using the embedded database", "dir", s.cfg.DataDir)
	s.closers = append(s.closers, func() {
		if err := pg.Stop(context.Background()); err != nil {
			s.logger.Error("stopping the embedded database", "err", err)
		}
	})
	return pg.URL(), nil
}

func (s *service) blobURL() string {
	if s.cfg.BlobURL != "" {
		return s.cfg.BlobURL
	}
	dir, err := filepath.Abs(filepath.Join(s.cfg.DataDir, "blobs"))
	if err != nil {
		dir = filepath.Join(s.cfg.DataDir, "blobs")
	}
	return "file://" + filepath.ToSlash(dir) + "?create_dir=true"
}

func (s *service) startRiver(ctx context.Context, v *worker.Verifier) error {
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, v); err != nil {
		return fmt.Errorf("register worker: %w", err)
	}
	var queues map[string]river.QueueConfig // none: insert only (serve --workers 0 answers uploads only)
	if s.cfg.Workers > 0 {
		queues = map[string]river.QueueConfig{store.QueueVerify: {MaxWorkers: s.cfg.Workers}}
	}
	client, err := river.NewClient(riverpgxv5.New(s.pool), &river.Config{
		Logger:               s.logger,
		Queues:               queues,
		Workers:              workers,
		JobTimeout:           s.cfg.JobTimeout,
		RescueStuckJobsAfter: cmpOr(s.cfg.RescueAfter, s.cfg.JobTimeout+time.Minute),
		FetchCooldown:        s.cfg.FetchCooldown,
		FetchPollInterval:    max(s.cfg.FetchCooldown, time.Second),
	})
	if err != nil {
		return fmt.Errorf("river client: %w", err)
	}
	s.client = client
	if queues == nil {
		return nil
	}
	if err := client.Start(ctx); err != nil {
		return fmt.Errorf("start workers: %w", err)
	}
	s.closers = append(s.closers, s.stopRiver)
	return nil
}

// stopRiver lets running jobs finish for ShutdownTimeout, then cancels
// them: a cancelled job is not failed, it runs again after a restart.
func (s *service) stopRiver() {
	soft, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := s.client.Stop(soft); err != nil {
		s.logger.Warn("workers did not finish in time, cancelling", "err", err)
		hard, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = s.client.StopAndCancel(hard)
	}
}

// enqueue inserts a verification job in the upload's transaction.
func (s *service) enqueue(ctx context.Context, tx pgx.Tx, id string) error {
	_, err := s.client.InsertTx(ctx, tx, store.VerifyArgs{ApplicationID: id}, nil)
	return err
}

func cmpOr(a, b time.Duration) time.Duration {
	if a > 0 {
		return a
	}
	return b
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var d dbFlags
	if _, err := d.parse("serve", args, stderr); err != nil {
		return err
	}
	s, err := startService(ctx, d.Config, d.ServiceConfig, d.Config.logger(stderr))
	if err != nil {
		return err
	}
	defer s.close()
	return s.serveHTTP(ctx, stdout)
}

func (s *service) serveHTTP(ctx context.Context, stdout io.Writer) error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	mux := http.NewServeMux()
	api := ingest.NewAPI(ingest.APIConfig{Loopback: isLoopback(ln.Addr())}, s.store, s.blobs, s.enqueue, s.logger, time.Now)
	api.Register(mux)
	if err := s.riverUI(ctx, mux, api); err != nil {
		return err
	}
	mux.Handle("GET /metrics", api.Guard(s.metrics()))
	pages, err := review.New(review.Config{Loopback: isLoopback(ln.Addr())}, s.store, s.blobs, s.logger, time.Now)
	if err != nil {
		return fmt.Errorf("review pages: %w", err)
	}
	pages.Register(mux)
	mux.Handle("GET /{$}", http.RedirectHandler("/review", http.StatusSeeOther))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "qualcheck serving on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// riverUI mounts River's web UI at /riverui, behind the API's tokens:
// operators see, retry and cancel verification jobs there.
func (s *service) riverUI(ctx context.Context, mux *http.ServeMux, api *ingest.API) error {
	h, err := riverui.NewHandler(&riverui.HandlerOpts{
		Endpoints: riverui.NewEndpoints(s.client, nil), Logger: s.logger, Prefix: "/riverui",
	})
	if err != nil {
		return fmt.Errorf("river ui: %w", err)
	}
	if err := h.Start(ctx); err != nil {
		return fmt.Errorf("river ui: %w", err)
	}
	mux.Handle("/riverui/", api.Guard(h))
	return nil
}

// metrics serves Prometheus metrics: the Go runtime's and the process's,
// and the service's counts read from the database at scrape time.
func (s *service) metrics() http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		store.NewCollector(s.store, 5*time.Second))
	return promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
}

func isLoopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

func runWorker(ctx context.Context, args []string, stderr io.Writer) error {
	var d dbFlags
	if _, err := d.parse("worker", args, stderr); err != nil {
		return err
	}
	if d.DatabaseURL == "" {
		return fmt.Errorf("%w: worker needs DATABASE_URL (the database serve uses)", errUsage)
	}
	s, err := startService(ctx, d.Config, d.ServiceConfig, d.Config.logger(stderr))
	if err != nil {
		return err
	}
	defer s.close()
	<-ctx.Done()
	return nil
}
