package ingest_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/qualcheck/qualcheck/ingest"
	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/store/storetest"
)

const (
	loadClients   = 50       // concurrent clients
	loadPartBytes = 10 << 20 // each of the four file parts
	loadAppBytes  = 4 * loadPartBytes
	loadAppJSON   = `{"id":"client-load","kind":"voice_general","submitted_at":"2026-11-20","form":{}}`
)

// loadRoles are the file parts of one 40 MB application.
var loadRoles = [4]string{"admin_id_front", "admin_id_back", "commitment_letter", "application_letter"}

// BenchmarkUpload50x40MB measures the uploads per second a real HTTP
// server on loopback holds while 50 concurrent clients each send 40 MB
// applications (the application part and four 10 MB file parts), wired
// as `qualcheck serve` wires it: PostgreSQL store, River job inserted in
// the upload's transaction, file:// blob bucket. Each b.Loop iteration
// hands one upload to the next free client; at least 50 are sent, one
// per client, and ns/op is the wall time per upload sent, the last ones
// finished included.
//
// It reports uploads/s, MB/s, and the heap in use before the run
// (base-heap-MB) and at its peak, sampled every 50 ms (peak-heap-MB).
// Server and clients share the process, so the peak counts both; the
// clients stream their bodies (io.Pipe), holding only copy buffers, so
// a peak far below the 2 GB in flight shows that the server streams
// parts to blob storage and never holds one whole.
//
// Every upload keeps 40 MB in a temporary directory until the run ends
// (4 GB for 100): run it with a bounded count, e.g.
//
//	TEST_DATABASE_URL='postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable' \
//	  go test ./ingest -run '^$' -bench BenchmarkUpload50x40MB -benchtime=100x
func BenchmarkUpload50x40MB(b *testing.B) {
	if testing.Short() {
		b.Skip("40 MB uploads: not with -short")
	}
	url := loadServer(b)
	runtime.GC()
	base := heapInuse()
	stop := sampleHeap(50 * time.Millisecond)
	start := time.Now()
	n := sendAll(b, url)
	elapsed := time.Since(start)
	reportLoad(b, n, elapsed, base, stop())
}

// loadServer starts the API on loopback over a fresh database and a
// file:// bucket, and returns its URL.
func loadServer(b *testing.B) string {
	pool, _ := storetest.NewDB(b)
	blobs, err := store.OpenBlobs(context.Background(), "file://"+b.TempDir()+"?create_dir=true", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = blobs.Close() })
	logger := slog.New(slog.DiscardHandler)
	api := ingest.NewAPI(ingest.APIConfig{Loopback: true}, store.New(pool, time.Now), blobs,
		loadEnqueue(b, pool, logger), logger, time.Now)
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	return srv.URL
}

// loadEnqueue inserts the verification job with an insert-only River
// client, as the service does.
func loadEnqueue(b *testing.B, pool *pgxpool.Pool, logger *slog.Logger) store.Enqueue {
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{Logger: logger})
	if err != nil {
		b.Fatal(err)
	}
	return func(ctx context.Context, tx pgx.Tx, id string) error {
		_, err := client.InsertTx(ctx, tx, store.VerifyArgs{ApplicationID: id}, nil)
		return err
	}
}

// sendAll runs loadClients clients, hands them one upload per b.Loop
// iteration (and at least one each), waits for all and returns how many
// were sent.
func sendAll(b *testing.B, url string) int {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}}
	defer client.CloseIdleConnections()
	uploads := make(chan int)
	var wg sync.WaitGroup
	for range loadClients {
		wg.Go(func() { sendEach(b, client, url, uploads) })
	}
	n := handOut(b, uploads)
	wg.Wait()
	return n
}

// handOut numbers uploads from 1, one per b.Loop iteration and at
// least one per client, then closes uploads and returns the count.
func handOut(b *testing.B, uploads chan<- int) int {
	defer close(uploads)
	n := 0
	for b.Loop() {
		n++
		uploads <- n
	}
	for ; n < loadClients; n++ {
		uploads <- n + 1
	}
	return n
}

// sendEach sends the uploads it is handed, one at a time.
func sendEach(b *testing.B, client *http.Client, url string, uploads <-chan int) {
	for seq := range uploads {
		if err := sendOne(client, url, seq); err != nil {
			b.Error(err)
		}
	}
}

// sendOne posts upload seq, its body generated as it is sent, and
// checks it is accepted.
func sendOne(client *http.Client, url string, seq int) error {
	pr, pw := io.Pipe()
	defer pr.Close()
	mw := multipart.NewWriter(pw)
	ctype := mw.FormDataContentType()
	go func() { pw.CloseWithError(writeApplication(mw, seq)) }()
	resp, err := client.Post(url+"/api/applications", ctype, pr)
	if err != nil {
		return fmt.Errorf("upload %d: %w", seq, err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("upload %d: %s %s", seq, resp.Status, answer)
	}
	return nil
}

// writeApplication writes the multipart body of upload seq.
func writeApplication(mw *multipart.Writer, seq int) error {
	if err := mw.WriteField("application", loadAppJSON); err != nil {
		return err
	}
	for i, role := range loadRoles {
		w, err := mw.CreateFormFile(role, role+".jpg")
		if err != nil {
			return err
		}
		if err := writePart(w, seq, i); err != nil {
			return err
		}
	}
	return mw.Close()
}

// loadBlock is the random block file parts repeat.
var loadBlock = func() []byte {
	block := make([]byte, 64<<10)
	_, _ = rand.NewChaCha8([32]byte{'q', 'c'}).Read(block)
	return block
}()

// writePart writes loadPartBytes: a line naming the upload and part, so
// that every part's content, and so its content-addressed blob, is new,
// then loadBlock over and over.
func writePart(w io.Writer, seq int, part int) error {
	head := fmt.Sprintf("upload %d part %d\n", seq, part)
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	for left := loadPartBytes - len(head); left > 0; left -= len(loadBlock) {
		if _, err := w.Write(loadBlock[:min(left, len(loadBlock))]); err != nil {
			return err
		}
	}
	return nil
}

func heapInuse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// sampleHeap samples the heap in use every period until the returned
// stop is called, which returns the peak.
func sampleHeap(period time.Duration) (stop func() uint64) {
	done, peak := make(chan struct{}), make(chan uint64)
	go func() {
		tick := time.NewTicker(period)
		defer tick.Stop()
		top := heapInuse()
		for {
			select {
			case <-tick.C:
				top = max(top, heapInuse())
			case <-done:
				peak <- max(top, heapInuse())
				return
			}
		}
	}()
	return func() uint64 { close(done); return <-peak }
}

func reportLoad(b *testing.B, n int, elapsed time.Duration, base, peak uint64) {
	const mb = 1 << 20
	secs := elapsed.Seconds()
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(n), "ns/op")
	b.ReportMetric(float64(n)/secs, "uploads/s")
	b.ReportMetric(float64(n)*loadAppBytes/mb/secs, "MB/s")
	b.ReportMetric(float64(base)/mb, "base-heap-MB")
	b.ReportMetric(float64(peak)/mb, "peak-heap-MB")
}
