package review

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/qualcheck/qualcheck/store"
	"github.com/qualcheck/qualcheck/verify"
)

const perPage = 50

// queue is the reviewers' list: filters, sorting, paging, masked names.
func (s *Server) queue(w http.ResponseWriter, r *http.Request, sess store.Session) error {
	q := r.URL.Query()
	f, err := queueFilter(q)
	if err != nil {
		return errBadInput
	}
	rows, total, err := s.store.Queue(r.Context(), f)
	if err != nil {
		return err
	}
	views := make([]queueRowView, len(rows))
	for i, row := range rows {
		views[i] = s.queueRow(row, masker{})
	}
	return s.render(w, http.StatusOK, "queue.html", map[string]any{
		"Session": sess, "Rows": views, "Total": total, "Query": q, "Page": max(1, f.Page),
		"Pages": (total + perPage - 1) / perPage, "Prev": pageURL(q, f.Page-1), "Next": pageURL(q, f.Page+1),
		"Kinds": kinds,
	})
}

var kinds = []string{verify.KindVoiceGeneral, verify.KindVoice400, verify.KindSMS1069, verify.KindCallcenter95}

func queueFilter(q url.Values) (store.QueueFilter, error) {
	f := store.QueueFilter{Decision: q.Get("decision"), ReviewStatus: q.Get("status"), Kind: q.Get("kind"),
		Sort: q.Get("sort"), PerPage: perPage}
	f.Page, _ = strconv.Atoi(q.Get("page"))
	f.Page = max(1, f.Page)
	var err error
	if v := q.Get("from"); v != "" {
		if f.From, err = time.Parse(time.DateOnly, v); err != nil {
			return f, err
		}
	}
	if v := q.Get("to"); v != "" {
		if f.To, err = time.Parse(time.DateOnly, v); err != nil {
			return f, err
		}
		f.To = f.To.AddDate(0, 0, 1) // through that day
	}
	return f, nil
}

func pageURL(q url.Values, page int) string {
	if page < 1 {
		return ""
	}
	c := url.Values{}
	for k, v := range q {
		c[k] = v
	}
	c.Set("page", strconv.Itoa(page))
	return "/review?" + c.Encode()
}

// queueRowView is a queue row as shown.
type queueRowView struct {
	ID, Enterprise, Admin, AdminID, Kind, Decision, Processing string
	Status                                                     statusLabel
	Age                                                        string
}

func (s *Server) queueRow(q store.QueueRow, m masker) queueRowView {
	return queueRowView{
		ID: q.ID, Enterprise: m.field("enterprise_name", q.EnterpriseName), Admin: m.field("admin_name", q.AdminName),
		AdminID: m.field("admin_id_number", q.AdminIDNumber), Kind: q.Kind, Decision: q.Decision,
		Processing: q.Status, Status: s.status(q), Age: age(s.now().Sub(q.CreatedAt)),
	}
}

// statusLabel is a review status in both languages, with a CSS class.
type statusLabel struct{ Class, ZH, EN string }

// status is the review status; an approved qualification whose licence
// term or ID validity has ended is Expired, and within ExpiringWithin
// of its end Expiring soon.
func (s *Server) status(q store.QueueRow) statusLabel {
	switch q.ReviewStatus {
	case store.ReviewRejected:
		return statusLabel{"rejected", "已驳回", "Rejected"}
	case store.ReviewSuperseded:
		return statusLabel{"superseded", "已被替代", "Superseded"}
	case store.ReviewReviewing:
		return statusLabel{"reviewing", "审核中", "Reviewing"}
	}
	end, ok := earliest(q.ValidTo[:])
	switch now := s.now(); {
	case ok && end.Before(now):
		return statusLabel{"expired", "已过期", "Expired"}
	case ok && end.Before(now.Add(s.cfg.ExpiringWithin)):
		return statusLabel{"expiring", "即将过期", "Expiring soon"}
	}
	return statusLabel{"approved", "已通过", "Approved"}
}

// earliest is the first of the dates (YYYY-MM-DD) that parse; the day
// ends at its midnight after.
func earliest(dates []string) (time.Time, bool) {
	var out time.Time
	for _, d := range dates {
		t, err := time.Parse(time.DateOnly, d)
		if err == nil && (out.IsZero() || t.Before(out)) {
			out = t
		}
	}
	return out.AddDate(0, 0, 1), !out.IsZero()
}

func age(d time.Duration) string {
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%d 分钟", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d 小时", int(d.Hours()))
	}
	return fmt.Sprintf("%d 天", int(d.Hours()/24))
}

// audit lists the latest plain views of every application: admins only.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, sess store.Session) error {
	if sess.Role != store.RoleAdmin {
		return errAdminOnly
	}
	rows, err := s.store.AuditRecent(r.Context(), 500)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "audit.html", map[string]any{"Session": sess, "Rows": rows})
}
