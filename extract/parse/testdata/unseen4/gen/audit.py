"""Audit reports of the fourth corpus: the opinion stated only in the
opinion paragraph, in the four types of the Chinese auditing standards,
with and without an emphasis-of-matter paragraph; report numbers in many
bracket styles; and a 决算报告 the unit made itself, audited by nobody."""
import html

E = html.escape
CN = "〇一二三四五六七八九"

ROWS = [("received_mohrss", "人力资源社会保障部支持资金"), ("received_municipal", "上海市人社局配套资金"),
        ("received_total", "到位资金合计"), ("spent_expert_fees", "专家劳务费"), ("spent_travel", "差旅费（交通、食宿）"),
        ("spent_meetings", "会议费"), ("spent_training", "培训费"), ("spent_materials", "资料印刷费"),
        ("spent_other", "其他支出"), ("spent_total", "实际支出合计"), ("balance", "结余资金")]


def cn_date(iso):
    y, m, d = iso.split("-")
    num = lambda n: CN[n] if n < 10 else ("十" + (CN[n % 10] if n % 10 else "") if n < 20 else CN[n // 10] + "十" + (CN[n % 10] if n % 10 else ""))
    return "".join(CN[int(c)] for c in y) + "年" + num(int(m)) + "月" + num(int(d)) + "日"


def zh_date(iso):
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def money(x):
    return f"{x:,.2f}"


OPINION = {
    "unqualified": ("我们认为，后附的经费决算表在所有重大方面按照《专家服务基层项目经费管理办法》的规定编制，"
                    "公允反映了{team}截至{end}的经费收支情况。"),
    "qualified": ("我们认为，除“形成保留意见的基础”部分所述事项可能产生的影响外，后附的经费决算表在所有重大方面按照"
                  "《专家服务基层项目经费管理办法》的规定编制，公允反映了{team}的经费收支情况。"),
    "adverse": ("我们认为，由于“形成否定意见的基础”部分所述事项的重要性，后附的经费决算表没有在所有重大方面按照"
                "《专家服务基层项目经费管理办法》的规定编制，未能公允反映{team}的经费收支情况。"),
    "disclaimer": ("我们接受委托，审计{team}的经费决算表。我们不对后附的经费决算表发表审计意见。由于“形成无法表示意见的基础”"
                   "部分所述事项的重要性，我们无法获取充分、适当的审计证据以作为对经费决算表发表审计意见的基础。"),
}
BASIS = {
    "qualified": ("二、形成保留意见的基础", "部分差旅费报销凭证未附行程单，我们无法确认其中12,300.00元支出的真实性。"),
    "adverse": ("二、形成否定意见的基础", "经费决算表将依托单位日常办公支出计入项目支出，金额重大且具有广泛性。"),
    "disclaimer": ("二、形成无法表示意见的基础", "项目组未能提供专家劳务费发放的签收记录及银行流水，我们无法实施替代程序。"),
    "unqualified": ("二、形成审计意见的基础", "我们按照中国注册会计师审计准则的规定执行了审计工作。我们相信，我们获取的审计证据是充分、适当的。"),
}


def amounts_table(v):
    r = "".join(f"<tr><td>{E(lab)}</td><td align=right>{money(v[k])}</td></tr>" for k, lab in ROWS)
    return f"<p style='text-align:right'>单位：元</p><table border=1 cellspacing=0><tr><td>项目</td><td>金额</td></tr>{r}</table>"


def audit_html(v, o):
    team, unit = v["team_name"], v["unit"]
    b = f"<h2 style='text-align:center'>{E(team)}项目经费决算审计报告</h2>"
    b += f"<p style='text-align:center'>{E(o['number'])}</p>"
    b += f"<p>{E(unit)}：</p><h3>一、审计意见</h3>"
    b += f"<p>我们审计了后附的{E(team)}2026年度项目经费决算表及其附注。</p>"
    b += "<p>" + E(OPINION[v["opinion"]].format(team=team, end=zh_date(v["service_end"]))) + "</p>"
    head, basis = BASIS[v["opinion"]]
    b += f"<h3>{head}</h3><p>{E(basis)}</p>"
    if o.get("emphasis"):
        b += ("<h3>三、强调事项</h3><p>我们提醒经费决算表使用者关注，项目结余资金已于2026年11月退回市人社局。"
              "本段内容不影响已发表的审计意见。</p>")
    b += "<h3>四、项目基本情况</h3>"
    b += f"<p>服务活动于{zh_date(v['service_start'])}开始，至{zh_date(v['service_end'])}全部完成。</p>"
    b += amounts_table(v)
    if v["balance"] > 0:
        b += f"<p>结余资金专项说明：结余{money(v['balance'])}元系部分专家放弃劳务费所致，已全额退回市人社局。</p>"
    b += f"<p style='text-align:right'>{E(v['auditor'])}</p><p style='text-align:right'>中国注册会计师：李文华　陈晓</p>"
    b += f"<p style='text-align:right'>{cn_date(v['report_date']) if o.get('cn_date') else zh_date(v['report_date'])}</p>"
    return page(b)


def accounts_html(v):
    """A 决算报告 the unit made itself: no auditor, no opinion."""
    team, unit = v["team_name"], v["unit"]
    b = f"<h2 style='text-align:center'>{E(team)}2026年度经费决算报告</h2>"
    b += f"<p>根据专家服务基层活动经费管理要求，现将{E(team)}经费使用情况报告如下。</p>"
    b += f"<p>一、服务活动于{zh_date(v['service_start'])}开始，{zh_date(v['service_end'])}结束。</p>"
    b += "<p>二、经费收支情况</p>" + amounts_table(v)
    b += f"<p style='text-align:right'>{E(unit)}财务处</p><p style='text-align:right'>{zh_date(v['report_date'])}</p>"
    return page(b)


def page(body):
    css = "body{font-family:'Noto Serif CJK SC',serif;font-size:10.5pt}"
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


def audit_paras(v, o):
    """The same report as plain paragraphs for a raw Word file."""
    team = v["team_name"]
    out = [f"{team}项目经费决算审计报告", o["number"], f"{v['unit']}：", "一、审计意见",
           f"我们审计了后附的{team}2026年度项目经费决算表及其附注。",
           OPINION[v["opinion"]].format(team=team, end=zh_date(v["service_end"])), *BASIS[v["opinion"]],
           f"服务活动于{zh_date(v['service_start'])}开始，至{zh_date(v['service_end'])}全部完成。", "单位：元"]
    out += [f"{lab}：{money(v[k])}元" for k, lab in ROWS]
    out += [v["auditor"], "中国注册会计师：周立　吴倩", zh_date(v["report_date"])]
    return out
