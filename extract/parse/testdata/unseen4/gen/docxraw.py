"""Word documents written as Word itself writes them (not re-saved by
LibreOffice): tables with gridSpan and vMerge, w14:checkbox content
controls, FORMCHECKBOX fields, underlined blanks and a text box."""
import zipfile
from xml.sax.saxutils import escape as X

from values import FIELDS
from wording import ITEMS, LABEL, UNIT

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="w14"')


def run(t, u=False, b=False):
    pr = ("<w:b/>" if b else "") + ('<w:u w:val="single"/>' if u else "")
    pr = f"<w:rPr>{pr}</w:rPr>" if pr else ""
    return f'<w:r>{pr}<w:t xml:space="preserve">{X(str(t))}</w:t></w:r>'


def p(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def sdt_box(on, name):
    ch = "2612" if on else "2610"
    return (f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{1 if on else 0}"/>'
            f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
            f'</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>{chr(int(ch, 16))}</w:t></w:r></w:sdtContent></w:sdt>'
            + run(name + " "))


def form_box(on, name):
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
            f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/><w:checked w:val="{1 if on else 0}"/></w:checkBox></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(name + "　"))


def textbox(text):
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
            'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="4000000" cy="300000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="Text Box 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="4000000" cy="300000"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{p(run(text))}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>'
            f'{p(run(text))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def tc(content, span=1, vmerge=None, w=2000):
    pr = f'<w:tcW w:w="{w * span}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "cont":
        pr += "<w:vMerge/>"
    if not content.startswith("<w:p>"):
        content = p(run(content)) if content else "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content}</w:tc>"


def tr(*cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def table(rows, cols=4):
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    return ('<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/>'
            '<w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>' + "".join(rows) + "</w:tbl>")


def write_docx(path, body):
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>'
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)


def survey_docx(path, v):
    """The survey as a Word table: section rows spanning the width, a
    vMerge'd group label for the experts' sources, check boxes as content
    controls (服务领域) and form fields (服务形式, yes/no), the unit in a
    text box, counts on underlined blanks."""
    once = v["service_mode"] == "once"
    body = p(run("2026年专家人才服务基层活动实施成效调查表", b=True))
    body += p(textbox("依托单位：" + v["unit"]))
    rows = [tr(tc("服务团名称"), tc(v["team_name"], span=3)),
            tr(tc("服务形式"), tc(p(form_box(once, "一次服务"), form_box(not once, "分批次服务")), span=3)),
            tr(tc("服务领域（可多选）"), tc(p(*[sdt_box(f in v["service_fields"], f) for f in FIELDS]), span=3))]
    yn = lambda k, a="是", c="否": p(form_box(v[k], a), form_box(not v[k], c))
    skip = {"service_days", "batch_count", "batch_days_total"} - ({"service_days"} if once else {"batch_count", "batch_days_total"})
    sources = ["source_local", "source_other_province", "source_hmt", "source_foreign"]
    sub = {"source_local": "本省（区、市）", "source_other_province": "外省（区、市）", "source_hmt": "港澳台", "source_foreign": "国外"}
    flat = []
    for k, b, c, u in ITEMS:
        if k in skip or k in sources:
            continue
        flat.append((c, p(run("  "), run(f" {v[k]} ", u=True), run(u))))
        if k == "region_units":
            flat.append(("是否包含乡村振兴重点帮扶县", yn("key_counties")))
        if k == "returnees":
            # the group label, merged down over its four rows
            for i, s in enumerate(sources):
                rows_flat = (("专家来源" if i == 0 else ""), "restart" if i == 0 else "cont", sub[s], v[s])
                flat.append(("__src__",) + rows_flat)
    i = 0
    while i < len(flat):
        it = flat[i]
        if it[0] == "__src__":
            _, lab, vm, s, n = it
            rows.append(tr(tc(lab, vmerge=vm), tc(s), tc(p(run(f" {n} ", u=True), run("人")), span=2)))
            i += 1
            continue
        nxt = flat[i + 1] if i + 1 < len(flat) and flat[i + 1][0] != "__src__" else None
        if nxt:
            rows.append(tr(tc(it[0]), tc(it[1]), tc(nxt[0]), tc(nxt[1])))
            i += 2
        else:
            rows.append(tr(tc(it[0]), tc(it[1], span=3)))
            i += 1
    for k in ("joint_research_form", "economic_benefit", "social_benefit", "industry_impact"):
        if v.get(k):
            rows.append(tr(tc(LABEL[k][0]), tc(v[k], span=3)))
    rows.append(tr(tc("五、组织实施情况", span=4)))
    rows.append(tr(tc("是否由人社部门负责组织实施"), tc(yn("organized_by_hrss")), tc("前期是否与基层单位对接需求"), tc(yn("needs_matched"))))
    rows.append(tr(tc("人力资源社会保障部支持资金（万元）"), tc(str(int(v["funds_mohrss"] / 10000))),
                   tc("配套资金金额（万元）"), tc(str(int(v["funds_matching"] / 10000)))))
    rows.append(tr(tc("配套资金来源"), tc(v["funds_matching_source"], span=3)))
    rows.append(tr(tc("服务保障措施"), tc(yn("support_measures", "有", "无")), tc("具体描述"), tc(v["support_measures_desc"])))
    rows.append(tr(tc("是否开展宣传"), tc(yn("publicity", "有", "无"), span=3)))
    body += table(rows)
    if v["publicity_items"]:
        prow = [tr(tc("媒体名称"), tc("发布时间"), tc("篇名", span=2))]
        prow += [tr(tc(i["media"]), tc(i["date"]), tc(i["title"], span=2)) for i in v["publicity_items"]]
        body += p(run("宣传情况")) + table(prow)
    write_docx(path, body)


def paras_docx(path, paras, box=None):
    body = ""
    if box:
        body += p(textbox(box))
    body += "".join(p(run(t)) for t in paras)
    write_docx(path, body)
