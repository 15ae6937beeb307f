package desk

import (
	"net/http"
	"time"

	"dossier"
)

type queueModel struct {
	page
	All   bool
	Items []queueRow
}

type queueRow struct {
	ID       int64
	Name     string
	Team     string // id
	TeamName string
	Kind     dossier.Kind
	Verdict  dossier.Verdict
	Received time.Time
	Why      []string
	Decided  bool
}

// queue is 待办: what waits for a clerk, oldest first, with why; with
// ?all=1 every document of the year.
func (d *Desk) queue(w http.ResponseWriter, r *http.Request) {
	all := r.URL.Query().Get("all") == "1"
	items, err := d.svc.Queue(r.Context(), all)
	if err != nil {
		d.fail(w, r, err)
		return
	}
	title := "待办"
	if all {
		title = "全部材料"
	}
	m := queueModel{page: d.page(r, title, "queue"), All: all}
	reg := d.svc.Registry()
	for _, it := range items {
		row := queueRow{ID: it.Doc.ID, Name: it.Doc.Name, Team: it.Doc.TeamID, Kind: it.Doc.Kind, Verdict: it.Doc.Verdict,
			Received: it.Doc.Received, Why: it.Why, Decided: it.Doc.DecidedBy != nil}
		if t, ok := reg.ByID(it.Doc.TeamID); ok {
			row.TeamName = t.Name
		}
		m.Items = append(m.Items, row)
	}
	d.render(w, http.StatusOK, "queue", m)
}
