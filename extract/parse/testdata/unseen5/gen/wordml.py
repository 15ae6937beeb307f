"""Word files written directly as WordprocessingML (not re-saved by
LibreOffice), the way Word itself leaves them: a label's text split over
several runs (rsid and proofing marks), check boxes inserted from the
Symbol dialog as w:sym Wingdings 2 characters, numbers on underlined runs,
one table per section with the unit in its own cell, and a header part
that carries the unit's name."""
import zipfile
from xml.sax.saxutils import escape as X

from values import FIELDS
from wording import ITEMS, LABEL, SECTION, UNIT

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def r(t, u=False, b=False, rsid="00A1"):
    pr = ("<w:b/>" if b else "") + ('<w:u w:val="single"/>' if u else "")
    return f'<w:r w:rsidR="{rsid}"><w:rPr><w:rFonts w:hint="eastAsia"/>{pr}</w:rPr><w:t xml:space="preserve">{X(str(t))}</w:t></w:r>'


def split_runs(t):
    """Word splits typed text into runs at edits and proofing marks."""
    if len(t) < 4:
        return r(t)
    a, c = len(t) // 3, 2 * len(t) // 3
    return r(t[:a]) + '<w:proofErr w:type="gramStart"/>' + r(t[a:c], rsid="00B7") + '<w:proofErr w:type="gramEnd"/>' + r(t[c:], rsid="00C3")


def sym(on):
    # Wingdings 2: F052 is the ticked box, F0A3 the empty one
    return f'<w:r><w:sym w:font="Wingdings 2" w:char="{"F052" if on else "F0A3"}"/></w:r>'


def p(*runs, jc=None):
    pr = f'<w:pPr><w:jc w:val="{jc}"/></w:pPr>' if jc else ""
    return f"<w:p>{pr}" + "".join(runs) + "</w:p>"


def tc(inner, w=2400, span=1):
    pr = f'<w:tcW w:w="{w}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    if not inner.startswith("<w:p"):
        inner = p(split_runs(inner)) if inner else "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner}</w:tc>"


def table(rows, widths):
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
    b = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{b}</w:tblBorders>'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>' + "".join(f"<w:tr>{x}</w:tr>" for x in rows) + "</w:tbl>")


def write_docx(path, body, header_text=None):
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}'
    sect = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="992" w:gutter="0"/>'
    if header_text:
        sect = '<w:headerReference w:type="default" r:id="rId2"/>' + sect
    doc += f"<w:sectPr>{sect}</w:sectPr></w:body></w:document>"
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("docProps/app.xml", app)
        z.writestr("word/document.xml", doc)
        if header_text:
            z.writestr("word/_rels/document.xml.rels", drels)
            z.writestr("word/header1.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>{p(r(header_text), jc="right")}</w:hdr>')


def survey_docx(path, v, o):
    """One table per section: 项目 | 数量 | 单位, ticks as Wingdings 2 symbols."""
    once = v["service_mode"] == "once"
    body = p(r("附件4", b=True)) + p(r("专家人才服务基层活动实施成效调查表（2026年度）", b=True), jc="center")
    body += p(split_runs("服务团（项目）名称：" + v["team_name"]))
    body += p(split_runs("依托单位：" + v["unit"]))
    boxes = lambda opts: p(*[sym(on) + r(name + "　") for on, name in opts])
    yn = lambda k, a="是", b="否": boxes([(v[k], a), (not v[k], b)])
    cnt = lambda k: p(r(" "), r(str(v[k]), u=True), r(" ")) if k not in o.get("approx", {}) else p(r(o["approx"][k], u=True))
    secs = [(SECTION["service_mode"], []), (SECTION["experts_total"], []), (SECTION["guidance_onsite"], []), (SECTION["problems_solved"], [])]
    cur = 0
    first = secs[0][1]
    first.append(tc("服务方式", 2800) + tc(boxes([(once, "一次服务"), (not once, "分批次服务")]), 4800, span=2))
    first.append(tc("服务领域", 2800) + tc(boxes([(f in v["service_fields"], f) for f in FIELDS]), 4800, span=2))
    for k, w0, *_ in ITEMS:
        if k == "service_days" and not once or k in ("batch_count", "batch_days_total") and once:
            continue
        if k in ("experts_total", "guidance_onsite", "problems_solved"):
            cur += 1
        rows = secs[cur][1]
        rows.append(tc(w0, 2800) + tc(cnt(k), 2400) + tc(UNIT[k], 2400))
        if k == "region_units":
            rows.append(tc(LABEL["key_counties"][0], 2800) + tc(yn("key_counties"), 4800, span=2))
        if k.startswith("key_counties_") and v.get(k + "_names"):
            rows.append(tc("名称", 2800) + tc("、".join(v[k + "_names"]), 4800, span=2))
        if k == "joint_research" and v.get("joint_research_form"):
            rows.append(tc(LABEL["joint_research_form"][0], 2800) + tc(v["joint_research_form"], 4800, span=2))
        if k == "entities_founded":
            for t in ("economic_benefit", "social_benefit", "industry_impact"):
                rows.append(tc(LABEL[t][0], 2800) + tc(v[t], 4800, span=2))
    for title, rows in secs:
        body += p(r(title, b=True)) + table(rows, [2800, 2400, 2400])
    last = [tc(LABEL["organized_by_hrss"][0], 2800) + tc(yn("organized_by_hrss"), 4800, span=2),
            tc(LABEL["needs_matched"][0], 2800) + tc(yn("needs_matched"), 4800, span=2),
            tc(LABEL["funds_mohrss"][0], 2800) + tc(f"{v['funds_mohrss'] / 10000:g}", 2400) + tc("万元", 2400),
            tc(LABEL["funds_matching"][0], 2800) + tc(f"{v['funds_matching'] / 10000:g}", 2400) + tc("万元", 2400),
            tc(LABEL["funds_matching_source"][0], 2800) + tc(v["funds_matching_source"], 4800, span=2),
            tc(LABEL["support_measures"][0], 2800) + tc(yn("support_measures", "有", "无"), 4800, span=2),
            tc(LABEL["support_measures_desc"][0], 2800) + tc(v["support_measures_desc"], 4800, span=2),
            tc(LABEL["publicity"][0], 2800) + tc(yn("publicity", "有", "无"), 4800, span=2)]
    body += p(r(SECTION["organized_by_hrss"], b=True)) + table(last, [2800, 2400, 2400])
    items = v.get("publicity_items") or []
    if items:
        rows = [tc("报道标题", 3200) + tc("刊发媒体", 2400) + tc("刊发日期", 2000)]
        rows += [tc(i["title"], 3200) + tc(i["media"], 2400) + tc(i["date"].replace("-", "."), 2000) for i in items]
        body += p(r("宣传报道情况", b=True)) + table(rows, [3200, 2400, 2000])
    write_docx(path, body, header_text=v["unit"])


def paras_docx(path, paras, header_text=None, table_rows=None):
    """Plain paragraphs (audit report, summary); table_rows after the
    paragraph that says 单位：元."""
    body = ""
    for t in paras:
        body += p(split_runs(t), jc="center" if t is paras[0] else None)
        if table_rows and t.startswith("金额单位"):
            rows = [tc(a, 3600) + tc(b, 2400) for a, b in table_rows]
            body += table(rows, [3600, 2400])
    write_docx(path, body, header_text)
