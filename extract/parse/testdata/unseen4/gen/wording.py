"""How the fourth corpus words the survey's items: two wordings (B, C)
that none of the earlier corpora uses, with the extra words real forms put
around a label (总、合计、累计、共计、数量、人数、（含…）) and the units
people write after a number."""

# key, wording B, wording C, unit written after a count
ITEMS = [
    ("service_days", "一次性服务的服务天数", "单次服务共计服务天数", "天"),
    ("batch_count", "分批次服务的服务次数", "分批服务批次数量", "次"),
    ("batch_days_total", "各批次累计服务天数合计", "分批服务累计天数", "天"),
    ("region_cities", "服务覆盖地市数量", "共覆盖地市", "个"),
    ("region_counties", "服务覆盖区县数量", "共覆盖区县", "个"),
    ("region_units", "服务覆盖企事业单位数量", "共覆盖企事业单位", "家"),
    ("key_counties_national", "其中国家级乡村振兴重点帮扶县数量", "国家级重点帮扶县数", "个"),
    ("key_counties_provincial", "其中省级乡村振兴重点帮扶县数量", "省级重点帮扶县数", "个"),
    ("activities_total", "开展各类服务活动总场次合计", "各类服务活动共计场次", "场"),
    ("projects_matched", "对接项目数", "累计对接项目数量", "个"),
    ("experts_total", "参与专家人才总人数", "专家人才合计人数", "人"),
    ("expert_attendances", "参与专家人才总人次", "专家人才累计参与人次", "人次"),
    ("senior_full", "其中正高级职称人数", "正高级职称专家", "人"),
    ("senior_deputy", "其中副高级职称人数", "副高级职称专家", "人"),
    ("academicians", "两院院士人数", "其中两院院士", "人"),
    ("outstanding_professionals", "全国杰出专业技术人员人数", "其中全国杰出专业技术人员", "人"),
    ("talent_project", "百千万人才工程国家级人选人数", "其中百千万人才工程国家级人选", "人"),
    ("special_allowance", "享受政府特殊津贴专家人数", "其中享受国务院政府特殊津贴专家", "人"),
    ("postdocs", "博士后人数", "其中博士后", "人"),
    ("returnees", "留学回国人员人数", "其中留学回国人员", "人"),
    ("source_local", "来自本省（区、市）的专家人数", "专家来源：本省（区、市）", "人"),
    ("source_other_province", "来自外省（区、市）的专家人数", "专家来源：外省（区、市）", "人"),
    ("source_hmt", "来自港澳台的专家人数", "专家来源：港澳台", "人"),
    ("source_foreign", "来自国外的专家人数", "专家来源：国外", "人"),
    ("guidance_onsite", "技术指导—现场指导次数", "现场指导（含田间地头指导）", "次"),
    ("guidance_remote", "技术指导—远程指导次数", "远程指导（含视频连线）", "次"),
    ("joint_research", "联合攻关次数", "联合攻关合计", "次"),
    ("symposiums", "座谈交流会场次", "座谈交流会（含线上座谈）", "场"),
    ("lectures", "专题讲座场次", "专题讲座合计", "场"),
    ("training_onsite", "技术培训—现场培训场次", "现场培训（含实操培训）", "场"),
    ("training_remote", "技术培训—远程培训场次", "远程培训（含直播）", "场"),
    ("consultations", "咨询对接活动场次", "咨询对接活动合计", "场"),
    ("demonstrations", "示范带教场次", "示范带教合计", "场"),
    ("free_clinics", "义诊场次", "义诊活动合计", "场"),
    ("science_lectures", "科普讲座场次", "科普讲座合计", "场"),
    ("science_exhibitions", "科普展览场次", "科普展览合计", "场"),
    ("problems_solved", "破解技术难题数量", "累计破解技术难题", "个"),
    ("key_projects", "带动重点科研项目数量", "累计带动重点科研项目", "个"),
    ("new_techniques", "推广新技术新工艺数量", "累计推广新技术新工艺", "种"),
    ("new_varieties", "推广新品种数量", "累计推广新品种", "种"),
    ("achievements_transferred", "转化科技成果数量", "累计转化科技成果", "项"),
    ("trained_professionals", "培训基层专业技术人员人次", "培训成效：基层专业技术人员", "人次"),
    ("trained_public", "培训群众人次", "培训成效：群众", "人次"),
    ("clinic_consultations", "义诊问诊人次", "义诊成效：问诊", "人次"),
    ("clinic_examinations", "义诊检查人次", "义诊成效：检查", "人次"),
    ("clinic_treatments", "义诊治疗人次", "义诊成效：治疗", "人次"),
    ("strategic_plans", "指导战略规划数量", "累计指导战略规划", "个"),
    ("decision_consulting", "决策咨询数量", "累计开展决策咨询", "项"),
    ("cooperation_intents", "达成中长期合作意向数量", "累计达成中长期合作意向", "个"),
    ("agreements_signed", "签订合作协议数量", "累计签订合作协议", "项"),
    ("alliances", "产学研联盟数量", "累计结成产学研联盟", "个"),
    ("entities_founded", "专家领办、联办、协办各类经济实体数量", "专家领办联办协办经济实体合计", "个"),
    ("beneficiaries", "惠及基层群众总人数", "累计惠及基层群众", "人"),
]
TEXTS = [
    ("joint_research_form", "联合攻关具体形式", "联合攻关形式"),
    ("economic_benefit", "取得经济效益情况", "经济效益"),
    ("social_benefit", "取得社会效益情况", "社会效益"),
    ("industry_impact", "推动产业发展情况", "推动产业发展"),
    ("funds_matching_source", "配套资金来源", "配套资金来源单位"),
    ("support_measures_desc", "服务保障措施具体描述", "保障措施具体内容"),
]
BOOLS = [
    ("key_counties", "服务地区是否包含国家级或省级乡村振兴重点帮扶县", "是否含乡村振兴重点帮扶县", "是否"),
    ("organized_by_hrss", "是否由人力资源社会保障厅（局）或国务院有关部委组织人事部门负责组织实施", "是否由人社部门组织实施", "是否"),
    ("needs_matched", "前期是否与基层单位对接服务需求", "是否事先与基层单位对接需求", "是否"),
    ("support_measures", "是否有对参加服务活动专家人才的服务保障措施", "专家服务保障措施", "有无"),
    ("publicity", "是否对服务团组织实施情况开展宣传", "是否开展宣传报道", "有无"),
]
MONEY = [
    ("funds_mohrss", "人力资源社会保障部支持资金", "人社部支持资金"),
    ("funds_matching", "配套资金金额", "地方配套资金金额"),
]
SECTION = {"service_days": "一、服务活动基本情况", "experts_total": "二、参与专家人才情况",
           "guidance_onsite": "三、服务活动开展情况", "problems_solved": "四、实施成效"}
LABEL = {k: (b, c) for k, b, c, _ in ITEMS}
LABEL.update({k: (b, c) for k, b, c in TEXTS})
LABEL.update({k: (b, c) for k, b, c, _ in BOOLS})
LABEL.update({k: (b, c) for k, b, c in MONEY})
UNIT = {k: u for k, _, _, u in ITEMS}
CHOICE = {k: w for k, _, _, w in BOOLS}
