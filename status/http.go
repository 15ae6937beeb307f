package status

import (
	"context"
	"encoding/json"
	"html/template"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"dossier"
)

// Views returns every team's view at now.
type Views func(ctx context.Context, now time.Time) ([]dossier.TeamView, error)

// Handler serves the status page (/), its JSON lines (/status.json) and a
// liveness probe (/healthz).
func Handler(views Views, prog dossier.Programme, clock func() time.Time, log zerolog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /status.json", func(w http.ResponseWriter, r *http.Request) {
		vs, err := views(r.Context(), clock())
		if err != nil {
			log.Error().Err(err).Msg("status page: read team views")
			http.Error(w, "状态暂不可用", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		enc := json.NewEncoder(w)
		for _, v := range vs {
			if err := enc.Encode(FromView(v)); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		now := clock()
		vs, err := views(r.Context(), now)
		if err != nil {
			log.Error().Err(err).Msg("status page: read team views")
			http.Error(w, "状态暂不可用", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := page.Execute(w, pageData(vs, prog, now)); err != nil {
			log.Error().Err(err).Msg("status page: render")
		}
	})
	return mux
}

type pageRow struct {
	Line
	Level    string
	States   []cell
	Problems []dossier.Finding
}

type cell struct{ Text, Class string }

type pageModel struct {
	Title, Notice, Now, Deadline string
	Kinds                        []string
	Rows                         []pageRow
	Complete, Total, Late        int
}

func pageData(vs []dossier.TeamView, prog dossier.Programme, now time.Time) pageModel {
	m := pageModel{Title: prog.Title, Notice: prog.Notice, Now: now.In(prog.Location()).Format("2006年1月2日 15:04"),
		Deadline: prog.SubmitDeadline.Chinese(), Total: len(vs)}
	for _, k := range dossier.Kinds {
		m.Kinds = append(m.Kinds, ShortKind(k))
	}
	for _, v := range vs {
		l := FromView(v)
		row := pageRow{Line: l, Level: v.Team.Level.Label(), Problems: l.Findings}
		for _, k := range dossier.Kinds {
			st := l.Materials[k]
			row.States = append(row.States, cell{st.Label(), string(st)})
		}
		if l.Complete {
			m.Complete++
		}
		if l.Late {
			m.Late++
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="60">
<title>{{.Title}} · 报送情况</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#1f2937}
h1{font-size:1.4em;color:#1e3a8a;margin-bottom:.2em} .sub{color:#6b7280;margin-bottom:1.2em}
table{border-collapse:collapse;width:100%;font-size:.92em} th,td{border:1px solid #d1d5db;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#eef2ff} .accepted{color:#166534} .rejected{color:#b91c1c;font-weight:bold} .review{color:#b45309} .missing{color:#6b7280}
.late{color:#b91c1c} ul{margin:0;padding-left:1.2em} .nw{white-space:nowrap}
</style></head><body>
<h1>{{.Title}}</h1>
<div class="sub">依据 {{.Notice}} · 报送截止 {{.Deadline}} · 更新于 {{.Now}} · 材料齐全 {{.Complete}}/{{.Total}} 个服务团{{if .Late}} · 逾期 {{.Late}} 个{{end}}</div>
<table><thead><tr><th class="nw">编号</th><th class="nw">级别</th><th>服务团名称</th><th>依托单位</th>{{range .Kinds}}<th class="nw">{{.}}</th>{{end}}<th class="nw">状态</th><th>问题</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Team}}</td><td class="nw">{{.Level}}</td><td>{{.Name}}</td><td>{{.Unit}}</td>
{{range .States}}<td class="nw {{.Class}}">{{.Text}}</td>{{end}}
<td class="nw{{if .Late}} late{{end}}">{{if .Complete}}已齐全{{else}}未齐全{{end}}{{if .Late}}（逾期）{{end}}</td>
<td>{{if .Problems}}<ul>{{range .Problems}}<li>{{.Rule}} {{.Message}}</li>{{end}}</ul>{{end}}</td></tr>
{{end}}</tbody></table></body></html>
`))
