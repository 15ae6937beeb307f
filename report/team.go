package report

import (
	"dossier"
)

// Reasons a value is not counted, in the package's words.
const (
	ReasonReview   = "待人工审核"
	ReasonRejected = "已退回"
	ReasonMissing  = "未提交"
	ReasonBlank    = "未填"
	ReasonUnread   = "未读到"
)

// TeamRow is one team: its materials and the documents its figures come from.
type TeamRow struct {
	N         int // 序号, from 1 in registry order
	Team      dossier.Team
	Materials map[dossier.Kind]dossier.MaterialState
	Complete  bool
	Late      bool
	Findings  int // every finding of the team and of its documents
	Survey    Source
	Audit     Source
	Funds     Funds
	View      dossier.TeamView
}

// Source is the document a team's figures of one kind come from, and
// whether they count.
type Source struct {
	Doc     dossier.Document
	Present bool   // there is a current (accepted or review) document
	Counts  bool   // accepted: its figures enter the sums
	Reason  string // when it does not count
}

// Funds are the audit's three totals.
type Funds struct {
	Received, Spent, Balance Amount
}

func teamRow(n int, v dossier.TeamView, p dossier.Programme) TeamRow {
	r := TeamRow{N: n, Team: v.Team, Materials: map[dossier.Kind]dossier.MaterialState{}, Complete: v.Complete, Late: v.Late, View: v}
	for _, k := range dossier.Kinds {
		st := v.Materials[k]
		if st == "" {
			st = dossier.MaterialMissing
		}
		r.Materials[k] = st
	}
	r.Findings = len(v.Findings)
	for _, d := range v.Documents {
		r.Findings += len(d.Findings)
	}
	r.Survey = sourceOf(v, dossier.KindSurvey)
	r.Audit = sourceOf(v, dossier.KindAudit)
	r.Funds = Funds{
		Received: r.Audit.amount("received_total"),
		Spent:    r.Audit.amount("spent_total"),
		Balance:  r.Audit.amount("balance"),
	}
	if !r.Funds.Balance.Has && r.Funds.Received.Has && r.Funds.Spent.Has {
		b := r.Funds.Received
		b.Value -= r.Funds.Spent.Value
		b.Computed = true
		b.Manual = r.Funds.Received.Manual || r.Funds.Spent.Manual
		b.OCR = r.Funds.Received.OCR || r.Funds.Spent.OCR
		r.Funds.Balance = b
	}
	return r
}

func sourceOf(v dossier.TeamView, k dossier.Kind) Source {
	if d, ok := v.Current(k); ok {
		s := Source{Doc: d, Present: true, Counts: d.Verdict == dossier.VerdictAccepted}
		if !s.Counts {
			s.Reason = ReasonReview
		}
		return s
	}
	if v.Materials[k] == dossier.MaterialRejected {
		return Source{Reason: ReasonRejected}
	}
	return Source{Reason: ReasonMissing}
}

// amount is a money field of the source as an Amount.
func (s Source) amount(key string) Amount {
	a := Amount{Unit: dossier.Yuan}
	if f, ok := dossier.FieldByKey(key); ok && f.Unit == string(dossier.WanYuan) {
		a.Unit = dossier.WanYuan
	}
	if !s.Present {
		a.Reason = s.Reason
		return a
	}
	a.Manual, a.OCR = marks(s.Doc, key)
	m, ok := dossier.MoneyOf(s.Doc.Fields, key)
	switch {
	case !s.Counts:
		a.Value, a.Has = m, ok
		a.Reason = s.Reason
	case ok:
		a.Value, a.Has, a.Counts = m, true, true
	case hasKey(s.Doc.Fields, key):
		a.Reason = ReasonBlank
	default:
		a.Reason = ReasonUnread
	}
	return a
}

func hasKey(fs dossier.Fields, key string) bool {
	_, ok := fs[key]
	return ok
}

// marks says whether a clerk set the field (人工核定) and whether OCR read it.
func marks(d dossier.Document, key string) (manual, ocr bool) {
	if d.DecidedBy != nil {
		if _, ok := d.DecidedBy.FieldsAfter[key]; ok {
			manual = true
		}
	}
	if s, ok := d.Sources[key]; ok && s.OCR && !manual {
		ocr = true
	}
	return manual, ocr
}
