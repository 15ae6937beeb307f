package desk

import (
	"encoding/json"
	"maps"
	"net/http"
	"strconv"

	"dossier"
	"dossier/report"
	"dossier/status"
)

// statusJSON is /status.json: the lines of `status --json`.
func (d *Desk) statusJSON(w http.ResponseWriter, r *http.Request) {
	vs, err := d.svc.Status(r.Context(), d.now())
	if err != nil {
		d.log.Error().Err(err).Msg("status.json: read team views")
		http.Error(w, `{"error":"status unavailable"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	clerk := sessionOf(r).User.CanDecide()
	for _, v := range vs {
		l := status.FromView(v)
		if !clerk {
			hideEmails(&l)
		}
		if err := enc.Encode(l); err != nil {
			return
		}
	}
}

type overviewModel struct {
	page
	Notice, Deadline, Now string
	Kinds                 []dossier.Kind
	Rows                  []overviewRow
	Teams                 report.TeamCounts
	Files                 report.Files
	Funds                 report.FundsSum
	Waiting               int
}

type overviewRow struct {
	Team     dossier.Team
	Cells    []overviewCell
	Complete bool
	Late     bool
	Findings []dossier.Finding
}

// overviewCell is one material of one team: its state and the document
// it links to (the team page when there is none).
type overviewCell struct {
	State   dossier.MaterialState
	Label   string
	Href    string
	Title   string // the file's name, for the link's tooltip
	Decided bool   // 人工核定
}

// overview is 总览: every count on it comes from the service's report
// view, the one the package's cover and 汇总表 are computed from.
func (d *Desk) overview(w http.ResponseWriter, r *http.Request) {
	now := d.now()
	v, err := d.svc.Report(r.Context(), now)
	if err != nil {
		d.fail(w, r, err)
		return
	}
	prog := d.svc.Programme()
	m := overviewModel{page: d.page(r, "总览", "overview"), Notice: prog.Notice, Deadline: prog.SubmitDeadline.Chinese(),
		Now: now.In(prog.Location()).Format("2006年1月2日 15:04"), Kinds: dossier.Kinds,
		Teams: v.TeamCounts(), Files: v.Files, Funds: v.Funds.All}
	for _, t := range v.Teams {
		row := overviewRow{Team: t.Team, Complete: t.Complete, Late: t.Late}
		for _, f := range t.View.Findings {
			if f.Rule != "T001" { // a missing material: its cell says 未提交
				row.Findings = append(row.Findings, f)
			}
		}
		for _, k := range dossier.Kinds {
			row.Cells = append(row.Cells, cellOf(t.View, k))
		}
		m.Rows = append(m.Rows, row)
	}
	if q, err := d.svc.Queue(r.Context(), false); err == nil {
		m.Waiting = len(q)
	}
	d.render(w, http.StatusOK, "overview", m)
}

func cellOf(v dossier.TeamView, k dossier.Kind) overviewCell {
	st := v.Materials[k]
	if st == "" {
		st = dossier.MaterialMissing
	}
	c := overviewCell{State: st, Label: st.Label(), Href: "/team/" + v.Team.ID}
	doc, ok := v.Current(k)
	if !ok { // rejected only: the newest rejected document
		for i := len(v.Documents) - 1; i >= 0; i-- {
			if v.Documents[i].Kind == k {
				doc, ok = v.Documents[i], true
				break
			}
		}
	}
	if ok && doc.ID > 0 {
		c.Href, c.Title, c.Decided = "/doc/"+strconv.FormatInt(doc.ID, 10), doc.Name, doc.DecidedBy != nil
	}
	return c
}

// hideEmails drops the units' e-mail addresses from a status line for a
// reader who is not a clerk.
func hideEmails(l *status.Line) {
	for i, d := range l.Documents {
		if _, ok := d.Fields["contact_email"]; ok {
			f := maps.Clone(d.Fields)
			delete(f, "contact_email")
			l.Documents[i].Fields = f
		}
	}
}
