#!/usr/bin/env python3
"""The fifth unseen corpus: python3 gen.py OUTDIR writes OUTDIR/src/*
(HTML for LibreOffice Writer/Calc and Chromium, Word XML written
directly) and OUTDIR/plan.json: for each document its source, the
producer that makes the file a unit sends (via), its inbox path and the
expected kind, team, fields, verdict and rules — the generator's own
values and the spec's rules, never the program's output. This corpus is
scored before any parser change it prompts (../../GENERALISATION.md)."""
import json
import os
import sys

import audit as A
import survey as S
import wordml
from values import TEAMS, audit_values, survey_values

PLAN = []
# warnings and infos: a document with only these is accepted (rules.md)
NOT_ERROR = {"A005", "A006", "S008", "S009", "S011", "S012", "S013", "D001", "D002", "F008", "F009", "F010", "F012"}


def add(src, via, inbox, kind, team, fields, rules=(), approx=None):
    verdict = "rejected" if any(r not in NOT_ERROR for r in rules) else "accepted"
    PLAN.append({"src": src, "via": via, "inbox": inbox, "kind": kind, "team": team, "fields": fields,
                 "verdict": verdict, "rules": sorted(rules), "approx": approx or {}})


def write(out, name, text):
    with open(os.path.join(out, "src", name), "w", encoding="utf-8") as f:
        f.write(text)


def expected_survey(v, approx):
    exp = {k: x for k, x in v.items() if k not in approx}
    return exp


SURVEYS = [
    # name, team, seed, mode, via, layout, options, inbox, rules, approx
    ("s01", "N1", 5101, "batches", "writer-docx", "indicator", {}, "N1/附件4：实施成效调查表（瑞金医院）.docx", [], {}),
    # in the hand layouts the printed unit follows the blank: 约3000 is read "约3000人"
    ("s02", "N2", 5102, "once", "chromium-pdf", "hand", {"on": "√", "off": "□", "unit_label": "依托单位"},
     "颈动脉相关脑卒中筛查与防治专家服务基层示范团/成效调查表-扫描前打印稿.pdf", ["S010"], {"beneficiaries": "约3000"}),
    ("s03", "M2", 5103, "once", "raw-docx", "wordml", {}, "M2/六院专家服务团调查表.docx", [], {}),
    ("s04", "M3", 5104, "batches", "calc-xlsx", "indicator",
     {"money_unit": "元", "money": lambda y: f"{y:.0f}", "unit_label": "填报单位（公章）"}, "M3/2026实施成效统计.xlsx", [], {}),
    ("s05", "M4", 5105, "once", "writer-pdf", "header", {"per_row": 5, "unit_label": "单位名称"}, "M4/调查表（定稿）.pdf", ["S005"], {}),
    ("s06", "M5", 5106, "batches", "writer-docx", "hand", {"on": "■", "off": "□"}, "M5/实施成效调查表_填写版.docx", ["S010"],
     {"expert_attendances": "约30", "trained_public": "2000余"}),
    ("s07", "M8", 5107, "batches", "chromium-pdf", "header",
     {"per_row": 4, "date": lambda d: f"{int(d[:4])}年{int(d[5:7])}月{int(d[8:])}日"},
     "上海市水产研究所(上海市水产技术推广站)/特色鱼服务团成效调查表.pdf", [], {}),
    ("s08", "M11", 5108, "once", "calc-xlsx", "header", {"per_row": 8}, "M11/草莓团-调查表.xlsx", ["S007"], {}),
]


def surveys(out):
    for name, tid, seed, mode, via, layout, o, inbox, rules, approx in SURVEYS:
        v = survey_values(seed, tid, mode)
        if name == "s05":  # planted: the sources add up to two more than the total
            v["source_local"] += 2
        if name == "s06":  # the approximate figures stay consistent with the rest
            v["expert_attendances"] = max(v["expert_attendances"], 30)
            v["experts_total"] = min(v["experts_total"], 28)
            v["senior_full"] = min(v["senior_full"], v["experts_total"] // 3 or 1)
            v["senior_deputy"] = min(v["senior_deputy"], v["experts_total"] - v["senior_full"])
            e = v["experts_total"]
            v["source_local"], v["source_other_province"], v["source_hmt"], v["source_foreign"] = e - 3, 3, 0, 0
            v["training_onsite"] = max(v["training_onsite"], 2)
            v["trained_public"], v["trained_professionals"] = 2046, max(v["trained_professionals"], 40)
            v["activities_total"] = max(v["activities_total"], sum(v[k] for k in
                                        ("guidance_onsite", "guidance_remote", "joint_research", "symposiums", "lectures",
                                         "training_onsite", "training_remote", "consultations", "demonstrations",
                                         "free_clinics", "science_lectures", "science_exhibitions")))
        if name == "s08":  # planted: 有 宣传 but no item listed
            v["publicity"] = True
            v.pop("publicity_items", None)
        o = dict(o, approx=approx)
        if via == "raw-docx":
            src = f"{name}.docx"
            wordml.survey_docx(os.path.join(out, "src", src), v, o)
        else:
            src = f"{name}.html"
            write(out, src, S.LAYOUTS[layout](v, o))
        add(src, via, inbox, "survey", tid, expected_survey(v, approx), rules, approx)


AUDITS = [
    # name, team, seed, opinion, via, options, number as printed, number normalised, inbox, rules, balance
    ("a01", "N1", 5201, "unqualified", "writer-pdf", {"table": "budget", "type_line": True},
     "沪华会专审字（2026）第0312号", "沪华会专审字〔2026〕第0312号", "N1/专项审计报告（2026）.pdf", [], 0.0),
    ("a02", "N2", 5202, "qualified", "chromium-pdf", {},
     "沪金茂审字[2026]第 1024 号", "沪金茂审字〔2026〕第1024号", "N2/经费专项审计报告.pdf", ["A006"], 0.0),
    ("a03", "M2", 5203, "adverse", "writer-docx", {"table": "budget", "type_line": True},
     "公信中南专审【2026】0087号", "公信中南专审〔2026〕0087号", "M2/审计报告-六院.docx", ["A006"], 0.0),
    ("a04", "M3", 5204, "disclaimer", "raw-docx", {},
     "申德专审字(2026)第215号", "申德专审字〔2026〕第215号", "M3/项目经费审计报告.docx", ["A006"], 0.0),
    ("a05", "M4", 5205, "unqualified", "chromium-pdf", {"emphasis": True, "cn_date": True},
     "沪瑞会审〔2026〕第 0046 号", "沪瑞会审〔2026〕第0046号", "M4/生猪团审计报告.pdf", [], 0.0),
    ("a06", "M8", 5206, "unqualified", "writer-pdf", {"table": "budget"},
     "沪华会专审字（2026）第0398号", "沪华会专审字〔2026〕第0398号", "M8/审计报告（含结余说明）.pdf", [], 3218.40),
]


def audits(out):
    for name, tid, seed, opinion, via, o, printed, normal, inbox, rules, bal in AUDITS:
        v = audit_values(seed, tid, bal)
        v["opinion"] = opinion
        o = dict(o, number=printed)
        exp = {k: x for k, x in v.items() if not k.startswith("_")}
        exp["report_no"] = normal
        if bal > 0:
            exp["balance_refunded"] = True
        if via == "raw-docx":
            src = f"{name}.docx"
            paras, rows = A.audit_paras(v, o)
            wordml.paras_docx(os.path.join(out, "src", src), paras, header_text=v["auditor"], table_rows=rows)
        else:
            src = f"{name}.html"
            write(out, src, A.audit_html(v, o))
        add(src, via, inbox, "audit", tid, exp, rules)
    # the unit's own 决算说明, audited by nobody: A007 alone
    v = audit_values(5207, "M5")
    exp = {k: x for k, x in v.items() if not k.startswith("_") and k not in ("auditor", "opinion", "report_date")}
    write(out, "a07.html", A.accounts_html(v))
    add("a07.html", "writer-docx", "M5/经费决算说明.docx", "audit", "M5", exp, ["A007"])


BODY = [
    "今年以来，{team}在市人力资源和社会保障局的统筹指导下，坚持“按需服务、精准对接”，由{unit}牵头组建专家队伍，分批赴对口地区开展服务。",
    "一是聚焦基层所需。服务前通过电话、视频会议等方式与受援单位反复沟通，梳理出重点需求清单，确定服务内容。",
    "二是创新服务方式。采取“线下带教+线上跟踪”相结合的办法，专家返沪后仍通过远程方式持续指导，确保服务不断线。",
    "三是注重长效机制。与当地签订合作协议，建立专家工作站，帮助基层培养了一批带不走的技术骨干。",
    "下一步，我们将认真总结经验，进一步扩大服务覆盖面，推动专家服务基层工作走深走实。",
]
SUMMARIES = [
    # name, team, via, inbox, title, lines under the title
    ("m01", "N1", "writer-docx", "N1/2026年度工作总结.docx", "{team}2026年度工作总结", ["{unit}"]),
    ("m02", "M2", "raw-docx", "M2/关于开展专家服务基层活动情况的报告.docx", "关于{team}开展专家服务基层活动情况的报告", []),
    ("m03", "M4", "chromium-pdf", "M4/工作总结.pdf", "2026年专家服务基层工作总结", ["服务团名称：{team}", "依托单位：{unit}"]),
    ("m04", "M11", "writer-pdf", "M11/工作小结.pdf", "{team}服务基层工作小结", ["——{unit}"]),
    ("m05", "M3", "writer-docx", "M3/年度工作情况汇报.docx", "{team}年度工作情况汇报", []),
]


def summaries(out):
    for name, tid, via, inbox, title, sub in SUMMARIES:
        team, unit, _ = TEAMS[tid]
        t = title.format(team=team)
        lines = [x.format(team=team, unit=unit) for x in sub]
        body = [x.format(team=team, unit=unit) for x in BODY]
        if via == "raw-docx":
            src = f"{name}.docx"
            wordml.paras_docx(os.path.join(out, "src", src), [t] + lines + body, header_text=unit)
        else:
            src = f"{name}.html"
            h = f"<h1 style='text-align:center;font-size:16pt'>{S.E(t)}</h1>"
            h += "".join(f"<p style='text-align:center'>{S.E(x)}</p>" for x in lines)
            h += "".join(f"<p style='text-indent:2em'>{S.E(x)}</p>" for x in body)
            write(out, src, S.page(h))
        add(src, via, inbox, "summary", tid, {"title": t, "team_name": team})


def main():
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "src"), exist_ok=True)
    surveys(out)
    audits(out)
    summaries(out)
    with open(os.path.join(out, "plan.json"), "w", encoding="utf-8") as f:
        json.dump(PLAN, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
