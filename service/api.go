package service

import (
	"context"
	"errors"
	"time"

	"github.com/rs/zerolog"

	"dossier"
	"dossier/intake"
	"dossier/ledger"
	"dossier/notify"
	"dossier/process"
)

// Sentinel errors. Their text is English (for logs and programs);
// Message gives the Chinese a clerk reads.
var (
	ErrNotFound   = errors.New("service: no such document")
	ErrSuperseded = errors.New("service: the document was superseded by a later submission; decide on the newer one")
	ErrNeedsNote  = errors.New("service: a note is required (accepting with error findings left, or with --force)")
	ErrBadField   = errors.New("service: a corrected field is unknown or does not read as its type")
	ErrBadRequest = errors.New("service: incomplete decision")
	ErrBusy       = errors.New("service: the document is still being processed; try again shortly")
	ErrReadOnly   = errors.New("service: built without an evaluator or folders; cannot do this")
	ErrNoUser     = errors.New("service: no such enabled clerk account")
	ErrErrorsLeft = errors.New("service: error findings remain; accepting needs force and a note")
	ErrStale      = errors.New("service: the document was decided since the clerk's preview; look at it again")
)

// Message is the Chinese text for a clerk of an error returned here.
func Message(err error) string {
	switch {
	case errors.Is(err, ErrSuperseded):
		return "该材料已被同一服务团后来报送的同类材料替换，不能再对其作出决定；请对最新的材料作出决定。"
	case errors.Is(err, ErrNotFound):
		return "找不到该材料。"
	case errors.Is(err, ErrNeedsNote):
		return "请填写说明（在仍有错误的情况下受理，必须说明理由）。"
	case errors.Is(err, ErrErrorsLeft):
		return "更正后仍有错误，若仍要受理，请勾选“仍然受理”并填写理由。"
	case errors.Is(err, ErrBadField):
		return "更正的字段无法识别或取值不符合格式：" + detail(err)
	case errors.Is(err, ErrBusy):
		return "该材料正在处理中，请稍后再试。"
	case errors.Is(err, ErrStale):
		return "该材料在您预览之后已有新的审核决定（可能是重复提交），本次未记录，也未发送通知；请核对当前结果。"
	case errors.Is(err, ErrNoUser):
		return "审核人不是有效的审核员账号。"
	case errors.Is(err, ErrBadRequest):
		return "决定不完整：" + detail(err)
	}
	return "操作失败，请查看日志。"
}

// Config builds a Service from the configuration's pieces and the parts
// the process opened. Ledger is required; Folders and Evaluator are needed
// only by Check (Evaluator) and Decide/Recover (Folders).
type Config struct {
	Registry  dossier.Registry
	Programme dossier.Programme
	Ledger    *ledger.Ledger
	Folders   *intake.Folders    // nil: read-only (status, queue, show)
	Evaluator *process.Evaluator // nil: no Check
	Workers   int                // files Check reads at once (default 2)
	// MinConfidence: a field read with less confidence puts the document
	// in the queue (default 0.8, the OCR threshold).
	MinConfidence float64
	// Notify is the notifier's configuration: mail is a channel when
	// Notify.Host is set.
	Notify      notify.Config
	BureauEmail string
	// Clock is the time source (default time.Now).
	Clock func() time.Time
	Log   zerolog.Logger
	// Clerk, when set, checks that a name is an enabled clerk account
	// (the desk's accounts); nil takes any non-empty name.
	Clerk func(ctx context.Context, name string) error
	// Wake, when set, is called after a decision enqueues a notice (the
	// daemon's notifier), so it is delivered without waiting for a tick.
	Wake func()
}

// QueueItem is one document waiting for a clerk, with why it waits (rule
// ids: F009, F011, F012, F006, F007, or "low_confidence").
type QueueItem struct {
	Doc dossier.Document
	Why []string
}

// NoticeView is one notice with its delivery state per channel.
type NoticeView struct {
	Notice     dossier.Notice
	Deliveries []Delivery
}

// Delivery is a notice's state on one channel.
type Delivery struct {
	Channel   notify.Channel
	Delivered time.Time // zero: not yet
	Attempts  int
	NextAt    time.Time
	LastError string
}

// DocumentView is one document with everything the desk shows about it.
type DocumentView struct {
	Doc        dossier.Document
	Team       *dossier.Team // nil when not identified
	History    []dossier.Decision
	Notices    []NoticeView
	Superseded bool
	// Why lists why it waits for a clerk (empty when it does not).
	Why []string
}

// TeamPage is one team: its view (documents current and superseded) and
// the notices sent to it.
type TeamPage struct {
	View    dossier.TeamView
	Notices []NoticeView
}

// DecisionRequest is a clerk's decision (desk.md, "A decision").
type DecisionRequest struct {
	DocumentID int64
	Verdict    dossier.Verdict // accepted or rejected
	User       string
	Note       string
	// Set are corrected fields as the clerk typed them ("10万元", "２５"),
	// read by the extraction normaliser; "" clears a field (found blank).
	Set     map[string]string
	Team    string       // the team the clerk names ("" keeps the document's)
	Kind    dossier.Kind // the kind the clerk names ("" keeps the document's)
	Reasons []dossier.Finding
	// Force accepts with error findings left; Note is then required.
	Force bool
	// Seen, when set, is how many decisions the clerk saw on the document
	// when confirming (the desk's preview). A decision recorded since (a
	// second click on 确认, another clerk) makes Decide refuse: ErrStale.
	Seen *int
}

// Checked is one file Check decided, in input order.
type Checked struct {
	File process.File
	Doc  dossier.Document
}

// detail is what an error adds after its sentinel's text.
func detail(err error) string {
	s := err.Error()
	for _, e := range []error{ErrBadField, ErrBadRequest} {
		if i := len(e.Error()); len(s) > i && s[:i] == e.Error() {
			return trimColon(s[i:])
		}
	}
	return s
}

func trimColon(s string) string {
	for len(s) > 0 && (s[0] == ':' || s[0] == ' ') {
		s = s[1:]
	}
	return s
}
