package dossier

import (
	"errors"
	"testing"
)

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		name string
		m    Money
		u    MoneyUnit
		want string
	}{
		{"zero", 0, Yuan, "0.00"},
		{"fen", 5, Yuan, "0.05"},
		{"thousands", 123450, Yuan, "1,234.50"},
		{"million", 180000000, Yuan, "1,800,000.00"},
		{"negative", -123450, Yuan, "-1,234.50"},
		{"wan exact", 10000000, WanYuan, "10.00"},
		{"wan to the fen", 12345678, WanYuan, "12.345678"},
		{"wan to the yuan", 12345600, WanYuan, "12.3456"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.Format(tt.u); got != tt.want {
				t.Errorf("Format(%d, %s) = %q, want %q", tt.m, tt.u, got, tt.want)
			}
		})
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Money
		err  bool
	}{
		{"yuan", "1,234.50", 123450, false},
		{"yuan unit", "100000元", 10000000, false},
		{"wan", "12.5 万元", 12500000, false},
		{"negative", "-0.10", -10, false},
		{"three decimals", "1.005", 0, true},
		{"word", "十万", 0, true},
		{"empty", "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMoney(tt.in)
			if tt.err {
				if !errors.Is(err, ErrMoney) {
					t.Fatalf("ParseMoney(%q) err = %v, want ErrMoney", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseMoney(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestMoneySumHasNoFloatDrift(t *testing.T) {
	var sum Money
	for range 10 {
		sum += YuanToMoney(0.1)
	}
	if sum != 100 || sum.String() != "1.00" {
		t.Fatalf("ten times 0.10 = %s (%d fen), want 1.00", sum, sum)
	}
	if got := YuanToMoney(100000).In(WanYuan); got != 10 {
		t.Fatalf("100000 yuan in 万元 = %v, want 10", got)
	}
}
