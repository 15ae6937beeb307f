#!/usr/bin/env python3
"""Planted-defect set for the rules: 74 files laid out as an inbox with a
sub-folder per team (2026 registry ids), each document with one or two
defects planted on purpose (or none), and the expected results written from
this generator's own knowledge — never from running dossier.

  python3 gen.py            # from anywhere; rebuilds ../inbox, ../expected*.jsonl

Sources are HTML (surveys in the 附件4 layout, audit reports, summaries,
photo sheets) converted by LibreOffice Writer to PDF, CSV converted by
LibreOffice Calc to .xlsx / .xls, Writer to .doc, ImageMagick for images,
qpdf for the password. Every file's modification time is set (os.utime) to
the time it was "received"; D001 files are after 2026-11-20 24:00.

Python 3 standard library only (plus the tools above on PATH)."""
import csv
import json
import os
import random
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
INBOX = os.path.join(ROOT, "inbox")
WORK = os.environ.get("WORK", "/tmp/planted-build")
CST = timezone(timedelta(hours=8))
R = random.Random(20261120)

TEAMS = {
    "N1": ("国家重大慢病全生命周期健康管理专家服务团", "上海交通大学医学院附属瑞金医院", "national"),
    "N2": ("颈动脉相关脑卒中筛查与防治专家服务基层示范团", "海军军医大学第二附属医院", "national"),
    "N3": ("国家级新疆准东经济技术开发区碳排放双控转型与可持续发展服务团", "上海环境能源交易所股份有限公司", "national"),
    "M1": ("乳制品风味提升与品质控制专家服务团", "上海应用技术大学", "municipal"),
    "M2": ("乡村振兴基层医疗服务能力提升专家服务团", "上海市第六人民医院", "municipal"),
    "M3": ("同济大学附属东方医院“脑卒中院前院内一体化诊疗李刚专家服务团”", "上海市东方医院（同济大学附属东方医院）", "municipal"),
    "M4": ("都市生猪产业提升示范技术服务团", "上海市动物疫病预防控制中心", "municipal"),
    "M5": ("中西医结合脉管病诊疗专家基层服务团", "上海市中西医结合医院", "municipal"),
    "M6": ("助力乡村水环境质量提升专家服务团", "上海泓济环保科技股份有限公司", "municipal"),
    "M7": ("中医药新质生产力基层赋能行动", "上海市奉贤区中医医院", "municipal"),
    "M8": ("上海特色鱼产业技术服务团", "上海市水产研究所(上海市水产技术推广站)", "municipal"),
    "M9": ("莘泽智星港科创专家服务示范团", "上海莘泽创业投资管理股份有限公司", "municipal"),
    "M10": ("骨科智能化微创诊疗技术基层培训与推广", "上海市第十人民医院", "municipal"),
    "M11": ("草莓设施高效生产专家服务团", "上海市农业科学院", "municipal"),
    "M12": ("上海市数据智能应用基层普及项目", "达观数据有限公司", "municipal"),
    "M13": ("上海市机器人与人工智能应用服务项目", "上海电器科学研究所（集团）有限公司", "municipal"),
    "M14": ("国家级非遗施氏伤科专家巡诊服务团", "上海市黄浦区香山中医医院", "municipal"),
    "M15": ("AIGC 生命记忆创作", "上海南湖职业技术学院", "municipal"),
}
FIELDS = ["农业", "林业", "畜牧业", "渔业", "环保", "机械制造", "能源", "冶金", "化工", "通讯",
          "交通", "电商服务", "医疗", "生物医药", "教育", "文旅", "人工智能", "城乡规划", "产业规划"]
COUNTIES = ["会泽县", "镇雄县", "丘北县", "皮山县", "墨玉县", "屏边县", "宣威市", "洛宁县", "澜沧拉祜族自治县"]
ACT = [("guidance_onsite", "现场指导", "次"), ("guidance_remote", "远程指导", "次"), ("joint_research", "联合攻关", "次"),
       ("symposiums", "座谈交流会", "场"), ("lectures", "专题讲座", "场"), ("training_onsite", "现场培训", "场"),
       ("training_remote", "远程培训", "场"), ("consultations", "咨询对接活动", "场"), ("demonstrations", "示范带教", "场"),
       ("free_clinics", "义诊", "场"), ("science_lectures", "科普讲座", "场"), ("science_exhibitions", "科普展览", "场")]
OUTC = [("problems_solved", "破解技术难题", "个"), ("key_projects", "带动重点科研项目", "个"),
        ("new_techniques", "推广新技术新工艺", "种"), ("new_varieties", "推广新品种", "种"),
        ("achievements_transferred", "转化科技成果", "项"), ("strategic_plans", "指导战略规划", "个"),
        ("decision_consulting", "决策咨询", "项"), ("cooperation_intents", "达成中长期合作意向", "个"),
        ("agreements_signed", "签订合作协议", "项"), ("alliances", "基层单位与帮扶单位等结成产学研联盟", "个"),
        ("entities_founded", "专家领办、联办、协办各类经济实体", "个")]
LEVELS = [("academicians", "两院院士"), ("outstanding_professionals", "全国杰出专业技术人员"),
          ("talent_project", "百千万人才工程国家级人选"), ("special_allowance", "享受政府特殊津贴专家"),
          ("postdocs", "博士后"), ("returnees", "留学回国人员")]
SOURCES = [("source_local", "本省（区、市）"), ("source_other_province", "外省（区、市）"),
           ("source_hmt", "港澳台"), ("source_foreign", "国外")]
FIRMS = ["上海立衡会计师事务所（特殊普通合伙）", "上海信诚会计师事务所有限公司", "上海华正会计师事务所（普通合伙）",
         "众华会计师事务所（特殊普通合伙）上海分所", "上海沪港金茂会计师事务所有限公司"]

PLAN = []  # one entry per file: expected line + how to build it


# ---------------------------------------------------------------- values

def clean_survey(tid):
    """A survey whose every value is consistent with every S rule."""
    name, unit, level = TEAMS[tid]
    v = {"team_name": name, "unit": unit}
    if R.random() < 0.5:
        v["service_mode"], v["service_days"] = "once", R.randint(2, 9)
    else:
        b = R.randint(2, 6)
        v["service_mode"], v["batch_count"], v["batch_days_total"] = "batches", b, b + R.randint(0, 12)
    v["service_fields"] = sorted(R.sample(FIELDS, R.randint(1, 3)), key=FIELDS.index)
    v["region_cities"], v["region_counties"], v["region_units"] = R.randint(1, 4), R.randint(1, 9), R.randint(5, 40)
    if R.random() < 0.5:
        nat, prov = R.randint(0, 1), R.randint(1, 2)
        ns = R.sample(COUNTIES, nat + prov)
        v.update(key_counties=True, key_counties_national=nat, key_counties_provincial=prov,
                 key_counties_national_names=ns[:nat], key_counties_provincial_names=ns[nat:])
    else:
        v.update(key_counties=False, key_counties_national=0, key_counties_provincial=0,
                 key_counties_national_names=[], key_counties_provincial_names=[])
    for k, _, _ in ACT:
        v[k] = R.choice([0, R.randint(1, 8)])
    v["free_clinics"] = R.randint(1, 6)
    v["training_onsite"] = R.randint(1, 5)
    v["joint_research_form"] = "联合技术攻关小组"
    v["activities_total"] = sum(v[k] for k, _, _ in ACT) + R.randint(0, 5)
    v["projects_matched"] = R.randint(1, 9)
    tot = R.randint(12, 30)
    v["experts_total"], v["expert_attendances"] = tot, tot + R.randint(0, 30)
    v["senior_full"] = R.randint(2, tot // 2)
    v["senior_deputy"] = R.randint(0, tot - v["senior_full"])
    for k, _ in LEVELS:
        v[k] = R.randint(0, 3)
    other = R.randint(0, tot // 3)
    v.update(source_local=tot - other, source_other_province=other, source_hmt=0, source_foreign=0)
    for k, _, _ in OUTC:
        v[k] = R.randint(0, 9)
    v["trained_professionals"], v["trained_public"] = R.randint(20, 200), R.randint(50, 900)
    v["clinic_consultations"], v["clinic_examinations"], v["clinic_treatments"] = \
        R.randint(100, 2000), R.randint(50, 900), R.randint(0, 300)
    v["beneficiaries"] = R.randint(500, 9000)
    v["economic_benefit"] = "带动基层单位新增产值约 %d 万元。" % R.randint(20, 900)
    v["social_benefit"] = "提升了基层专业技术人员能力，群众满意度明显提高。"
    v["organized_by_hrss"], v["needs_matched"] = True, True
    v["funds_mohrss"] = 100000.0 if level == "national" else 0.0
    v["funds_matching"] = 100000.0
    v["funds_matching_source"] = "上海市人力资源和社会保障局"
    v["support_measures"] = True
    v["support_measures_desc"] = "依托单位提供交通、食宿保障，购买人身意外保险，安排专人联络。"
    v["publicity"] = True
    v["publicity_items"] = [{"media": R.choice(["解放日报", "文汇报", "上海人社微信公众号", "学习强国上海学习平台"]),
                             "date": "2026-%02d-%02d" % (R.randint(6, 10), R.randint(1, 28)),
                             "title": name + "深入基层开展专家服务"}]
    return v


def clean_audit(tid):
    name, unit, level = TEAMS[tid]
    rm = 100000.0 if level == "national" else 0.0
    rc = 100000.0
    total = rm + rc
    bal = R.choice([0.0, 0.0, round(R.uniform(1000, 8000), 2)])
    spent = round(total - bal, 2)
    parts = [R.uniform(0.2, 0.4), R.uniform(0.05, 0.15), R.uniform(0.05, 0.15), R.uniform(0.05, 0.15),
             R.uniform(0.05, 0.15), R.uniform(0.05, 0.15)]
    s = sum(parts)
    items = [round(spent * p / s, 2) for p in parts[:-1]]
    items.append(round(spent - sum(items), 2))
    start = datetime(2026, R.randint(4, 6), R.randint(1, 28))
    end = datetime(2026, R.randint(9, 10), R.randint(1, 30))
    v = {"team_name": name, "unit": unit, "auditor": R.choice(FIRMS), "opinion": "unqualified",
         "report_no": "沪%s会审字〔2026〕第%04d号" % (R.choice("信华立众金"), R.randint(100, 999)),
         "received_mohrss": rm, "received_municipal": rc, "received_total": total,
         "spent_expert_fees": items[0], "spent_travel": items[1], "spent_meetings": items[2],
         "spent_training": items[3], "spent_materials": items[4], "spent_other": items[5],
         "spent_total": spent, "balance": bal,
         "service_start": start.strftime("%Y-%m-%d"), "service_end": end.strftime("%Y-%m-%d"),
         "report_date": (end + timedelta(days=R.randint(3, 12))).strftime("%Y-%m-%d")}
    if bal > 0:
        v["balance_explanation"] = "部分线下活动因天气原因改为线上开展，差旅费用结余。"
        v["balance_refunded"] = True
    return v


# ---------------------------------------------------------------- rendering

def fmt(x):
    """A value as typed on a paper form: bools/None handled by callers."""
    if x is None:
        return "____"
    if isinstance(x, float):
        return ("%.2f" % x).rstrip("0").rstrip(".")
    return str(x)


def box(on):
    return "☑" if on else "☐"


def survey_html(v, raw):
    """附件4 as a Writer document. raw overrides how a key is printed."""
    def g(k):
        if k in raw:
            return raw[k]
        return fmt(v.get(k))
    mode = raw.get("@mode", v.get("service_mode"))
    once = mode in ("once", "both")
    bat = mode in ("batches", "both")
    sf = v.get("service_fields", [])
    fields = " ".join("%s（%s）" % (f, "√" if f in sf else " ") for f in FIELDS)
    fields += " 其他（请补充）（%s）%s" % ("√" if "其他" in sf else " ", v.get("service_fields_other", ""))
    kc = v.get("key_counties")
    nn = "、".join(v.get("key_counties_national_names", [])) or "/"
    pn = "、".join(v.get("key_counties_provincial_names", [])) or "/"
    P = []
    P.append("<p align=center><b>2026 年专家人才服务基层活动实施成效调查表</b></p>")
    P.append("<p>服务团名称：%s</p><p>依托单位：%s</p>" % (v["team_name"], v["unit"]))
    P.append("<p><b>一、服务活动基本情况</b></p><p>1. 服务形式（二者选一）</p>")
    P.append("<p>%s① 一次服务 服务天数 %s</p>" % (box(once), g("service_days") if once else "____"))
    P.append("<p>%s② 分批次服务 服务次数 %s ，累计服务天数（各批次实际开展服务活动的天数总和） %s</p>"
             % (box(bat), g("batch_count") if bat else "____", g("batch_days_total") if bat else "____"))
    P.append("<p>2. 服务领域（可多选）</p><p>%s</p>" % fields)
    P.append("<p>3. 服务区域 覆盖 %s 个地市、 %s 个区县、 %s 家企事业单位</p>"
             % (g("region_cities"), g("region_counties"), g("region_units")))
    P.append("<p>是否包含国家级/省级乡村振兴重点帮扶县：%s是 %s否</p>" % (box(kc is True), box(kc is False)))
    P.append("<p>具体地区：国家级 %s 个，分别是 %s</p><p>省级 %s 个，分别是 %s</p>"
             % (g("key_counties_national"), nn, g("key_counties_provincial"), pn))
    P.append("<p>4. 开展各类服务活动总场次： %s</p><p>5. 对接项目数量： %s</p>" % (g("activities_total"), g("projects_matched")))
    P.append("<p><b>二、参与专家人才情况</b></p>")
    P.append("<p>1. 总人数： %s ；总人次： %s</p>" % (g("experts_total"), g("expert_attendances")))
    P.append("<p>其中：正高级职称 %s ，副高级职称 %s ；%s</p>" % (
        g("senior_full"), g("senior_deputy"), " ，".join("%s %s" % (l, g(k)) for k, l in LEVELS)))
    P.append("<p>2. 专家人才来源 %s</p>" % " ，".join("%s %s" % (l, g(k)) for k, l in SOURCES))
    P.append("<p><b>三、服务活动开展情况</b></p>")
    P.append("<p>1. 技术指导：现场指导 %s 次；远程指导 %s 次</p>" % (g("guidance_onsite"), g("guidance_remote")))
    P.append("<p>2. 联合攻关： %s %s 次</p>" % (v.get("joint_research_form", ""), g("joint_research")))
    P.append("<p>3. 座谈交流会： %s 场</p><p>4. 专题讲座： %s 场</p>" % (g("symposiums"), g("lectures")))
    P.append("<p>5. 技术培训：现场培训 %s 场；远程培训 %s 场</p>" % (g("training_onsite"), g("training_remote")))
    n = 6
    for k, l, u in ACT[7:]:
        P.append("<p>%d. %s： %s %s</p>" % (n, l, g(k), u))
        n += 1
    P.append("<p><b>四、实施成效</b></p>")
    n = 1
    for k, l, u in OUTC[:5]:
        P.append("<p>%d. %s %s %s</p>" % (n, l, g(k), u))
        n += 1
    P.append("<p>6. 培训成效：基层专业技术人员 %s 人次、群众 %s 人次</p>" % (g("trained_professionals"), g("trained_public")))
    P.append("<p>7. 义诊成效：问诊 %s 人次、检查 %s 人次、治疗 %s 人次</p>"
             % (g("clinic_consultations"), g("clinic_examinations"), g("clinic_treatments")))
    n = 8
    for k, l, u in OUTC[5:]:
        P.append("<p>%d. %s %s %s</p>" % (n, l, g(k), u))
        n += 1
    P.append("<p>14. 取得经济效益： %s</p><p>15. 取得社会效益： %s</p>" % (v.get("economic_benefit", ""), v.get("social_benefit", "")))
    P.append("<p>16. 推动产业发展： </p><p>17. 惠及基层群众 %s 人</p>" % g("beneficiaries"))
    P.append("<p><b>五、组织实施情况</b></p>")
    P.append("<p>1. 是否由本省（区、市）人力资源社会保障厅（局）或国务院有关部委组织人事部门负责组织实施：%s是 %s否</p>"
             % (box(v.get("organized_by_hrss") is True), box(v.get("organized_by_hrss") is False)))
    P.append("<p>2. 前期是否与基层单位对接需求：%s是 %s否</p>" % (box(v.get("needs_matched") is True), box(v.get("needs_matched") is False)))
    fm = raw.get("funds_mohrss", fmt(v["funds_mohrss"] / 10000) if v.get("funds_mohrss") is not None else "____")
    fc = raw.get("funds_matching", fmt(v["funds_matching"] / 10000) if v.get("funds_matching") is not None else "____")
    P.append("<p>3. 服务团投入情况：人力资源社会保障部支持资金 %s 万元；</p>" % fm)
    P.append("<p>配套资金（注明资金来源和金额） %s %s 万元</p>" % (v.get("funds_matching_source", ""), fc))
    sm = v.get("support_measures")
    P.append("<p>4. 对参加服务活动专家人才的服务保障措施：%s有 %s无（具体描述） %s</p>"
             % (box(sm is True), box(sm is False), v.get("support_measures_desc", "")))
    pb = v.get("publicity")
    P.append("<p>5. 是否对服务团组织实施情况开展宣传：%s有 %s无</p>" % (box(pb is True), box(pb is False)))
    items = v.get("publicity_items") or ([{"media": "____", "date": "____", "title": "____"}] if pb else [])
    for it in items:
        P.append("<p>媒体名称：%s 发布时间：%s 篇名：%s</p>" % (it["media"], it["date"], it["title"]))
    P.append("<p>填表人：王晓 联系电话：021-6438%04d</p>" % R.randint(0, 9999))
    return page("实施成效调查表", "\n".join(P))


def survey_rows(v, raw):
    """附件4 as a two-to-six column sheet, the way units retype it in Calc."""
    def g(k):
        if k in raw:
            return raw[k]
        x = v.get(k)
        if isinstance(x, bool):
            return "是" if x else "否"
        return "" if x is None else fmt(x)
    mode = raw.get("@mode", v.get("service_mode"))
    rows = [["2026年专家人才服务基层活动实施成效调查表"], ["服务团名称", v["team_name"]], ["依托单位", v["unit"]],
            ["一、服务活动基本情况"],
            ["服务形式", {"once": "①一次服务", "batches": "②分批次服务", "both": "①一次服务 ②分批次服务"}.get(mode, "")]]
    if mode in ("once", "both"):
        rows.append(["服务天数", g("service_days")])
    if mode in ("batches", "both"):
        rows.append(["服务次数", g("batch_count"), "累计服务天数", g("batch_days_total")])
    sf = list(v.get("service_fields", []))
    rows.append(["服务领域", "、".join(sf)])
    rows += [["覆盖地市", g("region_cities"), "覆盖区县", g("region_counties")], ["覆盖企事业单位", g("region_units")],
             ["是否包含国家级/省级乡村振兴重点帮扶县", "是" if v["key_counties"] else "否"],
             ["国家级重点帮扶县个数", g("key_counties_national"), "分别是", "、".join(v.get("key_counties_national_names", [])) or "/"],
             ["省级重点帮扶县个数", g("key_counties_provincial"), "分别是", "、".join(v.get("key_counties_provincial_names", [])) or "/"],
             ["开展各类服务活动总场次", g("activities_total")], ["对接项目数量", g("projects_matched")],
             ["二、参与专家人才情况"], ["总人数", g("experts_total"), "总人次", g("expert_attendances")],
             ["正高级职称", g("senior_full"), "副高级职称", g("senior_deputy")]]
    for i in range(0, 6, 2):
        rows.append([LEVELS[i][1], g(LEVELS[i][0]), LEVELS[i + 1][1], g(LEVELS[i + 1][0])])
    rows += [[SOURCES[0][1], g("source_local"), SOURCES[1][1], g("source_other_province")],
             [SOURCES[2][1], g("source_hmt"), SOURCES[3][1], g("source_foreign")], ["三、服务活动开展情况"]]
    for k, l, _ in ACT:
        rows.append([l, g(k)])
    rows.append(["联合攻关具体形式", v.get("joint_research_form", "")])
    rows.append(["四、实施成效"])
    for k, l, _ in OUTC[:5]:
        rows.append([l, g(k)])
    rows += [["培训成效：基层专业技术人员", g("trained_professionals")], ["培训成效：群众", g("trained_public")],
             ["义诊成效：问诊", g("clinic_consultations")], ["义诊成效：检查", g("clinic_examinations")],
             ["义诊成效：治疗", g("clinic_treatments")]]
    for k, l, _ in OUTC[5:]:
        rows.append([l, g(k)])
    rows += [["惠及基层群众", g("beneficiaries")], ["取得经济效益", v.get("economic_benefit", "")],
             ["取得社会效益", v.get("social_benefit", "")], ["五、组织实施情况"],
             ["是否由人力资源社会保障部门负责组织实施", g("organized_by_hrss")],
             ["前期是否与基层单位对接需求", g("needs_matched")],
             ["人力资源社会保障部支持资金（万元）", raw.get("funds_mohrss", fmt(v["funds_mohrss"] / 10000))],
             ["配套资金来源", v.get("funds_matching_source", ""), "配套资金金额（万元）",
              raw.get("funds_matching", fmt(v["funds_matching"] / 10000) if v.get("funds_matching") is not None else "")],
             ["服务保障措施", g("support_measures").replace("是", "有").replace("否", "无"), "具体描述", v.get("support_measures_desc", "")],
             ["是否开展宣传", g("publicity").replace("是", "有").replace("否", "无")]]
    for it in v.get("publicity_items", []):
        rows.append(["媒体名称", it["media"], "发布时间", it["date"], "篇名", it["title"]])
    return rows


def yuan(x):
    return "{:,.2f}".format(x)


def audit_html(v, drop=()):
    name, unit = v["team_name"], v["unit"]
    op_cn = {"unqualified": "无保留意见", "qualified": "保留意见", "adverse": "否定意见", "disclaimer": "无法表示意见"}
    op_text = {
        "unqualified": "我们认为，后附的专项资金决算报表在所有重大方面按照相关规定编制，公允反映了%s 2026 年度专家服务基层项目经费的收支情况。",
        "qualified": "我们认为，除“形成保留意见的基础”部分所述事项（部分差旅费报销凭证缺失）可能产生的影响外，后附的专项资金决算报表在所有重大方面公允反映了%s 2026 年度专家服务基层项目经费的收支情况。",
        "adverse": "我们认为，由于“形成否定意见的基础”部分所述事项的重要性，后附的专项资金决算报表没有在所有重大方面公允反映%s 2026 年度专家服务基层项目经费的收支情况。",
        "disclaimer": "由于“形成无法表示意见的基础”部分所述事项的重要性，我们无法获取充分、适当的审计证据以作为对%s 2026 年度专家服务基层项目经费决算报表发表审计意见的基础。",
    }
    d = lambda s: "%d 年 %d 月 %d 日" % tuple(int(x) for x in s.split("-"))
    P = ["<p align=center><b>专项资金审计报告</b></p>", "<p align=center>%s</p>" % v["report_no"], "<p>%s：</p>" % unit,
         "<p>我们审计了%s（依托单位：%s）2026 年国家和本市专家服务基层项目专项资金决算报表，包括经费收入、支出及结余情况。"
         "服务活动实施期间为 %s至 %s。</p>" % (name, unit, d(v["service_start"]), d(v["service_end"]))]
    if "opinion" not in drop:
        P.append("<p><b>一、审计意见</b></p><p>%s</p>" % (op_text[v["opinion"]] % name))
        P.append("<p>审计意见类型：%s</p>" % op_cn[v["opinion"]])
    P.append("<p><b>二、经费收支情况</b></p>")
    rows = [("人力资源社会保障部支持资金", "received_mohrss"), ("市级配套资金", "received_municipal"),
            ("到位资金合计", "received_total"), ("专家劳务费", "spent_expert_fees"), ("差旅费", "spent_travel"),
            ("会议费", "spent_meetings"), ("培训费", "spent_training"), ("资料印刷费", "spent_materials"),
            ("其他支出", "spent_other"), ("实际支出合计", "spent_total"), ("结余资金", "balance")]
    t = "<table border=1 cellpadding=3><tr><td>项目</td><td>金额（元）</td></tr>"
    for l, k in rows:
        if k in drop:
            continue
        t += "<tr><td>%s</td><td align=right>%s</td></tr>" % (l, yuan(v[k]))
    P.append(t + "</table>")
    if v.get("balance_explanation"):
        s = v["balance_explanation"]
        if v.get("balance_refunded"):
            s += "结余资金 %s 元已于 2026 年 11 月 %d 日全额退回。" % (yuan(v["balance"]), R.randint(1, 15))
        else:
            s += "结余资金 %s 元暂存依托单位专户。" % yuan(v["balance"])
        P.append("<p><b>三、结余资金专项说明</b></p><p>%s</p>" % s)
    P.append("<p align=right>%s</p><p align=right>中国注册会计师：王敏 李强</p><p align=right>报告日期：%s</p>"
             % (v["auditor"], d(v["report_date"])))
    return page("审计报告", "\n".join(P))


def summary_html(tid, title=None, team=True):
    name, unit, _ = TEAMS[tid] if tid else ("", "", "")
    head = title or ("%s 2026 年度工作成效总结" % name)
    body = ["<p align=center><b>%s</b></p>" % head]
    if team:
        body.append("<p align=center>%s</p>" % unit)
    paras = ["服务团先后深入基层一线，通过技术指导、政策咨询、科普讲座等方式，送技术、送知识、送政策到基层，帮助基层单位解决当下需求。",
             "在服务过程中，专家们与受援单位建立了长期合作关系，以项目课题、长期培训、成果转化等方式巩固拓展服务成效。",
             "服务团严格遵守财政资金管理规定，专款专用，厉行节约，确保经费使用效益。",
             "下一步，服务团将继续发挥专业技术优势，深化与基层单位的技术合作长效机制，提升基层技术产业水平和内生发展动力。"]
    for p in paras * 2:
        body.append("<p>%s</p>" % p)
    return page(head, "\n".join(body))


def photos_html(tid, imgs):
    name = TEAMS[tid][0]
    body = ["<p align=center><b>%s服务现场影像图片资料及说明</b></p>" % name]
    for path, cap in imgs:
        body.append('<p align=center><img src="%s" width=420 height=260></p><p align=center>图：%s</p>' % (path, cap))
    return page("服务现场影像图片资料及说明", "\n".join(body))


def page(title, body):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>'
            '<style>body{font-family:"LXGW WenKai","Droid Sans Fallback";font-size:11pt}</style></head>'
            '<body>%s</body></html>' % (title, body))


# ---------------------------------------------------------------- the set

def when(day, hh=10, mm=0):
    """received time; day is a date string 11-DD or a datetime."""
    if isinstance(day, datetime):
        return day
    m, d = (int(x) for x in day.split("-"))
    return datetime(2026, m, d, hh, mm, tzinfo=CST)


def add(path, kind, team, verdict, rules, fields, build, received=None):
    PLAN.append({"path": path, "kind": kind, "team": team, "fields": fields, "verdict": verdict,
                 "rules": rules, "build": build,
                 "received": (received or when("11-%02d" % R.randint(6, 19), R.randint(8, 17), R.randint(0, 59))).isoformat()})


SURVEY_KEYS = ["service_mode", "service_days", "batch_count", "batch_days_total", "region_cities", "region_counties",
               "region_units", "key_counties", "key_counties_national", "key_counties_provincial", "activities_total",
               "projects_matched", "experts_total", "expert_attendances", "senior_full", "senior_deputy",
               "source_local", "source_other_province", "source_hmt", "source_foreign", "funds_mohrss", "funds_matching",
               "beneficiaries", "free_clinics", "training_onsite", "training_remote", "clinic_consultations",
               "trained_public", "support_measures", "publicity"]
AUDIT_KEYS = ["auditor", "opinion", "received_mohrss", "received_municipal", "received_total", "spent_total",
              "balance", "service_end", "spent_expert_fees"]


def survey(tid, name, form, rules=(), verdict=None, tweak=None, raw=None, omit=(), received=None):
    """form: pdf | xlsx. tweak(v) plants the defect in the values; raw
    overrides the printed text of keys; omit drops keys from the expected fields
    (because their printed text is the defect)."""
    v = clean_survey(tid)
    if tweak:
        tweak(v)
    raw = raw or {}
    errs = [r for r in rules if r in ERR]
    verdict = verdict or ("rejected" if errs else "accepted")
    fields = {k: v[k] for k in SURVEY_KEYS if k in v and k not in raw and k not in omit}
    add("%s/%s" % (tid, name), "survey", tid, verdict, list(rules), fields,
        {"type": "survey-" + form, "v": v, "raw": raw}, received)


def audit(tid, name, rules=(), tweak=None, drop=(), received=None):
    v = clean_audit(tid)
    if tweak:
        tweak(v)
    verdict = "rejected" if any(r in ERR for r in rules) else "accepted"
    fields = {k: v[k] for k in AUDIT_KEYS if k in v and k not in drop}
    add("%s/%s" % (tid, name), "audit", tid, verdict, list(rules), fields, {"type": "audit", "v": v, "drop": list(drop)}, received)


def summary(tid, name, rules=(), received=None):
    add("%s/%s" % (tid, name), "summary", tid, "accepted", list(rules), {}, {"type": "summary", "tid": tid}, received)


def photos(tid, name, rules=(), received=None, jpg=False):
    if jpg:
        add("%s/%s" % (tid, name), "photos", tid, "accepted", list(rules), {}, {"type": "jpg", "tid": tid, "cap": name}, received)
    else:
        add("%s/%s" % (tid, name), "photos", tid, "accepted", list(rules), {}, {"type": "photos", "tid": tid}, received)


ERR = {"F001", "F002", "F003", "F004", "F006", "F007", "S001", "S002", "S003", "S004", "S005", "S006", "S007",
       "S010", "A001", "A002", "A003", "A004", "A007"}


def setv(**kw):
    return lambda v: v.update(kw)


def define():
    # ---- N1: complete and clean; a decoy draft survey with a blank line; audit at 23:59 on the deadline day
    survey("N1", "N1-实施成效调查表.pdf", "pdf")
    survey("N1", "调查表-初稿.pdf", "pdf", ["S001"], raw={"region_units": "____"},
           tweak=setv(region_units=None), received=when("11-08", 9, 12))
    audit("N1", "经费决算报告及审计报告.pdf", tweak=setv(service_end="2026-11-10", report_date="2026-11-14"),
          received=when("11-20", 23, 59))
    summary("N1", "工作成效总结.pdf")
    audit("N1", "审计报告（更正前）.pdf", ["A003"], tweak=lambda v: scale_audit(v, 0.0, 100000.0),
          received=when("11-07", 15, 20))
    photos("N1", "服务现场影像资料及说明.pdf")
    # ---- N2: national team declares 0 from the ministry (S008) -> T002 at team level
    survey("N2", "调查表.xlsx", "xlsx", ["S008"], tweak=setv(funds_mohrss=0.0))
    audit("N2", "审计报告.pdf")
    summary("N2", "2026年度工作总结.pdf")
    audit("N2", "审计报告-旧版.pdf", ["A002"], tweak=lambda v: v.update(balance=round(v["balance"] + 1000, 2),
                                                                       balance_explanation="部分活动改为线上开展，差旅费结余。",
                                                                       balance_refunded=True),
          received=when("11-06", 11, 5))
    photos("N2", "专家义诊现场-N2-1.jpg", jpg=True)
    photos("N2", "技术培训现场-N2-2.jpg", jpg=True)
    # ---- N3: both service forms ticked; qualified opinion; encrypted duplicate
    survey("N3", "调查表.pdf", "pdf", ["S002"], tweak=setv(service_mode="both", service_days=4, batch_count=3,
                                                            batch_days_total=9), raw={"@mode": "both"},
           omit=("service_mode", "service_days", "batch_count", "batch_days_total"))
    audit("N3", "审计报告.pdf", ["A006"], tweak=setv(opinion="qualified"))
    add("N3/审计报告-加密.pdf", None, "N3", "rejected", ["F003"], {}, {"type": "encrypted", "tid": "N3"})
    # ---- M1: experts_total > attendances; spent items off by 100 元
    survey("M1", "实施成效调查表.pdf", "pdf", ["S003"], tweak=lambda v: v.update(
        expert_attendances=v["experts_total"] - 4))
    audit("M1", "M1-审计报告.pdf", ["A002"], tweak=lambda v: v.update(spent_other=round(v["spent_other"] - 100, 2)))
    summary("M1", "成效总结.pdf")
    survey("M1", "调查表-修订.xlsx", "xlsx", ["S005", "S013"], tweak=lambda v: v.update(
        source_foreign=2, service_fields=v["service_fields"] + ["其他"]))
    # ---- M2: seniors outnumber experts; municipal team received 150,000; legacy .doc
    survey("M2", "调查表.xlsx", "xlsx", ["S004"], tweak=lambda v: v.update(
        senior_full=v["experts_total"] - 2, senior_deputy=6))
    audit("M2", "审计报告.pdf", ["A003"], tweak=lambda v: scale_audit(v, 0.0, 150000.0))
    add("M2/工作总结.doc", None, "M2", "rejected", ["F001"], {}, {"type": "doc", "tid": "M2"})
    # ---- M3: sources do not add up; a required count left as an empty cell; balance with no 专项说明
    survey("M3", "附件4-实施成效调查表.pdf", "pdf", ["S005"], tweak=lambda v: v.update(
        source_other_province=v["source_other_province"] + 3))
    survey("M3", "调查表-补充.xlsx", "xlsx", ["S001"], raw={"projects_matched": ""}, omit=("projects_matched",))
    audit("M3", "审计报告.pdf", ["A004", "A005"], tweak=lambda v: balance(v, 3456.78, explain=False, refunded=False))
    # ---- M4: 是 with both counts 0; balance explained, not refunded; .xls
    survey("M4", "调查表.pdf", "pdf", ["S006"], tweak=setv(key_counties=True, key_counties_national=0,
                                                            key_counties_provincial=0, key_counties_national_names=[],
                                                            key_counties_provincial_names=[]))
    audit("M4", "经费决算报告及审计报告.pdf", ["A005"], tweak=lambda v: balance(v, 5000.00, explain=True, refunded=False))
    summary("M4", "成效总结.pdf")
    photos("M4", "现场照片及说明.pdf")
    add("M4/经费决算表.xls", None, "M4", "rejected", ["F001"], {}, {"type": "xls", "tid": "M4"})
    # ---- M5: national count ≠ names listed; adverse opinion; WPS spreadsheet
    survey("M5", "M5调查表.xlsx", "xlsx", ["S006"], tweak=setv(key_counties=True, key_counties_national=2,
                                                                key_counties_national_names=["会泽县"],
                                                                key_counties_provincial=0, key_counties_provincial_names=[]))
    audit("M5", "审计报告.pdf", ["A006"], tweak=setv(opinion="adverse"))
    add("M5/调查表.et", None, "M5", "rejected", ["F001"], {}, {"type": "et", "tid": "M5"})
    # ---- M6: 否 with a county counted; 无 for a required count; consulting firm signs; WPS text
    survey("M6", "实施成效调查表.pdf", "pdf", ["S006"], tweak=setv(key_counties=False, key_counties_national=1,
                                                                  key_counties_national_names=["镇雄县"],
                                                                  key_counties_provincial=0, key_counties_provincial_names=[]))
    survey("M6", "调查表（修改稿）.pdf", "pdf", ["S001"], raw={"beneficiaries": "无"}, omit=("beneficiaries",))
    audit("M6", "M6-审计报告.pdf", ["A007"], tweak=setv(auditor="上海XX咨询有限公司", report_no="沪XX咨审字〔2026〕第0211号"))
    add("M6/工作总结.wps", None, "M6", "rejected", ["F001"], {}, {"type": "wps", "tid": "M6"})
    # ---- M7: 宣传 有 with no item; once with 0 days; no opinion at all
    survey("M7", "调查表.pdf", "pdf", ["S007"], tweak=setv(publicity_items=[]))
    survey("M7", "M7调查表.xlsx", "xlsx", ["S002"], tweak=lambda v: once(v, 0))
    audit("M7", "审计报告.pdf", ["A001"], tweak=setv(opinion=None), drop=("opinion",))
    # ---- M8: municipal declares 10 万 from the ministry (S008, T002); otherwise complete; a .bmp photo
    survey("M8", "调查表.xlsx", "xlsx", ["S008"], tweak=setv(funds_mohrss=100000.0))
    audit("M8", "审计报告.pdf")
    summary("M8", "工作成效总结.pdf")
    photos("M8", "现场照片及说明.pdf")
    add("M8/现场照片.bmp", None, "M8", "rejected", ["F001"], {}, {"type": "bmp", "tid": "M8"})
    # ---- M9: 配套资金 8 万 (S009, T002); service ended 11-15 (D002); a truncated copy
    survey("M9", "调查表.pdf", "pdf", ["S009"], tweak=setv(funds_matching=80000.0))
    audit("M9", "经费决算报告及审计报告.pdf", ["D002"], tweak=setv(service_end="2026-11-15", report_date="2026-11-17"))
    add("M9/审计报告-损坏.pdf", None, "M9", "rejected", ["F002"], {}, {"type": "truncated", "tid": "M9"})
    summary("M9", "工作成效总结.pdf")
    photos("M9", "服务现场影像资料及说明.pdf")
    # ---- M10: a negative count; funds_matching and publicity left blank; no balance line; a JPEG named .pdf
    survey("M10", "M10调查表.pdf", "pdf", ["S010"], raw={"science_exhibitions": "-2"}, tweak=setv(science_exhibitions=0))
    survey("M10", "调查表-第二稿.pdf", "pdf", ["S001"], tweak=setv(funds_matching=None, funds_matching_source="",
                                                                  publicity=None, publicity_items=[]),
           omit=("funds_matching", "publicity"))
    audit("M10", "审计报告.pdf", ["A001"], drop=("balance",), tweak=lambda v: balance(v, 0.0, False, False))
    add("M10/影像资料.pdf", None, "M10", "rejected", ["F002"], {}, {"type": "jpeg-as-pdf", "tid": "M10"})
    # ---- M11: a fractional count; batches with 1 batch; empty file
    survey("M11", "调查表.xlsx", "xlsx", ["S010"], raw={"region_cities": "2.5"})
    survey("M11", "M11调查表.pdf", "pdf", ["S002"], tweak=setv(service_mode="batches", service_days=None,
                                                                batch_count=1, batch_days_total=3))
    audit("M11", "审计报告.pdf")
    add("M11/材料.pdf", None, "M11", "rejected", ["F004"], {}, {"type": "empty"})
    # ---- M12: 若干 as a count; received_total ≠ its parts; a notice about something else
    survey("M12", "实施成效调查表.pdf", "pdf", ["S010"], raw={"region_units": "若干"})
    audit("M12", "M12-审计报告.pdf", ["A002"], tweak=lambda v: v.update(
        received_total=100100.0, spent_total=round(v["spent_total"] + 100, 2), spent_other=round(v["spent_other"] + 100, 2)))
    add("M12/关于开展主题党日活动的通知.pdf", "unknown", "M12", "rejected", ["F007"], {}, {"type": "other"})
    # ---- M13: activities_total below section 三; disclaimer; complete
    survey("M13", "调查表.pdf", "pdf", ["S011"], tweak=lambda v: v.update(
        activities_total=max(1, sum(v[k] for k, _, _ in ACT) - 5)))
    audit("M13", "专项审计报告.pdf", ["A006"], tweak=setv(opinion="disclaimer"))
    summary("M13", "2026年度工作总结.pdf")
    photos("M13", "影像图片资料.pdf")
    # ---- M14: clinic and training outcomes with no clinics/training; summary late
    survey("M14", "M14调查表.xlsx", "xlsx", ["S012"], tweak=setv(free_clinics=0, training_onsite=0, training_remote=0))
    audit("M14", "M14-审计报告.pdf")
    summary("M14", "成效总结.pdf", ["D001"], received=when("11-21", 8, 30))
    photos("M14", "专题讲座现场-M14-1.jpg", jpg=True)
    # ---- M15: 有 without description and 其他 without text; photos 30 s after the deadline
    survey("M15", "M15调查表.pdf", "pdf", ["S013"], tweak=lambda v: v.update(
        support_measures_desc="", service_fields=v["service_fields"] + ["其他"]))
    audit("M15", "M15-审计报告.pdf")
    summary("M15", "2026年度工作总结.pdf")
    photos("M15", "现场照片及说明.pdf", ["D001"], received=datetime(2026, 11, 21, 0, 0, 30, tzinfo=CST))
    # ---- inbox root: a summary that names no team
    add("工作成效总结.pdf", None, None, "rejected", ["F006"], {}, {"type": "noteam"})


def once(v, days):
    v["service_mode"], v["service_days"] = "once", days
    v.pop("batch_count", None)
    v.pop("batch_days_total", None)


def scale_audit(v, rm, rc):
    v["received_mohrss"], v["received_municipal"], v["received_total"] = rm, rc, rm + rc
    k = (rm + rc) / (v["spent_total"] + v["balance"])
    keys = ["spent_expert_fees", "spent_travel", "spent_meetings", "spent_training", "spent_materials"]
    for key in keys:
        v[key] = round(v[key] * k, 2)
    v["balance"] = 0.0
    v.pop("balance_explanation", None)
    v.pop("balance_refunded", None)
    v["spent_total"] = rm + rc
    v["spent_other"] = round(v["spent_total"] - sum(v[key] for key in keys), 2)


def balance(v, bal, explain, refunded):
    total = v["received_total"]
    v["balance"] = bal
    v["spent_total"] = round(total - bal, 2)
    keys = ["spent_expert_fees", "spent_travel", "spent_meetings", "spent_training", "spent_materials"]
    v["spent_other"] = round(v["spent_total"] - sum(v[k] for k in keys), 2)
    v.pop("balance_explanation", None)
    v.pop("balance_refunded", None)
    if explain:
        v["balance_explanation"] = "受疫病防控要求影响，两场现场培训未能举办，培训费结余。"
    v["balance_refunded"] = refunded if explain else None
    if v["balance_refunded"] is None:
        v.pop("balance_refunded")


# ---------------------------------------------------------------- expected team states

def team_expectations():
    out = []
    by_team = {}
    for e in PLAN:
        if e["team"]:
            by_team.setdefault(e["team"], []).append(e)
    for tid in TEAMS:
        docs = by_team.get(tid)
        if not docs:
            continue
        mats = {}
        for k in ("survey", "audit", "summary", "photos"):
            states = [d["verdict"] for d in docs if d["kind"] == k]
            mats[k] = "accepted" if "accepted" in states else ("rejected" if states else "missing")
        complete = all(s == "accepted" for s in mats.values())
        # an unreadable file whose name says its kind (工作总结.doc) may count as a
        # rejected document of that kind or as nothing: either is right, so a
        # kind that would otherwise be missing is not scored.
        for d in docs:
            if d["kind"] is None and mats.get(guess_kind(d["path"])) == "missing":
                del mats[guess_kind(d["path"])]
        rules = []
        if not complete:
            rules.append("T001")
        s = [d for d in docs if d["kind"] == "survey" and d["verdict"] == "accepted"]
        a = [d for d in docs if d["kind"] == "audit" and d["verdict"] == "accepted"]
        if s and a:
            sv, av = s[-1]["build"]["v"], a[-1]["build"]["v"]
            if round(sv["funds_mohrss"] or 0, 2) != round(av["received_mohrss"], 2) or \
                    round(sv["funds_matching"] or 0, 2) != round(av["received_municipal"], 2):
                rules.append("T002")
        if TEAMS[tid][2] == "national":
            rules.append("T003")
        out.append({"team": tid, "complete": complete, "materials": mats, "rules": rules})
    return out


def guess_kind(path):
    for words, k in ((["调查表"], "survey"), (["审计", "决算"], "audit"), (["总结"], "summary"), (["照片", "影像"], "photos")):
        if any(w in path for w in words):
            return k
    return None


# ---------------------------------------------------------------- build

def run(*cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def soffice(src, fmt_, outdir, infilter=None):
    cmd = ["soffice", "--headless", "--convert-to", fmt_, "--outdir", outdir]
    if infilter:
        cmd.insert(2, "--infilter=" + infilter)
    run(*cmd, src, env=dict(os.environ, HOME=os.path.join(WORK, "home")))


def image(path, text, color):
    """A small picture, different for every path (identical bytes would be F008 duplicates)."""
    h = sum(ord(c) * (i + 1) for i, c in enumerate(path + text))
    x, y = 120 + h % 200, 100 + (h // 200) % 120
    run("convert", "-size", "640x400", "xc:" + color, "-fill", "white", "-draw", "rectangle 60,260 580,360",
        "-fill", "black", "-draw", "circle %d,%d %d,%d" % (x, y, x + 50, y + 40),
        "-draw", "rectangle 360,%d 520,%d" % (60 + h % 50, 200 + h % 30), "-quality", "80", path)


def convert_html(name, doc, out):
    """Writer: HTML -> PDF at out."""
    d = os.path.join(WORK, "src", os.path.splitext(name)[0])
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, "doc.html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(doc)
    soffice(src, "pdf:writer_web_pdf_Export", d)
    shutil.copy(os.path.join(d, "doc.pdf"), out)


def csv_to(name, rows, ext, out):
    d = os.path.join(WORK, "src", os.path.splitext(name)[0])
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, "sheet.csv")
    with open(src, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    soffice(src, ext, d, infilter="CSV:44,34,76,1")
    shutil.copy(os.path.join(d, "sheet." + ext), out)


def build(e, out):
    b = e["build"]
    t = b["type"]
    name = e["path"].replace("/", "_")
    if t == "survey-pdf":
        convert_html(name, survey_html(b["v"], b["raw"]), out)
    elif t == "survey-xlsx":
        csv_to(name, survey_rows(b["v"], b["raw"]), "xlsx", out)
    elif t == "audit":
        convert_html(name, audit_html(b["v"], b["drop"]), out)
    elif t == "summary":
        convert_html(name, summary_html(b["tid"]), out)
    elif t == "noteam":
        convert_html(name, summary_html(None, "2026 年度专家服务基层活动工作成效总结", team=False), out)
    elif t == "photos":
        d = os.path.join(WORK, "src", name + "-img")
        os.makedirs(d, exist_ok=True)
        imgs = []
        for i, (cap, col) in enumerate([("专家在现场开展技术指导", "steelblue"), ("专家为基层群众义诊", "darkseagreen")]):
            p = os.path.join(d, "p%d.jpg" % i)
            image(p, cap, col)
            imgs.append((p, cap))
        convert_html(name, photos_html(b["tid"], imgs), out)
    elif t == "jpg":
        image(out, b["cap"], "slategray")
    elif t == "bmp":
        p = os.path.join(WORK, name + ".jpg")
        image(p, "现场", "tan")
        run("convert", p, "-resize", "200x125", "BMP3:" + out)
    elif t in ("doc", "wps"):
        d = os.path.join(WORK, "src", name)
        os.makedirs(d, exist_ok=True)
        src = os.path.join(d, "doc.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(summary_html(b["tid"]))
        soffice(src, "doc:MS Word 97", d)
        shutil.copy(os.path.join(d, "doc.doc"), out)
    elif t in ("xls", "et"):
        v = clean_audit(b["tid"]) if t == "xls" else clean_survey(b["tid"])
        rows = [[k, str(x)] for k, x in v.items() if not isinstance(x, list)] if t == "xls" else survey_rows(v, {})
        csv_to(name, rows, "xls", out)
    elif t == "encrypted":
        tmp = out + ".plain"
        convert_html(name, audit_html(clean_audit(b["tid"])), tmp)
        run("qpdf", "--encrypt", "open2026", "owner2026", "256", "--", tmp, out)
        os.remove(tmp)
    elif t == "truncated":
        tmp = out + ".full"
        convert_html(name, audit_html(clean_audit(b["tid"])), tmp)
        data = open(tmp, "rb").read()
        open(out, "wb").write(data[: len(data) * 2 // 5])
        os.remove(tmp)
    elif t == "jpeg-as-pdf":
        image(out + ".jpg", "x", "olive")
        os.rename(out + ".jpg", out)
    elif t == "empty":
        open(out, "wb").close()
    elif t == "other":
        convert_html(name, page("通知", "<p align=center><b>关于开展 11 月主题党日活动的通知</b></p>"
                                "<p>各党支部：</p><p>为深入学习贯彻党的二十届四中全会精神，经研究，定于 11 月 25 日下午"
                                "在 3 号楼报告厅开展主题党日活动，请各支部组织党员准时参加。</p>"
                                "<p>特此通知。</p><p align=right>机关党委 2026 年 11 月 10 日</p>"), out)
    else:
        raise ValueError(t)


def main():
    define()
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.rmtree(INBOX, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "home"), exist_ok=True)
    for e in PLAN:
        out = os.path.join(INBOX, e["path"])
        os.makedirs(os.path.dirname(out), exist_ok=True)
        build(e, out)
        t = datetime.fromisoformat(e["received"]).timestamp()
        os.utime(out, (t, t))
        print(e["path"], os.path.getsize(out), file=sys.stderr)
    for d, _, _ in os.walk(INBOX):  # folders' own times do not matter, but keep them tidy
        os.utime(d, (datetime(2026, 11, 5, tzinfo=CST).timestamp(),) * 2)
    with open(os.path.join(ROOT, "expected.jsonl"), "w", encoding="utf-8") as f:
        for e in PLAN:
            line = {k: e[k] for k in ("path", "kind", "team", "fields", "verdict", "rules", "received")}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(os.path.join(ROOT, "expected-teams.jsonl"), "w", encoding="utf-8") as f:
        for t in team_expectations():
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(len(PLAN), "files", file=sys.stderr)


if __name__ == "__main__":
    main()
