"""How the fifth corpus words the survey: three label sets no earlier
corpus uses — W0 an indicator sheet (指标名称 with the unit in its own
column), W1 the phrasing of a form filled in by hand, W2 the short column
headers of a unit's own spreadsheet — and the unit each count is counted in."""

# key, W0, W1, W2, unit
ITEMS = [
    ("service_days", "一次服务持续天数", "本次服务共", "服务天数(一次性)", "天"),
    ("batch_count", "分批次服务的批次数", "分几批开展服务", "服务批次", "批"),
    ("batch_days_total", "分批次服务累计天数", "各批次合计服务", "累计天数(分批)", "天"),
    ("region_cities", "服务覆盖地（市、州）数", "服务覆盖地（市、州）", "地市数", "个"),
    ("region_counties", "服务覆盖县（市、区）数", "服务覆盖县（市、区）", "区县数", "个"),
    ("region_units", "服务覆盖企事业单位数", "服务覆盖企事业单位", "企事业单位数", "家"),
    ("key_counties_national", "国家乡村振兴重点帮扶县个数", "其中：国家级重点帮扶县", "国家级帮扶县数", "个"),
    ("key_counties_provincial", "省级乡村振兴重点帮扶县个数", "其中：省级重点帮扶县", "省级帮扶县数", "个"),
    ("activities_total", "服务活动总场次（各类活动合计）", "全年开展各类服务活动", "活动总场次", "场"),
    ("projects_matched", "对接项目个数", "促成对接项目", "对接项目", "个"),
    ("experts_total", "参加服务的专家人才总人数", "参加服务的专家人才共", "专家总人数", "人"),
    ("expert_attendances", "参加服务的专家人才总人次", "累计参加服务", "专家总人次", "人次"),
    ("senior_full", "具有正高级职称的专家人数", "其中：具有正高级职称的", "正高级", "人"),
    ("senior_deputy", "具有副高级职称的专家人数", "具有副高级职称的", "副高级", "人"),
    ("academicians", "中国科学院、中国工程院院士人数", "两院院士", "院士", "人"),
    ("outstanding_professionals", "全国杰出专业技术人才人数", "全国杰出专业技术人才", "杰出专技人才", "人"),
    ("talent_project", "新世纪百千万人才工程国家级人选人数", "百千万人才工程国家级人选", "百千万人才", "人"),
    ("special_allowance", "享受国务院特殊津贴专家人数", "享受国务院特殊津贴的", "享受特贴", "人"),
    ("postdocs", "博士后研究人员人数", "博士后研究人员", "博士后", "人"),
    ("returnees", "海外留学回国人员人数", "海外留学回国人员", "留学回国", "人"),
    ("source_local", "专家来自本省（区、市）的人数", "来自本省（区、市）的", "本省", "人"),
    ("source_other_province", "专家来自外省（区、市）的人数", "来自外省（区、市）的", "外省", "人"),
    ("source_hmt", "专家来自港澳台地区的人数", "来自港澳台地区的", "港澳台", "人"),
    ("source_foreign", "专家来自国外的人数", "来自国外的", "国外", "人"),
    ("guidance_onsite", "技术指导（现场）次数", "到现场进行技术指导", "现场指导", "次"),
    ("guidance_remote", "技术指导（线上远程）次数", "通过线上远程指导", "远程指导", "次"),
    ("joint_research", "联合攻关开展次数", "开展联合攻关", "联合攻关", "次"),
    ("symposiums", "座谈交流会召开场次", "召开座谈交流会", "座谈交流", "场"),
    ("lectures", "专题讲座举办场次", "举办专题讲座", "专题讲座", "场"),
    ("training_onsite", "技术培训（线下现场）场次", "线下现场培训", "现场培训", "场"),
    ("training_remote", "技术培训（线上远程）场次", "线上远程培训", "远程培训", "场"),
    ("consultations", "咨询对接活动举办场次", "举办咨询对接活动", "咨询对接", "场"),
    ("demonstrations", "示范带教开展场次", "开展示范带教", "示范带教", "场"),
    ("free_clinics", "义诊活动场次", "组织义诊", "义诊", "场"),
    ("science_lectures", "科普讲座举办场次", "举办科普讲座", "科普讲座", "场"),
    ("science_exhibitions", "科普展览举办场次", "举办科普展览", "科普展览", "场"),
    ("problems_solved", "帮助破解技术难题数", "帮助破解技术难题", "破解难题", "个"),
    ("key_projects", "带动重点科研项目数", "带动重点科研项目", "带动科研项目", "个"),
    ("new_techniques", "推广新技术、新工艺数", "推广新技术、新工艺", "新技术新工艺", "种"),
    ("new_varieties", "推广新品种数", "推广新品种", "新品种", "种"),
    ("achievements_transferred", "转化科技成果数", "转化科技成果", "成果转化", "项"),
    ("trained_professionals", "培训基层专业技术人员人次", "培训基层专业技术人员", "培训专技人员", "人次"),
    ("trained_public", "培训基层群众人次", "培训基层群众", "培训群众", "人次"),
    ("clinic_consultations", "义诊问诊人次", "义诊共问诊", "问诊", "人次"),
    ("clinic_examinations", "义诊检查人次", "义诊共检查", "检查", "人次"),
    ("clinic_treatments", "义诊治疗人次", "义诊共治疗", "治疗", "人次"),
    ("strategic_plans", "指导制定战略规划数", "指导制定战略规划", "战略规划", "个"),
    ("decision_consulting", "提供决策咨询数", "提供决策咨询", "决策咨询", "项"),
    ("cooperation_intents", "达成中长期合作意向数", "达成中长期合作意向", "合作意向", "个"),
    ("agreements_signed", "签订合作协议数", "签订合作协议", "合作协议", "项"),
    ("alliances", "组建产学研联盟数", "组建产学研联盟", "产学研联盟", "个"),
    ("entities_founded", "专家领办联办协办经济实体数", "专家领办、联办、协办经济实体", "经济实体", "个"),
    ("beneficiaries", "惠及基层群众人数", "惠及基层群众", "惠及群众", "人"),
]
TEXTS = [
    ("joint_research_form", "联合攻关形式", "联合攻关的形式为", "攻关形式"),
    ("economic_benefit", "经济效益情况", "经济效益方面", "经济效益"),
    ("social_benefit", "社会效益情况", "社会效益方面", "社会效益"),
    ("industry_impact", "对产业发展的推动作用", "推动产业发展方面", "产业推动"),
    ("funds_matching_source", "配套经费来源", "配套资金由", "配套来源"),
    ("support_measures_desc", "保障措施内容", "具体保障措施为", "保障措施说明"),
]
BOOLS = [
    ("key_counties", "服务地区是否含乡村振兴重点帮扶县", "服务地区含国家级/省级乡村振兴重点帮扶县", "含重点帮扶县"),
    ("organized_by_hrss", "是否由人社部门组织实施", "本次活动由人力资源社会保障部门负责组织实施", "人社部门组织"),
    ("needs_matched", "服务前是否与基层对接需求", "服务前已与基层单位对接服务需求", "事先对接需求"),
    ("support_measures", "是否有专家服务保障措施", "对参加服务的专家人才有服务保障措施", "有保障措施"),
    ("publicity", "是否开展宣传报道", "对服务活动开展了宣传报道", "开展宣传"),
]
MONEY = [
    ("funds_mohrss", "人社部资助经费", "人力资源社会保障部资助", "部资助"),
    ("funds_matching", "地方配套经费金额", "地方配套经费", "配套金额"),
]
SECTION = {"service_mode": "一、基本情况", "experts_total": "二、专家人才构成",
           "guidance_onsite": "三、服务活动情况", "problems_solved": "四、服务成效", "organized_by_hrss": "五、组织保障"}
LABEL = {k: ls for k, *ls, _ in ITEMS}
LABEL.update({k: tuple(ls) for k, *ls in TEXTS})
LABEL.update({k: tuple(ls) for k, *ls in BOOLS})
LABEL.update({k: tuple(ls) for k, *ls in MONEY})
UNIT = {k: u for k, *_, u in ITEMS}
