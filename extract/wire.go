package extract

import (
	"encoding/json"
	"errors"
	"fmt"

	"dossier"
)

// The worker's answer travels as JSON. Fields hold typed values (int64
// counts, float64 money, lists, publicity items) that plain JSON would
// turn into float64 and []any, so each travels with its type.

type typedValue struct {
	T string          `json:"t"`
	V json.RawMessage `json:"v,omitempty"`
}

func encodeFields(f dossier.Fields) (map[string]typedValue, error) {
	if f == nil {
		return nil, nil
	}
	out := make(map[string]typedValue, len(f))
	for k, v := range f {
		var t string
		switch x := v.(type) {
		case nil:
			out[k] = typedValue{T: "nil"}
			continue
		case int64:
			t = "int"
		case int:
			t, v = "int", int64(x)
		case float64:
			t = "float"
		case bool:
			t = "bool"
		case string:
			t = "str"
		case []string:
			t = "strs"
		case []dossier.PublicityItem:
			t = "items"
		default:
			return nil, fmt.Errorf("encode field %s: type %T", k, v)
		}
		raw, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("encode field %s: %w", k, err)
		}
		out[k] = typedValue{T: t, V: raw}
	}
	return out, nil
}

func decodeFields(in map[string]typedValue) (dossier.Fields, error) {
	if in == nil {
		return nil, nil
	}
	out := make(dossier.Fields, len(in))
	for k, tv := range in {
		var err error
		switch tv.T {
		case "nil":
			out[k] = nil
		case "int":
			var x int64
			err = json.Unmarshal(tv.V, &x)
			out[k] = x
		case "float":
			var x float64
			err = json.Unmarshal(tv.V, &x)
			out[k] = x
		case "bool":
			var x bool
			err = json.Unmarshal(tv.V, &x)
			out[k] = x
		case "str":
			var x string
			err = json.Unmarshal(tv.V, &x)
			out[k] = x
		case "strs":
			var x []string
			err = json.Unmarshal(tv.V, &x)
			out[k] = x
		case "items":
			var x []dossier.PublicityItem
			err = json.Unmarshal(tv.V, &x)
			out[k] = x
		default:
			err = fmt.Errorf("unknown type %q", tv.T)
		}
		if err != nil {
			return nil, fmt.Errorf("decode field %s: %w", k, err)
		}
	}
	return out, nil
}

// wireResult is Result with typed fields (its Fields shadows Result's).
type wireResult struct {
	Result
	Fields map[string]typedValue `json:"Fields"`
}

// workerAnswer is what a worker prints: the result, or the error's
// message and the wireSentinels it wraps.
type workerAnswer struct {
	Result *wireResult `json:"result,omitempty"`
	Error  string      `json:"error,omitempty"`
	Is     []string    `json:"is,omitempty"`
}

// wireSentinels travel by name.
var wireSentinels = map[string]error{
	"unsupported": ErrUnsupported, "legacy": ErrLegacy, "corrupt": ErrCorrupt, "password": ErrPassword,
	"empty": ErrEmpty, "toolarge": ErrTooLarge, "owntrouble": ErrOwnTrouble, "readtimeout": errReadTimeout,
}

func answerOf(res Result, err error) (workerAnswer, error) {
	if err != nil {
		a := workerAnswer{Error: err.Error()}
		for name, s := range wireSentinels {
			if errors.Is(err, s) {
				a.Is = append(a.Is, name)
			}
		}
		return a, nil
	}
	f, ferr := encodeFields(res.Fields)
	if ferr != nil {
		return workerAnswer{}, ferr
	}
	return workerAnswer{Result: &wireResult{Result: res, Fields: f}}, nil
}

// remoteError is an error read back from a worker: its message, and the
// wireSentinels it wrapped, for errors.Is.
type remoteError struct {
	msg string
	is  []error
}

func (e *remoteError) Error() string   { return e.msg }
func (e *remoteError) Unwrap() []error { return e.is }

func (a workerAnswer) decode() (Result, error) {
	if a.Result == nil {
		if a.Error == "" {
			return Result{}, errors.New("empty answer")
		}
		re := &remoteError{msg: a.Error}
		for _, n := range a.Is {
			if s, ok := wireSentinels[n]; ok {
				re.is = append(re.is, s)
			}
		}
		return Result{}, re
	}
	res := a.Result.Result
	f, err := decodeFields(a.Result.Fields)
	if err != nil {
		return Result{}, err
	}
	res.Fields = f
	return res, nil
}
