package review

import (
	"testing"
	"time"

	"github.com/qualcheck/qualcheck/store"
)

func TestMasks(t *testing.T) {
	m := masker{}
	tests := []struct{ field, in, want string }{
		{"admin_name", "张伟", "张*"},
		{"legal_rep_name", "欧阳娜娜", "欧***"},
		{"admin_id_number", "330102199001011234", "3301**********1234"},
		{"enterprise_name", "杭州云栖网络科技有限公司", "杭州******有限公司"},
		{"enterprise_name", "云栖科技公司", "云栖**公司"},
		{"admin_phone", "13800138000", "138****8000"},
		{"enterprise_address", "浙江省杭州市西湖区文三路100号", "浙江省杭州市西湖区文三路100号"},
	}
	for _, tt := range tests {
		if got := m.field(tt.field, tt.in); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.field, tt.in, got, tt.want)
		}
		if got := (masker{plain: true}).field(tt.field, tt.in); got != tt.in {
			t.Errorf("plain %s: %q", tt.field, got)
		}
	}
	if got := m.text("ID 330102199001011234 differs"); got != "ID 3301**********1234 differs" {
		t.Errorf("text: %q", got)
	}
}

func TestReviewStatus(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	s := &Server{cfg: Config{ExpiringWithin: 30 * 24 * time.Hour}, now: func() time.Time { return now }}
	tests := []struct {
		status string
		ends   [3]string
		want   string
	}{
		{store.ReviewReviewing, [3]string{"2020-01-01"}, "reviewing"},
		{store.ReviewRejected, [3]string{}, "rejected"},
		{store.ReviewApproved, [3]string{"2099-12-31", "2035-03-01", "2039-06-01"}, "approved"},
		{store.ReviewApproved, [3]string{"2099-12-31", "2026-12-20", ""}, "expiring"},
		{store.ReviewApproved, [3]string{"2099-12-31", "", "2026-11-29"}, "expired"},
		{store.ReviewApproved, [3]string{"2099-12-31", "", "2026-11-30"}, "expiring"}, // valid through its last day
		{store.ReviewSuperseded, [3]string{}, "superseded"},
	}
	for _, tt := range tests {
		if got := s.status(store.QueueRow{ReviewStatus: tt.status, ValidTo: tt.ends}); got.Class != tt.want {
			t.Errorf("%s %v: %s, want %s", tt.status, tt.ends, got.Class, tt.want)
		}
	}
}
