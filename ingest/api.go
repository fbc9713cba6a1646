package ingest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/verify"
)

// APIConfig configures the upload API.
type APIConfig struct {
	// MaxPartBytes is the largest file part accepted. Default 20 MB: well
	// above the 5 MB rule, so a 6 MB photo is stored and answered with
	// FILE_TOO_LARGE in its verdict, like the offline command does.
	MaxPartBytes int64
	// MaxRequestBytes is the largest request. Default 100 MB.
	MaxRequestBytes int64
	// MaxParts is the most parts a request may have. Default 40.
	MaxParts int
	// Loopback says the server listens on loopback only: with no API
	// tokens stored, uploads are then open (and a warning is logged).
	Loopback bool
}

func (c APIConfig) withDefaults() APIConfig {
	if c.MaxPartBytes <= 0 {
		c.MaxPartBytes = 20 << 20
	}
	if c.MaxRequestBytes <= 0 {
		c.MaxRequestBytes = 100 << 20
	}
	if c.MaxParts <= 0 {
		c.MaxParts = 40
	}
	return c
}

// maxApplicationJSON bounds the application part.
const maxApplicationJSON = 1 << 20

// API serves POST /api/applications and GET /api/applications/{id}
// (CONTRACT §5).
type API struct {
	cfg     APIConfig
	store   *store.Store
	blobs   *store.Blobs
	enqueue store.Enqueue
	logger  *slog.Logger
	now     func() time.Time
	// warnOpen logs once that the API is open (loopback, no tokens).
	warnOpen sync.Once
}

// NewAPI wires the API; enqueue inserts a verification job in the
// upload's transaction.
func NewAPI(cfg APIConfig, st *store.Store, blobs *store.Blobs, enqueue store.Enqueue, logger *slog.Logger, now func() time.Time) *API {
	return &API{cfg: cfg.withDefaults(), store: st, blobs: blobs, enqueue: enqueue, logger: logger, now: now}
}

// Register adds the API's routes to mux.
func (a *API) Register(mux *http.ServeMux) {
	mux.Handle("POST /api/applications", a.authorized(a.upload))
	mux.Handle("GET /api/applications/{id}", a.authorized(a.status))
}

func (a *API) status(w http.ResponseWriter, r *http.Request) error {
	st, err := a.store.Status(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

// accepted is the 202 answer (CONTRACT §5).
type accepted struct {
	ID        string `json:"id"`
	StatusURL string `json:"status_url"`
}

// upload streams every file part to blob storage, then stores the
// application and inserts its job in one transaction. Until that
// commits nothing is recorded: a refused request leaves at most blobs
// no row points to.
func (a *API) upload(w http.ResponseWriter, r *http.Request) error {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	boundary := params["boundary"]
	if err != nil || boundary == "" {
		return errMalformed
	}
	body := &tailReader{r: http.MaxBytesReader(w, r.Body, a.cfg.MaxRequestBytes)}
	up, err := a.receive(r.Context(), multipart.NewReader(body, boundary))
	if err != nil {
		return err
	}
	if !body.closedBy(boundary) {
		return errMalformed // cut short: Go's reader takes a cut in a part's header for the end
	}
	sub := store.Submission{ID: newID(a.now()), Application: up.app, Documents: up.docs,
		IdempotencyKey: r.Header.Get("Idempotency-Key"), RequestSHA256: hex.EncodeToString(up.hash.Sum(nil))}
	res, err := a.store.Submit(r.Context(), sub, a.enqueue)
	if errors.Is(err, store.ErrIdempotencyConflict) {
		return errIdempotency
	}
	if err != nil {
		return err
	}
	a.logger.Info("application accepted", "id", res.ID, "documents", len(up.docs), "replayed", res.Replayed)
	return writeJSON(w, http.StatusAccepted, accepted{ID: res.ID, StatusURL: "/api/applications/" + res.ID})
}

// tailReader keeps the last bytes read, to see the closing boundary,
// in a fixed buffer (50 uploads of 40 MB made 4.8 GB of garbage when it
// appended).
type tailReader struct {
	r    io.Reader
	tail [512]byte
	n    int
}

func (t *tailReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.keep(p[:n])
	return n, err
}

func (t *tailReader) keep(b []byte) {
	if len(b) >= len(t.tail) {
		t.n = copy(t.tail[:], b[len(b)-len(t.tail):])
		return
	}
	old := min(t.n, len(t.tail)-len(b))
	copy(t.tail[:], t.tail[t.n-old:t.n])
	t.n = old + copy(t.tail[old:], b)
}

// closedBy reports whether the body ended with the closing boundary
// (an epilogue after it is allowed).
func (t *tailReader) closedBy(boundary string) bool {
	return strings.Contains(string(t.tail[:t.n]), "--"+boundary+"--")
}

// received is a request as received.
type received struct {
	app  verify.Application
	docs []store.Document
	hash hash.Hash // over every part's name, file name and content hash
	seen bool      // the application part was there
}

func (a *API) receive(ctx context.Context, mr *multipart.Reader) (*received, error) {
	up := &received{hash: sha256.New()}
	names := map[string]bool{}
	for n := 0; ; n++ {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, partError(err)
		}
		if n >= a.cfg.MaxParts {
			return nil, errTooManyParts
		}
		err = a.receivePart(ctx, up, part, names)
		part.Close()
		if err != nil {
			return nil, err
		}
	}
	return up, up.finish()
}

func (a *API) receivePart(ctx context.Context, up *received, part *multipart.Part, names map[string]bool) error {
	role := part.FormName()
	if role == "application" {
		return up.application(part)
	}
	if !verify.IsKnownRole(role) {
		return unknownRole(role)
	}
	st, err := a.blobs.Put(ctx, part, a.cfg.MaxPartBytes)
	if errors.Is(err, store.ErrTooLarge) {
		return errPartTooLarge
	}
	if err != nil {
		return partError(err)
	}
	file := uniqueName(fileName(part, role), names)
	fmt.Fprintf(up.hash, "%s\x00%s\x00%s\n", role, file, st.Key)
	up.docs = append(up.docs, store.Document{Role: role, File: file, Blob: st})
	return nil
}

// application reads the application part: the JSON of CONTRACT §1,
// with or without its documents list (the parts make the list).
func (up *received) application(part *multipart.Part) error {
	data, err := io.ReadAll(io.LimitReader(part, maxApplicationJSON+1))
	if err != nil {
		return partError(err)
	}
	if len(data) > maxApplicationJSON {
		return errPartTooLarge
	}
	app, err := verify.ParseApplication(withID(data))
	if err != nil {
		return invalidApplication(err)
	}
	up.app, up.seen = app, true
	fmt.Fprintf(up.hash, "application\x00%x\n", sha256.Sum256(data))
	return nil
}

// withID gives an application without an id a placeholder one: the
// service names it anyway.
func withID(data []byte) []byte {
	var m map[string]any
	if json.Unmarshal(data, &m) != nil || m["id"] != nil && m["id"] != "" {
		return data // malformed, or named: ParseApplication says which
	}
	m["id"] = "-"
	out, err := json.Marshal(m)
	if err != nil {
		return data
	}
	return out
}

func (up *received) finish() error {
	if !up.seen {
		return errNoApplication
	}
	up.app.Documents = make([]verify.DocumentRef, len(up.docs))
	for i, d := range up.docs {
		up.app.Documents[i] = verify.DocumentRef{Role: d.Role, File: d.File}
	}
	return nil
}

// fileName is the part's file name without any folder, or the role.
func fileName(part *multipart.Part, role string) string {
	name := path.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
	if name == "." || name == "/" || name == "" {
		return role
	}
	return name
}

// uniqueName keeps two parts with one file name apart.
func uniqueName(name string, seen map[string]bool) string {
	out := name
	for i := 2; seen[out]; i++ {
		out = fmt.Sprintf("%d_%s", i, name)
	}
	seen[out] = true
	return out
}

// newID is a time-ordered random application id: app-<unix ms hex>-<random>.
func newID(now time.Time) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b) // crypto/rand does not fail on Linux
	return fmt.Sprintf("app-%x-%s", now.UnixMilli(), hex.EncodeToString(b))
}
