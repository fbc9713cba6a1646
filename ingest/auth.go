package ingest

import (
	"net/http"
	"strings"
)

// authorized wraps h: with API tokens stored, or when serving beyond
// loopback, a request needs "Authorization: Bearer <token>". On
// loopback with no tokens the API is open, and that is logged once.
func (a *API) authorized(h handler) http.Handler {
	return serve(a.logger, func(w http.ResponseWriter, r *http.Request) error {
		if err := a.admit(r, false); err != nil {
			return err
		}
		return h(w, r)
	})
}

// Guard protects an operator page (River UI, metrics) like the API, and
// for browsers also takes HTTP basic auth whose password is an API
// token.
func (a *API) Guard(h http.Handler) http.Handler {
	return serve(a.logger, func(w http.ResponseWriter, r *http.Request) error {
		if err := a.admit(r, true); err != nil {
			w.Header().Set("WWW-Authenticate", `Basic realm="qualcheck"`)
			return err
		}
		h.ServeHTTP(w, r)
		return nil
	})
}

// admit is the one token check: nil when the request may go on.
func (a *API) admit(r *http.Request, basic bool) error {
	n, err := a.store.CountTokens(r.Context())
	if err != nil {
		return err
	}
	if n == 0 && a.cfg.Loopback {
		a.warnOpen.Do(func() {
			a.logger.Warn("API open: serving on loopback with no tokens; add one with `qualcheck token add`")
		})
		return nil
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok && basic {
		_, token, _ = r.BasicAuth()
	}
	if token == "" {
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
	return nil
}
