package process

import (
	"sort"

	"dossier"
	"dossier/extract"
	"dossier/rules"
)

// applyOCR finishes a document that OCR read (F012): the sums adjust the
// fields' confidence (a set that adds up is trusted, one that does not is
// not), an error finding resting on a doubtful value becomes a warning
// (a misreading never rejects a unit), and F012 says whether the rules'
// verdict stands or a clerk must check the pre-filled fields. A scan OCR
// could not read keeps F009, with the reason in Problem for the log.
func applyOCR(d *dossier.Document, res extract.Result) {
	if res.OCR == nil {
		return
	}
	if !res.OCR.Read() {
		if d.Problem == "" {
			d.Problem = res.OCR.Problem
		}
		return
	}
	thr := res.OCR.MinConfidence
	sets := rules.Sums(d.Kind, d.Fields)
	d.Confidence = rules.TrustSums(d.Confidence, sets, thr)
	settled := rules.Settled(d.Fields, d.Confidence, thr) // as the rules read the fields
	unsure := rules.Unsure(d.Kind, d.Fields, settled, thr, true)
	doubt := make(map[string]float64, len(settled)+len(unsure))
	for k, v := range settled {
		doubt[k] = v
	}
	for _, k := range unsure {
		if _, ok := doubt[k]; !ok {
			doubt[k] = 0 // required but not read: a misreading as much as a blank
		}
	}
	for k := range d.Invalid { // read, but not as a number: perhaps misread
		if v, ok := settled[k]; ok && v >= thr {
			continue // an invalid value the page shows for certain (a double tick)
		}
		doubt[k] = 0
		if !contains(unsure, k) {
			unsure = append(unsure, k)
		}
	}
	for _, f := range d.Findings {
		// An error resting on a field OCR did not read, on pages with lines
		// it could not make out (a publicity table read as noise: S007 "有"
		// without items), rests on a reading as doubtful as a misread one.
		// Where every line was made out, a field not read is not there.
		if f.Severity != dossier.SeverityError || res.OCR.Garbled == 0 {
			continue
		}
		for _, k := range rules.RestsOn(f) {
			if _, ok := doubt[k]; !ok && !d.Fields.Filled(k) {
				doubt[k] = 0
			}
		}
	}
	sort.Strings(unsure)
	var softened bool
	d.Findings, softened = rules.SoftenUnsure(d.Findings, doubt, thr)
	f012, review := rules.F012(*d, len(d.Confidence), unsure, sets, softened, thr)
	if review && d.Format == dossier.FormatPDF {
		// Still a scan whose data could not be read with certainty (F009):
		// it waits for a clerk, with what OCR read pre-filled (F012).
		f009 := rules.Intake("F009", *d, "")
		f009.Message = fileName(d.Name) + "为扫描件（PDF 无文字层），文字识别结果把握不足，已登记为已提交，待人工审核"
		d.Findings = append(d.Findings, f009)
	}
	d.Findings = append(d.Findings, f012)
}

func fileName(name string) string {
	if name == "" {
		return "文件"
	}
	return "文件“" + name + "”"
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
