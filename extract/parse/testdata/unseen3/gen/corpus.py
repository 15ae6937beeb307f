#!/usr/bin/env python3
"""The documents of the third unseen corpus: python3 corpus.py OUTDIR.
Mostly survey and audit workbooks in layouts the first two corpora lack,
written as .fods for LibreOffice Calc to save as .xlsx/.xlsm; plus a photos
document (Writer, pictures embedded) and a survey that build.sh turns into
an image-only scan. Writes OUTDIR/src/* and OUTDIR/plan.json (source, how
to convert it, inbox path, expected kind/team/fields/verdict/rules)."""
import json
import os
import random
import struct
import sys
import zlib

from fods import D, F, Num, Sheet, write_fods, write_fodt_photos
from values import (ACT, FIELDS, FW, LEVELS, OUT, SOURCES, TEAMS, audit_values, count_cell, survey_values, yes_no)

PLAN = []
SRC = None

# The survey's items in form order: (key, label as a one-column list writes it).
ITEMS = [
    ("service_days", "服务天数（一次服务）"), ("batch_count", "服务次数（分批次服务）"),
    ("batch_days_total", "累计服务天数"), ("service_fields", "服务领域"),
    ("region_cities", "覆盖地市（个）"), ("region_counties", "覆盖区县（个）"), ("region_units", "覆盖企事业单位（家）"),
    ("key_counties", "是否包含国家级/省级乡村振兴重点帮扶县"),
    ("key_counties_national", "国家级重点帮扶县（个）"), ("key_counties_national_names", "国家级重点帮扶县名称"),
    ("key_counties_provincial", "省级重点帮扶县（个）"), ("key_counties_provincial_names", "省级重点帮扶县名称"),
    ("activities_total", "开展各类服务活动总场次"), ("projects_matched", "对接项目数量"),
    ("experts_total", "专家人才总人数"), ("expert_attendances", "专家人才总人次"),
    ("senior_full", "正高级职称"), ("senior_deputy", "副高级职称"), ("academicians", "两院院士"),
    ("outstanding_professionals", "全国杰出专业技术人员"), ("talent_project", "百千万人才工程国家级人选"),
    ("special_allowance", "享受政府特殊津贴专家"), ("postdocs", "博士后"), ("returnees", "留学回国人员"),
    ("source_local", "本省（区、市）"), ("source_other_province", "外省（区、市）"), ("source_hmt", "港澳台"),
    ("source_foreign", "国外"),
    ("guidance_onsite", "现场指导（次）"), ("guidance_remote", "远程指导（次）"),
    ("joint_research_form", "联合攻关具体形式"), ("joint_research", "联合攻关（次）"),
    ("symposiums", "座谈交流会（场）"), ("lectures", "专题讲座（场）"), ("training_onsite", "现场培训（场）"),
    ("training_remote", "远程培训（场）"), ("consultations", "咨询对接活动（场）"), ("demonstrations", "示范带教（场）"),
    ("free_clinics", "义诊（场）"), ("science_lectures", "科普讲座（场）"), ("science_exhibitions", "科普展览（场）"),
    ("problems_solved", "破解技术难题（个）"), ("key_projects", "带动重点科研项目（个）"),
    ("new_techniques", "推广新技术新工艺（种）"), ("new_varieties", "推广新品种（种）"),
    ("achievements_transferred", "转化科技成果（项）"), ("trained_professionals", "培训基层专业技术人员（人次）"),
    ("trained_public", "培训群众（人次）"), ("clinic_consultations", "义诊问诊（人次）"),
    ("clinic_examinations", "义诊检查（人次）"), ("clinic_treatments", "义诊治疗（人次）"),
    ("strategic_plans", "指导战略规划（个）"), ("decision_consulting", "决策咨询（项）"),
    ("cooperation_intents", "达成中长期合作意向（个）"), ("agreements_signed", "签订合作协议（项）"),
    ("alliances", "结成产学研联盟（个）"), ("entities_founded", "专家领办、联办、协办各类经济实体（个）"),
    ("economic_benefit", "取得经济效益"), ("social_benefit", "取得社会效益"), ("industry_impact", "推动产业发展"),
    ("beneficiaries", "惠及基层群众（人）"),
    ("organized_by_hrss", "是否由本省（区、市）人力资源社会保障厅（局）或国务院有关部委组织人事部门负责组织实施"),
    ("needs_matched", "前期是否与基层单位对接需求"), ("funds_mohrss", "人力资源社会保障部支持资金（万元）"),
    ("funds_matching", "配套资金金额（万元）"), ("funds_matching_source", "配套资金来源"),
    ("support_measures", "对参加服务活动专家人才的服务保障措施（有/无）"), ("support_measures_desc", "服务保障措施具体描述"),
    ("publicity", "是否对服务团组织实施情况开展宣传（有/无）"),
]
SECTION_OF = {}
_sec = {"service_days": 1, "experts_total": 2, "guidance_onsite": 3, "problems_solved": 4, "organized_by_hrss": 5}
_cur = 1
for _k, _ in ITEMS:
    _cur = _sec.get(_k, _cur)
    SECTION_OF[_k] = _cur
SECTIONS = {1: "一、服务活动基本情况", 2: "二、参与专家人才情况", 3: "三、服务活动开展情况", 4: "四、实施成效", 5: "五、组织实施情况"}
BOOLS = {"key_counties", "organized_by_hrss", "needs_matched", "support_measures", "publicity"}
HAS = {"support_measures", "publicity"}  # answered 有/无
TEXTS = {"economic_benefit", "social_benefit", "industry_impact", "funds_matching_source", "support_measures_desc",
         "joint_research_form"}
TITLE = "2026年专家人才服务基层活动实施成效调查表"


def add(name, src, via, inbox, kind, team, fields, rules=(), verdict=None):
    if verdict is None:
        verdict = "rejected" if any(r[0] in "SAF" and r not in ("A005", "A006", "S008", "S009", "S011", "S012", "S013", "F009")
                                    for r in rules) else ("review" if "F009" in rules else "accepted")
    PLAN.append({"name": name, "src": src, "via": via, "inbox": inbox, "kind": kind, "team": team,
                 "fields": fields, "verdict": verdict, "rules": list(rules)})


class Filler:
    """Turns survey values into cells in a document's style and records what
    each cell should read back as."""

    def __init__(self, v, counts="num", bools="shi", money="wan", fields="comma", blanks=None, labels=None):
        self.v, self.counts, self.bools, self.money, self.fields = v, counts, bools, money, fields
        self.blanks = blanks or {}  # key -> what the blank cell holds ("", "/", "无")
        self.labels = labels or {}
        self.exp = {}

    def label(self, key, default=None):
        if key in self.labels:
            return self.labels[key]
        return default or dict(ITEMS)[key]

    def keys(self):
        v = self.v
        out = []
        for k, _ in ITEMS:
            if k == "service_days" and v["service_mode"] != "once":
                continue
            if k in ("batch_count", "batch_days_total") and v["service_mode"] != "batches":
                continue
            if k in ("key_counties_national_names", "key_counties_provincial_names") and not v.get(k):
                continue
            if k == "joint_research_form" and not v["joint_research"]:
                continue
            out.append(k)
        return out

    def cell(self, key, style=None):
        v = self.v
        if key in self.blanks:
            self.exp[key] = None
            return self.blanks[key] or None
        val = v.get(key)
        if key in BOOLS:
            self.exp[key] = val
            return yes_no(val, style or self.bools, key in HAS)
        if key == "service_fields":
            self.exp[key] = val
            sep = {"comma": ",", "dun": "、", "space": " ", "semi": "；"}[style or self.fields]
            return sep.join(val)
        if key.endswith("_names"):
            self.exp[key] = val
            return "、".join(val)
        if key in ("funds_mohrss", "funds_matching"):
            self.exp[key] = val
            m = style or self.money
            if m == "wan":
                return Num(val / 10000, "dec2") if val else 0
            if m == "yuan":
                return Num(val, "money")
            if m == "wan_text":
                return f"{val / 10000:g}万元"
            if m == "yuan_text":
                return f"{val:,.2f}元"
        if key in TEXTS:
            if key == "joint_research_form":
                val = "联合课题攻关"
            self.exp[key] = val
            return val
        self.exp[key] = val
        return count_cell(val, style or self.counts, key)

    def identity(self):
        self.exp["team_name"], self.exp["unit"] = self.v["team_name"], self.v["unit"]

    def mode_expect(self):
        self.exp["service_mode"] = self.v["service_mode"]

    def publicity(self):
        items = self.v["publicity_items"]
        if items:
            self.exp["publicity_items"] = items
        return items


def save(name, sheets, via, inbox, tid, exp, kind="survey", rules=()):
    src = name.rsplit(".", 1)[0] + ".fods"
    write_fods(os.path.join(SRC, src), sheets)
    add(name, src, via, inbox, kind, tid, exp, rules)


# ------------------------------------------------------------ survey layouts
def s01_long_list(seed, tid):
    """One long two-column sheet: 项目 | 填报内容, section rows between."""
    v = survey_values(seed, tid, "batches")
    f = Filler(v, counts="num", bools="shi", money="wan", fields="comma")
    sh = Sheet("调查表", cols=["w", "w"])
    sh.put(0, 0, TITLE, span=(1, 2))
    sh.row(1, ["项目", "填报内容"])
    sh.row(2, ["服务团名称", v["team_name"]])
    sh.row(3, ["依托单位", v["unit"]])
    sh.row(4, ["服务形式", "分批次服务"])
    f.identity(); f.mode_expect()
    r, sec = 5, 0
    for k in f.keys():
        if SECTION_OF[k] != sec:
            sec = SECTION_OF[k]
            sh.put(r, 0, SECTIONS[sec], span=(1, 2)); r += 1
        sh.row(r, [f.label(k), f.cell(k)]); r += 1
    for i, it in enumerate(f.publicity()):
        sh.row(r, [f"宣传报道{i + 1}媒体名称", it["media"]]); sh.row(r + 1, ["发布时间", it["date"]])
        sh.row(r + 2, ["篇名", it["title"]]); r += 3
    sh.row(r + 1, ["填表人", "王敏"]); sh.row(r + 2, ["联系电话", "021-64370045"])
    f.exp["contact_name"], f.exp["contact_phone"] = "王敏", "021-64370045"
    save("s01-调查表.xlsx", [sh], "xlsx", f"{tid}/实施成效调查表.xlsx", tid, f.exp)


def s02_form_merged(seed, tid, name="s02-附件4调查表.xlsx", via="xlsx", bools="shi"):
    """附件4 reproduced: labels in merged A:C, values in merged D:F; the
    region line and sub-items as label/value pairs along a row; 服务领域
    as a grid of names with a mark cell after each."""
    v = survey_values(seed, tid, "once")
    f = Filler(v, counts="num", bools=bools, money="wan")
    f.identity(); f.mode_expect()
    sh = Sheet("附件4")
    sh.put(0, 0, "附件4", span=(1, 2))
    sh.put(1, 0, TITLE, span=(1, 8))
    sh.put(2, 0, "服务团名称", span=(1, 2)); sh.put(2, 2, v["team_name"], span=(1, 6))
    sh.put(3, 0, "依托单位", span=(1, 2)); sh.put(3, 2, v["unit"], span=(1, 6))
    sh.put(4, 0, SECTIONS[1], span=(1, 8))
    sh.put(5, 0, "1.服务形式（二者选一）", span=(2, 2))
    sh.put(5, 2, "①一次服务 √", span=(1, 2)); sh.put(5, 4, "服务天数", span=(1, 2)); sh.put(5, 6, f.cell("service_days"), span=(1, 2))
    sh.put(6, 2, "②分批次服务", span=(1, 2)); sh.put(6, 4, "服务次数"); sh.put(6, 5, None); sh.put(6, 6, "累计服务天数"); sh.put(6, 7, None)
    sh.put(7, 0, "2.服务领域（可多选）", span=(5, 2))
    for i, n in enumerate(FIELDS):
        rr, cc = 7 + i // 3, 2 + (i % 3) * 2
        sh.put(rr, cc, n); sh.put(rr, cc + 1, "√" if n in v["service_fields"] else None)
    f.exp["service_fields"] = v["service_fields"]
    sh.put(11, 4, "其他（请补充）"); sh.put(11, 5, None, span=(1, 3))
    sh.put(12, 0, "3.服务区域", span=(4, 2))
    sh.row(12, ["覆盖", f.cell("region_cities"), "个地市", f.cell("region_counties"), "个区县", f.cell("region_units"), "家企事业单位"], c0=2)
    sh.put(13, 2, "是否包含国家级/省级乡村振兴重点帮扶县", span=(1, 4)); sh.put(13, 6, f.cell("key_counties"), span=(1, 2), choices=("是", "否"))
    sh.row(14, ["国家级", f.cell("key_counties_national"), "分别是"], c0=2)
    sh.put(14, 5, "、".join(v["key_counties_national_names"]) or None, span=(1, 3))
    sh.row(15, ["省级", f.cell("key_counties_provincial"), "分别是"], c0=2)
    sh.put(15, 5, "、".join(v["key_counties_provincial_names"]) or None, span=(1, 3))
    for k in ("key_counties_national_names", "key_counties_provincial_names"):
        if v[k]:
            f.exp[k] = v[k]
    sh.put(16, 0, "4.开展各类服务活动总场次（各个批次开展的培训指导、座谈讲座、科普义诊等活动总和）", span=(1, 6)); sh.put(16, 6, f.cell("activities_total"), span=(1, 2))
    sh.put(17, 0, "5.对接项目数量（与各受援单位对接的项目总和）", span=(1, 6)); sh.put(17, 6, f.cell("projects_matched"), span=(1, 2))
    sh.put(18, 0, SECTIONS[2], span=(1, 8))
    sh.put(19, 0, "总人数（所有批次的参加专家人才人数，不重复计算参加多个批次的专家人才）", span=(1, 6)); sh.put(19, 6, f.cell("experts_total"), span=(1, 2))
    sh.put(20, 0, "总人次（各个批次参加活动专家人才人数总和）", span=(1, 6)); sh.put(20, 6, f.cell("expert_attendances"), span=(1, 2))
    r = 21
    pairs = [("senior_full", "senior_deputy"), ("academicians", "outstanding_professionals"),
             ("talent_project", "special_allowance"), ("postdocs", "returnees"),
             ("source_local", "source_other_province"), ("source_hmt", "source_foreign")]
    for a, b in pairs:
        sh.put(r, 0, "其中" if a == "senior_full" else ("专家人才来源" if a == "source_local" else None), span=(1, 2))
        sh.put(r, 2, f.label(a).replace("（个）", ""), span=(1, 2)); sh.put(r, 4, f.cell(a))
        sh.put(r, 5, f.label(b), span=(1, 2)); sh.put(r, 7, f.cell(b)); r += 1
    sh.put(r, 0, SECTIONS[3], span=(1, 8)); r += 1
    acts = ["guidance_onsite", "guidance_remote", "symposiums", "lectures", "training_onsite", "training_remote",
            "consultations", "demonstrations", "free_clinics", "science_lectures", "science_exhibitions"]
    for i in range(0, len(acts), 2):
        a = acts[i]
        sh.put(r, 0, f.label(a), span=(1, 2)); sh.put(r, 2, f.cell(a), span=(1, 2))
        if i + 1 < len(acts):
            b = acts[i + 1]
            sh.put(r, 4, f.label(b), span=(1, 2)); sh.put(r, 6, f.cell(b), span=(1, 2))
        r += 1
    sh.put(r, 0, "联合攻关（具体形式）", span=(1, 2)); sh.put(r, 2, "联合课题攻关" if v["joint_research"] else "/", span=(1, 2))
    sh.put(r, 4, "联合攻关（次）", span=(1, 2)); sh.put(r, 6, f.cell("joint_research"), span=(1, 2)); r += 1
    f.exp["joint_research_form"] = "联合课题攻关" if v["joint_research"] else None
    sh.put(r, 0, SECTIONS[4], span=(1, 8)); r += 1
    outs = OUT + ["trained_professionals", "trained_public", "clinic_consultations", "clinic_examinations",
                  "clinic_treatments", "beneficiaries"]
    for i in range(0, len(outs), 2):
        for j, k in enumerate(outs[i:i + 2]):
            sh.put(r, 4 * j, f.label(k), span=(1, 3)); sh.put(r, 4 * j + 3, f.cell(k))
        r += 1
    for k in ("economic_benefit", "social_benefit", "industry_impact"):
        sh.put(r, 0, f.label(k) + "（具体描述）", span=(1, 2)); sh.put(r, 2, f.cell(k), span=(1, 6)); r += 1
    sh.put(r, 0, SECTIONS[5], span=(1, 8)); r += 1
    for k in ("organized_by_hrss", "needs_matched"):
        sh.put(r, 0, f.label(k), span=(1, 6)); sh.put(r, 6, f.cell(k), span=(1, 2), choices=("是", "否")); r += 1
    sh.put(r, 0, "人力资源社会保障部支持资金（万元）", span=(1, 3)); sh.put(r, 3, f.cell("funds_mohrss"))
    sh.put(r, 4, "配套资金（万元）", span=(1, 2)); sh.put(r, 6, f.cell("funds_matching"), span=(1, 2)); r += 1
    sh.put(r, 0, "配套资金来源", span=(1, 3)); sh.put(r, 3, f.cell("funds_matching_source"), span=(1, 5)); r += 1
    sh.put(r, 0, f.label("support_measures"), span=(1, 6)); sh.put(r, 6, f.cell("support_measures"), span=(1, 2), choices=("有", "无")); r += 1
    sh.put(r, 0, "（具体描述）", span=(1, 2)); sh.put(r, 2, f.cell("support_measures_desc"), span=(1, 6)); r += 1
    sh.put(r, 0, f.label("publicity"), span=(1, 6)); sh.put(r, 6, f.cell("publicity"), span=(1, 2), choices=("有", "无")); r += 1
    sh.row(r, ["媒体名称", None, None, "发布时间", None, "篇名"]); r += 1
    for it in f.publicity():
        sh.put(r, 0, it["media"], span=(1, 3)); sh.put(r, 3, D(it["date"], "cn"), span=(1, 2)); sh.put(r, 5, it["title"], span=(1, 3)); r += 1
    save(name, [sh], via, f"{tid}/附件4-实施成效调查表." + name.rsplit(".", 1)[1], tid, f.exp)


def s03_sheet_per_section(seed, tid):
    """A cover sheet, then one sheet per section (一…五), label | value |
    unit columns; the numbers carry a number format that shows the unit."""
    v = survey_values(seed, tid)
    f = Filler(v, counts="fmt", bools="shi", money="wan", fields="dun")
    f.identity(); f.mode_expect()
    cover = Sheet("封面", cols=["w", "w"])
    cover.put(1, 0, TITLE, span=(1, 2))
    cover.row(3, ["服务团名称：", v["team_name"]]); cover.row(4, ["依托单位：", v["unit"]])
    cover.row(5, ["填报日期：", D("2026-11-10", "cn")])
    sheets = [cover]
    for sec in range(1, 6):
        sh = Sheet(SECTIONS[sec][:2] + SECTIONS[sec][2:6], cols=["w", "w"])
        sh.put(0, 0, SECTIONS[sec], span=(1, 2))
        sh.row(1, ["填报项目", "数据"])
        r = 2
        if sec == 1:
            sh.row(r, ["服务形式", "①一次服务" if v["service_mode"] == "once" else "②分批次服务"]); r += 1
        for k in f.keys():
            if SECTION_OF[k] == sec:
                sh.row(r, [f.label(k), f.cell(k)]); r += 1
        if sec == 5:
            items = f.publicity()
            if items:
                sh.row(r, ["媒体名称", "发布时间", "篇名"]); r += 1
                for it in items:
                    sh.row(r, [it["media"], D(it["date"], "slash"), it["title"]]); r += 1
        sheets.append(sh)
    save("s03-调查表（分节）.xlsx", sheets, "xlsx", f"{tid}/调查表.xlsx", tid, f.exp)


def s04_horizontal(seed, tid):
    """One record per row: labels in row 3 under section headings in row 2,
    values in row 4, seventy columns wide."""
    v = survey_values(seed, tid, "batches")
    f = Filler(v, counts="num", bools="yn", money="wan", fields="semi",
               labels={"experts_total": "专家总人数", "expert_attendances": "专家总人次",
                       "activities_total": "服务活动总场次", "region_cities": "覆盖地市数",
                       "region_counties": "覆盖区县数", "region_units": "覆盖企事业单位数",
                       "key_counties": "是否含重点帮扶县(Y/N)", "support_measures": "服务保障措施(Y/N)",
                       "publicity": "是否开展宣传(Y/N)", "organized_by_hrss": "是否由人社部门组织实施(Y/N)",
                       "needs_matched": "前期是否对接需求(Y/N)"})
    f.identity(); f.mode_expect()
    sh = Sheet("汇总")
    sh.put(0, 0, TITLE + "（横表）", span=(1, 10))
    cols = [("服务团名称", v["team_name"], 0), ("依托单位", v["unit"], 0), ("服务形式", "分批次", 1)]
    for k in f.keys():
        cols.append((f.label(k), f.cell(k), SECTION_OF[k]))
    items = f.publicity()
    for i, it in enumerate(items):
        cols += [("媒体名称", it["media"], 5), ("发布时间", it["date"], 5), ("篇名", it["title"], 5)]
    start = {}
    for c, (lab, val, sec) in enumerate(cols):
        start.setdefault(sec, c)
        sh.put(2, c, lab); sh.put(3, c, val)
    for sec, c0 in start.items():
        n = sum(1 for _, _, s in cols if s == sec)
        sh.put(1, c0, SECTIONS.get(sec, "基本信息"), span=(1, n) if n > 1 else (1, 1))
    save("s04-调查表横表.xlsx", [sh], "xlsx", f"{tid}/调查表（横表）.xlsx", tid, f.exp)


def s05_text_units(seed, tid):
    """Numbers typed as text with their units and in full-width digits;
    answers ticked (√ / ×); money written out in 元."""
    v = survey_values(seed, tid, "once")
    f = Filler(v, counts="unit", bools="check", money="yuan_text", fields="dun",
               labels={"funds_mohrss": "人力资源社会保障部支持资金", "funds_matching": "配套资金"})
    f.identity(); f.mode_expect()
    sh = Sheet("Sheet1", cols=["w", "w", "w"])
    sh.put(0, 0, TITLE, span=(1, 3))
    sh.row(1, ["服务团名称", v["team_name"]]); sh.row(2, ["依托单位", v["unit"]])
    sh.row(3, ["服务形式", "一次服务"])
    r = 4
    for i, k in enumerate(f.keys()):
        style = "fw" if i % 3 == 1 and k not in BOOLS else None
        sh.row(r, [f.label(k), f.cell(k, style) if k in dict(ITEMS) and k not in BOOLS and k not in TEXTS
                   and k != "service_fields" and not k.endswith("_names") and not k.startswith("funds") else f.cell(k)])
        r += 1
    for it in f.publicity():
        sh.row(r, ["媒体名称", it["media"]]); sh.row(r + 1, ["发布时间", it["date"].replace("-", ".")]); sh.row(r + 2, ["篇名", it["title"]]); r += 3
    save("s05-调查表.xlsx", [sh], "xlsx", f"{tid}/{TEAMS[tid][0]}调查表.xlsx", tid, f.exp)


def s06_formulas(seed, tid):
    """A batch sheet the form adds up: 累计服务天数, 总人次 and 总场次 are
    =SUM formulas with cached values; a hidden helper sheet holds the
    drop-down lists."""
    v = survey_values(seed, tid, "batches")
    R = random.Random(seed)
    days = v["_batches"]
    n = len(days)
    att = [v["expert_attendances"] // n] * n
    att[-1] += v["expert_attendances"] - sum(att)
    acts = [v["activities_total"] // n] * n
    acts[-1] += v["activities_total"] - sum(acts)
    b = Sheet("批次明细")
    b.row(0, ["批次", "开始日期", "服务天数", "参加专家人次", "活动场次"])
    for i in range(n):
        b.row(i + 1, [f"第{i + 1}批", D(f"2026-{6 + i:02d}-1{i}", "slash"), days[i], att[i], acts[i]])
    b.row(n + 1, ["合计", None, F(f"of:=SUM([.C2:.C{n + 1}])", sum(days)), F(f"of:=SUM([.D2:.D{n + 1}])", sum(att)),
                  F(f"of:=SUM([.E2:.E{n + 1}])", sum(acts))])
    f = Filler(v, counts="num", bools="shi", money="wan", fields="comma")
    f.identity(); f.mode_expect()
    sh = Sheet("调查表", cols=["w", "w"])
    sh.put(0, 0, v["team_name"] + " 实施成效调查表", span=(1, 2))
    sh.row(1, ["依托单位", v["unit"]])
    sh.row(2, ["服务形式", "分批次服务"], )
    sh.cells[(2, 1)] = "分批次服务"; sh.valid[(2, 1)] = ("一次服务", "分批次服务")
    r = 3
    refs = {"batch_days_total": (f"of:=SUM(['批次明细'.C2:.C{n + 1}])", sum(days)),
            "expert_attendances": (f"of:=SUM(['批次明细'.D2:.D{n + 1}])", sum(att)),
            "activities_total": (f"of:=SUM(['批次明细'.E2:.E{n + 1}])", sum(acts)),
            "batch_count": (f"of:=COUNTA(['批次明细'.A2:.A{n + 1}])", n)}
    for k in f.keys():
        if k in refs:
            f.exp[k] = v[k]
            sh.row(r, [f.label(k), F(*refs[k])])
        else:
            cell = f.cell(k)
            sh.row(r, [f.label(k), cell])
            if k in BOOLS:
                sh.valid[(r, 1)] = ("有", "无") if k in HAS else ("是", "否")
        r += 1
    for it in f.publicity():
        sh.row(r, ["媒体名称", it["media"]]); sh.row(r + 1, ["发布时间", D(it["date"], "cn")]); sh.row(r + 2, ["篇名", it["title"]]); r += 3
    helper = Sheet("选项", hidden=True)
    for i, o in enumerate(["是", "否", "有", "无", "一次服务", "分批次服务"] + FIELDS):
        helper.put(i, 0, o)
    helper.put(0, 1, "服务天数"); helper.put(1, 1, 0)
    f.exp["team_name"] = v["team_name"]
    save("s06-调查表（含批次）.xlsx", [sh, b, helper], "xlsx", f"{tid}/调查表-含批次明细.xlsx", tid, f.exp)


def s07_fields_ticks(seed, tid):
    """服务领域 as a row of the nineteen names with √ under the chosen ones;
    服务形式 as two option columns with ✓ under one; money in 元."""
    v = survey_values(seed, tid)
    f = Filler(v, counts="txt", bools="tick", money="yuan",
               labels={"funds_mohrss": "人力资源社会保障部支持资金（元）", "funds_matching": "配套资金（元）"})
    f.identity(); f.mode_expect()
    sh = Sheet("成效调查")
    sh.put(0, 0, TITLE, span=(1, 19))
    sh.row(1, ["服务团名称", v["team_name"]]); sh.put(1, 1, v["team_name"], span=(1, 6))
    sh.row(2, ["依托单位", v["unit"]]); sh.put(2, 1, v["unit"], span=(1, 6))
    sh.put(3, 0, "服务形式"); sh.row(3, ["一次服务", "分批次服务"], c0=1)
    sh.row(4, ["✓" if v["service_mode"] == "once" else None, "✓" if v["service_mode"] == "batches" else None], c0=1)
    sh.put(5, 0, "服务领域（可多选）", span=(1, 19))
    sh.row(6, FIELDS)
    sh.row(7, ["√" if n in v["service_fields"] else None for n in FIELDS])
    f.exp["service_fields"] = v["service_fields"]
    r = 9
    for k in f.keys():
        if k == "service_fields":
            continue
        sh.put(r, 0, f.label(k), span=(1, 4)); sh.put(r, 4, f.cell(k), span=(1, 2)); r += 1
    items = f.publicity()
    if items:
        sh.row(r, ["媒体名称", None, None, None, "发布时间", None, "篇名"]); r += 1
        for it in items:
            sh.put(r, 0, it["media"], span=(1, 4)); sh.put(r, 4, it["date"], span=(1, 2)); sh.put(r, 6, it["title"], span=(1, 6)); r += 1
    save("s07-调查表.xlsx", [sh], "xlsx", f"{tid}/调查表_{tid}.xlsx", tid, f.exp)


def s08_blanks(seed, tid):
    """Zeros and blanks side by side: empty cells, "/" and "无" (blank) next
    to real 0s; the blanks are on fields the rules do not require."""
    v = survey_values(seed, tid, "once")
    blanks = {"academicians": "", "outstanding_professionals": "/", "talent_project": "无", "key_projects": "/",
              "new_varieties": "", "strategic_plans": "无", "decision_consulting": "—", "alliances": ""}
    f = Filler(v, counts="num", bools="shi", money="wan", blanks=blanks)
    f.identity(); f.mode_expect()
    sh = Sheet("调查表", cols=["w", "w", "w"])
    sh.put(0, 0, TITLE, span=(1, 3))
    sh.row(1, ["服务团名称", v["team_name"]]); sh.row(2, ["依托单位", v["unit"]])
    sh.row(3, ["服务形式", "一次服务"])
    r = 4
    for k in f.keys():
        if k == "publicity":
            continue
        sh.row(r, [f.label(k), f.cell(k), "备注" if k == "returnees" else None]); r += 1
        if k == "beneficiaries":
            sh.row(r, ["其他成效（请补充）", "/"]); f.exp["outcomes_other"] = None; r += 1
    sh.row(r, ["是否开展宣传", yes_no(v["publicity"], "you")]); f.exp["publicity"] = v["publicity"]
    for i, it in enumerate(f.publicity()):
        sh.row(r + 1 + i, [f"媒体名称：{it['media']}", f"发布时间：{it['date']}", f"篇名：{it['title']}"])
    save("s08-调查表.xlsx", [sh], "xlsx", f"{tid}/调查表.xlsx", tid, f.exp)


def s09_title_team(seed, tid):
    """No 服务团名称 row: the team is in the title row ("X 实施成效调查表");
    numbers and answers are picked from drop-downs (是/否)."""
    v = survey_values(seed, tid, "once")
    f = Filler(v, counts="num", bools="shi", money="wan_text", fields="comma")
    f.mode_expect()
    f.exp["team_name"] = v["team_name"]
    sh = Sheet(v["team_name"][:12], cols=["w", "w"])
    sh.put(0, 0, f"{v['team_name']} 实施成效调查表", span=(1, 2))
    sh.put(1, 0, "填报单位（盖章）：" + v["unit"], span=(1, 2))
    f.exp["unit"] = v["unit"]
    sh.row(2, ["服务形式", "一次服务"])
    r = 3
    for k in f.keys():
        sh.row(r, [f.label(k), f.cell(k)])
        if k in BOOLS:
            sh.valid[(r, 1)] = ("有", "无") if k in HAS else ("是", "否")
        r += 1
    for it in f.publicity():
        sh.row(r, ["媒体名称", it["media"]]); sh.row(r + 1, ["发布时间", it["date"]]); sh.row(r + 2, ["篇名", it["title"]]); r += 3
    save("s09-实施成效调查表.xlsx", [sh], "xlsx", f"{TEAMS[tid][0]}/实施成效调查表.xlsx", tid, f.exp)


def s10_other_wording(seed, tid, name="s10-调查表.xlsm", via="xlsm"):
    """Other wording: labels people write in their own words, the 有 answer
    with its description in one cell, numbers as text; saved as .xlsm."""
    v = survey_values(seed, tid)
    labels = {"experts_total": "参加专家人数（人）", "expert_attendances": "参加专家人次",
              "activities_total": "各类活动总场次", "projects_matched": "对接项目（个）",
              "region_cities": "服务地市数", "region_counties": "服务区县数", "region_units": "服务企事业单位数",
              "beneficiaries": "惠及群众人数", "trained_professionals": "培训基层专技人员（人次）",
              "trained_public": "培训群众人数（人次）", "source_local": "本市专家（人）", "source_other_province": "外省市专家（人）",
              "source_hmt": "港澳台专家（人）", "source_foreign": "国外专家（人）",
              "clinic_consultations": "问诊人次", "clinic_examinations": "检查人次", "clinic_treatments": "治疗人次",
              "funds_mohrss": "部级支持资金（万元）", "funds_matching": "配套资金（万元）", "funds_matching_source": "配套资金来源单位",
              "guidance_onsite": "技术指导-现场指导（次）", "guidance_remote": "技术指导-远程指导（次）",
              "training_onsite": "技术培训-现场培训（场）", "training_remote": "技术培训-远程培训（场）"}
    f = Filler(v, counts="txt", bools="shi", money="wan", fields="dun", labels=labels)
    f.identity(); f.mode_expect()
    sh = Sheet("填报", cols=["w", "w"])
    sh.put(0, 0, TITLE, span=(1, 2))
    sh.row(1, ["服务团（项目）名称", v["team_name"]]); sh.row(2, ["依托单位名称", v["unit"]])
    sh.row(3, ["服务形式", "一次服务" if v["service_mode"] == "once" else "分批次服务"])
    r = 4
    for k in f.keys():
        if k == "support_measures_desc":
            continue
        if k == "support_measures":
            sh.row(r, [f.label(k), "有。" + v["support_measures_desc"]])
            f.exp["support_measures"] = True; f.exp["support_measures_desc"] = v["support_measures_desc"]
        else:
            sh.row(r, [f.label(k), f.cell(k)])
        r += 1
    for it in f.publicity():
        sh.row(r, ["宣传媒体名称", it["media"]]); sh.row(r + 1, ["发布时间", it["date"]]); sh.row(r + 2, ["篇名", it["title"]]); r += 3
    save(name, [sh], via, f"{tid}/调查表." + name.rsplit(".", 1)[1], tid, f.exp)


def s11_two_blocks(seed, tid):
    """Two label/value pairs per row (A:B and D:E), a blank spacer column,
    and 是/否 written as "是（√） 否（ ）" choice text."""
    v = survey_values(seed, tid)
    f = Filler(v, counts="num", bools="shi", money="wan", fields="comma")
    f.identity(); f.mode_expect()
    sh = Sheet("调查表", cols=["w", "", "", "w"])
    sh.put(0, 0, TITLE, span=(1, 5))
    sh.row(1, ["服务团名称", v["team_name"]]); sh.row(2, ["依托单位", v["unit"]])
    sh.row(3, ["服务形式", "①一次服务（√） ②分批次服务（ ）" if v["service_mode"] == "once" else "①一次服务（ ） ②分批次服务（√）"])
    ks = f.keys()
    r = 4
    for i in range(0, len(ks), 2):
        for j, k in enumerate(ks[i:i + 2]):
            if k in BOOLS:
                a, b = ("有", "无") if k in HAS else ("是", "否")
                cell = f"{a}（√） {b}（ ）" if v[k] else f"{a}（ ） {b}（√）"
                f.exp[k] = v[k]
            else:
                cell = f.cell(k)
            sh.put(r, 3 * j, f.label(k)); sh.put(r, 3 * j + 1, cell)
        r += 1
    for it in f.publicity():
        sh.row(r, ["媒体名称", it["media"], None, "发布时间", it["date"]]); sh.row(r + 1, ["篇名", it["title"]]); r += 2
    save("s11-调查表.xlsx", [sh], "xlsx", f"{tid}/附件4.xlsx", tid, f.exp)


# ------------------------------------------------------------- audit workbooks
AUD_ROWS = [("received", "一、收入"), ("received_mohrss", "人力资源社会保障部支持资金"),
            ("received_municipal", "市级配套资金"), ("received_total", "收入合计"), ("spent", "二、支出"),
            ("spent_expert_fees", "专家劳务费"), ("spent_travel", "差旅费"), ("spent_meetings", "会议费"),
            ("spent_training", "培训费"), ("spent_materials", "资料印刷费"), ("spent_other", "其他支出"),
            ("spent_total", "支出合计"), ("balance", "三、结余资金")]
AUD_EXP = ["auditor", "opinion", "received_mohrss", "received_municipal", "received_total", "spent_expert_fees",
           "spent_travel", "spent_meetings", "spent_training", "spent_materials", "spent_other", "spent_total", "balance"]


def a_table(seed, tid, name, unit="元", formulas=False, below="cells", labels=None, cover=False):
    v = audit_values(seed, tid)
    labels = labels or {}
    R = random.Random(seed)
    sheets = []
    if cover:
        c = Sheet("封面", cols=["w", "w"])
        c.put(1, 0, "专家服务基层项目经费决算审计报告", span=(1, 2))
        c.row(3, ["项目名称", v["team_name"]]); c.row(4, ["依托单位", v["unit"]])
        c.row(5, ["报告文号", v["report_no"]]); c.row(6, ["会计师事务所", v["auditor"]])
        c.row(7, ["报告日期", D(v["report_date"], "cn")])
        sheets.append(c)
    sh = Sheet("经费决算表", cols=["", "w", "w", "w", "w"])
    sh.put(0, 0, f"{v['team_name']}经费决算表", span=(1, 5))
    sh.put(1, 0, "编制单位：" + v["unit"], span=(1, 3)); sh.put(1, 3, f"单位：{unit}", span=(1, 2))
    sh.row(2, ["序号", "项目", "预算数", "决算数", "备注"])
    div = 10000 if unit == "万元" else 1
    r, n = 3, 0
    rowof = {}
    for key, lab in AUD_ROWS:
        lab = labels.get(key, lab)
        if key in ("received", "spent"):
            sh.put(r, 0, lab, span=(1, 5)); r += 1; continue
        rowof[key] = r
        val = v.get(key)
        budget = val if key not in ("balance",) else 0
        fmt = "dec2" if unit == "万元" else "money"
        if key in ("received_total", "spent_total") and formulas:
            first = rowof["received_mohrss" if key == "received_total" else "spent_expert_fees"] + 1
            cell = F(f"of:=SUM([.D{first}:.D{r}])", round(val / div, 6), fmt)
            bcell = F(f"of:=SUM([.C{first}:.C{r}])", round(budget / div, 6), fmt)
        elif key == "balance" and formulas:
            cell = F(f"of:=[.D{rowof['received_total'] + 1}]-[.D{rowof['spent_total'] + 1}]", round(val / div, 6), fmt)
            bcell = Num(0, fmt)
        else:
            n += 1
            cell, bcell = Num(round(val / div, 6), fmt), Num(round(budget / div, 6), fmt)
        sh.row(r, [n if key not in ("received_total", "spent_total", "balance") else None, lab, bcell, cell,
                   "已按规定使用" if key == "spent_expert_fees" else None])
        r += 1
    r += 1
    exp = {k: v[k] for k in AUD_EXP}
    if below == "cells":
        sh.row(r, ["审计单位：", v["auditor"]]); sh.row(r + 1, ["审计意见：", "无保留意见"])
        sh.row(r + 2, ["报告文号：", v["report_no"]]); sh.row(r + 3, ["报告日期：", D(v["report_date"], "cn")])
        sh.row(r + 4, ["服务活动开始日期：", D(v["service_start"], "slash")])
        sh.row(r + 5, ["服务活动结束日期：", D(v["service_end"], "slash")])
        exp.update({k: v[k] for k in ("report_no", "report_date", "service_start", "service_end")})
    else:
        d = v["report_date"]
        sh.put(r, 0, f"审计意见：经审计，我们认为，上述经费决算表在所有重大方面按照专项资金管理办法的规定编制，"
                     f"公允反映了{v['team_name']}2026年度专项经费的收支情况，出具无保留意见。", span=(1, 5))
        sh.put(r + 1, 0, f"服务活动期间：{v['service_start'][:4]}年{int(v['service_start'][5:7])}月{int(v['service_start'][8:])}日至"
                         f"{v['service_end'][:4]}年{int(v['service_end'][5:7])}月{int(v['service_end'][8:])}日", span=(1, 5))
        sh.put(r + 3, 2, v["auditor"], span=(1, 3))
        sh.put(r + 4, 2, "中国注册会计师：李明  赵静", span=(1, 3))
        sh.put(r + 5, 2, f"{d[:4]}年{int(d[5:7])}月{int(d[8:])}日", span=(1, 3))
        exp.update({k: v[k] for k in ("report_date", "service_start", "service_end")})
    sheets.append(sh)
    save(name, sheets, "xlsx", f"{tid}/{name.split('-', 1)[1]}", tid, exp, kind="audit")


# ------------------------------------------------------------- edge documents
def png(w, h, seed):
    rr = random.Random(seed)
    c1 = [rr.randint(30, 220) for _ in range(3)]
    c2 = [rr.randint(30, 220) for _ in range(3)]
    raw = bytearray()
    for yy in range(h):
        raw.append(0)
        t = yy / h
        base = bytes(int(c1[i] * (1 - t) + c2[i] * t) for i in range(3))
        raw += base * w

    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def e_photos(seed, tid):
    team, unit, _ = TEAMS[tid]
    caps = ["图1：专家在田间指导草莓高架栽培", "图2：专题讲座现场", "图3：与合作社负责人座谈交流"]
    write_fodt_photos(os.path.join(SRC, "e01-现场影像资料.fodt"), f"{team}服务现场影像图片资料及说明", f"（{unit}）",
                      [(png(320, 200, seed + i), c) for i, c in enumerate(caps)])
    add("e01-现场影像资料.pdf", "e01-现场影像资料.fodt", "lo", f"{tid}/服务现场影像图片资料及说明.pdf", "photos", tid,
        {"photo_count": 3, "captions": [c.split("：", 1)[1] for c in caps], "team_name": team, "unit": unit})


def e_scan(seed, tid):
    """A survey printed and scanned: build.sh renders LibreOffice's PDF to
    an image-only PDF (Ghostscript pdfimage24, 100 dpi)."""
    v = survey_values(seed, tid, "once")
    f = Filler(v)
    sh = Sheet("调查表", cols=["w", "w"])
    sh.put(0, 0, TITLE, span=(1, 2))
    sh.row(1, ["服务团名称", v["team_name"]]); sh.row(2, ["依托单位", v["unit"]])
    r = 3
    for k in f.keys()[:30]:
        sh.row(r, [f.label(k), f.cell(k)]); r += 1
    write_fods(os.path.join(SRC, "e02-调查表扫描件.fods"), [sh])
    add("e02-调查表扫描件.pdf", "e02-调查表扫描件.fods", "lo+scan", f"{tid}/调查表（扫描件）.pdf", "survey", tid, {},
        rules=["F009"])


def main():
    global SRC
    out = sys.argv[1]
    SRC = os.path.join(out, "src")
    os.makedirs(SRC, exist_ok=True)
    s01_long_list(301, "M11")
    s02_form_merged(302, "N2")
    s02_form_merged(312, "M5", name="s12-附件4调查表.xlsm", via="xlsm", bools="shi")
    s03_sheet_per_section(303, "M4")
    s04_horizontal(304, "M12")
    s05_text_units(305, "M2")
    s06_formulas(306, "N1")
    s07_fields_ticks(307, "M8")
    s08_blanks(308, "M13")
    s09_title_team(309, "M3")
    s10_other_wording(310, "M9")
    s11_two_blocks(311, "N3")
    s10_other_wording(313, "M14", name="s13-调查表.xlsx", via="xlsx")
    a_table(401, "N1", "a01-经费决算表.xlsx", unit="元", below="cells")
    a_table(402, "M6", "a02-经费决算表（万元）.xlsx", unit="万元", formulas=True, below="prose")
    a_table(403, "M7", "a03-决算审计.xlsx", unit="元", formulas=True, below="cells", cover=True,
            labels={"received_municipal": "市配套资金", "received_total": "到位资金合计", "spent_total": "实际支出合计",
                    "spent_materials": "资料印刷费（耗材）", "balance": "结余资金"})
    a_table(404, "M10", "a04-经费决算审计表.xlsx", unit="元", below="prose",
            labels={"received_total": "经费收入合计", "spent_total": "经费支出合计", "spent_travel": "差旅费（交通、食宿）"})
    e_photos(501, "M11")
    e_scan(502, "M1")
    with open(os.path.join(out, "plan.json"), "w", encoding="utf-8") as fh:
        json.dump(PLAN, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
