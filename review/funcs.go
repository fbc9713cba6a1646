package review

import (
	"html/template"
	"strings"
	"time"
)

var funcs = template.FuncMap{
	"join": strings.Join,
	"when": func(t time.Time) string { return t.Local().Format("2006-01-02 15:04") },
	"decisionZH": func(d string) string {
		return map[string]string{"pass": "建议通过", "reject": "建议驳回", "review": "需人工审核", "": "未出结果"}[d]
	},
	"severityZH": func(s string) string {
		return map[string]string{"reject": "驳回", "review": "复核", "info": "提示"}[s]
	},
	"yesno": func(b *bool) string {
		switch {
		case b == nil:
			return "—"
		case *b:
			return "是"
		}
		return "否"
	},
}
