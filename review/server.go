package review

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/qualcheck/qualcheck/store"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Config configures the review pages.
type Config struct {
	// Loopback says the server listens on loopback only: with no
	// accounts, /review is then open (and a warning is logged).
	Loopback bool
	// SessionTTL is how long a login lasts. Default 12h.
	SessionTTL time.Duration
	// ExpiringWithin is how close a validity's end makes an approved
	// qualification "expiring soon". Default 30 days.
	ExpiringWithin time.Duration
}

// Server serves /review.
type Server struct {
	cfg    Config
	store  *store.Store
	files  Files
	logger *slog.Logger
	now    func() time.Time
	tmpl   *template.Template
	// openCSRF is the CSRF token of the open (no accounts) mode.
	openCSRF string
	warn     sync.Once
}

// Files gives a stored document's bytes (blob storage).
type Files interface {
	Get(ctx context.Context, key string) ([]byte, error)
}

// New wires the review pages.
func New(cfg Config, st *store.Store, files Files, logger *slog.Logger, now func() time.Time) (*Server, error) {
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.ExpiringWithin <= 0 {
		cfg.ExpiringWithin = 30 * 24 * time.Hour
	}
	t, err := template.New("").Funcs(funcs).ParseFS(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return &Server{cfg: cfg, store: st, files: files, logger: logger, now: now, tmpl: t, openCSRF: hex.EncodeToString(b)}, nil
}

// Register adds the pages to mux.
func (s *Server) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFiles, "static")
	mux.Handle("GET /review/static/", http.StripPrefix("/review/static/", http.FileServerFS(static)))
	mux.Handle("GET /review/login", s.page(s.loginForm))
	mux.Handle("POST /review/login", s.page(s.login))
	mux.Handle("POST /review/logout", s.signedIn(s.logout))
	mux.Handle("GET /review", s.signedIn(s.queue))
	mux.Handle("GET /review/app/{id}", s.signedIn(s.application))
	mux.Handle("GET /review/app/{id}/file", s.signedIn(s.file))
	mux.Handle("POST /review/app/{id}/decision", s.signedIn(s.decide))
	mux.Handle("GET /review/audit", s.signedIn(s.audit))
}

// handler is a page handler that returns its error to fail.
type handler func(w http.ResponseWriter, r *http.Request) error

// sessionHandler is a handler for a signed-in reviewer.
type sessionHandler func(w http.ResponseWriter, r *http.Request, sess store.Session) error

// pageError is a refusal a reviewer may read.
type pageError struct {
	status  int
	message string
}

func (e *pageError) Error() string { return e.message }

var (
	errNotFound  = &pageError{http.StatusNotFound, "没有这个申请 / no such application"}
	errForbidden = &pageError{http.StatusForbidden, "请求已过期，请刷新页面重试 / the form expired; reload the page and try again"}
	errDecided   = &pageError{http.StatusConflict, "已通过的资质不可修改，变更请新建申请 / an approved qualification is never changed: a change is a new application"}
	errBadInput  = &pageError{http.StatusBadRequest, "请求无效 / the request is not valid"}
	errAdminOnly = &pageError{http.StatusForbidden, "仅管理员可查看 / for admins only"}
)

func (s *Server) page(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// fail is where errors become pages: a pageError as itself, anything
// else logged here once and shown as a safe message.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *pageError
	switch {
	case errors.As(err, &pe):
	case errors.Is(err, store.ErrNotFound):
		pe = errNotFound
	case errors.Is(err, store.ErrDecided):
		pe = errDecided
	default:
		s.logger.Error("review page failed", "path", r.URL.Path, "err", err)
		pe = &pageError{http.StatusInternalServerError, "服务器出错，请稍后重试 / the server failed; try again"}
	}
	_ = s.render(w, pe.status, "error.html", map[string]any{"Message": pe.message})
}

const sessionCookie = "qualcheck_session"

// signedIn runs h for a signed-in reviewer, checking the CSRF token of
// every POST. With no accounts on loopback, everyone is "local".
func (s *Server) signedIn(h sessionHandler) http.Handler {
	return s.page(func(w http.ResponseWriter, r *http.Request) error {
		sess, ok, err := s.session(r)
		if err != nil {
			return err
		}
		if !ok {
			http.Redirect(w, r, "/review/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return nil
		}
		if r.Method == http.MethodPost && !validCSRF(r, sess.CSRF) {
			return errForbidden
		}
		return h(w, r, sess)
	})
}

func (s *Server) session(r *http.Request) (store.Session, bool, error) {
	n, err := s.store.CountUsers(r.Context())
	if err != nil {
		return store.Session{}, false, err
	}
	if n == 0 && s.cfg.Loopback {
		s.warn.Do(func() {
			s.logger.Warn("/review open: serving on loopback with no accounts; add one with `qualcheck user add`")
		})
		return store.Session{User: "local", Role: store.RoleAdmin, CSRF: s.openCSRF}, true, nil
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return store.Session{}, false, nil
	}
	return s.store.SessionOf(r.Context(), c.Value)
}

// validCSRF checks the form's token and, when the browser says where
// the request comes from, that it is this site.
func validCSRF(r *http.Request, want string) bool {
	if o := r.Header.Get("Origin"); o != "" {
		if u, err := url.Parse(o); err != nil || u.Host != r.Host {
			return false
		}
	}
	got := r.PostFormValue("csrf")
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, http.StatusOK, "login.html", map[string]any{"Next": r.URL.Query().Get("next")})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	_, token, err := s.store.Login(r.Context(), r.PostFormValue("name"), r.PostFormValue("password"), s.cfg.SessionTTL)
	if errors.Is(err, store.ErrBadLogin) {
		return s.render(w, http.StatusUnauthorized, "login.html", map[string]any{"Failed": true, "Next": r.PostFormValue("next")})
	}
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/review", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil, MaxAge: int(s.cfg.SessionTTL.Seconds())})
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
	return nil
}

// safeNext keeps redirects after login inside /review.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || u.Scheme != "" || len(u.Path) < 7 || u.Path[:7] != "/review" {
		return "/review"
	}
	return u.RequestURI()
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, _ store.Session) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.store.Logout(r.Context(), c.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/review", MaxAge: -1, HttpOnly: true})
	http.Redirect(w, r, "/review/login", http.StatusSeeOther)
	return nil
}

func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'")
	w.WriteHeader(status)
	return s.tmpl.ExecuteTemplate(w, name, data)
}
