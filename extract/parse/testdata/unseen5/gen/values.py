"""Values of the fifth unseen corpus, drawn from seeds so that every
document passes every S and A rule unless gen.py plants a defect on
purpose. The expected results are these values and the spec's rules
(../../../../../../shared/spec), never the program's output."""
import random

# teams the earlier unseen corpora hardly used; level from teams.md
TEAMS = {
    "N1": ("国家重大慢病全生命周期健康管理专家服务团", "上海交通大学医学院附属瑞金医院", "national"),
    "N2": ("颈动脉相关脑卒中筛查与防治专家服务基层示范团", "海军军医大学第二附属医院", "national"),
    "M2": ("乡村振兴基层医疗服务能力提升专家服务团", "上海市第六人民医院", "municipal"),
    "M3": ("同济大学附属东方医院“脑卒中院前院内一体化诊疗李刚专家服务团”", "上海市东方医院（同济大学附属东方医院）", "municipal"),
    "M4": ("都市生猪产业提升示范技术服务团", "上海市动物疫病预防控制中心", "municipal"),
    "M5": ("中西医结合脉管病诊疗专家基层服务团", "上海市中西医结合医院", "municipal"),
    "M8": ("上海特色鱼产业技术服务团", "上海市水产研究所(上海市水产技术推广站)", "municipal"),
    "M11": ("草莓设施高效生产专家服务团", "上海市农业科学院", "municipal"),
}
FIELDS = ["农业", "林业", "畜牧业", "渔业", "环保", "机械制造", "能源", "冶金", "化工", "通讯", "交通", "电商服务",
          "医疗", "生物医药", "教育", "文旅", "人工智能", "城乡规划", "产业规划"]
COUNTIES = ["会泽县", "巧家县", "镇雄县", "彝良县", "莎车县", "叶城县", "泽普县", "沿河土家族自治县", "德江县", "印江土家族苗族自治县"]
ACT = ["guidance_onsite", "guidance_remote", "joint_research", "symposiums", "lectures", "training_onsite", "training_remote",
       "consultations", "demonstrations", "free_clinics", "science_lectures", "science_exhibitions"]
OUT = ["problems_solved", "key_projects", "new_techniques", "new_varieties", "achievements_transferred", "strategic_plans",
       "decision_consulting", "cooperation_intents", "agreements_signed", "alliances", "entities_founded"]
SOURCES = ["source_local", "source_other_province", "source_hmt", "source_foreign"]
MEDIA = ["解放日报", "新民晚报", "上海人社微信公众号", "遵义日报", "云南网", "人民网上海频道"]
TITLES = ["沪上专家送技术到田头", "把专家门诊开到家门口", "专家团队助力县域产业升级", "东西部协作 专家在行动"]


def survey_values(seed, tid, mode):
    R = random.Random(seed)
    team, unit, level = TEAMS[tid]
    v = {"team_name": team, "unit": unit, "service_mode": mode}
    if mode == "once":
        v["service_days"] = R.randint(2, 12)
    else:
        n = R.randint(2, 8)
        v["batch_count"], v["batch_days_total"] = n, n * R.randint(1, 3) + R.randint(0, 4)
    chosen = set(R.sample(FIELDS, R.randint(1, 4)))
    v["service_fields"] = [f for f in FIELDS if f in chosen]
    v["region_cities"], v["region_counties"], v["region_units"] = R.randint(1, 4), R.randint(1, 9), R.randint(3, 90)
    kc = R.random() < 0.55
    v["key_counties"] = kc
    if kc:
        n, p = R.randint(0, 2), R.randint(1, 2)
        names = R.sample(COUNTIES, n + p)
        v["key_counties_national"], v["key_counties_provincial"] = n, p
        if n:
            v["key_counties_national_names"] = names[:n]
        v["key_counties_provincial_names"] = names[n:]
    else:
        v["key_counties_national"] = v["key_counties_provincial"] = 0
    for k in ACT:
        v[k] = R.choice([0, R.randint(1, 9), R.randint(2, 30)])
    if v["joint_research"]:
        v["joint_research_form"] = R.choice(["共建专家工作站", "联合申报科研课题", "组建攻关项目组"])
    v["activities_total"] = sum(v[k] for k in ACT) + R.choice([0, 0, R.randint(1, 8)])
    v["projects_matched"] = R.randint(1, 20)
    e = R.randint(6, 60)
    v["experts_total"], v["expert_attendances"] = e, e + R.randint(0, 80)
    v["senior_full"] = R.randint(1, max(1, e // 3))
    v["senior_deputy"] = R.randint(0, e - v["senior_full"])
    v["academicians"] = R.choice([0, 0, 0, 1])
    v["outstanding_professionals"] = R.choice([0, 0, 2])
    v["talent_project"] = R.choice([0, 1, 2])
    v["special_allowance"] = R.randint(0, 5)
    v["postdocs"] = R.randint(0, 4)
    v["returnees"] = R.randint(0, 9)
    loc = R.randint(e // 3, e)
    hmt = 1 if e - loc >= 2 and R.random() < 0.3 else 0
    v["source_local"], v["source_other_province"], v["source_hmt"], v["source_foreign"] = loc, e - loc - hmt, hmt, 0
    for k in OUT:
        v[k] = R.choice([0, R.randint(1, 15)])
    tr = v["training_onsite"] + v["training_remote"]
    v["trained_professionals"] = R.randint(20, 900) if tr else 0
    v["trained_public"] = R.randint(50, 5000) if tr else 0
    fc = v["free_clinics"]
    v["clinic_consultations"] = R.randint(80, 2400) if fc else 0
    v["clinic_examinations"] = R.randint(30, 900) if fc else 0
    v["clinic_treatments"] = R.randint(5, 300) if fc else 0
    v["economic_benefit"] = R.choice(["亩均增收1500元以上", "帮助养殖场降低死淘率约3个百分点", "为合作企业新增产值260万元"])
    v["social_benefit"] = R.choice(["提升了县级医院慢病管理水平", "培养了一批留得住的乡土技术骨干"])
    v["industry_impact"] = R.choice(["推动形成“专家+基地+农户”帮扶模式", "带动当地特色产业标准化生产"])
    v["beneficiaries"] = R.randint(300, 60000)
    v["organized_by_hrss"] = R.random() < 0.6
    v["needs_matched"] = R.random() < 0.9
    v["funds_mohrss"] = 100000.0 if level == "national" else 0.0
    v["funds_matching"] = 100000.0
    v["funds_matching_source"] = R.choice(["上海市人力资源和社会保障局专项资金", "市人社局拨付", "上海市专家服务基层项目经费"])
    v["support_measures"] = True
    v["support_measures_desc"] = R.choice(["为专家购买意外伤害保险并统一安排往返交通", "单位给予工作量认定并报销差旅"])
    pub = R.random() < 0.7
    v["publicity"] = pub
    if pub:
        v["publicity_items"] = [{"media": R.choice(MEDIA), "date": f"2026-{R.randint(5, 10):02d}-{R.randint(1, 28):02d}",
                                 "title": R.choice(TITLES)} for _ in range(R.randint(1, 3))]
    return v


FIRMS = ["上海华诚会计师事务所有限公司", "上海沪港金茂会计师事务所有限公司", "上海公信中南会计师事务所有限公司",
         "上海申德会计师事务所（普通合伙）", "上海瑞和会计师事务所有限公司"]


def audit_values(seed, tid, balance=0.0):
    R = random.Random(seed)
    team, unit, level = TEAMS[tid]
    mo = 100000.0 if level == "national" else 0.0
    mu = 100000.0
    rec = mo + mu
    spent = round(rec - balance, 2)
    parts, rest = {}, spent
    for k, share in (("spent_expert_fees", 0.35), ("spent_travel", 0.33), ("spent_meetings", 0.05),
                     ("spent_training", 0.15), ("spent_materials", 0.06)):
        parts[k] = round(spent * share * R.uniform(0.8, 1.15), 2)
        rest -= parts[k]
    if rest < 0.05 * spent:  # keep 其他费用 a small positive remainder
        parts["spent_travel"] = round(parts["spent_travel"] - (0.05 * spent - rest), 2)
        rest = spent - sum(parts.values())
    parts["spent_other"] = round(rest, 2)
    v = {"team_name": team, "unit": unit, "auditor": R.choice(FIRMS), "_no": R.randint(3, 1500),
         "report_date": f"2026-11-{R.randint(3, 13):02d}", "opinion": "unqualified",
         "received_mohrss": mo, "received_municipal": mu, "received_total": rec}
    v.update(parts)
    v["spent_total"] = round(sum(parts.values()), 2)
    v["balance"] = round(rec - v["spent_total"], 2)
    v["service_start"] = f"2026-{R.choice(['03', '04', '05', '06'])}-{R.randint(1, 28):02d}"
    v["service_end"] = f"2026-{R.choice(['08', '09', '10'])}-{R.randint(1, 30):02d}"
    return v
