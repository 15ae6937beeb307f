#!/usr/bin/env python3
"""Second unseen corpus for extract/parse: the sources (HTML, flat ODF .fodt
/.fods, PNG) of ~30 documents a unit might send, written independently of
testdata/unseen/gen, and expected.jsonl holding the values chosen here.

  python3 gen.py OUTDIR        # writes OUTDIR/src/* and OUTDIR/plan.json

build.sh converts the sources with the real tools and writes docs/.
Python 3 standard library only."""
import base64
import json
import os
import random
import struct
import sys
import zlib
from html import escape

R = random.Random(20261121)

TEAMS = {
    "N1": ("国家重大慢病全生命周期健康管理专家服务团", "上海交通大学医学院附属瑞金医院", "national"),
    "N2": ("颈动脉相关脑卒中筛查与防治专家服务基层示范团", "海军军医大学第二附属医院", "national"),
    "N3": ("国家级新疆准东经济技术开发区碳排放双控转型与可持续发展服务团", "上海环境能源交易所股份有限公司", "national"),
    "M1": ("乳制品风味提升与品质控制专家服务团", "上海应用技术大学", "municipal"),
    "M2": ("乡村振兴基层医疗服务能力提升专家服务团", "上海市第六人民医院", "municipal"),
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
}
FIELDS = ["农业", "林业", "畜牧业", "渔业", "环保", "机械制造", "能源", "冶金", "化工", "通讯",
          "交通", "电商服务", "医疗", "生物医药", "教育", "文旅", "人工智能", "城乡规划", "产业规划"]
COUNTIES = ["会泽县", "镇雄县", "丘北县", "皮山县", "墨玉县", "喀什地区岳普湖县", "果洛州玛沁县", "屏边县", "宣威市", "洛宁县"]

# (key, label used in tables, unit)
ACT = [("guidance_onsite", "现场指导", "次"), ("guidance_remote", "远程指导", "次"), ("joint_research", "联合攻关", "次"),
       ("symposiums", "座谈交流会", "场"), ("lectures", "专题讲座", "场"), ("training_onsite", "现场培训", "场"),
       ("training_remote", "远程培训", "场"), ("consultations", "咨询对接活动", "场"), ("demonstrations", "示范带教", "场"),
       ("free_clinics", "义诊", "场"), ("science_lectures", "科普讲座", "场"), ("science_exhibitions", "科普展览", "场")]
OUT = [("problems_solved", "破解技术难题", "个"), ("key_projects", "带动重点科研项目", "个"), ("new_techniques", "推广新技术新工艺", "种"),
       ("new_varieties", "推广新品种", "种"), ("achievements_transferred", "转化科技成果", "项"),
       ("strategic_plans", "指导战略规划", "个"), ("decision_consulting", "决策咨询", "项"),
       ("cooperation_intents", "达成中长期合作意向", "个"), ("agreements_signed", "签订合作协议", "项"),
       ("alliances", "结成产学研联盟", "个"), ("entities_founded", "专家领办、联办、协办各类经济实体", "个")]
LEVELS = [("academicians", "两院院士"), ("outstanding_professionals", "全国杰出专业技术人员"),
          ("talent_project", "百千万人才工程国家级人选"), ("special_allowance", "享受政府特殊津贴专家"),
          ("postdocs", "博士后"), ("returnees", "留学回国人员")]
SOURCES = [("source_local", "本省（区、市）"), ("source_other_province", "外省（区、市）"), ("source_hmt", "港澳台"), ("source_foreign", "国外")]


def survey_values(tid, mode=None, defect=None):
    name, unit, level = TEAMS[tid]
    v = {"team_name": name, "unit": unit}
    v["service_mode"] = mode or R.choice(["once", "batches"])
    if v["service_mode"] == "once":
        v["service_days"] = R.randint(3, 12)
    else:
        v["batch_count"] = R.randint(2, 8)
        v["batch_days_total"] = v["batch_count"] + R.randint(1, 20)
    v["service_fields"] = sorted(R.sample(FIELDS, R.randint(1, 3)), key=FIELDS.index)
    v["region_cities"], v["region_counties"], v["region_units"] = R.randint(1, 6), R.randint(1, 12), R.randint(3, 60)
    kc = R.random() < 0.6
    v["key_counties"] = kc
    if kc:
        nat, prov = R.randint(0, 2), R.randint(1, 2)
        names = R.sample(COUNTIES, nat + prov)
        v["key_counties_national"], v["key_counties_provincial"] = nat, prov
        v["key_counties_national_names"], v["key_counties_provincial_names"] = names[:nat], names[nat:]
    else:
        v["key_counties_national"], v["key_counties_provincial"] = 0, 0
    for k, _, _ in ACT:
        v[k] = R.choice([0, R.randint(1, 9), R.randint(1, 15)])
    if R.random() < 0.5:
        v["free_clinics"] = 0
    v["activities_total"] = sum(v[k] for k, _, _ in ACT) + R.randint(0, 5)
    v["projects_matched"] = R.randint(1, 15)
    e = R.randint(8, 40)
    v["experts_total"], v["expert_attendances"] = e, e + R.randint(0, 30)
    v["senior_full"] = R.randint(1, e // 2)
    v["senior_deputy"] = R.randint(0, e - v["senior_full"])
    for k, _ in LEVELS:
        v[k] = R.choice([0, 0, R.randint(1, 4)])
    loc = R.randint(e // 2, e)
    oth = e - loc
    v["source_local"], v["source_other_province"], v["source_hmt"], v["source_foreign"] = loc, oth, 0, 0
    if oth > 1 and R.random() < 0.3:
        v["source_other_province"], v["source_foreign"] = oth - 1, 1
    for k, _, _ in OUT:
        v[k] = R.choice([0, R.randint(1, 8)])
    tr = v["training_onsite"] + v["training_remote"] > 0
    v["trained_professionals"] = R.randint(20, 400) if tr else 0
    v["trained_public"] = R.randint(20, 900) if tr else 0
    fc = v["free_clinics"] > 0
    v["clinic_consultations"] = R.randint(100, 2000) if fc else 0
    v["clinic_examinations"] = R.randint(50, 900) if fc else 0
    v["clinic_treatments"] = R.randint(10, 300) if fc else 0
    v["beneficiaries"] = R.randint(500, 20000)
    v["organized_by_hrss"] = R.random() < 0.7
    v["needs_matched"] = True
    v["funds_mohrss"] = 100000.0 if level == "national" else 0.0
    v["funds_matching"] = 100000.0
    v["funds_matching_source"] = "上海市人力资源和社会保障局"
    v["support_measures"] = True
    v["support_measures_desc"] = "依托单位统一安排交通食宿，为专家购买意外伤害保险。"
    v["publicity"] = True
    v["publicity_items"] = [{"media": "上海人社微信公众号", "date": "2026-09-%02d" % R.randint(1, 28), "title": name + "赴基层开展服务"}]
    rules = []
    if defect == "S005":
        v["source_local"] += 2
        rules = ["S005"]
    elif defect == "S003":
        v["expert_attendances"] = v["experts_total"] - 3
        rules = ["S003"]
    elif defect == "S006":
        v["key_counties"] = True
        v["key_counties_national"], v["key_counties_provincial"] = 2, 0
        v["key_counties_national_names"], v["key_counties_provincial_names"] = ["会泽县"], []
        rules = ["S006"]
    return v, rules


def count_text(n, unit, style):
    if style == "plain":
        return str(n)
    if style == "unit":
        return f"{n}{unit}"
    if style == "total":
        return f"共计{n}{unit}"
    if style == "fw":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")) + unit
    return f"{n} {unit}"


def yn(b, style):
    if style == "box":
        return ("■是 □否" if b else "□是 ■否")
    if style == "check":
        return ("是（✓） 否（ ）" if b else "是（ ） 否（✓）")
    if style == "tick":
        return ("是√ 否" if b else "是 否√")
    if style == "word":
        return "是" if b else "否"
    return ("☑是 ☐否" if b else "☐是 ☑否")


def hasno(b, style):
    return yn(b, style).replace("是", "有").replace("否", "无")


def money_text(y, style):
    if style == "wan2":
        return "%.2f万元" % (y / 10000)
    if style == "yuan":
        return "{:,.0f}元".format(y)
    if style == "cn":
        return {100000.0: "壹拾万元", 0.0: "零元"}[y]
    return "%g万元" % (y / 10000)


def fields_text(v, style):
    fs = v["service_fields"]
    other = v.get("service_fields_other")
    if style == "list":
        s = "、".join(fs)
        return s + (f"（其他：{other}）" if other else "")
    # boxes
    s = " ".join(("☑" if f in fs else "☐") + f for f in FIELDS)
    return s + (f" ☑其他：{other}" if other else " ☐其他")


# ---------------------------------------------------------------- survey rows
def survey_rows(v, cstyle, ystyle, fstyle, mstyle):
    """(label, answer) pairs in the order of 附件4, as a person would fill a 3-column table."""
    rows = []
    if v["service_mode"] == "once":
        rows += [("服务形式", "一次服务"), ("服务天数", count_text(v["service_days"], "天", cstyle))]
    else:
        rows += [("服务形式", "分批次服务"), ("服务次数", count_text(v["batch_count"], "次", cstyle)),
                 ("累计服务天数", count_text(v["batch_days_total"], "天", cstyle))]
    rows.append(("服务领域（可多选）", fields_text(v, fstyle)))
    rows += [("覆盖地市数", count_text(v["region_cities"], "个", cstyle)),
             ("覆盖区县数", count_text(v["region_counties"], "个", cstyle)),
             ("覆盖企事业单位数", count_text(v["region_units"], "家", cstyle)),
             ("是否包含国家级/省级乡村振兴重点帮扶县", yn(v["key_counties"], ystyle))]
    if v["key_counties"]:
        nn, pn = v["key_counties_national_names"], v["key_counties_provincial_names"]
        rows.append(("国家级重点帮扶县", f"{v['key_counties_national']}个" + (f"，分别是{'、'.join(nn)}" if nn else "")))
        rows.append(("省级重点帮扶县", f"{v['key_counties_provincial']}个" + (f"，分别是{'、'.join(pn)}" if pn else "")))
    else:
        rows += [("国家级重点帮扶县", "0个"), ("省级重点帮扶县", "0个")]
    rows += [("开展各类服务活动总场次", count_text(v["activities_total"], "场", cstyle)),
             ("对接项目数量", count_text(v["projects_matched"], "个", cstyle)),
             ("专家人才总人数", count_text(v["experts_total"], "人", cstyle)),
             ("专家人才总人次", count_text(v["expert_attendances"], "人次", cstyle)),
             ("正高级职称", count_text(v["senior_full"], "人", cstyle)),
             ("副高级职称", count_text(v["senior_deputy"], "人", cstyle))]
    rows += [(lab, count_text(v[k], "人", cstyle)) for k, lab in LEVELS]
    rows += [("专家来源：" + lab if i == 0 else lab, count_text(v[k], "人", cstyle)) for i, (k, lab) in enumerate(SOURCES)]
    for k, lab, u in ACT:
        if k == "joint_research":
            rows.append(("联合攻关（具体形式及次数）", ("共建实验室，" if v[k] else "") + count_text(v[k], u, cstyle)))
        else:
            rows.append((lab, count_text(v[k], u, cstyle)))
    for k, lab, u in OUT[:5]:
        rows.append((lab, count_text(v[k], u, cstyle)))
    rows += [("培训成效：基层专业技术人员", count_text(v["trained_professionals"], "人次", cstyle)),
             ("培训成效：群众", count_text(v["trained_public"], "人次", cstyle)),
             ("义诊成效：问诊", count_text(v["clinic_consultations"], "人次", cstyle)),
             ("义诊成效：检查", count_text(v["clinic_examinations"], "人次", cstyle)),
             ("义诊成效：治疗", count_text(v["clinic_treatments"], "人次", cstyle))]
    for k, lab, u in OUT[5:]:
        rows.append((lab, count_text(v[k], u, cstyle)))
    rows += [("取得经济效益", "带动新增产值约300万元"), ("取得社会效益", "基层群众满意度明显提升"),
             ("惠及基层群众", count_text(v["beneficiaries"], "人", cstyle)),
             ("是否由人力资源社会保障厅（局）或国务院有关部委组织人事部门负责组织实施", yn(v["organized_by_hrss"], ystyle)),
             ("前期是否与基层单位对接需求", yn(v["needs_matched"], ystyle)),
             ("人力资源社会保障部支持资金", money_text(v["funds_mohrss"], mstyle)),
             ("配套资金（注明来源和金额）", v["funds_matching_source"] + " " + money_text(v["funds_matching"], mstyle)),
             ("对专家人才的服务保障措施", hasno(v["support_measures"], ystyle) + "，" + v["support_measures_desc"]),
             ("是否开展宣传", hasno(v["publicity"], ystyle))]
    for p in v["publicity_items"]:
        rows.append(("宣传情况", f"媒体名称：{p['media']}；发布时间：{p['date']}；篇名：{p['title']}"))
    return rows


def survey_paragraphs(v, cstyle, ystyle, fstyle, mstyle):
    """Word style: each question a numbered paragraph, the answer on the next line."""
    out = [("h", "一、服务活动基本情况")]
    n = 0
    for lab, ans in survey_rows(v, cstyle, ystyle, fstyle, mstyle):
        if lab == "专家人才总人数":
            out.append(("h", "二、参与专家人才情况"))
        if lab == "现场指导":
            out.append(("h", "三、服务活动开展情况"))
        if lab == "破解技术难题":
            out.append(("h", "四、实施成效"))
        if lab.startswith("是否由"):
            out.append(("h", "五、组织实施情况"))
        n += 1
        out.append(("q", f"{n}. {lab}："))
        out.append(("a", ans))
    return out


# ---------------------------------------------------------------- writers
FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.%s">
<office:font-face-decls><style:font-face style:name="CJK" svg:font-family="'LXGW WenKai'"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="CJK" style:font-name-asian="CJK" fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:style style:name="T" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.2cm"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="A" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.8cm"/></style:style>
<style:style style:name="RT" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="B" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>
</office:automatic-styles>
<office:body><office:%s>
"""
FODT_TAIL = "</office:%s></office:body></office:document>\n"


def x(s):
    return escape(str(s), quote=False)


class Fodt:
    def __init__(self):
        self.parts, self.nt, self.ni = [], 0, 0

    def p(self, s, style=None):
        st = f' text:style-name="{style}"' if style else ""
        self.parts.append(f"<text:p{st}>{x(s)}</text:p>")

    def table(self, rows):
        self.nt += 1
        ncol = max(len(r) for r in rows)
        b = [f'<table:table table:name="T{self.nt}"><table:table-column table:number-columns-repeated="{ncol}"/>']
        for r in rows:
            b.append("<table:table-row>")
            for c in r:
                b.append(f'<table:table-cell table:style-name="B" office:value-type="string"><text:p>{x(c)}</text:p></table:table-cell>')
            b.append("</table:table-row>")
        b.append("</table:table>")
        self.parts.append("".join(b))

    def image(self, png, w_cm=9.0, h_cm=5.6):
        self.ni += 1
        data = base64.b64encode(png).decode()
        self.parts.append(f'<text:p text:style-name="C"><draw:frame draw:name="img{self.ni}" text:anchor-type="as-char" svg:width="{w_cm}cm" svg:height="{h_cm}cm"><draw:image><office:binary-data>{data}</office:binary-data></draw:image></draw:frame></text:p>')

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(FODT_HEAD % ("text", "text") + "\n".join(self.parts) + FODT_TAIL % "text")


def write_fods(path, sheets):
    b = [FODT_HEAD % ("spreadsheet", "spreadsheet")]
    for name, rows in sheets:
        b.append(f'<table:table table:name="{x(name)}"><table:table-column table:number-columns-repeated="4"/>')
        for r in rows:
            b.append("<table:table-row>")
            for c in r:
                if isinstance(c, (int, float)) and not isinstance(c, bool):
                    b.append(f'<table:table-cell office:value-type="float" office:value="{c}"><text:p>{c}</text:p></table:table-cell>')
                else:
                    b.append(f'<table:table-cell office:value-type="string"><text:p>{x(c)}</text:p></table:table-cell>')
            b.append("</table:table-row>")
        b.append("</table:table>")
    b.append(FODT_TAIL % "spreadsheet")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(b))


CSS = """<style>body{font-family:'LXGW WenKai','Droid Sans Fallback',sans-serif;font-size:11pt;margin:1.5cm}
h1{text-align:center;font-size:17pt}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:3px 5px}
.r{text-align:right}.c{text-align:center}figure{margin:6px auto;text-align:center}img{width:9cm}</style>"""


def html_doc(path, body):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">{CSS}</head><body>{body}</body></html>')


def html_table(rows, head=None):
    b = ["<table>"]
    if head:
        b.append("<tr>" + "".join(f"<th>{x(c)}</th>" for c in head) + "</tr>")
    for r in rows:
        b.append("<tr>" + "".join(f"<td>{x(c)}</td>" for c in r) + "</tr>")
    b.append("</table>")
    return "".join(b)


def png(w, h, seed):
    """A small photo-like PNG (colour gradient with blocks), stdlib only."""
    rr = random.Random(seed)
    c1 = [rr.randint(30, 220) for _ in range(3)]
    c2 = [rr.randint(30, 220) for _ in range(3)]
    blocks = [(rr.randint(0, w), rr.randint(0, h), rr.randint(20, 90), [rr.randint(0, 255) for _ in range(3)]) for _ in range(6)]
    raw = bytearray()
    for yy in range(h):
        raw.append(0)
        t = yy / h
        base = [int(c1[i] * (1 - t) + c2[i] * t) for i in range(3)]
        for xx in range(w):
            px = base
            for bx, by, bs, bc in blocks:
                if bx <= xx < bx + bs and by <= yy < by + bs:
                    px = bc
                    break
            raw += bytes(px)

    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
