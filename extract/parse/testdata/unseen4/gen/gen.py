#!/usr/bin/env python3
"""The fourth unseen corpus: python3 gen.py OUTDIR writes OUTDIR/src/*
(HTML for LibreOffice Writer/Calc and Chromium, raw Word files) and
OUTDIR/plan.json: for each document its source, the producer that turns
it into the file a unit sends (via), its inbox path and the expected kind,
team, fields, verdict and rules — all from the generator's own values.
This corpus is never used to fix the parser (GENERALISATION.md)."""
import json
import os
import sys

import audit as A
import docxraw
import survey as S
from values import audit_values, survey_values

PLAN = []
ERR_OK = {"A005", "A006", "S008", "S009", "S011", "S012", "S013", "D001", "D002", "F009", "F010", "F008"}


def add(name, src, via, inbox, kind, team, fields, rules=(), approx=None):
    verdict = "rejected" if any(r not in ERR_OK for r in rules) else "accepted"
    PLAN.append({"name": name, "src": src, "via": via, "inbox": inbox, "kind": kind, "team": team,
                 "fields": fields, "verdict": verdict, "rules": sorted(rules), "approx": approx or {}})


def write(out, name, text):
    with open(os.path.join(out, "src", name), "w", encoding="utf-8") as f:
        f.write(text)


def public(v):
    return {k: x for k, x in v.items() if not k.startswith("_")}


def surveys(out):
    jobs = [
        # name, team, seed, mode, via, layout options, inbox file, rules, approx
        ("s01", "M6", 4101, "once", "writer-docx", {"layout": "form"}, "M6/附件4实施成效调查表.docx", [], {}),
        ("s02", "N3", 4102, "batches", "writer-docx", {"layout": "pairs", "wording": 0, "units": True},
         "N3/实施成效调查表（填报版）.docx", [], {}),
        ("s03", "M9", 4103, "batches", "raw-docx", None, "M9/调查表.docx", [], {}),
        ("s04", "M12", 4104, "once", "writer-pdf", {"layout": "inline", "wording": 1, "units": True, "banner": True},
         "M12/调查表.pdf", [], {}),
        ("s05", "M14", 4105, "batches", "chromium-pdf",
         {"layout": "pairs", "wording": 1, "split": True,
          "split_keys": {"expert_attendances", "region_units", "activities_total", "trained_professionals", "beneficiaries"}},
         "M14/实施成效调查表.pdf", [], {}),
        ("s06", "M1", 4106, "once", "calc-xlsx", {"layout": "inline-table", "wording": 0, "units": True},
         "M1/调查表.xlsx", [], {}),
        ("s07", "M7", 4107, "batches", "writer-pdf", {"layout": "pairs", "wording": 0, "approx": {"beneficiaries": "100余人"}},
         "M7/调查表.pdf", ["S010"], {"beneficiaries": "100余人"}),
        ("s08", "M10", 4108, "once", "writer-docx",
         {"layout": "quad", "wording": 1, "units": True, "approx": {"activities_total": "约50场", "trained_public": "近700人次"}},
         "M10/调查表.docx", ["S010"], {"activities_total": "约50场", "trained_public": "近700人次"}),
        ("s09", "M13", 4109, "batches", "writer-pdf", {"layout": "vertical", "wording": 0, "narrow": True},
         "M13/调查表.pdf", [], {}),
        ("s10", "M15", 4110, "once", "writer-docx", {"layout": "pairs", "wording": 1, "no_mode": True},
         "M15/调查表.docx", ["S001"], {}),
        ("s11", "M12", 4111, "batches", "chromium-pdf", {"layout": "form", "wan": {}}, "M12/附件4（打印版）.pdf", [], {}),
    ]
    for name, tid, seed, mode, via, o, inbox, rules, approx in jobs:
        v = survey_values(seed, tid, mode)
        if name == "s05":
            v["trained_public"] = 175700
            o["wan"] = {"trained_public": "17.57万人次"}
        if name == "s07":
            # the approximate count is the only defect
            pass
        exp = public(v)
        if not exp.get("publicity_items"):
            exp.pop("publicity_items", None)
        for k in approx:
            exp.pop(k, None)
        if o and o.get("no_mode"):
            exp.pop("service_mode", None)
        for k in [k for k, x in exp.items() if x == []]:
            exp.pop(k)
        if via == "raw-docx":
            src = f"{name}.docx"
            docxraw.survey_docx(os.path.join(out, "src", src), v)
        else:
            src = f"{name}.html"
            write(out, src, S.form_html(v, o) if o["layout"] == "form" else S.survey_html(v, o))
        if not v.get("joint_research_form"):
            exp.pop("joint_research_form", None)
        add(f"{name}{os.path.splitext(inbox)[1]}", src, via, inbox, "survey", tid, exp, rules, approx)


NUMBERS = ["沪{a}会审字[2026] 第{n:04d}号", "沪{a}会审字【2026】第{n:04d}号", "沪{a}会审字（2026）第 {n:04d} 号",
           "沪{a}会审字 (2026) 第{n:04d}号", "沪{a}会审字〔 2026 〕第{n:04d}号", "沪{a}会审字〔2026〕{n:04d}号"]


def audits(out):
    jobs = [
        ("a01", "M6", 4201, "unqualified", "writer-pdf", {}, "M6/审计报告.pdf", []),
        ("a02", "N3", 4202, "qualified", "writer-docx", {}, "N3/经费决算审计报告.docx", ["A006"]),
        ("a03", "M9", 4203, "adverse", "chromium-pdf", {}, "M9/专项审计报告.pdf", ["A006"]),
        ("a04", "M12", 4204, "disclaimer", "writer-pdf", {"cn_date": True}, "M12/审计报告.pdf", ["A006"]),
        ("a05", "M14", 4205, "unqualified", "writer-docx", {"emphasis": True}, "M14/审计报告.docx", []),
        ("a07", "M7", 4207, "unqualified", "raw-docx", {}, "M7/决算审计报告.docx", []),
        ("a08", "M10", 4208, "qualified", "writer-pdf", {"emphasis": True, "cn_date": True}, "M10/审计报告.pdf", ["A006"]),
    ]
    for i, (name, tid, seed, opinion, via, o, inbox, rules) in enumerate(jobs):
        v = audit_values(seed, tid)
        v["opinion"] = opinion
        abbr = v["auditor"][2:4]
        o["number"] = NUMBERS[i % len(NUMBERS)].format(a=abbr, n=v["_no"])
        exp = public(v)
        exp["report_no"] = f"沪{abbr}会审字〔2026〕第{v['_no']:04d}号" if "第" in o["number"] else f"沪{abbr}会审字〔2026〕{v['_no']:04d}号"
        if via == "raw-docx":
            src = f"{name}.docx"
            docxraw.paras_docx(os.path.join(out, "src", src), A.audit_paras(v, o))
        else:
            src = f"{name}.html"
            write(out, src, A.audit_html(v, o))
        add(f"{name}{os.path.splitext(inbox)[1]}", src, via, inbox, "audit", tid, exp, rules)
    # a 决算报告 with no third-party audit: A007 alone
    v = audit_values(4206, "M1")
    exp = {k: x for k, x in public(v).items() if k not in ("auditor", "opinion", "report_date")}
    write(out, "a06.html", A.accounts_html(v))
    add("a06.pdf", "a06.html", "writer-pdf", "M1/经费决算报告.pdf", "audit", "M1", exp, ["A007"])


SUMMARY = ("在市人社局的指导下，{team}围绕基层需求，组织专家{n}人次深入一线，开展技术指导、专题讲座和培训，"
           "解决了一批技术难题，培养了一支本土人才队伍。下一步，我们将继续巩固服务成果，建立长效对接机制。")


def summaries(out):
    jobs = [("m01", "M6", "writer-docx", "M6/工作成效总结.docx", "{team}2026年度工作成效总结"),
            ("m02", "M9", "raw-docx", "M9/成效总结.docx", "{team}工作总结"),
            ("m03", "M12", "chromium-pdf", "M12/2026年度总结.pdf", "{team}2026年服务基层工作总结"),
            ("m04", "N3", "writer-docx", "N3/服务成效总结.docx", "{team}年度成效报告")]
    for name, tid, via, inbox, title in jobs:
        v = survey_values(4300, tid)
        team = v["team_name"]
        t = title.format(team=team)
        paras = [SUMMARY.format(team=team, n=v["expert_attendances"])] * 4
        exp = {"title": t, "team_name": team}
        if via == "raw-docx":
            src = f"{name}.docx"
            docxraw.paras_docx(os.path.join(out, "src", src), [t, f"（{v['unit']}）"] + paras)
        else:
            src = f"{name}.html"
            body = f"<h2 style='text-align:center'>{S.E(t)}</h2><p style='text-align:center'>（{S.E(v['unit'])}）</p>"
            body += "".join(f"<p>{S.E(x)}</p>" for x in paras)
            write(out, src, S.page(body, {}))
        add(f"{name}{os.path.splitext(inbox)[1]}", src, via, inbox, "summary", tid, exp)


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
