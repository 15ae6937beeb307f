package desk

import (
	"net/http"

	"dossier"
)

type teamModel struct {
	page
	Team     dossier.Team
	Contacts string // for a clerk only
	View     dossier.TeamView
	Kinds    []teamKind
	Notices  []noticeRow
}

// teamKind is one material of a team: its state and its documents,
// newest first, the current one marked.
type teamKind struct {
	Kind  dossier.Kind
	State dossier.MaterialState
	Docs  []teamDoc
}

type teamDoc struct {
	Doc     dossier.Document
	Current bool
}

// team is 团队: one team's documents by kind, current and superseded,
// and the notices sent to it.
func (d *Desk) team(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	t, ok := d.svc.Registry().ByID(id)
	if !ok {
		d.notFound(w, r, "找不到该服务团。")
		return
	}
	tp, err := d.svc.Team(r.Context(), t.ID, d.now())
	if err != nil {
		d.fail(w, r, err)
		return
	}
	p := d.page(r, t.ID+" "+t.Name, "overview")
	m := teamModel{page: p, Team: t, View: tp.View}
	if p.Clerk {
		for i, c := range t.Contacts {
			if i > 0 {
				m.Contacts += "，"
			}
			m.Contacts += c
		}
	}
	for _, k := range append(append([]dossier.Kind{}, dossier.Kinds...), dossier.KindUnknown) {
		tk := teamKind{Kind: k, State: tp.View.Materials[k]}
		if tk.State == "" {
			tk.State = dossier.MaterialMissing
		}
		cur, hasCur := tp.View.Current(k)
		for i := len(tp.View.Documents) - 1; i >= 0; i-- {
			doc := tp.View.Documents[i]
			if doc.Kind == k || (k == dossier.KindUnknown && doc.Kind == "") {
				tk.Docs = append(tk.Docs, teamDoc{Doc: doc, Current: hasCur && doc.ID == cur.ID})
			}
		}
		if k == dossier.KindUnknown && len(tk.Docs) == 0 {
			continue
		}
		m.Kinds = append(m.Kinds, tk)
	}
	for _, n := range tp.Notices {
		m.Notices = append(m.Notices, noticeRowOf(n, p.Clerk, d.loc()))
	}
	d.render(w, http.StatusOK, "team", m)
}
