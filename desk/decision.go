package desk

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/service"
)

// decisionForm is the clerk's decision as typed, to fill the forms again.
type decisionForm struct {
	Verdict    dossier.Verdict
	Team       string
	Kind       dossier.Kind
	Note       string
	Reasons    map[string]bool // rule ids ticked
	ReasonText string
	Force      bool
	Set        map[string]string // every field input as typed ("f.<key>")
}

func defaultForm(doc dossier.Document) decisionForm {
	return decisionForm{Team: doc.TeamID, Kind: doc.Kind, Reasons: map[string]bool{}}
}

// parseDecision reads the decision form of a POST. Only the fields whose
// input differs from the document's value become corrections.
func parseDecision(r *http.Request, doc dossier.Document, user string) (decisionForm, service.DecisionRequest) {
	f := decisionForm{Verdict: dossier.Verdict(r.PostFormValue("verdict")), Team: strings.TrimSpace(r.PostFormValue("team")),
		Kind: dossier.Kind(r.PostFormValue("kind")), Note: strings.TrimSpace(r.PostFormValue("note")),
		ReasonText: strings.TrimSpace(r.PostFormValue("reason_text")), Force: r.PostFormValue("force") == "1",
		Reasons: map[string]bool{}, Set: map[string]string{}}
	req := service.DecisionRequest{DocumentID: doc.ID, Verdict: f.Verdict, User: user, Note: f.Note, Force: f.Force}
	if n, err := strconv.Atoi(r.PostFormValue("seen")); err == nil {
		req.Seen = &n // the confirmation form's: a decision since refuses this one
	}
	for key, vals := range r.PostForm {
		k, ok := strings.CutPrefix(key, "f.")
		if !ok || len(vals) == 0 {
			continue
		}
		in := strings.TrimSpace(vals[0])
		f.Set[k] = in
		if cur, editable := fieldText(doc.Fields[k]); editable && in != cur {
			if req.Set == nil {
				req.Set = map[string]string{}
			}
			req.Set[k] = in
		}
	}
	if f.Team != "" && f.Team != doc.TeamID {
		req.Team = f.Team
	}
	if f.Kind == dossier.KindUnknown {
		f.Kind = ""
	}
	if f.Kind != "" && f.Kind != doc.Kind {
		req.Kind = f.Kind
	}
	for _, id := range r.PostForm["reason"] {
		f.Reasons[id] = true
		req.Reasons = append(req.Reasons, reasonOf(doc, id))
	}
	for _, line := range strings.Split(f.ReasonText, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			req.Reasons = append(req.Reasons, dossier.Finding{Severity: dossier.SeverityError, Message: line})
		}
	}
	return f, req
}

func reasonOf(doc dossier.Document, rule string) dossier.Finding {
	for _, f := range doc.Findings {
		if f.Rule == rule {
			return f
		}
	}
	return dossier.Finding{Rule: rule, Severity: dossier.SeverityError}
}

type previewModel struct {
	page
	Doc, After   dossier.Document
	Changes      []change
	Form         decisionForm
	Hidden       []option // the corrections, carried to the confirmation
	RulesVerdict dossier.Verdict
	ErrorsLeft   []dossier.Finding
	Reasons      []dossier.Finding // what the clerk may cite: the findings after correction
	TeamName     string
	Error        string
	Seen         int // decisions on the document when previewed
}

type change struct{ Label, Before, After string }

func (d *Desk) preview(w http.ResponseWriter, r *http.Request) {
	v, ok := d.postedDoc(w, r)
	if !ok {
		return
	}
	form, req := parseDecision(r, v.Doc, sessionOf(r).User.Name)
	d.showPreview(w, r, v, form, req, http.StatusOK, "")
}

// showPreview re-applies the rules to the corrected document (recording
// nothing) and shows the findings with the confirmation form. A
// correction the normaliser cannot read sends the clerk back to the
// document page with the message.
func (d *Desk) showPreview(w http.ResponseWriter, r *http.Request, v service.DocumentView, form decisionForm, req service.DecisionRequest, code int, msg string) {
	after, err := d.svc.Preview(r.Context(), req)
	if err != nil {
		if errors.Is(err, service.ErrBadField) || errors.Is(err, service.ErrBadRequest) {
			m := d.documentModel(r, v, &form)
			m.Error = service.Message(err)
			d.render(w, http.StatusUnprocessableEntity, "document", m)
			return
		}
		d.fail(w, r, err)
		return
	}
	m := previewModel{page: d.page(r, "核对并确认 · "+v.Doc.Name, "queue"), Doc: v.Doc, After: after, Form: form,
		RulesVerdict: dossier.VerdictOf(after.Findings), Reasons: after.Findings, Error: msg, Seen: len(v.History)}
	if t, ok := d.svc.Registry().ByID(after.TeamID); ok {
		m.TeamName = t.Name
	}
	for _, f := range after.Findings {
		if f.Severity == dossier.SeverityError {
			m.ErrorsLeft = append(m.ErrorsLeft, f)
		}
	}
	for _, key := range catalogueOrder(slices.Collect(maps.Keys(req.Set))) {
		in := req.Set[key]
		_, had := v.Doc.Fields[key]
		before := displayText(key, v.Doc.Fields[key])
		if !had {
			before = ""
		}
		m.Changes = append(m.Changes, change{Label: dossier.LabelOf(key), Before: before, After: displayText(key, after.Fields[key])})
		m.Hidden = append(m.Hidden, option{Value: "f." + key, Label: in})
	}
	if req.Team != "" {
		m.Changes = append(m.Changes, change{Label: "所属服务团", Before: v.Doc.TeamID, After: req.Team})
	}
	if req.Kind != "" {
		m.Changes = append(m.Changes, change{Label: "材料类型", Before: kindName(v.Doc.Kind), After: kindName(req.Kind)})
	}
	if m.Form.Verdict == "" {
		m.Form.Verdict = m.RulesVerdict
		if m.Form.Verdict == dossier.VerdictReview {
			m.Form.Verdict = ""
		}
	}
	d.render(w, code, "preview", m)
}

func kindName(k dossier.Kind) string {
	if k == "" || k == dossier.KindUnknown {
		return "未识别"
	}
	return k.Label()
}

func (d *Desk) decide(w http.ResponseWriter, r *http.Request) {
	v, ok := d.postedDoc(w, r)
	if !ok {
		return
	}
	user := sessionOf(r).User.Name
	form, req := parseDecision(r, v.Doc, user)
	if req.Verdict != dossier.VerdictAccepted && req.Verdict != dossier.VerdictRejected {
		d.showPreview(w, r, v, form, req, http.StatusUnprocessableEntity, "请选择结论：受理或退回。")
		return
	}
	doc, err := d.svc.Decide(r.Context(), req)
	switch {
	case errors.Is(err, service.ErrStale):
		if v, err = d.svc.Document(r.Context(), v.Doc.ID); err != nil {
			d.fail(w, r, err)
			return
		}
		m := d.documentModel(r, v, nil)
		m.Error = service.Message(service.ErrStale)
		d.render(w, http.StatusConflict, "document", m)
		return
	case errors.Is(err, service.ErrErrorsLeft), errors.Is(err, service.ErrNeedsNote),
		errors.Is(err, service.ErrBadField), errors.Is(err, service.ErrBadRequest):
		d.showPreview(w, r, v, form, req, http.StatusUnprocessableEntity, service.Message(err))
		return
	case err != nil:
		d.fail(w, r, err)
		return
	}
	d.log.Info().Str("user", user).Int64("document", doc.ID).Str("verdict", string(doc.Verdict)).
		Str("team", doc.TeamID).Str("kind", string(doc.Kind)).Msg("clerk decided")
	http.Redirect(w, r, "/doc/"+strconv.FormatInt(doc.ID, 10)+"?done=1", http.StatusSeeOther)
}

// postedDoc reads the document a POST names in its route.
func (d *Desk) postedDoc(w http.ResponseWriter, r *http.Request) (service.DocumentView, bool) {
	id, ok := docParam(r)
	if !ok {
		d.notFound(w, r, "找不到该材料。")
		return service.DocumentView{}, false
	}
	v, err := d.svc.Document(r.Context(), id)
	if err != nil {
		d.fail(w, r, err)
		return service.DocumentView{}, false
	}
	return v, true
}

// historyRow is one past decision as the page shows it.
type historyRow struct {
	User, Note    string
	At            time.Time
	Before, After dossier.Verdict
	Changes       []change
	Reasons       []dossier.Finding
}

func historyOf(h dossier.Decision, clerk bool) historyRow {
	row := historyRow{User: h.User, Note: h.Note, At: h.At, Before: h.VerdictBefore, After: h.VerdictAfter, Reasons: h.Reasons}
	if h.TeamAfter != "" && h.TeamAfter != h.TeamBefore {
		row.Changes = append(row.Changes, change{"所属服务团", h.TeamBefore, h.TeamAfter})
	}
	if h.KindAfter != "" && h.KindAfter != h.KindBefore {
		row.Changes = append(row.Changes, change{"材料类型", kindName(h.KindBefore), kindName(h.KindAfter)})
	}
	for _, key := range catalogueOrder(slices.Collect(maps.Keys(h.FieldsAfter))) {
		a, b := displayText(key, h.FieldsAfter[key]), displayText(key, h.FieldsBefore[key])
		if a == b {
			continue
		}
		if key == "contact_email" && !clerk {
			a, b = "（仅审核员可见）", "（仅审核员可见）"
		}
		row.Changes = append(row.Changes, change{dossier.LabelOf(key), b, a})
	}
	return row
}

// edit goes back from the preview to the document page with the clerk's
// inputs kept.
func (d *Desk) edit(w http.ResponseWriter, r *http.Request) {
	v, ok := d.postedDoc(w, r)
	if !ok {
		return
	}
	form, _ := parseDecision(r, v.Doc, sessionOf(r).User.Name)
	d.render(w, http.StatusOK, "document", d.documentModel(r, v, &form))
}
