package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
)

// apiError is a refusal the client may read: a status, a stable code
// and a safe message (CONTRACT §5: {"error": {"code", "message"}}).
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

var (
	errMalformed     = &apiError{http.StatusBadRequest, "MALFORMED_MULTIPART", "the body is not a multipart/form-data upload"}
	errNoApplication = &apiError{http.StatusBadRequest, "APPLICATION_MISSING", "the upload has no part named application"}
	errTooManyParts  = &apiError{http.StatusBadRequest, "TOO_MANY_PARTS", "the upload has too many parts"}
	errPartTooLarge  = &apiError{http.StatusRequestEntityTooLarge, "PART_TOO_LARGE", "a part is larger than the limit"}
	errTooLarge      = &apiError{http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE", "the upload is larger than the limit"}
	errIdempotency   = &apiError{http.StatusUnprocessableEntity, "IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used for a different upload"}
	errUnauthorized  = &apiError{http.StatusUnauthorized, "UNAUTHORIZED", "a valid bearer token is required"}
	errNotFound      = &apiError{http.StatusNotFound, "NOT_FOUND", "no application has this id"}
	errInternal      = &apiError{http.StatusInternalServerError, "INTERNAL", "the server could not handle the request; try again"}
)

func unknownRole(role string) error {
	return &apiError{http.StatusBadRequest, "UNKNOWN_ROLE", fmt.Sprintf("part %q is not a document role of CONTRACT §1", clip(role))}
}

func invalidApplication(err error) error {
	msg := strings.TrimPrefix(err.Error(), "application.json: ")
	if strings.Contains(msg, "json:") || strings.Contains(msg, "invalid character") || strings.Contains(msg, "unexpected") {
		msg = "not valid JSON of CONTRACT §1"
	}
	return &apiError{http.StatusBadRequest, "APPLICATION_INVALID", "the application part: " + clip(msg)}
}

// partError maps a failure while reading the body: the request size cap
// is the client's doing, anything else a malformed body.
func partError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return errTooLarge
	}
	return errMalformed
}

// clip keeps client-supplied text in messages short.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// handler is an HTTP handler that returns its error to the one mapper.
type handler func(w http.ResponseWriter, r *http.Request) error

// serve turns a handler into an http.Handler through writeError.
func serve(logger *slog.Logger, h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			writeError(w, r, logger, err)
		}
	})
}

// writeError is the one place errors become answers: an apiError as
// itself, anything else as a 500 with a safe message, logged here once.
func writeError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		ae = errInternal
	}
	if ae.status == http.StatusRequestEntityTooLarge || ae.status == http.StatusBadRequest {
		w.Header().Set("Connection", "close") // the rest of the body is not read
	}
	_ = writeJSON(w, ae.status, map[string]any{"error": map[string]string{"code": ae.code, "message": ae.message}})
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}
