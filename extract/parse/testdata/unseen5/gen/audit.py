"""Audit reports of the fifth corpus, worded the way Shanghai firms write
专项审计 reports: a 审计报告 addressed to the unit, the opinion paragraph
in one of the four types (with or without a stated 审计意见类型 line),
an emphasis-of-matter paragraph that leaves the type alone, the service
period in one sentence, and the accounts as 预算数/决算数 columns or as
收入 and 支出 side by side. Also a 决算说明 the unit wrote itself."""
import html

E = html.escape
CN = "〇一二三四五六七八九"

IN = [("received_mohrss", "人力资源社会保障部资助经费"), ("received_municipal", "上海市人社局拨付经费")]
OUTR = [("spent_expert_fees", "专家咨询费（劳务费）"), ("spent_travel", "交通及住宿费"), ("spent_meetings", "会议场地费"),
        ("spent_training", "培训费"), ("spent_materials", "印刷及资料费"), ("spent_other", "其他费用")]


def cn_date(iso):
    y, m, d = iso.split("-")
    num = lambda n: CN[n] if n < 10 else (("十" if n < 20 else CN[n // 10] + "十") + (CN[n % 10] if n % 10 else ""))
    return "".join(CN[int(c)] for c in y) + "年" + num(int(m)) + "月" + num(int(d)) + "日"


def zh(iso):
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def money(x):
    return f"{x:,.2f}"


OPINION = {
    "unqualified": "我们认为，贵单位编制的{team}项目经费收支决算表在所有重大方面按照财政专项资金管理的有关规定编制，如实反映了该项目{y}年度的经费收支情况。",
    "qualified": "我们认为，除“形成保留意见的基础”段所述事项产生的影响外，贵单位编制的{team}项目经费收支决算表在所有重大方面按照有关规定编制，公允反映了该项目的经费收支情况。",
    "adverse": "我们认为，由于“形成否定意见的基础”段所述事项的重要性，贵单位编制的{team}项目经费收支决算表未能在所有重大方面按照有关规定编制，未能公允反映该项目的经费收支情况。",
    "disclaimer": "我们接受委托，对{team}项目经费收支决算表进行专项审计。由于“形成无法表示意见的基础”段所述事项的重要性，我们无法获取充分、适当的审计证据以为发表审计意见提供基础，因此，我们不对上述决算表发表审计意见。",
}
TYPE_LINE = {"unqualified": "标准无保留意见", "qualified": "保留意见", "adverse": "否定意见", "disclaimer": "无法表示意见"}
BASIS = {
    "unqualified": ("形成审计意见的基础", "我们按照中国注册会计师审计准则的规定执行了审计工作，在执行审计工作的过程中，我们获取的审计证据是充分、适当的，为发表审计意见提供了基础。"),
    "qualified": ("形成保留意见的基础", "项目列支的会议场地费中有8,600.00元未能提供会议签到表及会议通知，我们无法判断该部分支出与项目的相关性。"),
    "adverse": ("形成否定意见的基础", "经审计，决算表所列专家咨询费中包含依托单位在编人员的绩效工资，该事项对决算表的影响重大且具有广泛性。"),
    "disclaimer": ("形成无法表示意见的基础", "截至审计报告日，项目单位未能提供交通及住宿费的原始票据及专家签收单，我们也无法实施其他替代审计程序。"),
}
EMPHASIS = ("强调事项", "我们提醒决算表使用者关注，项目资金按规定实行专款专用、单独核算。本段内容不影响已发表的审计意见。")


def period(v):
    return f"该项目服务期间为{zh(v['service_start'])}至{zh(v['service_end'])}。"


def budget_table(v):
    """项目 | 预算数 | 决算数: the budget column is the plan, not the fact."""
    bud = {k: round(v[k] * 1.05, -2) for k, _ in OUTR}
    rows = [("一、收入", "", "")] + [(lab, money(v[k]), money(v[k])) for k, lab in IN]
    rows += [("收入合计", money(v["received_total"]), money(v["received_total"])), ("二、支出", "", "")]
    rows += [(lab, money(bud[k]), money(v[k])) for k, lab in OUTR]
    rows += [("支出合计", money(sum(bud.values())), money(v["spent_total"])), ("三、结余", "", money(v["balance"]))]
    r = "".join(f"<tr><td>{E(a)}</td><td align=right>{b}</td><td align=right>{c}</td></tr>" for a, b, c in rows)
    return f"<p style='text-align:right'>金额单位：人民币元</p><table border=1 cellspacing=0 cellpadding=3><tr><td>项目</td><td>预算数</td><td>决算数</td></tr>{r}</table>"


def side_table(v):
    """收入项目 | 金额 | 支出项目 | 金额, 结余 under it."""
    left = IN + [("received_total", "收入合计")]
    right = OUTR + [("spent_total", "支出合计")]
    n = max(len(left), len(right))
    r = ""
    for i in range(n):
        a = left[i] if i < len(left) else None
        b = right[i] if i < len(right) else None
        r += "<tr>" + (f"<td>{a[1]}</td><td align=right>{money(v[a[0]])}</td>" if a else "<td></td><td></td>")
        r += (f"<td>{b[1]}</td><td align=right>{money(v[b[0]])}</td>" if b else "<td></td><td></td>") + "</tr>"
    r += f"<tr><td>期末结余</td><td colspan=3 align=right>{money(v['balance'])}</td></tr>"
    return f"<p style='text-align:right'>单位：元</p><table border=1 cellspacing=0 cellpadding=3><tr><td>收入项目</td><td>金额</td><td>支出项目</td><td>金额</td></tr>{r}</table>"


def page(body):
    css = "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:10.5pt;line-height:1.5}"
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


def audit_html(v, o):
    team = v["team_name"]
    b = "<h2 style='text-align:center'>专项审计报告</h2>"
    b += f"<p style='text-align:right'>{E(o['number'])}</p><p>{E(v['unit'])}：</p>"
    if o.get("type_line"):
        b += f"<p>审计意见类型：{TYPE_LINE[v['opinion']]}</p>"
    b += f"<p><b>一、审计意见</b></p><p>我们审计了后附的{E(team)}项目经费收支决算表（以下简称决算表）。</p>"
    b += "<p>" + E(OPINION[v["opinion"]].format(team=team, y=2026)) + "</p>"
    bh, bt = BASIS[v["opinion"]]
    b += f"<p><b>二、{bh}</b></p><p>{E(bt)}</p>"
    if o.get("emphasis"):
        b += f"<p><b>三、{EMPHASIS[0]}</b></p><p>{EMPHASIS[1]}</p>"
    b += f"<p><b>{'四' if o.get('emphasis') else '三'}、项目基本情况</b></p><p>{E(period(v))}</p>"
    b += budget_table(v) if o.get("table") == "budget" else side_table(v)
    if v["balance"] > 0:
        b += (f"<p>关于结余资金的专项说明：项目结余{money(v['balance'])}元，主要为部分线上培训未发生场地费用，"
              "结余资金已于2026年11月全额退回上海市人力资源和社会保障局。</p>")
    b += f"<p style='text-align:right'>{E(v['auditor'])}（盖章）</p>"
    b += "<p style='text-align:right'>中国注册会计师（项目合伙人）：顾佳敏　　中国注册会计师：沈伟</p>"
    b += f"<p style='text-align:right'>中国·上海　　{cn_date(v['report_date']) if o.get('cn_date') else zh(v['report_date'])}</p>"
    return page(b)


def audit_paras(v, o):
    """The same report as paragraphs and a two-column table, for Word XML."""
    team = v["team_name"]
    bh, bt = BASIS[v["opinion"]]
    out = ["专项审计报告", o["number"], f"{v['unit']}："]
    if o.get("type_line"):
        out.append(f"审计意见类型：{TYPE_LINE[v['opinion']]}")
    out += ["一、审计意见", f"我们审计了后附的{team}项目经费收支决算表（以下简称决算表）。",
            OPINION[v["opinion"]].format(team=team, y=2026), f"二、{bh}", bt]
    if o.get("emphasis"):
        out += [f"三、{EMPHASIS[0]}", EMPHASIS[1]]
    out += ["项目基本情况", period(v), "金额单位：元"]
    rows = [("项目", "决算数")] + [(lab, money(v[k])) for k, lab in IN] + [("收入合计", money(v["received_total"]))]
    rows += [(lab, money(v[k])) for k, lab in OUTR] + [("支出合计", money(v["spent_total"])), ("结余", money(v["balance"]))]
    out += [f"{v['auditor']}（盖章）", "中国注册会计师：顾佳敏　沈伟", zh(v["report_date"])]
    return out, rows


def accounts_html(v):
    """A 决算说明 the unit wrote itself: no firm, no opinion."""
    team = v["team_name"]
    b = f"<h2 style='text-align:center'>关于{E(team)}项目经费使用情况的决算说明</h2>"
    b += f"<p>根据沪人社专〔2026〕109号文件要求，现将{E(team)}项目经费收支情况说明如下：</p>"
    b += f"<p>一、项目执行情况。{E(period(v))}</p><p>二、经费收支情况。</p>" + side_table(v)
    b += "<p>三、经费管理情况。项目经费实行专账核算，支出均按单位财务制度审批。</p>"
    b += f"<p style='text-align:right'>{E(v['unit'])}（财务处代章）</p><p style='text-align:right'>{zh(v['report_date'])}</p>"
    return page(b)
