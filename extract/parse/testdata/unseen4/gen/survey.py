"""The survey (附件4) of the fourth corpus as HTML for LibreOffice Writer,
Calc and Chromium, in four layouts: pairs (label | value), inline
("对接项目数：5个" in one line or cell), quad (two pairs a row) and form
(the printed form's sentences with ☑/☐ boxes and __7__ blanks)."""
import html

from values import FIELDS
from wording import BOOLS, ITEMS, LABEL, MONEY, SECTION, TEXTS, UNIT, CHOICE

TITLE = "2026年专家人才服务基层活动实施成效调查表"
E = html.escape


def box(on):
    return "☑" if on else "☐"


def count_text(v, k, o):
    if k in o.get("approx", {}):
        return o["approx"][k]
    if k in o.get("wan", {}):
        return o["wan"][k]
    n = v.get(k)
    if n is None:
        return ""
    return f"{n}{UNIT.get(k, '')}" if o.get("units") else str(n)


def bool_text(v, k, o):
    b = v[k]
    a, c = ("是", "否") if CHOICE[k] == "是否" else ("有", "无")
    return f"{box(b)}{a} {box(not b)}{c}"


def money_text(v, k, o):
    w = v[k] / 10000
    w = int(w) if w == int(w) else w
    return str(w) if o.get("banner") else f"{w}万元"


def fields_text(v):
    return " ".join(f"{box(f in v['service_fields'])}{f}" for f in FIELDS)


def mode_text(v, o):
    if o.get("no_mode"):
        return "☐一次服务 ☐分批次服务"
    once = v["service_mode"] == "once"
    return f"{box(once)}一次服务 {box(not once)}分批次服务"


def label(k, o):
    s = LABEL[k][o.get("wording", 0)]
    if o.get("split") and len(s) > 8 and k in o.get("split_keys", ()):
        s = s[:len(s) // 2] + "<br>" + s[len(s) // 2:]
        return s
    return E(s)


def rows(v, o):
    """(section, key, label html, value text) in form order."""
    out = [(None, "service_mode", "服务形式", mode_text(v, o)), (None, "service_fields", "服务领域（可多选）", fields_text(v))]
    names = {"key_counties_national": "key_counties_national_names", "key_counties_provincial": "key_counties_provincial_names"}
    for k, *_ in ITEMS:
        if k in ("batch_count", "batch_days_total") and v["service_mode"] == "once" or \
                k == "service_days" and v["service_mode"] != "once":
            continue
        out.append((SECTION.get(k), k, label(k, o), count_text(v, k, o)))
        if k == "region_units":
            out.append((None, "key_counties", label("key_counties", o), bool_text(v, "key_counties", o)))
        if k in names and v.get(names[k]):
            out.append((None, names[k], "分别是", "、".join(v[names[k]])))
        if k == "joint_research" and v.get("joint_research_form"):
            out.append((None, "joint_research_form", label("joint_research_form", o), v["joint_research_form"]))
        if k == "entities_founded":
            for t in ("economic_benefit", "social_benefit", "industry_impact"):
                out.append((None, t, label(t, o), v[t]))
    out.append(("五、组织实施情况", "organized_by_hrss", label("organized_by_hrss", o), bool_text(v, "organized_by_hrss", o)))
    out.append((None, "needs_matched", label("needs_matched", o), bool_text(v, "needs_matched", o)))
    for k, *_ in MONEY:
        out.append((None, k, label(k, o) + ("" if o.get("banner") else ""), money_text(v, k, o)))
    out.append((None, "funds_matching_source", label("funds_matching_source", o), v["funds_matching_source"]))
    out.append((None, "support_measures", label("support_measures", o), bool_text(v, "support_measures", o)))
    out.append((None, "support_measures_desc", label("support_measures_desc", o), v["support_measures_desc"]))
    out.append((None, "publicity", label("publicity", o), bool_text(v, "publicity", o)))
    return out


def publicity_table(v):
    if not v["publicity_items"]:
        return ""
    r = "".join(f"<tr><td>{E(i['media'])}</td><td>{i['date']}</td><td>{E(i['title'])}</td></tr>" for i in v["publicity_items"])
    return f"<p>宣传情况：</p><table border=1 cellspacing=0><tr><td>媒体名称</td><td>发布时间</td><td>篇名</td></tr>{r}</table>"


def head(v, o):
    h = f"<h2 style='text-align:center'>{TITLE}</h2>"
    h += f"<p>服务团名称：{E(v['team_name'])}</p><p>依托单位（盖章）：{E(v['unit'])}</p>"
    h += "<p>填表人：王敏　　联系电话：021-63330000</p>"
    if o.get("banner"):
        h += "<p style='text-align:right'>金额单位：万元</p>"
    return h


def page(body, o):
    css = "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:10pt} td{padding:2px 4px}"
    if o.get("narrow"):
        css += " td.v{width:1.2em}"
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


def survey_html(v, o):
    lay = o["layout"]
    b = head(v, o)
    rs = rows(v, o)
    if lay == "pairs":
        b += "<table border=1 cellspacing=0 width='100%'>"
        for sec, k, lab, val in rs:
            if sec:
                b += f"<tr><td colspan=2><b>{sec}</b></td></tr>"
            b += f"<tr><td width='55%'>{lab}</td><td>{E(val)}</td></tr>"
        b += "</table>"
    elif lay == "vertical":
        # a narrow first column with the section's name one character a line
        groups, cur = [], None
        for sec, k, lab, val in rs:
            if sec or cur is None:
                cur = [sec or "一、服务活动基本情况", []]
                groups.append(cur)
            cur[1].append((lab, val))
        b += "<table border=1 cellspacing=0 width='100%'>"
        for sec, items in groups:
            name = sec.split("、", 1)[1]
            vert = "<br>".join(name)
            for i, (lab, val) in enumerate(items):
                first = f"<td rowspan={len(items)} class=v>{vert}</td>" if i == 0 else ""
                b += f"<tr>{first}<td>{lab}</td><td>{E(val)}</td></tr>"
        b += "</table>"
    elif lay == "inline":
        for sec, k, lab, val in rs:
            if sec:
                b += f"<h3>{sec}</h3>"
            b += f"<p>{lab}：{E(val)}</p>"
    elif lay == "inline-table":
        b += "<table border=1 cellspacing=0>"
        cells = [f"{lab}：{E(val)}" for _, k, lab, val in rs]
        for i in range(0, len(cells), 2):
            pair = cells[i:i + 2]
            b += "<tr>" + "".join(f"<td>{c}</td>" for c in pair) + "</tr>"
        b += "</table>"
    elif lay == "quad":
        b += "<table border=1 cellspacing=0 width='100%'>"
        flat = [(k, lab, val) for _, k, lab, val in rs]
        i = 0
        while i < len(flat):
            k, lab, val = flat[i]
            if k in ("service_fields", "service_mode") or len(val) > 14:
                b += f"<tr><td>{lab}</td><td colspan=3>{E(val)}</td></tr>"
                i += 1
                continue
            nxt = flat[i + 1] if i + 1 < len(flat) else None
            if nxt and not (nxt[0] in ("service_fields",) or len(nxt[2]) > 14):
                b += f"<tr><td>{lab}</td><td>{E(val)}</td><td>{nxt[1]}</td><td>{E(nxt[2])}</td></tr>"
                i += 2
            else:
                b += f"<tr><td>{lab}</td><td colspan=3>{E(val)}</td></tr>"
                i += 1
        b += "</table>"
    else:
        raise ValueError(lay)
    b += publicity_table(v)
    return page(b, o)


def blank(n):
    return f"__{n}__"


def form_html(v, o):
    """The printed form's own sentences, filled in on the blanks."""
    once = v["service_mode"] == "once"
    g = lambda k: blank(v.get(k, "") if k not in o.get("approx", {}) else o["approx"][k])
    yn = lambda k: bool_text(v, k, o)
    b = head(v, o)
    b += "<h3>一、服务活动基本情况</h3>"
    b += f"<p>1.服务形式：{box(once)}一次服务，服务天数{g('service_days') if once else '____'}天；" \
         f"{box(not once)}分批次服务，服务次数{g('batch_count') if not once else '____'}次，累计服务天数{g('batch_days_total') if not once else '____'}天</p>"
    b += f"<p>2.服务领域（可多选）：{fields_text(v)}</p>"
    b += f"<p>3.服务地区：覆盖{g('region_cities')}个地市，{g('region_counties')}个区县，{g('region_units')}家企事业单位；" \
         f"是否包含国家级/省级乡村振兴重点帮扶县：{yn('key_counties')}，国家级{g('key_counties_national')}个，" \
         f"分别是{'、'.join(v.get('key_counties_national_names', [])) or '____'}；省级{g('key_counties_provincial')}个，" \
         f"分别是{'、'.join(v.get('key_counties_provincial_names', [])) or '____'}</p>"
    b += f"<p>4.开展各类服务活动总场次：{g('activities_total')}场</p><p>5.对接项目数量：{g('projects_matched')}个</p>"
    b += "<h3>二、参与专家人才情况</h3>"
    b += f"<p>总人数{g('experts_total')}人，总人次{g('expert_attendances')}人次。其中：正高级职称{g('senior_full')}人，" \
         f"副高级职称{g('senior_deputy')}人；两院院士{g('academicians')}人，全国杰出专业技术人员{g('outstanding_professionals')}人，" \
         f"百千万人才工程国家级人选{g('talent_project')}人，享受政府特殊津贴专家{g('special_allowance')}人，博士后{g('postdocs')}人，" \
         f"留学回国人员{g('returnees')}人</p>"
    b += f"<p>专家来源：本省（区、市）{g('source_local')}人，外省（区、市）{g('source_other_province')}人，" \
         f"港澳台{g('source_hmt')}人，国外{g('source_foreign')}人</p>"
    b += "<h3>三、服务活动开展情况</h3>"
    jf = v.get("joint_research_form") or "____"
    b += f"<p>技术指导：现场指导{g('guidance_onsite')}次，远程指导{g('guidance_remote')}次；联合攻关（{jf}）{g('joint_research')}次；" \
         f"座谈交流会{g('symposiums')}场；专题讲座{g('lectures')}场；技术培训：现场培训{g('training_onsite')}场，远程培训{g('training_remote')}场；" \
         f"咨询对接活动{g('consultations')}场；示范带教{g('demonstrations')}场；义诊{g('free_clinics')}场；科普讲座{g('science_lectures')}场；" \
         f"科普展览{g('science_exhibitions')}场</p>"
    b += "<h3>四、实施成效</h3>"
    b += f"<p>破解技术难题{g('problems_solved')}个，带动重点科研项目{g('key_projects')}个，推广新技术新工艺{g('new_techniques')}种，" \
         f"推广新品种{g('new_varieties')}种，转化科技成果{g('achievements_transferred')}项；培训成效：基层专业技术人员{g('trained_professionals')}人次，" \
         f"群众{g('trained_public')}人次；义诊成效：问诊{g('clinic_consultations')}人次，检查{g('clinic_examinations')}人次，" \
         f"治疗{g('clinic_treatments')}人次；指导战略规划{g('strategic_plans')}个，决策咨询{g('decision_consulting')}项，" \
         f"达成中长期合作意向{g('cooperation_intents')}个，签订合作协议{g('agreements_signed')}项，产学研联盟{g('alliances')}个，" \
         f"专家领办、联办、协办各类经济实体{g('entities_founded')}个</p>"
    b += f"<p>取得经济效益：{E(v['economic_benefit'])}</p><p>取得社会效益：{E(v['social_benefit'])}</p>" \
         f"<p>推动产业发展：{E(v['industry_impact'])}</p><p>惠及基层群众{g('beneficiaries')}人</p>"
    b += "<h3>五、组织实施情况</h3>"
    b += f"<p>1.是否由本省（区、市）人力资源社会保障厅（局）或国务院有关部委组织人事部门负责组织实施：{yn('organized_by_hrss')}</p>"
    b += f"<p>2.前期是否与基层单位对接需求：{yn('needs_matched')}</p>"
    mo, mm = money_text(v, "funds_mohrss", {}), money_text(v, "funds_matching", {})
    b += f"<p>3.服务团经费：人力资源社会保障部支持资金{blank(mo.replace('万元', ''))}万元；配套资金金额{blank(mm.replace('万元', ''))}万元，" \
         f"来源{blank(v['funds_matching_source'])}</p>"
    b += f"<p>4.对参加服务活动专家人才的服务保障措施：{yn('support_measures')}，具体描述：{E(v['support_measures_desc'])}</p>"
    b += f"<p>5.是否对服务团组织实施情况开展宣传：{yn('publicity')}</p>"
    b += publicity_table(v)
    return page(b, o)
