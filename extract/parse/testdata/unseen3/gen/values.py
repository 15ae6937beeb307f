"""Survey and audit values of the third unseen corpus, drawn consistently
(they pass the S and A rules unless a layout blanks a field), and the
ways a cell can carry them."""
import random

from fods import Num, F

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

FIELDS = ["农业", "林业", "畜牧业", "渔业", "环保", "机械制造", "能源", "冶金", "化工", "通讯", "交通", "电商服务",
          "医疗", "生物医药", "教育", "文旅", "人工智能", "城乡规划", "产业规划"]
COUNTIES = ["墨玉县", "洛宁县", "丘北县", "宣威市", "会泽县", "叶城县", "皮山县", "岳普湖县", "镇雄县", "屏边县", "石屏县", "巴楚县"]
ACT = ["guidance_onsite", "guidance_remote", "joint_research", "symposiums", "lectures", "training_onsite", "training_remote",
       "consultations", "demonstrations", "free_clinics", "science_lectures", "science_exhibitions"]
OUT = ["problems_solved", "key_projects", "new_techniques", "new_varieties", "achievements_transferred", "strategic_plans",
       "decision_consulting", "cooperation_intents", "agreements_signed", "alliances", "entities_founded"]
LEVELS = ["senior_full", "senior_deputy", "academicians", "outstanding_professionals", "talent_project", "special_allowance",
          "postdocs", "returnees"]
SOURCES = ["source_local", "source_other_province", "source_hmt", "source_foreign"]
MEDIA = ["上海人社微信公众号", "解放日报", "新民晚报", "上海科技报", "东方网", "新疆日报", "云南日报"]

UNIT = {  # the unit a count is counted in, as the form writes it
    "service_days": "天", "batch_count": "次", "batch_days_total": "天", "region_cities": "个", "region_counties": "个",
    "region_units": "家", "key_counties_national": "个", "key_counties_provincial": "个", "activities_total": "场",
    "projects_matched": "个", "experts_total": "人", "expert_attendances": "人次", "guidance_onsite": "次",
    "guidance_remote": "次", "joint_research": "次", "problems_solved": "个", "key_projects": "个", "new_techniques": "种",
    "new_varieties": "种", "achievements_transferred": "项", "trained_professionals": "人次", "trained_public": "人次",
    "clinic_consultations": "人次", "clinic_examinations": "人次", "clinic_treatments": "人次", "strategic_plans": "个",
    "decision_consulting": "项", "cooperation_intents": "个", "agreements_signed": "项", "alliances": "个",
    "entities_founded": "个", "beneficiaries": "人",
}
for k in LEVELS + SOURCES:
    UNIT[k] = "人"
for k in ACT[3:]:
    UNIT.setdefault(k, "场")


def survey_values(seed, tid, mode=None):
    R = random.Random(seed)
    team, unit, level = TEAMS[tid]
    v = {"team_name": team, "unit": unit}
    mode = mode or R.choice(["once", "batches"])
    v["service_mode"] = mode
    if mode == "once":
        v["service_days"] = R.randint(2, 9)
        v["_batches"] = None
    else:
        days = [R.randint(1, 5) for _ in range(R.randint(2, 5))]
        v["_batches"] = days
        v["batch_count"] = len(days)
        v["batch_days_total"] = sum(days)
    chosen = set(R.sample(FIELDS, R.randint(1, 3)))
    v["service_fields"] = [f for f in FIELDS if f in chosen]
    v["region_cities"], v["region_counties"], v["region_units"] = R.randint(1, 6), R.randint(1, 12), R.randint(5, 60)
    kc = R.random() < 0.7
    v["key_counties"] = kc
    if kc:
        n, p = R.randint(0, 2), R.randint(0, 2)
        if n + p == 0:
            n = 1
        names = R.sample(COUNTIES, n + p)
        v["key_counties_national"], v["key_counties_provincial"] = n, p
        v["key_counties_national_names"], v["key_counties_provincial_names"] = names[:n], names[n:]
    else:
        v["key_counties_national"] = v["key_counties_provincial"] = 0
        v["key_counties_national_names"] = v["key_counties_provincial_names"] = []
    for k in ACT:
        v[k] = R.choice([0, 0, R.randint(1, 15), R.randint(1, 15)])
    v["activities_total"] = sum(v[k] for k in ACT) + R.randint(0, 6)
    v["projects_matched"] = R.randint(1, 12)
    e = R.randint(8, 40)
    v["experts_total"], v["expert_attendances"] = e, e + R.randint(0, 30)
    v["senior_full"] = R.randint(1, e // 2)
    v["senior_deputy"] = R.randint(0, e - v["senior_full"])
    v["academicians"] = R.choice([0, 0, 1])
    v["outstanding_professionals"] = R.choice([0, 0, 1])
    v["talent_project"] = R.choice([0, 1, 2])
    v["special_allowance"] = R.randint(0, 3)
    v["postdocs"] = R.randint(0, 4)
    v["returnees"] = R.randint(0, 5)
    loc = R.randint(e // 2, e)
    other = e - loc
    hmt = 1 if other > 2 and R.random() < 0.3 else 0
    v["source_local"], v["source_other_province"], v["source_hmt"], v["source_foreign"] = loc, other - hmt, hmt, 0
    for k in OUT:
        v[k] = R.randint(0, 9)
    tr = v["training_onsite"] + v["training_remote"]
    v["trained_professionals"] = R.randint(20, 300) if tr else 0
    v["trained_public"] = R.randint(100, 2000) if tr else 0
    fc = v["free_clinics"]
    v["clinic_consultations"] = R.randint(100, 2000) if fc else 0
    v["clinic_examinations"] = R.randint(50, 800) if fc else 0
    v["clinic_treatments"] = R.randint(10, 200) if fc else 0
    v["economic_benefit"] = R.choice(["帮助合作社亩均增收约1200元", "降低企业能耗成本约8%", "带动农户增收约30万元"])
    v["social_benefit"] = R.choice(["提升了基层医务人员诊疗水平", "培养了一批本土技术骨干", "群众就医更加便利"])
    v["industry_impact"] = R.choice(["推动当地特色产业提质增效", "促进了产业链上下游协同", "助力县域产业数字化转型"])
    v["beneficiaries"] = R.randint(500, 20000)
    v["organized_by_hrss"] = R.random() < 0.6
    v["needs_matched"] = True
    v["funds_mohrss"] = 100000.0 if level == "national" else 0.0
    v["funds_matching"] = 100000.0
    v["funds_matching_source"] = "上海市人力资源和社会保障局"
    v["support_measures"] = True
    v["support_measures_desc"] = R.choice(["依托单位统一安排交通食宿，为专家购买意外伤害保险", "为专家提供交通保障和工作餐"])
    pub = R.random() < 0.7
    v["publicity"] = pub
    items = []
    if pub:
        for i in range(R.randint(1, 2)):
            items.append({"media": R.choice(MEDIA), "date": f"2026-{R.randint(6, 10):02d}-{R.randint(1, 28):02d}",
                          "title": f"{team[:8]}赴基层开展服务（{i + 1}）"})
    v["publicity_items"] = items
    return v


FW = str.maketrans("0123456789", "０１２３４５６７８９")


def count_cell(n, style, key):
    """A count as a cell in one of the ways people enter it."""
    u = UNIT.get(key, "")
    if style == "num":
        return n
    if style == "unit":
        return f"{n}{u}"
    if style == "fw":
        return str(n).translate(FW)
    if style == "fmt":
        return Num(n, u or "个")
    if style == "txt":
        return str(n)
    raise ValueError(style)


def yes_no(b, style, has=False):
    if style == "shi":
        return ("有" if b else "无") if has else ("是" if b else "否")
    if style == "check":
        return "√" if b else "×"
    if style == "tick":
        return "✓" if b else "✗"
    if style == "yn":
        return "Y" if b else "N"
    if style == "you":
        return "有" if b else "无"
    raise ValueError(style)


def audit_values(seed, tid, balance=False):
    R = random.Random(seed)
    team, unit, level = TEAMS[tid]
    mo = 100000.0 if level == "national" else 0.0
    mu = 100000.0
    rec = mo + mu
    spent_total = rec - (round(R.uniform(500, 6000), 2) if balance else 0.0)
    parts = {}
    rest = spent_total
    for k, share in (("spent_expert_fees", 0.45), ("spent_travel", 0.25), ("spent_meetings", 0.08),
                     ("spent_training", 0.1), ("spent_materials", 0.05)):
        parts[k] = round(spent_total * share * R.uniform(0.8, 1.1), 2)
        rest -= parts[k]
    parts["spent_other"] = round(rest, 2)
    firm = R.choice(["上海立信华诚会计师事务所（特殊普通合伙）", "上海沪港明达会计师事务所有限公司", "上海公信中南会计师事务所有限公司"])
    v = {"team_name": team, "unit": unit, "auditor": firm,
         "report_no": f"沪{firm[2:4]}会审字〔2026〕第{R.randint(100, 999):04d}号",
         "report_date": f"2026-11-{R.randint(3, 12):02d}", "opinion": "unqualified",
         "received_mohrss": mo, "received_municipal": mu, "received_total": rec}
    v.update(parts)
    v["spent_total"] = round(spent_total, 2)
    v["balance"] = round(rec - spent_total, 2)
    v["service_start"] = f"2026-0{R.randint(5, 7)}-{R.randint(10, 28)}"
    v["service_end"] = f"2026-{R.choice(['09', '10'])}-{R.randint(10, 28)}"
    return v
