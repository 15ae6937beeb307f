package service

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"dossier"
	"dossier/extract/parse"
)

// Normalize reads a value as a clerk typed it ("10万元", "２５", "2026年11月8日",
// "是") into the field's type, with the same normaliser extraction uses, so
// a corrected value and a read one are alike. A blank (____, /, 无, "")
// gives nil: found blank. An unknown key or a value that does not read as
// its type is ErrBadField.
func Normalize(key, raw string) (any, error) {
	f, ok := dossier.FieldByKey(key)
	if !ok {
		return nil, fmt.Errorf("%w: %s is not a field (fields.md lists the keys)", ErrBadField, key)
	}
	raw = strings.TrimSpace(raw)
	bad := func() (any, error) {
		return nil, fmt.Errorf("%w: %s（%s）= %q", ErrBadField, f.Label, key, raw)
	}
	switch f.Type {
	case dossier.TypeInt:
		n, st := parse.ParseCount(raw)
		return typed(n, st, bad)
	case dossier.TypeMoney:
		unit := f.Unit
		if unit == "" {
			unit = "元"
		}
		m, st := parse.ParseMoney(raw, unit)
		return typed(m, st, bad)
	case dossier.TypeBool:
		b, st := parse.ParseBool(raw)
		return typed(b, st, bad)
	case dossier.TypeDate:
		d, st := parse.ParseDate(raw)
		return typed(d, st, bad)
	case dossier.TypeEnum:
		return enumOf(key, raw, bad)
	case dossier.TypeList:
		if l := parse.SplitList(raw); len(l) > 0 {
			return l, nil
		}
		return nil, nil
	case dossier.TypePublicity:
		return publicityOf(raw, bad)
	}
	if parse.IsBlank(raw) {
		return nil, nil
	}
	return parse.CleanText(raw), nil
}

func typed[T any](v T, st parse.Status, bad func() (any, error)) (any, error) {
	switch st {
	case parse.OK:
		return v, nil
	case parse.Blank, parse.Absent:
		return nil, nil
	}
	return bad()
}

// enumOf accepts an enum's key or its Chinese label (服务形式 一次服务 /
// 分批次服务; 审计意见 无保留意见 …).
func enumOf(key, raw string, bad func() (any, error)) (any, error) {
	if parse.IsBlank(raw) {
		return nil, nil
	}
	labels := map[string]string{}
	switch key {
	case "service_mode":
		labels = dossier.ServiceModeLabels
	case "opinion":
		labels = dossier.OpinionLabels
	}
	v := strings.TrimSpace(parse.Fold(raw))
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(v, k) || dossier.NormName(v) == dossier.NormName(labels[k]) {
			return k, nil
		}
	}
	return bad()
}

// publicityOf reads 宣传 items: a JSON array of {media,date,title}, or one
// item a line (or separated by ；) as "媒体，日期，篇名".
func publicityOf(raw string, bad func() (any, error)) (any, error) {
	if parse.IsBlank(raw) {
		return nil, nil
	}
	var items []dossier.PublicityItem
	if strings.HasPrefix(raw, "[") {
		if err := json.Unmarshal([]byte(raw), &items); err != nil {
			return bad()
		}
		return items, nil
	}
	for _, line := range strings.FieldsFunc(raw, func(r rune) bool { return r == '\n' || r == ';' || r == '；' }) {
		parts := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '，' || r == '|' || r == '\t' })
		if len(parts) != 3 {
			return bad()
		}
		date, st := parse.ParseDate(parts[1])
		if st != parse.OK {
			return bad()
		}
		items = append(items, dossier.PublicityItem{Media: strings.TrimSpace(parts[0]), Date: date, Title: strings.TrimSpace(parts[2])})
	}
	return items, nil
}
