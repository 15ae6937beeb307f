"""The survey (附件4) of the fifth corpus as HTML for LibreOffice Writer,
Calc and Chromium, in three layouts none of the earlier corpora has:
indicator (序号 | 指标名称 | 计量单位 | 填报数, W0), hand (the form's
sentences filled in by hand: √ and ■ ticks, （√） marks, numbers on
underscores, W1) and header (each section a row of column headers with
the values in the row below, W2, units in the headers)."""
import html

from values import FIELDS
from wording import BOOLS, ITEMS, LABEL, MONEY, SECTION, TEXTS, UNIT

E = html.escape
TITLE = "专家人才服务基层活动实施成效调查表（2026年度）"


def order(v):
    """The keys in the form's order with the names lists where they belong."""
    out = ["service_mode"]
    for k, *_ in ITEMS:
        if k == "service_days" and v["service_mode"] != "once" or \
                k in ("batch_count", "batch_days_total") and v["service_mode"] == "once":
            continue
        if k == "region_cities":
            out.append("service_fields")
        out.append(k)
        if k == "region_units":
            out.append("key_counties")
        if k in ("key_counties_national", "key_counties_provincial") and v.get(k + "_names"):
            out.append(k + "_names")
        if k == "joint_research" and v.get("joint_research_form"):
            out.append("joint_research_form")
        if k == "entities_founded":
            out += ["economic_benefit", "social_benefit", "industry_impact"]
    out += ["organized_by_hrss", "needs_matched", "funds_mohrss", "funds_matching", "funds_matching_source",
            "support_measures", "support_measures_desc", "publicity"]
    return out


YESNO = {"support_measures": ("有", "无"), "publicity": ("有", "无")}


def plain(v, k, w, o):
    """A value as typed into a cell: counts bare (the unit is elsewhere)."""
    if k in o.get("approx", {}):
        return o["approx"][k]
    x = v.get(k)
    if k == "service_mode":
        return "一次服务" if x == "once" else "分批次服务"
    if k == "service_fields":
        return "、".join(x)
    if k.endswith("_names"):
        return "，".join(x)
    if isinstance(x, bool):
        a, b = YESNO.get(k, ("是", "否"))
        return a if x else b
    if k in ("funds_mohrss", "funds_matching"):
        return o.get("money", lambda y: f"{y / 10000:g}")(x)
    return "" if x is None else str(x)


def label(k, w):
    if k.endswith("_names"):
        return ("国家级帮扶县名称", "分别为", "国家级县名")[w] if "national" in k else ("省级帮扶县名称", "分别为", "省级县名")[w]
    if k == "service_mode":
        return ("服务方式", "服务方式", "服务方式")[w]
    if k == "service_fields":
        return ("服务涉及领域", "服务领域", "领域")[w]
    return LABEL[k][w]


def unit_of(k, o):
    if k in ("funds_mohrss", "funds_matching"):
        return o.get("money_unit", "万元")
    return UNIT.get(k, "")


def publicity_table(v, o):
    items = v.get("publicity_items") or []
    if not items:
        return ""
    date = o.get("date", lambda d: d)
    r = "".join(f"<tr><td>{i + 1}</td><td>{E(x['title'])}</td><td>{E(x['media'])}</td><td>{date(x['date'])}</td></tr>"
                for i, x in enumerate(items))
    return ("<p><b>宣传报道情况</b></p><table border=1 cellspacing=0 cellpadding=3>"
            f"<tr><td>序号</td><td>报道标题</td><td>刊发媒体</td><td>刊发日期</td></tr>{r}</table>")


def head(v, o):
    h = f"<p style='text-align:center;font-size:15pt'><b>{TITLE}</b></p>"
    h += f"<p>服务团（项目）名称：{E(v['team_name'])}</p>"
    h += f"<p>{o.get('unit_label', '依托单位名称（盖章）')}：{E(v['unit'])}</p>"
    h += "<p>填报人：陆婷婷　　手机：13816620000　　填报日期：2026年11月12日</p>"
    return h


def page(body, o=None):
    css = "body{font-family:'Noto Serif CJK SC',serif;font-size:10pt} td{padding:2px 3px;vertical-align:top}"
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


def indicator_html(v, o):
    """序号 | 指标名称 | 计量单位 | 填报数, section rows spanning the width."""
    b = head(v, o) + "<table border=1 cellspacing=0 width='100%'>"
    b += "<tr><td><b>序号</b></td><td><b>指标名称</b></td><td><b>计量单位</b></td><td><b>填报数</b></td></tr>"
    n = 0
    for k in order(v):
        if k in SECTION:
            b += f"<tr><td colspan=4><b>{SECTION[k]}</b></td></tr>"
        n += 1
        b += f"<tr><td>{n}</td><td>{E(label(k, 0))}</td><td>{unit_of(k, o)}</td><td>{E(plain(v, k, 0, o))}</td></tr>"
    b += "</table>" + publicity_table(v, o)
    return page(b)


def header_html(v, o):
    """Each section as column headers (label with its unit) over a value row."""
    b = head(v, o)
    keys = order(v)
    groups, cur = [], None
    for k in keys:
        if k in SECTION or cur is None:
            cur = (SECTION.get(k, ""), [])
            groups.append(cur)
        cur[1].append(k)
    per = o.get("per_row", 6)
    for sec, ks in groups:
        b += f"<p><b>{sec}</b></p>"
        for i in range(0, len(ks), per):
            chunk = ks[i:i + per]
            hs = "".join(f"<td><b>{E(label(k, 2))}{'（' + unit_of(k, o) + '）' if unit_of(k, o) else ''}</b></td>" for k in chunk)
            vs = "".join(f"<td>{E(plain(v, k, 2, o))}</td>" for k in chunk)
            b += f"<table border=1 cellspacing=0 width='100%'><tr>{hs}</tr><tr>{vs}</tr></table>"
    b += publicity_table(v, o)
    return page(b)


def tick(on, o):
    return o.get("on", "√") if on else o.get("off", "□")


def blank(x):
    return f"<u>&nbsp;&nbsp;{E(str(x))}&nbsp;&nbsp;</u>" if x != "" else "________"


def hand_html(v, o):
    """The form's sentences, filled in by hand: ticks and underscores."""
    g = lambda k: blank(o["approx"][k]) if k in o.get("approx", {}) else blank(v.get(k, ""))
    yn = lambda k: (f"（{'√' if v[k] else ' '}）{YESNO.get(k, ('是', '否'))[0]}　（{' ' if v[k] else '√'}）{YESNO.get(k, ('是', '否'))[1]}")
    once = v["service_mode"] == "once"
    b = head(v, o)
    b += f"<p><b>{SECTION['service_mode']}</b></p>"
    b += f"<p>服务方式：{tick(once, o)}一次服务　{tick(not once, o)}分批次服务</p>"
    if once:
        b += f"<p>{LABEL['service_days'][1]}{g('service_days')}天。</p>"
    else:
        b += f"<p>{LABEL['batch_count'][1]}{g('batch_count')}批，{LABEL['batch_days_total'][1]}{g('batch_days_total')}天。</p>"
    b += "<p>服务领域：" + "　".join(f"{tick(f in v['service_fields'], o)}{f}" for f in FIELDS) + "</p>"
    b += "<p>" + "，".join(f"{LABEL[k][1]}{g(k)}{UNIT[k]}" for k in ("region_cities", "region_counties", "region_units")) + "。</p>"
    b += f"<p>{LABEL['key_counties'][1]}：{yn('key_counties')}</p>"
    for k in ("key_counties_national", "key_counties_provincial"):
        names = "，".join(v.get(k + "_names", [])) or "________"
        b += f"<p>{LABEL[k][1]}{g(k)}个，分别为{names}。</p>"
    b += f"<p>{LABEL['activities_total'][1]}{g('activities_total')}场，{LABEL['projects_matched'][1]}{g('projects_matched')}个。</p>"
    for sec, keys in (("experts_total", [k for k, *_ in ITEMS[10:24]]), ("guidance_onsite", [k for k, *_ in ITEMS[24:36]]),
                      ("problems_solved", [k for k, *_ in ITEMS[36:]])):
        b += f"<p><b>{SECTION[sec]}</b></p><p>"
        parts = []
        for k in keys:
            parts.append(f"{LABEL[k][1]}{g(k)}{UNIT[k]}")
            if k == "joint_research" and v.get("joint_research_form"):
                parts.append(f"{LABEL['joint_research_form'][1]}{blank(v['joint_research_form'])}")
        b += "；".join(parts) + "。</p>"
    for k in ("economic_benefit", "social_benefit", "industry_impact"):
        b += f"<p>{LABEL[k][1]}：{blank(v[k])}</p>"
    b += f"<p><b>{SECTION['organized_by_hrss']}</b></p>"
    for k in ("organized_by_hrss", "needs_matched"):
        b += f"<p>{LABEL[k][1]}：{yn(k)}</p>"
    b += (f"<p>{LABEL['funds_mohrss'][1]}{blank(plain(v, 'funds_mohrss', 1, o))}万元，{LABEL['funds_matching'][1]}"
          f"{blank(plain(v, 'funds_matching', 1, o))}万元，{LABEL['funds_matching_source'][1]}{blank(v['funds_matching_source'])}提供。</p>")
    b += f"<p>{LABEL['support_measures'][1]}：{yn('support_measures')}；{LABEL['support_measures_desc'][1]}{blank(v['support_measures_desc'])}</p>"
    b += f"<p>{LABEL['publicity'][1]}：{yn('publicity')}</p>"
    b += publicity_table(v, o)
    return page(b)


LAYOUTS = {"indicator": indicator_html, "header": header_html, "hand": hand_html}
