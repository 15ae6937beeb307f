package dossier

import "time"

// Programme is the year's notice in numbers: its number and title, the
// deadlines, the grants and the limits rules use. Defaults are those of
// 沪人社专〔2026〕109号; a user sets others in the configuration.
type Programme struct {
	Notice   string `yaml:"notice"` // 沪人社专〔2026〕109号
	Title    string `yaml:"title"`  // 2026年国家和本市专家服务基层项目材料汇总
	Year     int    `yaml:"year"`
	Bureau   string `yaml:"bureau"`   // 上海市人力资源和社会保障局
	Timezone string `yaml:"timezone"` // Asia/Shanghai
	// SubmitDeadline: materials due by the end of this day (D001).
	SubmitDeadline Date `yaml:"submit_deadline"`
	// ServiceDeadline: service activities finished by the end of this day (D002).
	ServiceDeadline Date `yaml:"service_deadline"`
	// ReminderDays: remind teams still missing materials this many days before SubmitDeadline (D003).
	ReminderDays int `yaml:"reminder_days"`
	// Grants in yuan (S008, S009, A003).
	GrantMinistry  float64 `yaml:"grant_ministry"`   // to a national team from 人力资源社会保障部
	GrantCityMatch float64 `yaml:"grant_city_match"` // to a national team from the city (1:1)
	GrantMunicipal float64 `yaml:"grant_municipal"`  // to a municipal team from the city
	// NationalSystem: where national teams also report (T003).
	NationalSystem string `yaml:"national_system"`
}

// Date is a calendar day, written 2026-11-20 in YAML.
type Date struct{ Y, M, D int }

// ParseDate reads 2026-11-20.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, err
	}
	return Date{t.Year(), int(t.Month()), t.Day()}, nil
}

func (d Date) String() string {
	return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// Chinese writes the day as 2026年11月20日.
func (d Date) Chinese() string {
	return time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC).Format("2006年1月2日")
}

// IsZero reports an unset date.
func (d Date) IsZero() bool { return d.Y == 0 }

// End is the first instant after the day ends (the deadline "2026-11-20 24:00").
func (d Date) End(loc *time.Location) time.Time {
	return time.Date(d.Y, time.Month(d.M), d.D+1, 0, 0, 0, 0, loc)
}

// MarshalYAML writes the ISO day.
func (d Date) MarshalYAML() (any, error) { return d.String(), nil }

// UnmarshalYAML reads the ISO day.
func (d *Date) UnmarshalYAML(unmarshal func(any) error) error {
	var s string
	if err := unmarshal(&s); err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Location is the programme's time zone (Asia/Shanghai by default; a fixed
// +08:00 when the system has no zone database).
func (p Programme) Location() *time.Location {
	if loc, err := time.LoadLocation(p.Timezone); err == nil && p.Timezone != "" {
		return loc
	}
	return time.FixedZone("CST", 8*3600)
}

// Grant is what a team of that level receives: from the ministry, and from the city.
func (p Programme) Grant(l Level) (ministry, city float64) {
	if l == LevelNational {
		return p.GrantMinistry, p.GrantCityMatch
	}
	return 0, p.GrantMunicipal
}

// DefaultProgramme is the 2026 notice's.
func DefaultProgramme() Programme {
	return Programme{
		Notice:          "沪人社专〔2026〕109号",
		Title:           "2026年国家和本市专家服务基层项目材料汇总",
		Year:            2026,
		Bureau:          "上海市人力资源和社会保障局",
		Timezone:        "Asia/Shanghai",
		SubmitDeadline:  Date{2026, 11, 20},
		ServiceDeadline: Date{2026, 11, 10},
		ReminderDays:    3,
		GrantMinistry:   100000,
		GrantCityMatch:  100000,
		GrantMunicipal:  100000,
		NationalSystem:  "全国专家服务基层工作信息管理系统",
	}
}
