package report

import (
	"errors"
	"fmt"
	"time"

	"dossier"
)

// ErrInconsistent reports counts that do not add up (a bug, never data).
var ErrInconsistent = errors.New("report: figures do not add up")

// Input is what the view is computed from.
type Input struct {
	Programme dossier.Programme
	Teams     []dossier.TeamView // every team of the registry, in registry order
	NoTeam    []dossier.Document // decided files whose team could not be identified
	Dups      []dossier.Document // decided files that repeat an accepted file (F008)
	Pending   int                // files received but not yet decided (or not yet at rest)
	Generated time.Time
}

// View is every figure of the package.
type View struct {
	Programme dossier.Programme
	Generated time.Time
	Files     Files
	Teams     []TeamRow
	Funds     FundsTotals
	Survey    SurveyStats
	NoTeam    []FileRow // files of no team: listed so that each appears somewhere
	Dups      []FileRow // duplicates: listed, counted, never appended
}

// Files accounts for every file: Received = Decided + Pending;
// Decided = Accepted + Review + Rejected; the team files, the files of no
// team and the duplicates partition Decided.
type Files struct {
	Received, Pending, Decided  int
	Accepted, Review, Rejected  int
	InTeams, NoTeam, Duplicates int
	Superseded                  int // of InTeams: replaced by a newer file of the same kind
}

// TeamCounts are the teams by completeness.
type TeamCounts struct{ Teams, Complete, Incomplete, Late int }

// FileRow is one file listed outside a team section.
type FileRow struct {
	Name, Folder string
	Kind         dossier.Kind
	Verdict      dossier.Verdict
	Received     time.Time
	SHA256       string
	Reason       string // the first error finding's message, or why it is listed here
}

// Build computes the view.
func Build(in Input) View {
	v := View{Programme: in.Programme, Generated: in.Generated}
	v.Files.Pending = in.Pending
	for i, tv := range in.Teams {
		row := teamRow(i+1, tv, in.Programme)
		v.Teams = append(v.Teams, row)
		for _, d := range tv.Documents {
			v.Files.count(d)
			v.Files.InTeams++
			if d.Superseded {
				v.Files.Superseded++
			}
		}
	}
	for _, d := range in.NoTeam {
		v.Files.count(d)
		v.Files.NoTeam++
		v.NoTeam = append(v.NoTeam, fileRow(d, "未能识别所属服务团"))
	}
	for _, d := range in.Dups {
		v.Files.count(d)
		v.Files.Duplicates++
		v.Dups = append(v.Dups, fileRow(d, "与已受理文件内容相同（重复报送）"))
	}
	v.Files.Received = v.Files.Decided + v.Files.Pending
	v.Funds = fundsTotals(v.Teams)
	for _, r := range v.Teams {
		m, c := in.Programme.Grant(r.Team.Level)
		g := dossier.YuanToMoney(m) + dossier.YuanToMoney(c)
		v.Funds.All.Grant += g
		if r.Team.Level == dossier.LevelNational {
			v.Funds.National.Grant += g
		} else {
			v.Funds.Municipal.Grant += g
		}
	}
	v.Survey = surveyStats(in.Teams)
	return v
}

func (f *Files) count(d dossier.Document) {
	f.Decided++
	switch d.Verdict {
	case dossier.VerdictAccepted:
		f.Accepted++
	case dossier.VerdictReview:
		f.Review++
	default:
		f.Rejected++
	}
}

func fileRow(d dossier.Document, why string) FileRow {
	r := FileRow{Name: d.Name, Folder: d.Folder, Kind: d.Kind, Verdict: d.Verdict, Received: d.Received, SHA256: d.SHA256, Reason: why}
	for _, f := range d.Findings {
		if f.Severity == dossier.SeverityError && f.Rule != "F008" {
			r.Reason = why + "：" + f.Message
			break
		}
	}
	return r
}

// TeamCounts counts the teams.
func (v View) TeamCounts() TeamCounts {
	c := TeamCounts{Teams: len(v.Teams)}
	for _, t := range v.Teams {
		if t.Complete {
			c.Complete++
		} else {
			c.Incomplete++
		}
		if t.Late {
			c.Late++
		}
	}
	return c
}

// Check verifies that the counts add up and that the totals are the sums
// of the rows; a view that fails it must not be published.
func (v View) Check() error {
	f := v.Files
	switch {
	case f.Received != f.Decided+f.Pending:
		return fmt.Errorf("%w: received %d ≠ decided %d + pending %d", ErrInconsistent, f.Received, f.Decided, f.Pending)
	case f.Decided != f.Accepted+f.Review+f.Rejected:
		return fmt.Errorf("%w: decided %d ≠ accepted %d + review %d + rejected %d", ErrInconsistent, f.Decided, f.Accepted, f.Review, f.Rejected)
	case f.Decided != f.InTeams+f.NoTeam+f.Duplicates:
		return fmt.Errorf("%w: decided %d ≠ in teams %d + no team %d + duplicates %d", ErrInconsistent, f.Decided, f.InTeams, f.NoTeam, f.Duplicates)
	}
	var rec, spent, bal dossier.Money
	for _, t := range v.Teams {
		rec += t.Funds.Received.Counted()
		spent += t.Funds.Spent.Counted()
		bal += t.Funds.Balance.Counted()
	}
	if rec != v.Funds.All.Received || spent != v.Funds.All.Spent || bal != v.Funds.All.Balance {
		return fmt.Errorf("%w: fund totals are not the sums of the rows", ErrInconsistent)
	}
	return nil
}
