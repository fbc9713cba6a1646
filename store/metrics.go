package store

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Collector exports the service's state from the database at scrape
// time: applications by status, verdict runs by decision, and River's
// verification jobs by state. The database is the truth every server
// and worker shares, so any one process's /metrics shows the whole.
type Collector struct {
	store   *Store
	timeout time.Duration
	apps    *prometheus.Desc
	runs    *prometheus.Desc
	jobs    *prometheus.Desc
}

// NewCollector makes a Collector; each scrape's queries get timeout.
func NewCollector(st *Store, timeout time.Duration) *Collector {
	return &Collector{
		store: st, timeout: timeout,
		apps: prometheus.NewDesc("qualcheck_applications", "Applications by status.", []string{"status"}, nil),
		runs: prometheus.NewDesc("qualcheck_verdict_runs", "Verdict runs stored, by decision.", []string{"decision"}, nil),
		jobs: prometheus.NewDesc("qualcheck_jobs", "Verification jobs by River state.", []string{"state"}, nil),
	}
}

// Describe sends the metrics' descriptions.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.apps
	ch <- c.runs
	ch <- c.jobs
}

// Collect queries the counts; a failed query leaves its metric out.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	c.gauge(ctx, ch, c.apps, `SELECT status, count(*) FROM qualcheck_applications GROUP BY status`)
	c.gauge(ctx, ch, c.runs, `SELECT decision, count(*) FROM qualcheck_verdict_runs GROUP BY decision`)
	c.gauge(ctx, ch, c.jobs, `SELECT state::text, count(*) FROM river_job WHERE kind = 'qualcheck.verify' GROUP BY state`)
}

func (c *Collector) gauge(ctx context.Context, ch chan<- prometheus.Metric, d *prometheus.Desc, query string) {
	rows, err := c.store.pool.Query(ctx, query)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(d, err)
		return
	}
	defer rows.Close()
	for rows.Next() {
		var label string
		var n int64
		if err := rows.Scan(&label, &n); err != nil {
			ch <- prometheus.NewInvalidMetric(d, err)
			return
		}
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, float64(n), label)
	}
}
