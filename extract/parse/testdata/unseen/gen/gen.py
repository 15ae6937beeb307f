#!/usr/bin/env python3
"""Generates the inputs of the unseen corpus (HTML for Writer/Chromium,
flat ODF spreadsheets for Calc) and expected.jsonl, the ground truth,
from the values chosen here -- never from the parser.

    python3 gen.py OUTDIR      # writes OUTDIR/src/*.html|*.fods, OUTDIR/jobs.tsv, ../expected.jsonl

build.sh turns the sources into PDFs/xlsx with the real tools.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
UNSEEN = os.environ.get("UNSEEN_OUT") or os.path.dirname(HERE)
SEED = int(os.environ.get("SEED_OFFSET", "0"))  # another draw of the values: a held-out check

FIELDS = ["农业", "林业", "畜牧业", "渔业", "环保", "机械制造", "能源", "冶金", "化工", "通讯", "交通",
          "电商服务", "医疗", "生物医药", "教育", "文旅", "人工智能", "城乡规划", "产业规划"]

TEAMS = [
    ("国家重大慢病全生命周期健康管理专家服务团", "上海交通大学医学院附属瑞金医院", True),
    ("颈动脉相关脑卒中筛查与防治专家服务基层示范团", "海军军医大学第二附属医院", True),
    ("国家级新疆准东经济技术开发区碳排放双控转型与可持续发展服务团", "上海环境能源交易所股份有限公司", True),
    ("乳制品风味提升与品质控制专家服务团", "上海应用技术大学", False),
    ("乡村振兴基层医疗服务能力提升专家服务团", "上海市第六人民医院", False),
    ("都市生猪产业提升示范技术服务团", "上海市动物疫病预防控制中心", False),
    ("助力乡村水环境质量提升专家服务团", "上海泓济环保科技股份有限公司", False),
    ("上海特色鱼产业技术服务团", "上海市水产研究所(上海市水产技术推广站)", False),
    ("草莓设施高效生产专家服务团", "上海市农业科学院", False),
    ("上海市数据智能应用基层普及项目", "达观数据有限公司", False),
    ("骨科智能化微创诊疗技术基层培训与推广", "上海市第十人民医院", False),
    ("国家级非遗施氏伤科专家巡诊服务团", "上海市黄浦区香山中医医院", False),
]

COUNTIES = ["叶城县", "镇雄县", "会泽县", "威信县", "墨玉县", "皮山县", "麻栗坡县", "广南县", "丘北县"]
MEDIA = ["文汇报", "解放日报", "新民晚报", "上海人社微信公众号", "东方网", "学习强国上海平台", "澎湃新闻"]

CN = "零一二三四五六七八九"


def cn_num(n):
    """12 -> 十二, 25 -> 二十五, 105 -> 一百零五 (n < 1000)."""
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    h, r = divmod(n, 100)
    s = CN[h] + "百"
    if r == 0:
        return s
    if r < 10:
        return s + "零" + CN[r]
    return s + CN[r // 10] + "十" + (CN[r % 10] if r % 10 else "")


def fw(s):
    """Full-width digits."""
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else c for c in str(s))


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- survey data

INT_KEYS = ["region_cities", "region_counties", "region_units", "activities_total", "projects_matched",
            "experts_total", "expert_attendances", "senior_full", "senior_deputy", "academicians",
            "outstanding_professionals", "talent_project", "special_allowance", "postdocs", "returnees",
            "source_local", "source_other_province", "source_hmt", "source_foreign",
            "guidance_onsite", "guidance_remote", "joint_research", "symposiums", "lectures",
            "training_onsite", "training_remote", "consultations", "demonstrations", "free_clinics",
            "science_lectures", "science_exhibitions", "problems_solved", "key_projects", "new_techniques",
            "new_varieties", "achievements_transferred", "trained_professionals", "trained_public",
            "clinic_consultations", "clinic_examinations", "clinic_treatments", "strategic_plans",
            "decision_consulting", "cooperation_intents", "agreements_signed", "alliances",
            "entities_founded", "beneficiaries"]


def survey_values(seed, team, mode, keyc, pub_n, fields_n=2):
    r = random.Random(seed)
    v = {"team_name": team[0], "unit": team[1]}
    v["service_mode"] = mode
    if mode == "once":
        v["service_days"] = r.randint(3, 15)
        v["batch_count"] = None
        v["batch_days_total"] = None
    else:
        v["batch_count"] = r.randint(2, 9)
        v["batch_days_total"] = v["batch_count"] * r.randint(2, 4)
        v["service_days"] = None
    v["service_fields"] = sorted(r.sample(FIELDS, fields_n), key=FIELDS.index)
    v["service_fields_other"] = None
    v["region_cities"] = r.randint(1, 5)
    v["region_counties"] = r.randint(1, 9)
    v["region_units"] = r.randint(5, 40)
    v["key_counties"] = keyc
    if keyc:
        nn, pn = r.randint(1, 2), r.randint(0, 2)
        names = r.sample(COUNTIES, nn + pn)
        v["key_counties_national"] = nn
        v["key_counties_national_names"] = names[:nn]
        v["key_counties_provincial"] = pn
        v["key_counties_provincial_names"] = names[nn:] or None
    else:
        v["key_counties_national"] = 0
        v["key_counties_national_names"] = None
        v["key_counties_provincial"] = 0
        v["key_counties_provincial_names"] = None
    acts = {k: r.randint(0, 9) for k in ["guidance_onsite", "guidance_remote", "symposiums", "lectures",
                                         "training_onsite", "training_remote", "consultations",
                                         "demonstrations", "free_clinics", "science_lectures",
                                         "science_exhibitions"]}
    v.update(acts)
    v["joint_research"] = r.randint(0, 3)
    v["joint_research_form"] = "共建联合实验室" if v["joint_research"] else None
    v["activities_other"] = None
    v["activities_total"] = sum(acts.values()) + v["joint_research"] + r.randint(0, 5)
    v["projects_matched"] = r.randint(1, 15)
    et = r.randint(10, 40)
    v["experts_total"] = et
    v["expert_attendances"] = et + r.randint(0, 30)
    v["senior_full"] = r.randint(1, et // 2)
    v["senior_deputy"] = r.randint(0, et - v["senior_full"])
    for k in ["academicians", "outstanding_professionals", "talent_project", "special_allowance", "postdocs", "returnees"]:
        v[k] = r.randint(0, 3)
    v["experts_other"] = None
    loc = r.randint(et // 2, et)
    oth = et - loc
    v["source_local"] = loc
    v["source_other_province"] = oth
    v["source_hmt"] = 0
    v["source_foreign"] = 0
    for k in ["problems_solved", "key_projects", "new_techniques", "new_varieties", "achievements_transferred",
              "strategic_plans", "decision_consulting", "cooperation_intents", "agreements_signed", "alliances",
              "entities_founded"]:
        v[k] = r.randint(0, 8)
    v["trained_professionals"] = r.randint(50, 400)
    v["trained_public"] = r.randint(50, 900)
    v["clinic_consultations"] = r.randint(100, 2000) if v["free_clinics"] else 0
    v["clinic_examinations"] = r.randint(50, 1500) if v["free_clinics"] else 0
    v["clinic_treatments"] = r.randint(10, 400) if v["free_clinics"] else 0
    v["economic_benefit"] = "带动基层单位新增产值约%d万元" % r.randint(50, 300)
    v["social_benefit"] = "提升基层专业技术人员能力，群众满意度明显提高"
    v["industry_impact"] = None
    v["beneficiaries"] = r.randint(500, 6000)
    v["outcomes_other"] = None
    v["organized_by_hrss"] = r.random() < 0.7
    v["needs_matched"] = True
    v["funds_mohrss"] = 100000.0 if team[2] else 0.0
    v["funds_matching"] = 100000.0
    v["funds_matching_source"] = "上海市人力资源和社会保障局"
    v["support_measures"] = True
    v["support_measures_desc"] = "依托单位提供交通、食宿保障，购买人身意外保险"
    v["publicity"] = pub_n > 0
    items = []
    for i in range(pub_n):
        items.append({"media": MEDIA[(seed + i) % len(MEDIA)],
                      "date": "2026-%02d-%02d" % (r.randint(6, 10), r.randint(1, 28)),
                      "title": "%s深入基层开展服务活动（%d）" % (team[0][:8], i + 1)})
    v["publicity_items"] = items or None
    return v


def numfmt(style):
    """A formatter for counts: plain, full-width, with unit, Chinese numerals, __12__."""
    def f(n, unit=""):
        if n is None:
            return {"plain": "____", "fw": "＿＿＿＿", "unit": "/", "cn": "无", "blank": "____"}[style]
        if style == "fw":
            return fw(n)
        if style == "unit":
            return "%d%s" % (n, unit)
        if style == "cn":
            return cn_num(n) if n < 100 else str(n)
        if style == "blank":
            return "__%d__" % n
        return str(n)
    return f


def mark_pair(style, yes, a="是", b="否"):
    if style == "box":
        return ("☑%s ☐%s" if yes else "☐%s ☑%s") % (a, b)
    if style == "square":
        return ("■%s □%s" if yes else "□%s ■%s") % (a, b)
    if style == "paren":
        return ("%s（√）%s（ ）" if yes else "%s（ ）%s（√）") % (a, b)
    if style == "tick":
        return ("√%s %s" if yes else "%s √%s") % (a, b)
    return a if yes else b  # word only


def fields_marked(style, chosen):
    out = []
    for n in FIELDS:
        on = n in chosen
        if style == "box":
            out.append(("☑" if on else "☐") + n)
        elif style == "square":
            out.append(("■" if on else "□") + n)
        else:
            out.append(n + ("（√）" if on else "（ ）"))
    return " ".join(out)


def yuan_wan(x):
    return ("%g" % (x / 10000)) if x else "0"


# ---------------------------------------------------------------- survey renderers

def survey_pairs(v, nf, marks, fields_style, labels):
    """The survey as (label, value) pairs, for table layouts."""
    L = labels
    P = []
    P.append(("服务团名称", v["team_name"]))
    P.append(("依托单位", v["unit"]))
    if marks == "word":
        P.append(("服务形式", "一次服务" if v["service_mode"] == "once" else "分批次服务"))
    else:
        P.append(("服务形式", mark_pair(marks, v["service_mode"] == "once", "一次服务", "分批次服务")))
    P.append(("服务天数", nf(v["service_days"], "天")))
    P.append(("服务次数", nf(v["batch_count"], "次")))
    P.append(("累计服务天数", nf(v["batch_days_total"], "天")))
    if fields_style == "list":
        P.append(("服务领域", "、".join(v["service_fields"])))
    else:
        P.append(("服务领域（可多选）", fields_marked(fields_style, v["service_fields"])))
    P.append(("覆盖地市数", nf(v["region_cities"], "个")))
    P.append(("覆盖区县数", nf(v["region_counties"], "个")))
    P.append(("覆盖企事业单位数", nf(v["region_units"], "家")))
    P.append(("是否包含国家级/省级乡村振兴重点帮扶县", mark_pair(marks, v["key_counties"])))
    P.append(("国家级重点帮扶县个数", nf(v["key_counties_national"], "个")))
    P.append(("国家级重点帮扶县名称", "、".join(v["key_counties_national_names"] or []) or "/"))
    P.append(("省级重点帮扶县个数", nf(v["key_counties_provincial"], "个")))
    P.append(("省级重点帮扶县名称", "，".join(v["key_counties_provincial_names"] or []) or "无"))
    P.append((L.get("activities_total", "开展各类服务活动总场次"), nf(v["activities_total"], "场")))
    P.append(("对接项目数量", nf(v["projects_matched"], "个")))
    P.append((L.get("experts_total", "总人数"), nf(v["experts_total"], "人")))
    P.append(("总人次", nf(v["expert_attendances"], "人次")))
    for k, lab in [("senior_full", "正高级职称"), ("senior_deputy", "副高级职称"), ("academicians", "两院院士"),
                   ("outstanding_professionals", "全国杰出专业技术人员"), ("talent_project", "百千万人才工程国家级人选"),
                   ("special_allowance", "享受政府特殊津贴专家"), ("postdocs", "博士后"), ("returnees", "留学回国人员"),
                   ("source_local", "本省（区、市）"), ("source_other_province", "外省（区、市）"),
                   ("source_hmt", "港澳台"), ("source_foreign", "国外"),
                   ("guidance_onsite", "现场指导"), ("guidance_remote", "远程指导")]:
        P.append((lab, nf(v[k], "次" if k.startswith("guidance") else "人")))
    P.append(("联合攻关", ((v["joint_research_form"] or "") + " " + str(nf(v["joint_research"], "次"))).strip()))
    for k, lab, u in [("symposiums", "座谈交流会", "场"), ("lectures", "专题讲座", "场"),
                      ("training_onsite", "现场培训", "场"), ("training_remote", "远程培训", "场"),
                      ("consultations", "咨询对接活动", "场"), ("demonstrations", "示范带教", "场"),
                      ("free_clinics", "义诊", "场"), ("science_lectures", "科普讲座", "场"),
                      ("science_exhibitions", "科普展览", "场"),
                      ("problems_solved", "破解技术难题", "个"), ("key_projects", "带动重点科研项目", "个"),
                      ("new_techniques", "推广新技术新工艺", "种"), ("new_varieties", "推广新品种", "种"),
                      ("achievements_transferred", "转化科技成果", "项"),
                      ("trained_professionals", "培训基层专业技术人员", "人次"), ("trained_public", "培训群众", "人次"),
                      ("clinic_consultations", "义诊问诊", "人次"), ("clinic_examinations", "义诊检查", "人次"),
                      ("clinic_treatments", "义诊治疗", "人次"), ("strategic_plans", "指导战略规划", "个"),
                      ("decision_consulting", "决策咨询", "项"), ("cooperation_intents", "达成中长期合作意向", "个"),
                      ("agreements_signed", "签订合作协议", "项"), ("alliances", "产学研联盟", "个"),
                      ("entities_founded", "专家领办、联办、协办各类经济实体", "个")]:
        P.append((lab, nf(v[k], u)))
    P.append(("取得经济效益", v["economic_benefit"]))
    P.append(("取得社会效益", v["social_benefit"]))
    P.append(("推动产业发展", "/"))
    P.append(("惠及基层群众", nf(v["beneficiaries"], "人")))
    P.append(("是否由人力资源社会保障厅（局）组织实施", mark_pair(marks, v["organized_by_hrss"])))
    P.append(("前期是否与基层单位对接需求", mark_pair(marks, v["needs_matched"])))
    P.append(("人力资源社会保障部支持资金（万元）", yuan_wan(v["funds_mohrss"])))
    P.append(("配套资金来源", v["funds_matching_source"]))
    P.append(("配套资金金额（万元）", yuan_wan(v["funds_matching"])))
    P.append(("服务保障措施", mark_pair(marks, v["support_measures"], "有", "无")))
    P.append(("保障措施描述", v["support_measures_desc"]))
    P.append(("是否开展宣传", mark_pair(marks, v["publicity"], "有", "无")))
    return P


def html_doc(title, body, css=""):
    return """<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>
<style>body{font-family:'LXGW WenKai','Droid Sans Fallback',sans-serif;font-size:10.5pt}
table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 4px}%s</style></head>
<body>%s</body></html>""" % (esc(title), css, body)


def pub_table(items):
    rows = "".join("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (esc(i["media"]), esc(i["date"]), esc(i["title"]))
                   for i in items)
    return "<table><tr><th>媒体名称</th><th>发布时间</th><th>篇名</th></tr>%s</table>" % rows


def survey_table2(v, nf, marks, fields_style, labels, pub_style="table"):
    P = survey_pairs(v, nf, marks, fields_style, labels)
    rows = "".join("<tr><td>%s</td><td>%s</td></tr>" % (esc(a), esc(b)) for a, b in P)
    body = "<h2>2026年专家人才服务基层活动实施成效调查表</h2><table>%s</table>" % rows
    body += "<p>宣传情况（多条分列）</p>" + pub_block(v, pub_style)
    return html_doc("调查表", body)


def pub_block(v, style):
    items = v["publicity_items"] or []
    if style == "table":
        return pub_table(items) if items else "<p>媒体名称：/ 发布时间：/ 篇名：/</p>"
    out = ""
    for i in items:
        out += "<p>媒体名称：%s；发布时间：%s；篇名：%s</p>" % (esc(i["media"]), esc(cn_date(i["date"])), esc(i["title"]))
    return out or "<p>媒体名称：____</p><p>发布时间：____</p><p>篇名：____</p>"


def survey_table4(v, nf, marks, fields_style, labels):
    P = survey_pairs(v, nf, marks, fields_style, labels)
    # long free-text rows span the table; short ones go two to a row
    rows, pend = [], []
    for a, b in P:
        if len(b) > 14 or len(a) > 14:
            if pend:
                rows.append("<tr><td>%s</td><td>%s</td><td></td><td></td></tr>" % pend[0])
                pend = []
            rows.append("<tr><td>%s</td><td colspan=3>%s</td></tr>" % (esc(a), esc(b)))
            continue
        pend.append((esc(a), esc(b)))
        if len(pend) == 2:
            rows.append("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (pend[0] + pend[1]))
            pend = []
    if pend:
        rows.append("<tr><td>%s</td><td>%s</td><td></td><td></td></tr>" % pend[0])
    body = "<h2>专家人才服务基层活动实施成效调查表（2026年度）</h2><table>%s</table>" % "".join(rows)
    body += "<p>宣传报道情况：</p>" + pub_block(v, "table")
    return html_doc("调查表", body)


def cn_date(iso):
    y, m, d = iso.split("-")
    return "%s年%d月%d日" % (y, int(m), int(d))


def survey_prose(v, nf, marks, fields_style, labels, pub_style="lines"):
    """附件4 written out as in the notice, blanks filled."""
    L = labels
    once = v["service_mode"] == "once"
    mk = lambda yes: mark_pair(marks, yes)
    p = []
    p.append("<h2>2026年专家人才服务基层活动实施成效调查表</h2>")
    p.append("<p>服务团名称：%s</p><p>依托单位：%s</p><p>联系人：张敏 联系电话：021-64370045</p>" % (esc(v["team_name"]), esc(v["unit"])))
    p.append("<h3>一、服务活动基本情况</h3><p>1. 服务形式（二者选一）</p>")
    if marks in ("box", "square"):
        a, b = ("☑", "☐") if once else ("☐", "☑")
        if marks == "square":
            a, b = ("■", "□") if once else ("□", "■")
        p.append("<p>%s①一次服务 服务天数%s</p>" % (a, nf(v["service_days"], "天")))
        p.append("<p>%s②分批次服务 服务次数%s，累计服务天数（各批次实际开展服务活动的天数总和）%s</p>" % (
            b, nf(v["batch_count"], "次"), nf(v["batch_days_total"], "天")))
    else:
        a, b = ("（√）", "（ ）") if once else ("（ ）", "（√）")
        p.append("<p>①一次服务%s 服务天数%s</p>" % (a, nf(v["service_days"], "天")))
        p.append("<p>②分批次服务%s 服务次数%s，累计服务天数（各批次实际开展服务活动的天数总和）%s</p>" % (
            b, nf(v["batch_count"], "次"), nf(v["batch_days_total"], "天")))
    if fields_style == "list":
        p.append("<p>2. 服务领域（可多选）：%s</p>" % "、".join(v["service_fields"]))
    else:
        p.append("<p>2. 服务领域（可多选）</p><p>%s</p>" % fields_marked(fields_style, v["service_fields"]))
    p.append("<p>其他：（请补充）____</p>")
    p.append("<p>3. 服务区域</p><p>覆盖%s个地市、%s个区县、%s家企事业单位</p>" % (
        nf(v["region_cities"]), nf(v["region_counties"]), nf(v["region_units"])))
    p.append("<p>是否包含国家级/省级乡村振兴重点帮扶县：%s</p>" % mk(v["key_counties"]))
    sep = "、" if v["team_name"][0] in "国乳都" else "，"
    p.append("<p>具体地区：国家级%s个，分别是%s</p>" % (nf(v["key_counties_national"]),
                                                 sep.join(v["key_counties_national_names"] or []) or "/"))
    p.append("<p>省级%s个，分别是%s</p>" % (nf(v["key_counties_provincial"]),
                                        sep.join(v["key_counties_provincial_names"] or []) or "/"))
    p.append("<p>4. %s（各个批次开展的培训指导、座谈讲座、科普义诊等活动总和）：%s</p>" % (
        L.get("activities_total", "开展各类服务活动总场次"), nf(v["activities_total"], "场")))
    p.append("<p>5. 对接项目数量（与各受援单位对接的项目总和）：%s</p>" % nf(v["projects_matched"], "个"))
    p.append("<h3>二、参与专家人才情况</h3><p>1. 专家人才数量及层次：</p>")
    p.append("<p>%s（所有批次的参加专家人才人数，不重复计算参加多个批次的专家人才）：%s；</p>" % (
        L.get("experts_total", "总人数"), nf(v["experts_total"], "人")))
    p.append("<p>总人次（各个批次参加活动专家人才人数总和）：%s</p>" % nf(v["expert_attendances"], "人次"))
    p.append("<p>其中：正高级职称%s，副高级职称%s；</p>" % (nf(v["senior_full"], "人"), nf(v["senior_deputy"], "人")))
    p.append("<p>两院院士%s，全国杰出专业技术人员%s，百千万人才工程国家级人选%s，享受政府特殊津贴专家%s人，博士后%s，留学回国人员%s，其他（请补充）____</p>" % (
        nf(v["academicians"]), nf(v["outstanding_professionals"]), nf(v["talent_project"]),
        nf(v["special_allowance"]), nf(v["postdocs"]), nf(v["returnees"])))
    p.append("<p>2. 专家人才来源</p><p>本省（区、市）%s，外省（区、市）%s，港澳台%s，国外%s</p>" % (
        nf(v["source_local"], "人"), nf(v["source_other_province"], "人"), nf(v["source_hmt"], "人"), nf(v["source_foreign"], "人")))
    p.append("<h3>三、服务活动开展情况（可多选）</h3>")
    p.append("<p>1. 技术指导：</p><p>现场指导%s次；远程指导%s次</p>" % (nf(v["guidance_onsite"]), nf(v["guidance_remote"])))
    p.append("<p>2. 联合攻关：%s（具体形式）%s次</p>" % (v["joint_research_form"] or "____", nf(v["joint_research"])))
    for i, (k, lab) in enumerate([("symposiums", "座谈交流会"), ("lectures", "专题讲座")]):
        p.append("<p>%d. %s：%s场</p>" % (i + 3, lab, nf(v[k])))
    p.append("<p>5. 技术培训：</p><p>现场培训%s场；远程培训%s场</p>" % (nf(v["training_onsite"]), nf(v["training_remote"])))
    for i, (k, lab) in enumerate([("consultations", "咨询对接活动"), ("demonstrations", "示范带教"), ("free_clinics", "义诊"),
                                  ("science_lectures", "科普讲座"), ("science_exhibitions", "科普展览")]):
        p.append("<p>%d. %s：%s场</p>" % (i + 6, lab, nf(v[k])))
    p.append("<p>11. 其他：(请补充) ____</p>")
    p.append("<h3>四、实施成效 (可多选)</h3>")
    items = [("problems_solved", "破解技术难题", "个"), ("key_projects", "带动重点科研项目", "个"),
             ("new_techniques", "推广新技术新工艺", "种"), ("new_varieties", "推广新品种", "种"),
             ("achievements_transferred", "转化科技成果", "项")]
    for i, (k, lab, u) in enumerate(items):
        p.append("<p>%d. %s%s%s</p>" % (i + 1, lab, nf(v[k]), u))
    p.append("<p>6. 培训成效：</p><p>基层专业技术人员%s人次、群众%s人次</p>" % (nf(v["trained_professionals"]), nf(v["trained_public"])))
    p.append("<p>7. 义诊成效：</p><p>问诊%s人次、检查%s人次、治疗%s人次</p>" % (
        nf(v["clinic_consultations"]), nf(v["clinic_examinations"]), nf(v["clinic_treatments"])))
    items = [("strategic_plans", "指导战略规划", "个"), ("decision_consulting", "决策咨询", "项"),
             ("cooperation_intents", "达成中长期合作意向", "个"), ("agreements_signed", "签订合作协议", "项"),
             ("alliances", "基层单位与帮扶单位等结成产学研联盟", "个"), ("entities_founded", "专家领办、联办、协办各类经济实体", "个")]
    for i, (k, lab, u) in enumerate(items):
        p.append("<p>%d. %s%s%s</p>" % (i + 8, lab, nf(v[k]), u))
    p.append("<p>14. 取得经济效益：（具体描述）%s</p>" % esc(v["economic_benefit"]))
    p.append("<p>15. 取得社会效益：（具体描述）%s</p>" % esc(v["social_benefit"]))
    p.append("<p>16. 推动产业发展：（具体描述）____</p>")
    p.append("<p>17. 惠及基层群众%s人</p>" % nf(v["beneficiaries"]))
    p.append("<p>18. 其他成效：（请补充）____</p>")
    p.append("<h3>五、组织实施情况</h3>")
    p.append("<p>1. 是否由本省（区、市）人力资源社会保障厅（局）或国务院有关部委组织人事部门负责组织实施：%s</p>" % mk(v["organized_by_hrss"]))
    p.append("<p>2. 前期是否与基层单位对接需求：%s</p>" % mk(v["needs_matched"]))
    p.append("<p>3. 服务团投入情况：</p><p>人力资源社会保障部支持资金%s万元；</p>" % yuan_wan(v["funds_mohrss"]))
    p.append("<p>配套资金（注明资金来源和金额）%s %s</p>" % (v["funds_matching_source"], L.get("money", "10万元")))
    p.append("<p>4. 对参加服务活动专家人才的服务保障措施：%s</p><p>（具体描述）%s</p>" % (
        mark_pair(marks, v["support_measures"], "有", "无"), esc(v["support_measures_desc"])))
    p.append("<p>5. 是否对服务团组织实施情况开展宣传：%s</p><p>（多条分列）</p>" % mark_pair(marks, v["publicity"], "有", "无"))
    p.append(pub_block(v, pub_style))
    p.append("<p>上传材料：</p>")
    return html_doc("调查表", "".join(p))


def survey_expected(v, nf_style):
    e = dict(v)
    if nf_style != "plain" and e["funds_mohrss"] == 0.0:
        pass
    return e


# ---------------------------------------------------------------- spreadsheets (flat ODF)

class Grid:
    def __init__(self, name):
        self.name = name
        self.cells = {}  # (r, c) -> (value, colspan, rowspan)

    def put(self, r, c, val, cs=1, rs=1):
        if val is None:
            return
        self.cells[(r, c)] = (val, cs, rs)

    def xml(self):
        covered = set()
        for (r, c), (_, cs, rs) in self.cells.items():
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    if (rr, cc) != (r, c):
                        covered.add((rr, cc))
        nr = max([r + v[2] for (r, c), v in self.cells.items()] + [1])
        nc = max([c + v[1] for (r, c), v in self.cells.items()] + [1])
        out = ['<table:table table:name="%s">' % esc(self.name)]
        for _ in range(nc):
            out.append('<table:table-column table:style-name="co1"/>')
        for r in range(nr):
            out.append("<table:table-row>")
            for c in range(nc):
                if (r, c) in covered:
                    out.append("<table:covered-table-cell/>")
                    continue
                if (r, c) not in self.cells:
                    out.append("<table:table-cell/>")
                    continue
                val, cs, rs = self.cells[(r, c)]
                span = ""
                if cs > 1 or rs > 1:
                    span = ' table:number-columns-spanned="%d" table:number-rows-spanned="%d"' % (cs, rs)
                if isinstance(val, (int, float)) and not isinstance(val, bool):
                    out.append('<table:table-cell office:value-type="float" office:value="%s"%s><text:p>%s</text:p></table:table-cell>'
                               % (val, span, ("%g" % val)))
                else:
                    out.append('<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>' % (span, esc(val)))
            out.append("</table:table-row>")
        out.append("</table:table>")
        return "".join(out)


def fods(grids):
    return """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="4cm"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>%s</office:spreadsheet></office:body></office:document>
""" % "".join(g.xml() for g in grids)


def sheet_num(n):
    return "" if n is None else n


def xlsx_colB_D(v):
    """Labels in column B, values in column D, notes in C, title merged across."""
    g = Grid("调查表")
    g.put(0, 0, "2026年专家人才服务基层活动实施成效调查表", 5)
    P = survey_pairs(v, lambda n, u="": sheet_num(n), "box", "list", {"experts_total": "专家人才总人数"})
    r = 2
    for i, (a, b) in enumerate(P):
        g.put(r, 0, i + 1)
        g.put(r, 1, a)
        g.put(r, 2, "")
        g.put(r, 3, b if b != "" else None)
        r += 1
    r += 1
    g.put(r, 1, "媒体名称")
    g.put(r, 2, "发布时间")
    g.put(r, 3, "篇名")
    for it in v["publicity_items"] or []:
        r += 1
        g.put(r, 1, it["media"])
        g.put(r, 2, cn_date(it["date"]))
        g.put(r, 3, it["title"])
    return fods([g])


def xlsx_above(v):
    """Labels in one row, values in the row below, five to a band."""
    g = Grid("Sheet1")
    g.put(0, 0, "专家人才服务基层活动实施成效调查表", 5)
    P = survey_pairs(v, lambda n, u="": sheet_num(n), "word", "list", {"activities_total": "活动总场次"})
    r = 2
    for i in range(0, len(P), 5):
        band = P[i:i + 5]
        for c, (a, b) in enumerate(band):
            g.put(r, c, a)
            g.put(r + 1, c, b if b != "" else None)
        r += 3
    g.put(r, 0, "媒体名称")
    g.put(r, 1, "发布时间")
    g.put(r, 2, "篇名")
    for it in v["publicity_items"] or []:
        r += 1
        g.put(r, 0, it["media"])
        g.put(r, 1, it["date"])
        g.put(r, 2, it["title"])
    return fods([g])


def xlsx_two_sheets(v):
    """Two sheets, merged label cells (a label over two columns, a group
    label over several rows), values to the right."""
    P = survey_pairs(v, lambda n, u="": sheet_num(n), "paren", "list", {"experts_total": "参与专家总人数"})
    half = len(P) // 2
    grids = []
    for si, part in enumerate([P[:half], P[half:]]):
        g = Grid(["基本情况", "专家与成效"][si])
        g.put(0, 0, "实施成效调查表（%s）" % g.name, 4)
        r = 1
        for a, b in part:
            if a in ("服务天数", "服务次数", "累计服务天数"):
                if a == "服务天数":
                    g.put(r, 0, "服务形式明细", 1, 3)
                g.put(r, 1, a)
                g.put(r, 2, b if b != "" else None, 2)
            else:
                g.put(r, 0, a, 2)
                g.put(r, 2, b if b != "" else None, 2)
            r += 1
        if si == 1:
            r += 1
            g.put(r, 0, "宣传情况", 1, 1 + len(v["publicity_items"] or []))
            g.put(r, 1, "媒体名称")
            g.put(r, 2, "发布时间")
            g.put(r, 3, "篇名")
            for it in v["publicity_items"] or []:
                r += 1
                g.put(r, 1, it["media"])
                g.put(r, 2, it["date"])
                g.put(r, 3, it["title"])
        grids.append(g)
    return fods(grids)


def xlsx_far_below(v):
    """Labels in a row, a row of units under them, the values two rows below."""
    g = Grid("成效调查")
    g.put(0, 0, "2026年专家服务基层活动实施成效调查表", 6)
    g.put(1, 0, "服务团名称")
    g.put(1, 1, v["team_name"], 5)
    g.put(2, 0, "依托单位")
    g.put(2, 1, v["unit"], 5)
    P = survey_pairs(v, lambda n, u="": sheet_num(n), "square", "list", {})[2:]
    r = 4
    for i in range(0, len(P), 6):
        band = P[i:i + 6]
        for c, (a, b) in enumerate(band):
            g.put(r, c, a)
            g.put(r + 1, c, "（填写）")
            g.put(r + 2, c, b if b != "" else None)
        r += 4
    g.put(r, 0, "媒体名称")
    g.put(r, 1, "发布时间")
    g.put(r, 2, "篇名")
    for it in v["publicity_items"] or []:
        r += 1
        g.put(r, 0, it["media"])
        g.put(r, 1, it["date"])
        g.put(r, 2, it["title"])
    return fods([g])


# ---------------------------------------------------------------- audit reports

OPINION_TEXT = {
    "unqualified": ("审计意见", "我们认为，后附的专项资金决算报表在所有重大方面按照相关规定编制，公允反映了{team}2026年度专家服务基层项目经费的收支情况。",
                    "形成审计意见的基础", "我们按照中国注册会计师审计准则的规定执行了审计工作。我们相信，我们获取的审计证据是充分、适当的，为发表审计意见提供了基础。"),
    "qualified": ("保留意见", "我们认为，除“形成保留意见的基础”部分所述事项产生的影响外，后附的专项资金决算报表在所有重大方面按照相关规定编制，公允反映了{team}2026年度专家服务基层项目经费的收支情况。",
                  "形成保留意见的基础", "部分差旅费报销凭证不完整，涉及金额3,200.00元，我们无法获取充分、适当的审计证据。我们相信，我们获取的审计证据是充分、适当的，为发表保留意见提供了基础。"),
    "adverse": ("否定意见", "我们认为，由于“形成否定意见的基础”部分所述事项的重要性，后附的专项资金决算报表没有在所有重大方面按照相关规定编制，未能公允反映{team}2026年度专家服务基层项目经费的收支情况。",
                "形成否定意见的基础", "专项资金与依托单位其他资金混合核算，支出中包含与服务活动无关的费用。我们相信，我们获取的审计证据是充分、适当的，为发表否定意见提供了基础。"),
    "disclaimer": ("无法表示意见", "我们接受委托，审计{team}2026年度专项资金决算报表。我们不对后附的专项资金决算报表发表审计意见。由于“形成无法表示意见的基础”部分所述事项的重要性，我们无法获取充分、适当的审计证据以作为对专项资金决算报表发表审计意见的基础。",
                   "形成无法表示意见的基础", "依托单位未能提供专家劳务费的发放记录及签收凭证，我们无法实施替代程序。"),
}

SPEND = [("spent_expert_fees", "专家劳务费"), ("spent_travel", "差旅费（交通、食宿）"), ("spent_meetings", "会议费"),
         ("spent_training", "培训费"), ("spent_materials", "资料印刷费"), ("spent_other", "其他支出")]


def audit_values(seed, team, opinion, balance, refunded, whole=False):
    r = random.Random(seed)
    v = {"team_name": team[0], "unit": team[1], "opinion": opinion}
    v["received_mohrss"] = 100000.0 if team[2] else 0.0
    v["received_municipal"] = 100000.0
    v["received_total"] = v["received_mohrss"] + v["received_municipal"]
    spent_total = round(v["received_total"] - balance, 2)
    # split spent_total into six parts with cents (in whole 万元/10000 steps when wan)
    weights = [r.randint(10, 40) for _ in SPEND]
    parts = [round(spent_total * w / sum(weights), 0 if whole else 2) for w in weights]
    parts[0] = round(spent_total - sum(parts[1:]), 2)
    for (k, _), p in zip(SPEND, parts):
        v[k] = p
    v["spent_total"] = spent_total
    v["balance"] = round(balance, 2)
    v["balance_refunded"] = refunded if balance > 0 else None
    return v


def money(x, style):
    if style == "sep":
        return "{:,.2f}".format(x)
    if style == "plain":
        return "%.2f" % x
    if style == "yuan":
        return "{:,.2f}元".format(x)
    if style == "wan":
        return "%.4f" % (x / 10000)
    raise ValueError(style)


def audit_html(v, firm, report_no, date_text, mstyle, budget=False, start_end=None, explanation=None, title="专项资金审计报告"):
    op = OPINION_TEXT[v["opinion"]]
    team = v["team_name"]
    p = ["<h2 style='text-align:center'>%s</h2>" % title, "<p style='text-align:center'>%s</p>" % report_no,
         "<p>%s：</p>" % esc(v["unit"])]
    intro = "我们审计了%s（依托单位：%s）2026年国家和本市专家服务基层项目专项资金决算报表，包括经费收入、支出及结余情况。" % (team, v["unit"])
    if start_end:
        intro += start_end
    p.append("<p>%s</p>" % esc(intro))
    heads = ["一、%s" % op[0], "二、%s" % op[2]]
    p.append("<h3>%s</h3><p>%s</p>" % (heads[0], esc(op[1].format(team=team))))
    p.append("<h3>%s</h3><p>%s</p>" % (heads[1], esc(op[3])))
    p.append("<h3>三、经费收支情况</h3>")
    unit_note = "单位：万元" if mstyle == "wan" else "单位：元"
    p.append("<p style='text-align:right'>%s</p>" % unit_note)
    rows = [("人力资源社会保障部支持资金", "received_mohrss"), ("市级配套资金", "received_municipal"),
            ("到位资金合计", "received_total")] + [(lab, k) for k, lab in SPEND] + \
           [("实际支出合计", "spent_total"), ("结余资金", "balance")]
    r = random.Random(len(team))
    if budget:
        head = "<tr><th>项目</th><th>预算数</th><th>决算数</th><th>差异</th></tr>" if budget == 4 else \
               "<tr><th>项目</th><th>预算数</th><th>决算数</th></tr>"
        body = ""
        for lab, k in rows:
            act = v[k]
            if k.startswith("spent_") and k != "spent_total":
                bud = round(act + r.randint(-2000, 2000), 2)
            elif k == "spent_total" or k == "balance":
                bud = v["received_total"] if k == "spent_total" else 0.0
            else:
                bud = act
            cells = [money(bud, mstyle), money(act, mstyle)]
            if budget == 4:
                cells.append(money(bud - act, mstyle) if bud >= act else "-" + money(act - bud, mstyle))
            body += "<tr><td>%s</td>%s</tr>" % (esc(lab), "".join("<td>%s</td>" % c for c in cells))
        p.append("<table>%s%s</table>" % (head, body))
    else:
        body = "".join("<tr><td>%s</td><td>%s</td></tr>" % (esc(lab), money(v[k], mstyle)) for lab, k in rows)
        p.append("<table><tr><th>项目</th><th>金额</th></tr>%s</table>" % body)
    if explanation:
        p.append("<h3>四、结余资金专项说明</h3><p>%s</p>" % esc(explanation))
    p.append("<p style='text-align:right'>%s</p><p style='text-align:right'>中国注册会计师：陈立 周静</p><p style='text-align:right'>%s</p>" % (esc(firm), esc(date_text)))
    return html_doc(title, "".join(p))


# ---------------------------------------------------------------- summaries and photos

def summary_html(title, team, unit, paras):
    body = "<h2 style='text-align:center'>%s</h2><p style='text-align:center'>%s</p>" % (esc(title), esc(unit))
    body += "".join("<p>%s</p>" % esc(x) for x in paras)
    return html_doc(title, body)


SUMMARY_PARAS = [
    "2026年，{team}在市人力资源社会保障局的指导下，围绕基层需求，组织专家深入一线开展技术指导、专题讲座、义诊咨询等服务活动，取得了良好成效。",
    "一、精心组织，周密部署。服务团成立了由依托单位分管领导任组长的工作小组，制定实施方案，明确服务内容、时间安排和保障措施，确保各项活动有序推进。",
    "二、聚焦需求，精准服务。服务团前期与受援单位充分对接，梳理技术难题和人才培养需求，分批次组织专家赴基层开展现场指导和培训，累计服务基层群众数千人次。",
    "三、建立机制，巩固成效。服务团与多家基层单位签订合作协议，建立长期帮扶关系，通过远程指导、定期回访等方式持续跟踪服务成效。",
    "四、存在的不足与下一步打算。部分服务活动时间较为集中，覆盖面仍需扩大。下一步，服务团将进一步创新服务形式，深化合作内容，推动专家服务基层工作提质增效。",
]


def photos_html(title, team, caps, imgs, style):
    body = "<h2>%s</h2><p>服务团名称：%s</p>" % (esc(title), esc(team))
    for i, (cap, img) in enumerate(zip(caps, imgs)):
        label = {"fig": "图%d：" % (i + 1), "photo": "照片%d " % (i + 1), "figdot": "图%d." % (i + 1)}[style]
        body += "<p><img src='%s' width='240' height='160'></p><p>%s%s</p>" % (img, label, esc(cap))
    return html_doc(title, body)


# ---------------------------------------------------------------- the corpus

TABLE_DROP = ["service_fields_other", "experts_other", "activities_other", "outcomes_other"]


def main():
    out = sys.argv[1]
    src = os.path.join(out, "src")
    os.makedirs(src, exist_ok=True)
    jobs, expected = [], []

    def emit(name, kind, text, ext, conv, post, fields):
        base = os.path.splitext(name)[0]
        with open(os.path.join(src, base + "." + ext), "w", encoding="utf-8") as f:
            f.write(text)
        jobs.append("\t".join([name, base + "." + ext, conv, post or "-"]))
        expected.append({"path": name, "kind": kind, "fields": fields})

    # surveys written as PDFs: (name, team, mode, key counties, publicity items, renderer, number style,
    # marks, service-field style, label variants, publicity style, converter, post-processing)
    surveys = [
        ("s01-调查表.pdf", 0, "batches", True, 2, "table2", "plain", "box", "box", {}, "table", "chromium", ""),
        ("s02-实施成效调查表.pdf", 4, "once", False, 1, "table4", "unit", "paren", "list", {}, "table", "lo", ""),
        ("s03-附件4.pdf", 5, "batches", True, 3, "prose", "blank", "paren", "paren", {}, "table", "lo", "gs"),
        ("s04-成效调查.pdf", 1, "once", True, 2, "prose", "fw", "square", "square", {}, "lines", "chromium", "qpdf"),
        ("s05-调查表.pdf", 6, "batches", False, 0, "prose", "cn", "tick", "list",
         {"experts_total": "专家人才总人数", "activities_total": "活动总场次", "money": "100000元"}, "lines", "lo", ""),
        ("s06-调查表.pdf", 7, "once", True, 1, "prose", "unit", "word", "box",
         {"experts_total": "参与专家总人数", "activities_total": "开展服务活动总场次", "money": "100,000.00元"}, "table", "lo", "gs"),
        ("s07-调查表.pdf", 8, "batches", False, 0, "table2", "plain", "word", "list", {}, "table", "lo", "qpdf"),
        ("s08-调查表.pdf", 2, "batches", True, 3, "table4", "fw", "square", "box", {"experts_total": "专家总人数"}, "table", "chromium", ""),
    ]
    for i, (name, ti, mode, keyc, pubn, rend, nst, marks, fst, labels, pst, conv, post) in enumerate(surveys):
        v = survey_values(SEED + 100 + i, TEAMS[ti], mode, keyc, pubn)
        nf = numfmt(nst)
        if rend == "prose":
            html = survey_prose(v, nf, marks, fst, labels, pst)
            e = dict(v)
        else:
            html = (survey_table2 if rend == "table2" else survey_table4)(v, nf, marks, fst, labels) if rend == "table4" \
                else survey_table2(v, nf, marks, fst, labels, pst)
            e = {k: x for k, x in v.items() if k not in TABLE_DROP}
        emit(name, "survey", html, "html", conv, post, e)

    sheets = [("x01-调查表.xlsx", 9, "batches", True, 2, xlsx_colB_D),
              ("x02-调查表.xlsx", 10, "once", False, 1, xlsx_above),
              ("x03-调查表.xlsx", 11, "batches", True, 2, xlsx_two_sheets),
              ("x04-调查表.xlsx", 3, "once", True, 3, xlsx_far_below)]
    for i, (name, ti, mode, keyc, pubn, fn) in enumerate(sheets):
        v = survey_values(SEED + 200 + i, TEAMS[ti], mode, keyc, pubn)
        e = {k: x for k, x in v.items() if k not in TABLE_DROP}
        emit(name, "survey", fn(v), "fods", "lo-xlsx", "", e)

    # audits: (name, team, opinion, balance, refunded, firm, number, date text, date, money style, budget
    # columns, service period text, start, end, explanation, converter, post)
    audits = [
        ("a01-审计报告.pdf", 0, "unqualified", 0, None, "上海立诚会计师事务所（特殊普通合伙）", "沪立诚会审字〔2026〕第123号",
         "2026年11月8日", "2026-11-08", "sep", 0, "服务活动实施期间为2026年6月1日至2026年10月30日。", "2026-06-01", "2026-10-30",
         None, "lo", ""),
        ("a02-审计报告.pdf", 4, "qualified", 3456, True, "上海华信会计师事务所有限公司", "沪华信审字（2026）第0457号",
         "2026-11-08", "2026-11-08", "wan", 0, "服务活动开始日期：2026-06-15，结束日期：2026-10-20。", "2026-06-15", "2026-10-20",
         "结余资金3,456.00元，系会议费节约所致，已于2026年11月5日全额退回市人力资源社会保障局。", "chromium", ""),
        ("a03-经费决算审计报告.pdf", 5, "adverse", 0, None, "上海中和正信会计师事务所有限公司", "沪中和审字〔2026〕第0088号",
         "二〇二六年十一月八日", "2026-11-08", "sep", 3, "服务活动于2026年7月3日开始，2026年10月25日结束。", "2026-07-03", "2026-10-25",
         None, "lo", "gs"),
        ("a04-审计报告.pdf", 1, "disclaimer", 12000.5, False, "天信会计师事务所（特殊普通合伙）上海分所", "沪天信审字〔2026〕第1102号",
         "2026年11月12日", "2026-11-12", "sep", 4, "服务活动自2026年5月10日开始，于2026年10月28日全部完成。", "2026-05-10", "2026-10-28",
         "结余资金12,000.50元，系部分线下活动改为远程开展所致，目前尚未退回，将于2026年12月底前退回。", "chromium", "qpdf"),
        ("a05-决算报告.pdf", 6, "unqualified", 0, None, "上海公信中南会计师事务所有限公司", "沪公信审字〔2026〕第031号",
         "2026年11月3日", "2026-11-03", "yuan", 0, "服务活动时间：2026.06.01—2026.10.31。", "2026-06-01", "2026-10-31",
         None, "lo", "qpdf"),
        ("a06-审计报告.pdf", 2, "unqualified", 5000, True, "立信中联会计师事务所（特殊普通合伙）", "立信中联审字〔2026〕第A0315号",
         "2026年10月30日", "2026-10-30", "wan", 3, "服务活动起止时间：2026年6月8日至10月18日。", "2026-06-08", "2026-10-18",
         "结余资金5,000.00元，已全额退回人力资源社会保障部和市人力资源社会保障局。", "lo", "gs"),
    ]
    for i, (name, ti, op, bal, ref, firm, no, dtext, date, mst, bud, period, start, end, expl, conv, post) in enumerate(audits):
        v = audit_values(SEED + 300 + i, TEAMS[ti], op, bal, ref, whole=(mst == "wan"))
        html = audit_html(v, firm, no, dtext, mst, budget=bud, start_end=period, explanation=expl,
                          title="经费决算审计报告" if "决算" in name else "专项资金审计报告")
        e = dict(v)
        if e["balance_refunded"] is None:
            del e["balance_refunded"]
        e.update({"auditor": firm, "report_no": no, "report_date": date, "service_start": start, "service_end": end})
        if expl:
            e["balance_explanation"] = expl
        emit(name, "audit", html, "html", conv, post, e)

    summaries = [("m01-工作总结.pdf", 3, "乳制品风味提升与品质控制专家服务团2026年度工作总结", "lo", ""),
                 ("m02-工作情况报告.pdf", 9, "关于2026年专家服务基层活动开展情况的报告", "chromium", ""),
                 ("m03-成效总结.pdf", 6, "助力乡村水环境质量提升专家服务团工作成效总结", "lo", "gs")]
    for name, ti, title, conv, post in summaries:
        team = TEAMS[ti]
        paras = [x.format(team=team[0]) for x in SUMMARY_PARAS]
        e = {"title": title, "unit": team[1]}
        if title.startswith(team[0]):
            e["team_name"] = team[0]
        emit(name, "summary", summary_html(title, team[0], team[1], paras), "html", conv, post, e)

    photos = [("p01-现场照片.pdf", 3, "服务现场照片及说明", "fig", ["专家在养殖场开展现场指导", "专题讲座现场", "与企业技术人员座谈交流"], "lo", ""),
              ("p02-影像资料.pdf", 7, "专家服务基层活动影像资料", "photo", ["水产养殖技术培训", "专家查看鱼塘水质", "科普讲座", "义诊咨询现场"], "chromium", ""),
              ("p03-活动剪影.pdf", 10, "2026年服务活动剪影", "figdot", ["微创手术示范带教", "基层医院远程会诊"], "lo", "gs+qpdf")]
    for name, ti, title, st, caps, conv, post in photos:
        imgs = ["img%d.jpg" % (k % 4 + 1) for k in range(len(caps))]
        e = {"title": title, "photo_count": len(caps), "captions": caps, "team_name": TEAMS[ti][0]}
        emit(name, "photos", photos_html(title, TEAMS[ti][0], caps, imgs, st), "html", conv, post, e)

    for name, cap in [("专家义诊现场.jpg", "专家义诊现场"), ("IMG_2031.jpg", None)]:
        e = {"photo_count": 1}
        if cap:
            e["captions"] = [cap]
        jobs.append("\t".join([name, "-", "magick", "-"]))
        expected.append({"path": name, "kind": "photos", "fields": e})

    with open(os.path.join(out, "jobs.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(jobs) + "\n")
    with open(os.path.join(UNSEEN, "expected.jsonl"), "w", encoding="utf-8") as f:
        for e in expected:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
