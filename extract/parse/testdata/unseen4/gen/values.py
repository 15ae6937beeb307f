"""Values of the fourth unseen corpus: drawn from a seed so that, unless a
document plants a defect on purpose, they pass every S and A rule. The
expected results are these values, never the program's output."""
import random

TEAMS = {
    "N3": ("国家级新疆准东经济技术开发区碳排放双控转型与可持续发展服务团", "上海环境能源交易所股份有限公司", "national"),
    "M1": ("乳制品风味提升与品质控制专家服务团", "上海应用技术大学", "municipal"),
    "M6": ("助力乡村水环境质量提升专家服务团", "上海泓济环保科技股份有限公司", "municipal"),
    "M7": ("中医药新质生产力基层赋能行动", "上海市奉贤区中医医院", "municipal"),
    "M9": ("莘泽智星港科创专家服务示范团", "上海莘泽创业投资管理股份有限公司", "municipal"),
    "M10": ("骨科智能化微创诊疗技术基层培训与推广", "上海市第十人民医院", "municipal"),
    "M12": ("上海市数据智能应用基层普及项目", "达观数据有限公司", "municipal"),
    "M13": ("上海市机器人与人工智能应用服务项目", "上海电器科学研究所（集团）有限公司", "municipal"),
    "M14": ("国家级非遗施氏伤科专家巡诊服务团", "上海市黄浦区香山中医医院", "municipal"),
    "M15": ("AIGC 生命记忆创作", "上海南湖职业技术学院", "municipal"),
}
FIELDS = ["农业", "林业", "畜牧业", "渔业", "环保", "机械制造", "能源", "冶金", "化工", "通讯", "交通", "电商服务",
          "医疗", "生物医药", "教育", "文旅", "人工智能", "城乡规划", "产业规划"]
COUNTIES = ["泸水市", "福贡县", "贡山县", "兰坪县", "喀什市", "疏附县", "伽师县", "麦盖提县", "平江县", "汝城县"]
ACT = ["guidance_onsite", "guidance_remote", "joint_research", "symposiums", "lectures", "training_onsite", "training_remote",
       "consultations", "demonstrations", "free_clinics", "science_lectures", "science_exhibitions"]
OUT = ["problems_solved", "key_projects", "new_techniques", "new_varieties", "achievements_transferred", "strategic_plans",
       "decision_consulting", "cooperation_intents", "agreements_signed", "alliances", "entities_founded"]
LEVELS = ["senior_full", "senior_deputy", "academicians", "outstanding_professionals", "talent_project", "special_allowance",
          "postdocs", "returnees"]
SOURCES = ["source_local", "source_other_province", "source_hmt", "source_foreign"]
MEDIA = ["中国组织人事报", "文汇报", "澎湃新闻", "上观新闻", "学习强国上海学习平台", "喀什日报"]
FIRMS = ["上海众华会计师事务所（特殊普通合伙）", "上海宏华会计师事务所有限公司", "上海申洲大通会计师事务所有限公司",
         "上海东方会计师事务所有限公司"]


def survey_values(seed, tid, mode=None):
    R = random.Random(seed)
    team, unit, level = TEAMS[tid]
    v = {"team_name": team, "unit": unit}
    mode = mode or R.choice(["once", "batches"])
    v["service_mode"] = mode
    if mode == "once":
        v["service_days"] = R.randint(3, 10)
    else:
        n = R.randint(2, 6)
        v["batch_count"] = n
        v["batch_days_total"] = n + R.randint(0, 12)
    chosen = set(R.sample(FIELDS, R.randint(1, 3)))
    v["service_fields"] = [f for f in FIELDS if f in chosen]
    v["region_cities"], v["region_counties"], v["region_units"] = R.randint(1, 5), R.randint(2, 14), R.randint(6, 70)
    kc = R.random() < 0.6
    v["key_counties"] = kc
    if kc:
        n, p = R.randint(1, 2), R.randint(0, 2)
        names = R.sample(COUNTIES, n + p)
        v["key_counties_national"], v["key_counties_provincial"] = n, p
        v["key_counties_national_names"], v["key_counties_provincial_names"] = names[:n], names[n:]
    else:
        v["key_counties_national"] = v["key_counties_provincial"] = 0
    for k in ACT:
        v[k] = R.choice([0, R.randint(1, 12), R.randint(1, 20)])
    v["joint_research_form"] = R.choice(["组建联合攻关小组", "校地共建实验室"]) if v["joint_research"] else ""
    v["activities_total"] = sum(v[k] for k in ACT) + R.randint(0, 5)
    v["projects_matched"] = R.randint(2, 15)
    e = R.randint(10, 45)
    v["experts_total"], v["expert_attendances"] = e, e + R.randint(3, 40)
    v["senior_full"] = R.randint(2, e // 2)
    v["senior_deputy"] = R.randint(0, e - v["senior_full"])
    v["academicians"] = R.choice([0, 0, 1, 2])
    v["outstanding_professionals"] = R.choice([0, 1])
    v["talent_project"] = R.choice([0, 1, 3])
    v["special_allowance"] = R.randint(0, 4)
    v["postdocs"] = R.randint(0, 6)
    v["returnees"] = R.randint(0, 7)
    loc = R.randint(e // 2, e)
    other = e - loc
    foreign = 1 if other > 3 and R.random() < 0.4 else 0
    v["source_local"], v["source_other_province"], v["source_hmt"], v["source_foreign"] = loc, other - foreign, 0, foreign
    for k in OUT:
        v[k] = R.randint(0, 12)
    tr = v["training_onsite"] + v["training_remote"]
    v["trained_professionals"] = R.randint(30, 400) if tr else 0
    v["trained_public"] = R.randint(200, 3000) if tr else 0
    fc = v["free_clinics"]
    v["clinic_consultations"] = R.randint(100, 1500) if fc else 0
    v["clinic_examinations"] = R.randint(50, 600) if fc else 0
    v["clinic_treatments"] = R.randint(10, 150) if fc else 0
    v["economic_benefit"] = R.choice(["带动合作社年增收8亿多元", "为企业节约治理成本约120万元", "帮助养殖户户均增收2.3万元"])
    v["social_benefit"] = R.choice(["基层技术人员业务能力明显提升", "群众在家门口享受到优质医疗服务"])
    v["industry_impact"] = R.choice(["助推县域特色产业链延伸", "促进当地数字经济发展"])
    v["beneficiaries"] = R.randint(800, 30000)
    v["organized_by_hrss"] = R.random() < 0.5
    v["needs_matched"] = True
    v["funds_mohrss"] = 100000.0 if level == "national" else 0.0
    v["funds_matching"] = 100000.0
    v["funds_matching_source"] = R.choice(["上海市人力资源和社会保障局", "市人社局专项经费"])
    v["support_measures"] = True
    v["support_measures_desc"] = R.choice(["统一安排专家食宿交通并购买人身意外险", "依托单位提供后勤保障与工作补贴"])
    pub = R.random() < 0.6
    v["publicity"] = pub
    items = []
    if pub:
        for i in range(R.randint(1, 2)):
            items.append({"media": R.choice(MEDIA), "date": f"2026-{R.randint(7, 10):02d}-{R.randint(10, 28):02d}",
                          "title": f"专家服务团走进基层（第{i + 1}站）"})
    v["publicity_items"] = items
    return v


def audit_values(seed, tid, balance=0.0):
    R = random.Random(seed)
    team, unit, level = TEAMS[tid]
    mo = 100000.0 if level == "national" else 0.0
    mu = 100000.0
    rec = mo + mu
    spent_total = round(rec - balance, 2)
    parts, rest = {}, spent_total
    for k, share in (("spent_expert_fees", 0.4), ("spent_travel", 0.3), ("spent_meetings", 0.07),
                     ("spent_training", 0.12), ("spent_materials", 0.04)):
        parts[k] = round(spent_total * share * R.uniform(0.85, 1.1), 2)
        rest -= parts[k]
    parts["spent_other"] = round(rest, 2)
    firm = R.choice(FIRMS)
    no = R.randint(10, 899)
    v = {"team_name": team, "unit": unit, "auditor": firm, "_no": no,
         "report_date": f"2026-11-{R.randint(2, 14):02d}", "opinion": "unqualified",
         "received_mohrss": mo, "received_municipal": mu, "received_total": rec}
    v.update(parts)
    v["spent_total"] = spent_total
    v["balance"] = round(rec - spent_total, 2)
    v["service_start"] = f"2026-0{R.randint(4, 7)}-{R.randint(10, 28):02d}"
    v["service_end"] = f"2026-{R.choice(['09', '10'])}-{R.randint(10, 28):02d}"
    return v
