package service

import (
	"errors"
	"reflect"
	"testing"

	"dossier"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, key, raw string
		want           any
		bad            bool
	}{
		{"wan yuan", "funds_matching", "10万元", 100000.0, false},
		{"form unit 万元 assumed", "funds_matching", "10", 100000.0, false},
		{"audit in yuan", "received_total", "100,000.00", 100000.0, false},
		{"full-width digits", "experts_total", "２５", int64(25), false},
		{"count with unit", "experts_total", "25人", int64(25), false},
		{"chinese numeral", "experts_total", "二十五", int64(25), false},
		{"blank", "experts_total", "____", nil, false},
		{"wordy count", "experts_total", "十二个半", nil, true},
		{"negative", "experts_total", "-3", nil, true},
		{"date", "service_end", "2026年11月8日", "2026-11-08", false},
		{"bad date", "service_end", "十一月上旬", nil, true},
		{"yes", "publicity", "是", true, false},
		{"no", "key_counties", "否", false, false},
		{"opinion label", "opinion", "无保留意见", "unqualified", false},
		{"opinion key", "opinion", "qualified", "qualified", false},
		{"mode label", "service_mode", "分批次服务", "batches", false},
		{"unknown enum", "opinion", "挺好", nil, true},
		{"list", "service_fields", "农业、林业", []string{"农业", "林业"}, false},
		{"text", "auditor", "  上海某某会计师事务所  ", "上海某某会计师事务所", false},
		{"publicity", "publicity_items", "新民晚报，2026年10月1日，专家下基层", []dossier.PublicityItem{{Media: "新民晚报", Date: "2026-10-01", Title: "专家下基层"}}, false},
		{"unknown key", "nope", "1", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Normalize(tt.key, tt.raw)
			if tt.bad {
				if !errors.Is(err, ErrBadField) {
					t.Fatalf("got %v, %v; want ErrBadField", got, err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %#v, %v; want %#v", got, err, tt.want)
			}
		})
	}
}
