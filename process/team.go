package process

import (
	"errors"
	"path"
	"strings"

	"dossier"
)

// identify finds the team in the order of rules.md: the folder, the file
// name, then (when fields are given) the document's team_name and unit.
// The first clue that names exactly one team wins.
func (e *Evaluator) identify(f File, fields dossier.Fields) (dossier.Team, error) {
	name := f.Name
	if name == "" {
		name = path.Base(f.Rel)
	}
	clues := []struct{ what, text string }{
		{"文件夹", f.Folder},
		{"文件名", strings.TrimSuffix(name, path.Ext(name))},
	}
	if fields != nil {
		clues = append(clues,
			struct{ what, text string }{"服务团名称", fields.Text("team_name")},
			struct{ what, text string }{"依托单位", fields.Text("unit")})
	}
	var ambiguous []string
	for _, c := range clues {
		t, m := e.reg.Identify(c.text)
		switch m {
		case dossier.Matched:
			return t, nil
		case dossier.Ambiguous:
			ambiguous = append(ambiguous, c.what+"“"+c.text+"”")
		}
	}
	if len(ambiguous) > 0 {
		return dossier.Team{}, errors.New("同时对应多个服务团：" + strings.Join(ambiguous, "，"))
	}
	return dossier.Team{}, errors.New("文件夹、文件名和文件内容均未能对应到名单中的服务团")
}
