package report

import "dossier"

// Dash is what a figure that does not count shows.
const Dash = "—"

// Mark texts: a clerk's value and a value read by OCR.
const (
	MarkManual = "人工核定"
	MarkOCR    = "OCR识读"
)

// Amount is one amount of money with everything a reader needs to know
// about it: the value in fen, the unit the form writes it in, whether it
// enters a sum and, if not, why.
type Amount struct {
	Value    dossier.Money
	Unit     dossier.MoneyUnit // the form's unit; shown in yuan unless a column converts
	Has      bool              // a number was read
	Counts   bool              // it enters sums
	Reason   string            // why it does not count
	Computed bool              // derived (结余 = 到位 − 支出) because the form left it blank
	Manual   bool              // 人工核定
	OCR      bool              // read by OCR
}

// Counted is the value a sum adds: zero unless it counts.
func (a Amount) Counted() dossier.Money {
	if a.Counts {
		return a.Value
	}
	return 0
}

// Text is the figure in yuan ("1,234.50"), or "—" when it does not count.
func (a Amount) Text() string { return a.TextIn(dossier.Yuan) }

// TextIn is the figure in u, or "—" when it does not count.
func (a Amount) TextIn(u dossier.MoneyUnit) string {
	if !a.Counts {
		return Dash
	}
	return a.Value.Format(u)
}

// Note is what is said beside the figure: the reason it does not count,
// or its marks. "" when there is nothing to say.
func (a Amount) Note() string {
	if !a.Counts {
		return a.Reason
	}
	return markText(a.Manual, a.OCR, a.Computed)
}

func markText(manual, ocr, computed bool) string {
	switch {
	case manual:
		return MarkManual
	case ocr:
		return MarkOCR
	case computed:
		return "按到位减支出计算"
	}
	return ""
}

// FundsTotals are the sums of the counted audit totals, by level.
type FundsTotals struct {
	All, National, Municipal FundsSum
}

// FundsSum is one level's sums and how many audits entered them.
type FundsSum struct {
	Received, Spent, Balance dossier.Money
	Audits                   int           // counted audits
	Excluded                 int           // teams whose figures do not count (review, rejected, missing)
	Grant                    dossier.Money // the notice's grants to these teams
}

func fundsTotals(rows []TeamRow) FundsTotals {
	var t FundsTotals
	for _, r := range rows {
		lv := &t.Municipal
		if r.Team.Level == dossier.LevelNational {
			lv = &t.National
		}
		for _, s := range []*FundsSum{&t.All, lv} {
			s.Received += r.Funds.Received.Counted()
			s.Spent += r.Funds.Spent.Counted()
			s.Balance += r.Funds.Balance.Counted()
			if r.Audit.Counts {
				s.Audits++
			} else {
				s.Excluded++
			}
		}
	}
	return t
}
