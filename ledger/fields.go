package ledger

import (
	"bytes"
	"encoding/json"
	"fmt"

	"dossier"
)

// decodeFields reads the fields JSON back into the types of the catalogue
// (int64 counts, float64 money, []string lists, []PublicityItem), since
// JSON alone would give float64 and []any.
func decodeFields(s string) (dossier.Fields, error) {
	if s == "" || s == "null" {
		return nil, nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, err
	}
	out := make(dossier.Fields, len(raw))
	for k, m := range raw {
		v, err := decodeField(k, m)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", k, err)
		}
		out[k] = v
	}
	return out, nil
}

func decodeField(key string, m json.RawMessage) (any, error) {
	if bytes.Equal(bytes.TrimSpace(m), []byte("null")) {
		return nil, nil
	}
	f, known := dossier.FieldByKey(key)
	if !known {
		return decodeAny(m)
	}
	switch f.Type {
	case dossier.TypeInt:
		var n json.Number
		if err := json.Unmarshal(m, &n); err != nil {
			return decodeAny(m)
		}
		if i, err := n.Int64(); err == nil {
			return i, nil
		}
		x, err := n.Float64()
		return x, err
	case dossier.TypeMoney:
		var x float64
		if err := json.Unmarshal(m, &x); err != nil {
			return decodeAny(m)
		}
		return x, nil
	case dossier.TypeBool:
		var b bool
		if err := json.Unmarshal(m, &b); err != nil {
			return decodeAny(m)
		}
		return b, nil
	case dossier.TypeList:
		var l []string
		if err := json.Unmarshal(m, &l); err != nil {
			return decodeAny(m)
		}
		return l, nil
	case dossier.TypePublicity:
		var l []dossier.PublicityItem
		if err := json.Unmarshal(m, &l); err != nil {
			return decodeAny(m)
		}
		return l, nil
	}
	var str string
	if err := json.Unmarshal(m, &str); err != nil {
		return decodeAny(m)
	}
	return str, nil
}

// decodeAny keeps unknown keys usable: whole numbers as int64.
func decodeAny(m json.RawMessage) (any, error) {
	d := json.NewDecoder(bytes.NewReader(m))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if n, ok := v.(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return i, nil
		}
		return n.Float64()
	}
	return v, nil
}
