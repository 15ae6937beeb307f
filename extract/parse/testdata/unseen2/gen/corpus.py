#!/usr/bin/env python3
"""The documents of the second unseen corpus: python3 corpus.py OUTDIR.
Writes OUTDIR/src/<name>.{fodt,fods,html,png} and OUTDIR/plan.json (one entry
per document: source, how build.sh converts it, inbox path, expected values)."""
import json
import zlib
import os
import sys

from gen import (ACT, FIELDS, LEVELS, OUT, R, SOURCES, TEAMS, Fodt, html_doc, html_table, png,
                 survey_paragraphs, survey_rows, survey_values, write_fods, x)

PLAN = []


def add(name, src, via, inbox, kind, team, fields, rules=(), verdict=None):
    if verdict is None:
        verdict = "rejected" if any(r[0] in "SAF" and r not in ("A005", "A006", "S008", "S009", "S011", "S012", "S013") for r in rules) else "accepted"
    PLAN.append({"name": name, "src": src, "via": via, "inbox": inbox, "kind": kind, "team": team,
                 "fields": fields, "verdict": verdict, "rules": list(rules)})


def survey_expect(v):
    f = dict(v)
    for k in ("key_counties_national_names", "key_counties_provincial_names"):
        if not f.get(k):
            f.pop(k, None)  # "0个", no names written: nothing to read
    return f


def head_lines(v):
    return [f"服务团名称：{v['team_name']}", f"依托单位：{v['unit']}", "填表人：张伟    联系电话：021-6321" + str(R.randint(1000, 9999))]


# ---------------------------------------------------------------- surveys
def s_paragraph_fodt(name, tid, inbox, via, styles, defect=None, other=None):
    v, rules = survey_values(tid, defect=defect)
    if other:
        v["service_fields_other"] = other
    d = Fodt()
    d.p("2026年专家人才服务基层活动实施成效调查表", "T")
    for l in head_lines(v):
        d.p(l)
    for t, s in survey_paragraphs(v, *styles):
        d.p(s, {"h": "H", "q": None, "a": "A"}[t])
    d.write(f"{SRC}/{name}.fodt")
    add(name + ".pdf", name + ".fodt", via, inbox, "survey", tid, survey_expect(v), rules)


def s_paragraph_html(name, tid, inbox, via, styles, inline=False, defect=None):
    v, rules = survey_values(tid, defect=defect)
    b = ["<h1>2026年专家人才服务基层活动实施成效调查表</h1>"] + [f"<p>{x(l)}</p>" for l in head_lines(v)]
    for t, s in survey_paragraphs(v, *styles):
        if t == "h":
            b.append(f"<h3>{x(s)}</h3>")
        elif inline and t == "q":
            b.append(f"<p>{x(s)}")
        elif inline:
            b.append(f"{x(s)}</p>")
        elif t == "q":
            b.append(f"<p style='margin:4px 0 0 0'>{x(s)}</p>")
        else:
            b.append(f"<p style='margin:0 0 0 2em'>{x(s)}</p>")
    html_doc(f"{SRC}/{name}.html", "".join(b))
    add(name + ".pdf", name + ".html", via, inbox, "survey", tid, survey_expect(v), rules)


def s_table3(name, tid, inbox, via, styles, fmt, mode=None, defect=None):
    v, rules = survey_values(tid, mode=mode, defect=defect)
    rows = [(str(i + 1), a, b) for i, (a, b) in enumerate(survey_rows(v, *styles))]
    head = ("序号", "项目", "填报内容")
    if fmt == "html":
        body = "<h1>2026年专家人才服务基层活动实施成效调查表</h1>" + "".join(f"<p>{x(l)}</p>" for l in head_lines(v)) + html_table(rows, head)
        html_doc(f"{SRC}/{name}.html", body)
        src = name + ".html"
    else:
        d = Fodt()
        d.p("2026年专家人才服务基层活动实施成效调查表", "T")
        for l in head_lines(v):
            d.p(l)
        d.table([head] + rows)
        d.write(f"{SRC}/{name}.fodt")
        src = name + ".fodt"
    add(name + ".pdf", src, via, inbox, "survey", tid, survey_expect(v), rules)


def s_sheet(name, tid, inbox, split_units, two_sheets):
    """A workbook typed by a unit: label | value (numbers as numbers), unit in its own column or the label."""
    v, rules = survey_values(tid)
    rows = [["2026年专家人才服务基层活动实施成效调查表"], ["服务团名称", v["team_name"]], ["依托单位", v["unit"]]]
    mode = "一次服务" if v["service_mode"] == "once" else "分批次服务"
    rows.append(["服务形式", mode])
    ints = [("服务天数", "service_days", "天"), ("服务次数", "batch_count", "次"), ("累计服务天数", "batch_days_total", "天"),
            ("覆盖地市", "region_cities", "个"), ("覆盖区县", "region_counties", "个"), ("覆盖企事业单位", "region_units", "家")]
    for lab, k, u in ints:
        if k in v:
            rows.append([lab, v[k], u] if split_units else [f"{lab}（{u}）", v[k]])
    rows.append(["服务领域", "、".join(v["service_fields"])])
    rows.append(["是否包含国家级/省级乡村振兴重点帮扶县", "是" if v["key_counties"] else "否"])
    rows.append(["国家级重点帮扶县个数", v["key_counties_national"]])
    rows.append(["国家级重点帮扶县名称", "、".join(v.get("key_counties_national_names", [])) or "/"])
    rows.append(["省级重点帮扶县个数", v["key_counties_provincial"]])
    rows.append(["省级重点帮扶县名称", "、".join(v.get("key_counties_provincial_names", [])) or "/"])
    rows.append(["开展各类服务活动总场次", v["activities_total"]] + (["场"] if split_units else []))
    rows.append(["对接项目数量", v["projects_matched"]] + (["个"] if split_units else []))
    sheet2 = [["二、参与专家人才情况"], ["总人数", v["experts_total"]], ["总人次", v["expert_attendances"]],
              ["正高级职称", v["senior_full"]], ["副高级职称", v["senior_deputy"]]]
    sheet2 += [[lab, v[k]] for k, lab in LEVELS] + [[lab, v[k]] for k, lab in SOURCES]
    sheet2 += [["三、服务活动开展情况"]] + [[lab, v[k], u] if split_units else [f"{lab}（{u}）", v[k]] for k, lab, u in ACT]
    sheet2 += [["四、实施成效"]] + [[lab, v[k], u] if split_units else [f"{lab}（{u}）", v[k]] for k, lab, u in OUT]
    sheet2 += [["培训基层专业技术人员（人次）", v["trained_professionals"]], ["培训群众（人次）", v["trained_public"]],
               ["义诊问诊（人次）", v["clinic_consultations"]], ["义诊检查（人次）", v["clinic_examinations"]],
               ["义诊治疗（人次）", v["clinic_treatments"]], ["惠及基层群众（人）", v["beneficiaries"]],
               ["五、组织实施情况"],
               ["是否由人力资源社会保障厅（局）负责组织实施", "是" if v["organized_by_hrss"] else "否"],
               ["前期是否与基层单位对接需求", "是" if v["needs_matched"] else "否"],
               ["人力资源社会保障部支持资金（万元）", v["funds_mohrss"] / 10000],
               ["配套资金（万元）", v["funds_matching"] / 10000], ["配套资金来源", v["funds_matching_source"]],
               ["服务保障措施", "有"], ["具体描述", v["support_measures_desc"]], ["是否开展宣传", "有"],
               ["媒体名称", "发布时间", "篇名"]]
    sheet2 += [[p["media"], p["date"], p["title"]] for p in v["publicity_items"]]
    sheets = [("调查表", rows), ("专家及成效", sheet2)] if two_sheets else [("Sheet1", rows + sheet2)]
    write_fods(f"{SRC}/{name}.fods", sheets)
    add(name + ".xlsx", name + ".fods", "xlsx", inbox, "survey", tid, survey_expect(v), rules)


# ---------------------------------------------------------------- audits
def money_split(total, n):
    cuts = sorted(R.sample(range(1, int(total * 100) - 1), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [int(total * 100)])]
    return [p / 100 for p in parts]


SPENT = [("spent_expert_fees", "专家劳务费"), ("spent_travel", "差旅费"), ("spent_meetings", "会议费"),
         ("spent_training", "培训费"), ("spent_materials", "资料印刷费"), ("spent_other", "其他支出")]


def audit_values(tid, balance=0.0, round100=False):
    name, unit, level = TEAMS[tid]
    mo = 100000.0 if level == "national" else 0.0
    mu = 100000.0
    spent = mo + mu - balance
    if round100:
        parts = [p * 100 for p in money_split(spent / 100, 6)]
        parts = [round(p / 100) * 100 for p in parts[:-1]]
        parts.append(spent - sum(parts))
    else:
        parts = money_split(spent, 6)
    v = {"team_name": name, "unit": unit, "received_mohrss": mo, "received_municipal": mu, "received_total": mo + mu,
         "spent_total": spent, "balance": balance}
    for (k, _), p in zip(SPENT, parts):
        v[k] = round(p, 2)
    return v


def fmt(y, sep=True):
    return "{:,.2f}".format(y) if sep else "%.2f" % y


OPIN = {
    "unqualified": "我们认为，后附的专项资金收支决算表在所有重大方面按照《专家服务基层项目资金管理办法》的规定编制，公允反映了{t}2026年度专项资金的收入、支出及结余情况。",
    "qualified": "我们认为，除“形成保留意见的基础”部分所述事项产生的影响外，后附的专项资金收支决算表在所有重大方面按照相关规定编制，公允反映了{t}2026年度专项资金的收支情况。",
    "adverse": "我们认为，由于“形成否定意见的基础”部分所述事项的重要性，后附的专项资金收支决算表没有在所有重大方面按照相关规定编制，未能公允反映{t}2026年度专项资金的收支情况。",
    "disclaimer": "我们接受委托，审计{t}2026年度专项资金收支决算表。我们不对后附的专项资金收支决算表发表审计意见。由于“形成无法表示意见的基础”部分所述事项的重要性，我们无法获取充分、适当的审计证据以作为发表审计意见的基础。",
}
OPIN_HEAD = {"unqualified": "一、审计意见", "qualified": "一、保留意见", "adverse": "一、否定意见", "disclaimer": "一、无法表示意见"}
BASIS = {"qualified": "二、形成保留意见的基础\n部分差旅费报销单据未附行程记录，金额为3,200.00元，我们无法确定其真实性。",
         "adverse": "二、形成否定意见的基础\n专项资金与依托单位其他经费混合核算，专家劳务费中包含非服务团成员的劳务支出。",
         "disclaimer": "二、形成无法表示意见的基础\n依托单位未能提供专项资金支出的原始凭证及相关合同，我们无法实施必要的审计程序。",
         "unqualified": "二、形成审计意见的基础\n我们按照中国注册会计师审计准则的规定执行了审计工作。我们相信，我们获取的审计证据是充分、适当的，为发表审计意见提供了基础。"}


def audit_fodt(name, tid, inbox, via, opinion, firm, no, date_txt, date_iso, start, end, balance=0.0,
               expl=None, refunded=None, unit_wan=False, budget_col=False, neg_zero=False):
    v = audit_values(tid, balance, round100=unit_wan)
    t = v["team_name"]
    d = Fodt()
    d.p("专项资金审计报告", "T")
    d.p(no, "C")
    d.p(v["unit"] + "：")
    d.p(f"我们审计了后附的{t}（依托单位：{v['unit']}）2026年度国家和本市专家服务基层项目专项资金收支决算表。"
        f"服务活动实施期间为{start[0]}至{end[0]}。")
    d.p(OPIN_HEAD[opinion], "H")
    d.p(OPIN[opinion].format(t=t))
    for i, l in enumerate(BASIS[opinion].split("\n")):
        d.p(l, "H" if i == 0 else None)
    d.p("三、专项资金收支情况", "H")
    scale, u = (10000.0, "万元") if unit_wan else (1.0, "元")
    d.p(f"单位：{u}", "RT")
    f = (lambda y: "%.2f" % (y / scale)) if unit_wan else fmt
    rows = [("项目", "预算数", "决算数")] if budget_col else [("项目", "金额")]
    def row(lab, val, bud=None):
        rows.append((lab, f(bud if bud is not None else val), f(val)) if budget_col else (lab, f(val)))
    rows.append(("一、收入",) + ("",) * (2 if budget_col else 1))
    row("人力资源社会保障部支持资金", v["received_mohrss"])
    row("市级配套资金", v["received_municipal"])
    row("收入小计", v["received_total"])
    rows.append(("二、支出",) + ("",) * (2 if budget_col else 1))
    for k, lab in SPENT:
        row(lab, v[k], bud=round(v["received_total"] / 6, 2) if k != "spent_other" else v["received_total"] - 5 * round(v["received_total"] / 6, 2))
    row("支出小计", v["spent_total"], bud=v["received_total"])
    if neg_zero and balance == 0:
        rows.append(("三、结余资金", "-0.00", "-0.00") if budget_col else ("三、结余资金", "-0.00"))
    else:
        row("三、结余资金", v["balance"], bud=0.0)
    d.table(rows)
    if expl:
        d.p("四、结余资金专项说明", "H")
        d.p(expl)
        v["balance_explanation"] = expl
    if refunded is not None:
        v["balance_refunded"] = refunded
    d.p("")
    d.p(firm, "RT")
    d.p("中国注册会计师：刘洋    中国注册会计师：陈静", "RT")
    d.p("中国·上海", "RT")
    d.p(date_txt, "RT")
    d.write(f"{SRC}/{name}.fodt")
    v.update({"auditor": firm, "report_no": no, "report_date": date_iso, "opinion": opinion,
              "service_start": start[1], "service_end": end[1]})
    rules = ["A006"] if opinion != "unqualified" else []
    if balance > 0 and not refunded:
        rules.append("A005")
    add(name + ".pdf", name + ".fodt", via, inbox, "audit", tid, v, rules)


def audit_html(name, tid, inbox, via, opinion, firm, no, date_txt, date_iso, start, end, layout, balance=0.0, expl=None, refunded=None, body_team=True):
    v = audit_values(tid, balance)
    t = v["team_name"]
    b = [f"<h1>关于{x(t) if body_team else ''}专项资金的审计报告</h1><p class='c'>{x(no)}</p><p>{x(v['unit'])}：</p>",
         f"<p>我们接受委托，对{x(t)}2026年度专家服务基层项目经费决算报表进行了审计。服务活动起止时间：{x(start[0])}—{x(end[0])}。</p>",
         f"<h3>{OPIN_HEAD[opinion]}</h3><p>{x(OPIN[opinion].format(t=t))}</p>"]
    for i, l in enumerate(BASIS[opinion].split("\n")):
        b.append(f"<h3>{x(l)}</h3>" if i == 0 else f"<p>{x(l)}</p>")
    b.append("<h3>三、经费收支决算表</h3><p class='r'>金额单位：人民币元</p>")
    if layout == "transposed":
        b.append(html_table([[fmt(v["received_mohrss"]), fmt(v["received_municipal"]), fmt(v["received_total"])]],
                            ["人社部支持资金", "市配套资金", "到位资金合计"]))
        b.append("<p></p>")
        b.append(html_table([[fmt(v[k]) for k, _ in SPENT] + [fmt(v["spent_total"]), fmt(v["balance"])]],
                            [lab for _, lab in SPENT] + ["支出合计", "结余资金"]))
    else:  # 项目 | 行次 | 金额
        rows, n = [], 0
        for lab, k in [("人力资源社会保障部支持资金", "received_mohrss"), ("市级配套资金", "received_municipal"), ("经费收入合计", "received_total")] + \
                [(lab, k) for k, lab in SPENT] + [("经费支出合计", "spent_total"), ("结余资金", "balance")]:
            n += 1
            rows.append([lab, str(n), fmt(v[k])])
        b.append(html_table(rows, ["项目", "行次", "金额"]))
    if expl:
        b.append(f"<h3>四、结余资金专项说明</h3><p>{x(expl)}</p>")
        v["balance_explanation"] = expl
    if refunded is not None:
        v["balance_refunded"] = refunded
    b.append(f"<p class='r' style='margin-top:2em'>{x(firm)}</p><p class='r'>中国注册会计师：王磊（签名并盖章）</p>"
             f"<p class='r'>中国注册会计师：赵敏（签名并盖章）</p><p class='r'>{x(date_txt)}</p>")
    html_doc(f"{SRC}/{name}.html", "".join(b))
    v.update({"auditor": firm, "report_no": no, "report_date": date_iso, "opinion": opinion,
              "service_start": start[1], "service_end": end[1]})
    rules = ["A006"] if opinion != "unqualified" else []
    if balance > 0 and not refunded:
        rules.append("A005")
    add(name + ".pdf", name + ".html", via, inbox, "audit", tid, v, rules)


def audit_sheet(name, tid, inbox):
    v = audit_values(tid)
    firm, no = "上海德勤华永会计师事务所（特殊普通合伙）", "沪德华审字（2026）第1187号"
    rows = [["专家服务基层项目经费决算表"], ["服务团名称", v["team_name"]], ["依托单位", v["unit"]],
            ["审计单位", firm], ["报告文号", no], ["报告日期", "2026-11-06"], ["审计意见类型", "无保留意见"],
            ["服务开始日期", "2026-06-20"], ["服务结束日期", "2026-10-30"], ["项目", "金额（元）"],
            ["人力资源社会保障部支持资金", v["received_mohrss"]], ["市级配套资金", v["received_municipal"]],
            ["到位资金合计", v["received_total"]]] + [[lab, v[k]] for k, lab in SPENT] + \
           [["实际支出合计", v["spent_total"]], ["结余资金", v["balance"]]]
    write_fods(f"{SRC}/{name}.fods", [("决算表", rows)])
    v.update({"auditor": firm, "report_no": no, "report_date": "2026-11-06", "opinion": "unqualified",
              "service_start": "2026-06-20", "service_end": "2026-10-30"})
    add(name + ".xlsx", name + ".fods", "xlsx", inbox, "audit", tid, v, [])


# ---------------------------------------------------------------- summaries and photos
BODY = ["今年以来，服务团围绕基层实际需求，组织专家深入一线开展技术指导、专题讲座和培训活动，帮助基层单位解决生产和服务中的难题。",
        "在服务过程中，专家与受援单位建立了长期合作关系，通过项目合作、远程指导和成果转化等方式巩固服务成效，带动了当地产业发展。",
        "下一步，服务团将进一步总结经验，完善长效机制，推动专家服务基层工作提质增效。"]


def summary(name, tid, inbox, via, title, lines, fields, fmt_="fodt"):
    paras = lines + BODY * 2
    if fmt_ == "fodt":
        d = Fodt()
        d.p(title, "T")
        for l in lines:
            d.p(l, "C")
        for l in BODY * 2:
            d.p("　　" + l)
        d.write(f"{SRC}/{name}.fodt")
        src = name + ".fodt"
    else:
        html_doc(f"{SRC}/{name}.html", f"<h1>{x(title)}</h1>" + "".join(f"<p class='c'>{x(l)}</p>" for l in lines) +
                 "".join(f"<p style='text-indent:2em'>{x(l)}</p>" for l in BODY * 2))
        src = name + ".html"
    f = {"title": title}
    f.update(fields)
    add(name + ".pdf", src, via, inbox, "summary", tid, f)


def photos(name, tid, inbox, via, title, lines, caps, capfmt, fields, fmt_="fodt"):
    imgs = []
    for i in range(len(caps)):
        p = f"{name}-{i + 1}.png"
        with open(f"{SRC}/{p}", "wb") as fh:
            fh.write(png(240, 150, zlib.crc32(f"{name}{i}".encode()) & 0xffff))
        imgs.append(p)
    if fmt_ == "fodt":
        d = Fodt()
        d.p(title, "T")
        for l in lines:
            d.p(l, "C")
        for i, (p, c) in enumerate(zip(imgs, caps)):
            d.image(open(f"{SRC}/{p}", "rb").read())
            d.p(capfmt.format(n=i + 1, c=c), "C")
        d.write(f"{SRC}/{name}.fodt")
        src = name + ".fodt"
    else:
        b = [f"<h1>{x(title)}</h1>"] + [f"<p class='c'>{x(l)}</p>" for l in lines]
        for i, (p, c) in enumerate(zip(imgs, caps)):
            b.append(f"<figure><img src='{p}'><figcaption>{x(capfmt.format(n=i + 1, c=c))}</figcaption></figure>")
        html_doc(f"{SRC}/{name}.html", "".join(b))
        src = name + ".html"
    f = {"title": title, "photo_count": len(caps), "captions": caps}
    f.update(fields)
    add(name + ".pdf", src, via, inbox, "photos", tid, f)


def photo_file(name, tid, inbox, cap):
    with open(f"{SRC}/{name}.png", "wb") as fh:
        fh.write(png(320, 200, zlib.crc32(name.encode()) & 0xffff))
    f = {"photo_count": 1}
    if cap:
        f["captions"] = [cap]
    add(name + ".jpg", name + ".png", "jpg", inbox, "photos", tid, f)


def main():
    global SRC
    out = sys.argv[1]
    SRC = f"{out}/src"
    os.makedirs(SRC, exist_ok=True)
    # surveys
    s_paragraph_fodt("s01-调查表", "N1", "N1/调查表.pdf", "lo", ("unit", "check", "list", "wan2"), other="康复")
    s_table3("s02-附件4调查表", "M11", "M11/附件4调查表.pdf", "chromium", ("unit", "box", "boxes", "yuan"), "html")
    s_table3("s03-成效调查表", "M4", "M4/成效调查表.pdf", "lo+qpdf", ("plain", "tick", "list", "cn"), "fodt", defect="S005")
    s_sheet("s04-调查表", "M8", "M8/实施成效调查表.xlsx", split_units=False, two_sheets=False)
    s_paragraph_html("s05-实施成效调查表", "M2", "2026年实施成效调查表.pdf", "chromium", ("total", "box", "list", "wan"), inline=True)
    s_paragraph_fodt("s06-调查表", "M13", "M13/调查表.pdf", "lo+gs", ("fw", "word", "list", "wan2"), defect="S003")
    s_table3("s07-调查表", "N3", "N3/调查表.pdf", "chromium", ("sp", "check", "list", "wan"), "html")
    s_sheet("s08-调查表", "M6", "M6/调查表（填报）.xlsx", split_units=True, two_sheets=True)
    s_table3("s09-实施成效调查表", "M14", "附件4 实施成效调查表.pdf", "lo", ("unit", "box", "boxes", "wan2"), "fodt", mode="once")
    s_paragraph_html("s10-调查表", "M9", "M9/调查表.pdf", "chromium+qpdf", ("unit", "tick", "list", "wan2"), defect="S006")
    # audits
    audit_fodt("a01-专项审计报告", "N1", "N1/专项审计报告.pdf", "lo", "unqualified", "上海诚信会计师事务所（特殊普通合伙）",
               "沪诚信审字〔2026〕第0215号", "二〇二六年十一月八日", "2026-11-08",
               ("2026年6月1日", "2026-06-01"), ("2026年10月28日", "2026-10-28"), budget_col=True)
    audit_html("a02-审计报告", "M11", "M11/审计报告.pdf", "chromium", "qualified", "上海明信会计师事务所有限公司",
               "沪明信专审字〔2026〕第088号", "2026/11/8", "2026-11-08", ("2026.06.15", "2026-06-15"), ("2026.10.20", "2026-10-20"), "transposed")
    audit_fodt("a03-经费决算审计报告", "M4", "M4/经费决算审计报告.pdf", "lo+gs", "adverse", "上海华明会计师事务所有限公司",
               "华明审字[2026]第312号", "2026年11月10日", "2026-11-10", ("2026年7月1日", "2026-07-01"), ("2026年10月31日", "2026-10-31"), unit_wan=True)
    audit_fodt("a04-审计报告", "M8", "M8/审计报告.pdf", "lo+qpdf", "disclaimer", "上海信达会计师事务所（普通合伙）",
               "沪信达审字〔2026〕第1043号", "2026年11月8日", "2026-11-08", ("2026.05.20", "2026-05-20"), ("2026.10.15", "2026-10-15"), neg_zero=True)
    audit_html("a05-专项资金审计报告", "M2", "专项资金审计报告.pdf", "chromium", "unqualified", "上海公正会计师事务所有限公司",
               "沪公正审字〔2026〕第0671号", "2026年11月5日", "2026-11-05", ("2026年6月8日", "2026-06-08"), ("2026年10月30日", "2026-10-30"),
               "rows", balance=2350.0, expl="结余资金2,350.00元系部分培训改为线上开展所致，已于2026年11月3日全额退回市人力资源社会保障局。", refunded=True)
    audit_sheet("a06-经费决算表", "M6", "M6/经费决算表.xlsx")
    audit_fodt("a07-决算审计报告", "N3", "N3/决算审计报告.pdf", "lo", "unqualified", "众华会计师事务所（特殊普通合伙）",
               "众会字（2026）第09876号", "2026-11-12", "2026-11-12", ("2026年5月10日", "2026-05-10"), ("2026年10月25日", "2026-10-25"),
               balance=8000.0, expl="结余资金8,000.00元，系部分专家线上参与、差旅费减少所致，目前尚未退回，将于2026年12月底前按规定退回。", refunded=False)
    audit_html("a08-审计报告", "M13", "M13/审计报告.pdf", "chromium+qpdf", "unqualified", "大华会计师事务所（特殊普通合伙）上海分所",
               "大华审字〔2026〕0031205号", "2026年11月9日", "2026-11-09", ("2026.06.10", "2026-06-10"), ("2026.10.28", "2026-10-28"), "rows")
    # summaries
    n, u, _ = TEAMS["M11"]
    summary("m01-工作总结", "M11", "M11/工作总结.pdf", "lo", "2026年度专家服务基层工作总结", [n, u], {"team_name": n, "unit": u})
    n, u, _ = TEAMS["M4"]
    summary("m02-工作报告", "M4", "M4/工作报告.pdf", "chromium", f"{n}工作报告", [u], {"team_name": n, "unit": u}, "html")
    n, u, _ = TEAMS["N2"]
    summary("m03-成效报告", "N2", "成效报告.pdf", "lo+gs", "专家服务基层活动成效报告", [f"服务团名称：{n}", f"依托单位：{u}"], {"team_name": n, "unit": u})
    n, u, _ = TEAMS["M7"]
    summary("m04-情况报告", "M7", "M7/情况报告.pdf", "chromium", "关于2026年度专家服务基层工作情况的报告", [f"（{u}）"], {"unit": u}, "html")
    n, u, _ = TEAMS["M10"]
    summary("m05-年度总结", "M10", "年度总结-骨科.pdf", "lo", f"{n}2026年度总结", [u], {"team_name": n, "unit": u})
    # photos
    n, u, _ = TEAMS["M11"]
    photos("p01-影像资料", "M11", "M11/影像资料.pdf", "lo", "服务现场影像资料及说明", [f"服务团名称：{n}"],
           ["专家在草莓大棚开展现场指导", "设施栽培技术培训", "与合作社负责人座谈"], "图{n} {c}", {"team_name": n})
    n, u, _ = TEAMS["M4"]
    photos("p02-活动照片", "M4", "M4/活动照片.pdf", "chromium", f"{n}活动照片", [],
           ["生猪疫病防控现场指导", "养殖户技术培训", "专家查看猪舍环境", "座谈交流会现场"], "图{n}：{c}", {"team_name": n}, "html")
    n, u, _ = TEAMS["M2"]
    photos("p03-现场照片", "M2", "现场照片.pdf", "lo+gs", "专家服务基层现场照片", [f"依托单位：{u}"],
           ["专家为村民义诊", "基层医生业务培训"], "▲ {c}", {"unit": u})
    n, u, _ = TEAMS["N1"]
    photos("p04-影像图片", "N1", "N1/影像图片.pdf", "chromium+qpdf", "服务现场影像图片资料及说明", [n],
           ["慢病筛查现场", "健康管理专题讲座", "家庭医生带教"], "照片{n}：{c}", {"team_name": n}, "html")
    photo_file("专家查看水质监测点", "M6", "M6/专家查看水质监测点.jpg", "专家查看水质监测点")
    photo_file("IMG_0412", "M9", "M9/IMG_0412.jpg", None)
    with open(f"{out}/plan.json", "w", encoding="utf-8") as fh:
        json.dump(PLAN, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
