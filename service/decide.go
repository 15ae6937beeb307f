package service

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"dossier"
	"dossier/ledger"
	"dossier/process"
	"dossier/rules"
)

// Preview applies the decision to a copy of the document and re-applies
// the rules to the corrected fields, team and kind (desk.md step 1): what
// the clerk sees before confirming. It records nothing. The verdict of the
// returned document is the one the rules give; Decide records the clerk's.
func (s *Service) Preview(ctx context.Context, r DecisionRequest) (dossier.Document, error) {
	e, err := s.entry(ctx, r.DocumentID)
	if err != nil {
		return dossier.Document{}, err
	}
	after, err := s.corrected(e.Doc, r)
	if err != nil {
		return dossier.Document{}, err
	}
	after.Verdict = dossier.VerdictOf(after.Findings)
	return after, nil
}

// corrected is the document with the request's team, kind and fields, and
// its findings re-applied.
func (s *Service) corrected(doc dossier.Document, r DecisionRequest) (dossier.Document, error) {
	after := doc
	after.Fields = maps.Clone(doc.Fields)
	if after.Fields == nil {
		after.Fields = dossier.Fields{}
	}
	after.Invalid = maps.Clone(doc.Invalid)
	if r.Team != "" {
		t, ok := s.cfg.Registry.ByID(strings.TrimSpace(r.Team))
		if !ok {
			return doc, fmt.Errorf("%w: 服务团 %q 不在名单中", ErrBadRequest, r.Team)
		}
		after.TeamID = t.ID
	}
	if r.Kind != "" {
		if !slices.Contains(dossier.Kinds, r.Kind) {
			return doc, fmt.Errorf("%w: 材料类型 %q 应为 survey、audit、summary 或 photos", ErrBadRequest, r.Kind)
		}
		after.Kind = r.Kind
	}
	for _, key := range slices.Sorted(maps.Keys(r.Set)) {
		if f, ok := dossier.FieldByKey(key); ok && f.Kind != "" && f.Kind != after.Kind {
			return doc, fmt.Errorf("%w: %s（%s）不是《%s》的字段", ErrBadField, f.Label, key, after.Kind.Label())
		}
		v, err := Normalize(key, r.Set[key])
		if err != nil {
			return doc, err
		}
		after.Fields[key] = v
		delete(after.Invalid, key)
	}
	var team *dossier.Team
	if t, ok := s.cfg.Registry.ByID(after.TeamID); ok {
		team = &t
	} else {
		after.TeamID = ""
	}
	scan := hasRule(doc.Findings, "F009") && len(r.Set) == 0
	after.Findings = process.Reapply(after, team, s.cfg.Programme, s.cfg.Clock(), scan)
	return after, nil
}

// Decide records a clerk's decision (desk.md "A decision"): the rules
// re-applied to the corrections, the history appended, the document's new
// values, one notice to the unit; then the file is moved to where the new
// verdict puts it and the decision marked done. It is the one code path
// that changes a verdict the daemon recorded.
func (s *Service) Decide(ctx context.Context, r DecisionRequest) (dossier.Document, error) {
	if s.cfg.Folders == nil {
		return dossier.Document{}, ErrReadOnly
	}
	if err := s.checkRequest(ctx, r); err != nil {
		return dossier.Document{}, err
	}
	defer s.lock(r.DocumentID)()
	e, err := s.entry(ctx, r.DocumentID)
	if err != nil {
		return dossier.Document{}, err
	}
	if e.State != ledger.StateDone {
		return dossier.Document{}, fmt.Errorf("document %d: %w", r.DocumentID, ErrBusy)
	}
	if e.Doc.Superseded {
		return dossier.Document{}, fmt.Errorf("document %d: %w", r.DocumentID, ErrSuperseded)
	}
	if err := s.checkSeen(ctx, r); err != nil {
		return dossier.Document{}, err
	}
	after, err := s.corrected(e.Doc, r)
	if err != nil {
		return dossier.Document{}, err
	}
	if err := checkVerdict(after, r); err != nil {
		return dossier.Document{}, err
	}
	after.Verdict = r.Verdict
	plan, release, err := s.plan(e, after)
	if err != nil {
		return dossier.Document{}, err
	}
	defer release()
	dec := newDecision(e.Doc, after, r, s.cfg.Clock())
	rec := ledger.ClerkDecision{Decision: dec, Doc: after, FromPath: plan.from, ToPath: plan.to,
		NoticeFrom: plan.noticeFrom, NoticeTo: plan.noticeTo, Compose: s.composer(e.Doc, plan.to),
		Channels: s.channels(), ExpectVerdict: e.Doc.Verdict}
	dec, notices, err := s.cfg.Ledger.RecordDecision(ctx, rec)
	if err != nil {
		return dossier.Document{}, ledgerErr(err)
	}
	s.cfg.Log.Info().Int64("id", e.ID).Str("file", e.Rel).Str("user", dec.User).
		Str("verdict_before", string(dec.VerdictBefore)).Str("verdict", string(dec.VerdictAfter)).
		Str("team", after.TeamID).Str("kind", string(after.Kind)).Int("notices", len(notices)).Msg("clerk decision recorded")
	crashPoint("recorded")
	if plan.from != plan.to || plan.noticeFrom != plan.noticeTo {
		final := s.applyMove(ctx, ledger.Move{DecisionID: dec.ID, DocumentID: e.ID, Name: e.Name, Verdict: after.Verdict,
			FromPath: plan.from, ToPath: plan.to, NoticeFrom: plan.noticeFrom, NoticeTo: plan.noticeTo})
		if final != "" {
			after.StoredPath = final
		}
	}
	if len(notices) > 0 {
		s.wake()
	}
	after.DecidedBy = &dec
	return after, nil
}

// newDecision is the history entry: who, when, why, before and after.
func newDecision(before, after dossier.Document, r DecisionRequest, now time.Time) dossier.Decision {
	return dossier.Decision{DocumentID: before.ID, User: strings.TrimSpace(r.User), At: now, Note: strings.TrimSpace(r.Note),
		Reasons: reasons(r.Reasons, after.Findings), VerdictBefore: before.Verdict, VerdictAfter: after.Verdict,
		TeamBefore: before.TeamID, TeamAfter: after.TeamID, KindBefore: before.Kind, KindAfter: after.Kind,
		FieldsBefore: changedFrom(before.Fields, r.Set), FieldsAfter: changedFrom(after.Fields, r.Set), Findings: after.Findings}
}

// checkRequest checks what a decision must name before anything is read.
func (s *Service) checkRequest(ctx context.Context, r DecisionRequest) error {
	switch {
	case r.Verdict != dossier.VerdictAccepted && r.Verdict != dossier.VerdictRejected:
		return fmt.Errorf("%w: 请选择受理（accepted）或退回（rejected）", ErrBadRequest)
	case strings.TrimSpace(r.User) == "":
		return fmt.Errorf("%w: 请注明审核人", ErrBadRequest)
	case r.Force && strings.TrimSpace(r.Note) == "":
		return ErrNeedsNote
	case r.Verdict == dossier.VerdictRejected && strings.TrimSpace(r.Note) == "" && len(r.Reasons) == 0:
		return fmt.Errorf("%w: 退回须写明原因（说明或规则）", ErrBadRequest)
	}
	return s.checkUser(ctx, r.User)
}

// checkSeen refuses a decision confirmed on a stale page: one recorded
// since the clerk's preview (a second click on 确认, another clerk), which
// would otherwise record again and send the unit a second notice.
func (s *Service) checkSeen(ctx context.Context, r DecisionRequest) error {
	if r.Seen == nil {
		return nil
	}
	h, err := s.cfg.Ledger.History(ctx, r.DocumentID)
	if err != nil {
		return fmt.Errorf("read the history of document %d: %w", r.DocumentID, err)
	}
	if len(h) != *r.Seen {
		return fmt.Errorf("document %d has %d decisions, the clerk saw %d: %w", r.DocumentID, len(h), *r.Seen, ErrStale)
	}
	return nil
}

// checkVerdict: accepting with error findings left needs Force (and a
// note, checked with the request); rejecting needs a reason, which an
// error finding, a named rule or the note gives.
func checkVerdict(after dossier.Document, r DecisionRequest) error {
	if r.Verdict == dossier.VerdictAccepted && hasErrors(after.Findings) && !r.Force {
		var ids []string
		for _, f := range after.Findings {
			if f.Severity == dossier.SeverityError {
				ids = append(ids, f.Rule)
			}
		}
		return fmt.Errorf("%w (%s)", ErrErrorsLeft, strings.Join(ids, ","))
	}
	return nil
}

// reasons gives each rule id the clerk named its message: the finding of
// that rule on the corrected document, or the rule's own id when none
// (free text keeps Rule "").
func reasons(in []dossier.Finding, findings []dossier.Finding) []dossier.Finding {
	out := make([]dossier.Finding, 0, len(in))
	for _, r := range in {
		r.Rule = strings.ToUpper(strings.TrimSpace(r.Rule))
		if r.Message == "" {
			for _, f := range findings {
				if f.Rule == r.Rule {
					r.Message, r.Field = f.Message, f.Field
					break
				}
			}
		}
		if r.Severity == "" && r.Rule != "" {
			r.Severity = rules.SeverityOf(r.Rule)
		}
		if r.Message == "" {
			r.Message = "审核人员认定：" + r.Rule
		}
		out = append(out, r)
	}
	return out
}

// changedFrom keeps the fields the clerk set, as they stood.
func changedFrom(f dossier.Fields, set map[string]string) dossier.Fields {
	if len(set) == 0 {
		return nil
	}
	out := dossier.Fields{}
	for k := range set {
		v, ok := f[k]
		if ok {
			out[k] = v
		} else {
			out[k] = nil
		}
	}
	return out
}

func hasErrors(fs []dossier.Finding) bool {
	for _, f := range fs {
		if f.Severity == dossier.SeverityError {
			return true
		}
	}
	return false
}

func hasRule(fs []dossier.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// ledgerErr maps the ledger's refusals to the service's.
func ledgerErr(err error) error {
	switch {
	case errors.Is(err, ledger.ErrSuperseded):
		return fmt.Errorf("%w (%v)", ErrSuperseded, err)
	case errors.Is(err, ledger.ErrNotFound):
		return fmt.Errorf("%w (%v)", ErrNotFound, err)
	case errors.Is(err, ledger.ErrWrongState), errors.Is(err, ledger.ErrDecisionPending):
		return fmt.Errorf("%w (%v)", ErrBusy, err)
	}
	return fmt.Errorf("record decision: %w", err)
}
