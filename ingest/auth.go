package ingest

import (
	"net/http"
	"strings"
	"sync"
)

// authorized wraps h: with API tokens stored, or when serving beyond
// loopback, a request needs "Authorization: Bearer <token>". On
// loopback with no tokens the API is open, and that is logged once.
func (a *API) authorized(h handler) http.Handler {
	var warn sync.Once
	return serve(a.logger, func(w http.ResponseWriter, r *http.Request) error {
		n, err := a.store.CountTokens(r.Context())
		if err != nil {
			return err
		}
		if n == 0 && a.cfg.Loopback {
			warn.Do(func() {
				a.logger.Warn("API open: serving on loopback with no tokens; add one with `qualcheck token add`")
			})
			return h(w, r)
		}
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || token == "" {
			return errUnauthorized
		}
		name, valid, err := a.store.CheckToken(r.Context(), token)
		if err != nil {
			return err
		}
		if !valid {
			return errUnauthorized
		}
		a.logger.Debug("token accepted", "token", name)
		return h(w, r)
	})
}

// Guard protects an operator page (River UI) like the API: open on
// loopback with no tokens, else a bearer token, or, for browsers, HTTP
// basic auth whose password is an API token.
func (a *API) Guard(h http.Handler) http.Handler {
	return serve(a.logger, func(w http.ResponseWriter, r *http.Request) error {
		n, err := a.store.CountTokens(r.Context())
		if err != nil {
			return err
		}
		if n == 0 && a.cfg.Loopback {
			h.ServeHTTP(w, r)
			return nil
		}
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			_, token, _ = r.BasicAuth()
		}
		if _, valid, err := a.store.CheckToken(r.Context(), token); err != nil || !valid {
			w.Header().Set("WWW-Authenticate", `Basic realm="qualcheck"`)
			return cmpErr(err, errUnauthorized)
		}
		h.ServeHTTP(w, r)
		return nil
	})
}

func cmpErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}
