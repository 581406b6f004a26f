"""Chinese questions against English texts: add the English words for known Chinese terms.

The embedding model (all-MiniLM-L6-v2) and BM25 only match English words in the English
corpus, so a Chinese question is searched with the English renderings of the policy terms it
contains appended. Longest terms are matched first (政府投资项目 before 投资).
"""

from __future__ import annotations

import re

from app.retrieval.places import CHINESE_NAMES
from app.text import CJK_RUN, has_cjk

TERMS = {
    "政府投资项目": "government-invested projects",
    "升级": "upgrades",
    "数智化": "digital-intelligent",
    "数字化转型": "digital transformation",
    "数字化": "digital",
    "智能化": "intelligent",
    "人工智能": "artificial intelligence AI",
    "投资": "investment",
    "总投资": "total investment",
    "占比": "share account for",
    "比例": "ratio proportion",
    "不低于": "no less than",
    "不少于": "no less than",
    "百分之": "percent",
    "基金群": "fund group",
    "基金": "fund",
    "专项资金": "special fund",
    "资金": "fund",
    "亿元": "yuan",
    "规模": "scale",
    "每年": "annually",
    "发展局": "development bureau",
    "算力": "computing power",
    "智算中心": "intelligent computing center",
    "智能计算中心": "intelligent computing center",
    "计算中心": "computing center",
    "太空": "space",
    "集群": "cluster",
    "基站": "base stations",
    "每万人": "per 10,000 people",
    "万人": "10,000 people",
    "宽带": "broadband",
    "出口带宽": "Internet exit bandwidth",
    "千兆": "gigabit",
    "光网": "optical network",
    "覆盖率": "coverage",
    "任务": "tasks",
    "重点任务": "key tasks",
    "领域": "areas fields",
    "试点": "pilot",
    "实施方案": "implementation plan",
    "行动计划": "action plan",
    "行动方案": "action plan",
    "新基建": "new infrastructure",
    "新型基础设施": "new infrastructure",
    "基础设施": "infrastructure",
    "培训": "training",
    "通知": "notification",
    "联合实验室": "joint laboratories",
    "实验室": "laboratories",
    "人才": "talent",
    "数据": "data",
    "要素": "elements",
    "负责单位": "responsible units",
    "牵头": "responsible",
    "机器人": "robots",
    "大模型": "large models",
    "芯片": "chips",
    "产业园": "industrial park",
    "产业": "industry",
    "企业": "enterprises",
    "独角兽": "unicorn",
    "城市": "city",
    "区": "district",
    "成立": "established inaugurated",
    "启动": "launch",
    "时间": "time date",
    "何时": "when",
    "什么时候": "when",
    "多少": "how many how much",
    "几个": "how many",
    "哪些": "which",
    "哪个": "which",
    "谁": "who",
    "政策": "policy",
    "申报": "application submission",
    "可行性研究报告": "feasibility study reports",
    "项目建议书": "project proposals",
    "评审": "review",
    "解读": "interpretation",
    "指标": "indicators",
    "评价指标": "evaluation indicators",
    "创投日": "Venture Capital Day",
    "医疗": "healthcare medical",
    "教育": "education",
    "交通": "transportation",
    "政务": "government affairs",
    "政务服务": "government services",
    "安全": "security safety",
    "监管": "supervision",
    "伦理": "ethics",
    "语料": "corpus",
    "公共数据": "public data",
}
_VOCABULARY = sorted(
    {**TERMS, **{zh: en for en, zh in CHINESE_NAMES.items()}}.items(), key=lambda kv: -len(kv[0])
)


# The texts' own words for what officials often say otherwise (and American spellings: the
# English renderings of the policies use them).
ENGLISH_VARIANTS = {
    "ai": "artificial intelligence", "centre": "center", "centres": "centers",
    "organise": "organize", "organised": "organized", "programme": "program",
    "companies": "enterprises", "company": "enterprise", "firms": "enterprises",
    "cars": "vehicles", "self-driving": "autonomous driving", "household": "home",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def expand_query(query: str) -> str:
    """The query in the texts' words: a Chinese query rendered in English (its known terms
    translated, in order, plus the figures and Latin words it holds); an English one with the
    texts' variants of its words appended.

    Untranslated Chinese is dropped rather than kept: the English-only embedding model maps
    it to unknown tokens that blur the query's meaning.
    """
    if not has_cjk(query):
        extra = [ENGLISH_VARIANTS[w.lower()] for w in _WORD.findall(query)
                 if w.lower() in ENGLISH_VARIANTS]
        return " ".join([query, *dict.fromkeys(extra)])
    rendered = query
    found = False
    for zh, en in _VOCABULARY:
        if zh in rendered:
            rendered = rendered.replace(zh, f" {en} ")
            found = True
    if not found:
        return query
    rendered = CJK_RUN.sub(" ", rendered)
    return " ".join(rendered.replace("？", " ").replace("，", " ").split())
