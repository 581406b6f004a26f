"""How documents state their validity, in each language: the forms ``ingest.validity`` reads.

Tables of the languages' official writing, not of any corpus: what a document calls itself
(本 + the kind of document, "this plan"), how a start, an end, a term or an open end is written.
"""

from __future__ import annotations

import re

from app.numerals import EN_MONTHS, NUMBER_WORD

# What a document calls itself when it states its own validity (general forms of Chinese
# official writing: 本 + the kind of document, or 以上/上述 + measures).
SELF_ZH = (
    r"(?:本|以上|上述|此)(?!一些|部分|个别)(?:[\u4e00-\u9fff]{0,8}?)"
    r"(?:通知|意见|办法|措施|规定|公告|通告|方案|细则|决定|政策|条例|规划|计划|指引|指南|"
    r"实施意见|若干措施|条款|规则|标准|批复|函|要求|制度)"
)
# A day, with the hour a notice may add ("2020年2月21日零时", "2020年2月17日00：00").
ZH_DATE = (r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:[（(][^）)]{1,8}[）)])?"
            r"(?:\s*(?:零时|\d{1,2}\s*[时:：](?:\d{2})?))?")
ON_ISSUE_ZH = r"(?:印发|发布|公布|颁布|下发|签发|印发之|发布之)"
START_ZH = re.compile(
    rf"{SELF_ZH}[^。；;]{{0,30}}?(?:自|从|于)\s*(?P<when>{ZH_DATE}|{ON_ISSUE_ZH}之?日|即日)"
    r"\s*(?:起|开始)?\s*暂?(?:施行|实施|执行|生效|试行)"
)
ANY_START_ZH = re.compile(
    rf"(?:自|从)\s*(?P<when>{ZH_DATE}|{ON_ISSUE_ZH}之?日|即日)\s*起\s*(?:施行|实施|执行|生效|试行)"
)
# A policy's start said of its measures ("明确自2020年1月1日起实施一系列…优惠政策"), or a term
# that starts on issue ("执行期限为发布之日起至…").
POLICY_START_ZH = re.compile(
    rf"(?:自|从)\s*(?P<when>{ZH_DATE})\s*起\s*(?:施行|实施|执行)[^。；;]{{0,30}}?(?:政策|措施)|"
    rf"期限为\s*(?P<issue>{ON_ISSUE_ZH}之?日)\s*起"
)
# A temporary measure from a day until further notice or until an event ("自2020年2月3日起暂时
#关闭……恢复时间视疫情形势变化另行通知"): its start and its open end in one sentence.
TEMPORARY_ZH = re.compile(
    rf"(?:自|从)\s*(?P<when>{ZH_DATE})\s*起[^。]{{0,120}}?"
    r"(?P<until>(?:至[^。；;，,]{2,20}?结束|(?<=[，,])[^。；;，,]{0,30}?另行(?:通知|公告|通告)))"
)
# 有效期至2022年12月31日 / 有效期至疫情解除 / 有效期为… / 执行至… / 截止日期视…另行公告
UNTIL_ZH = re.compile(
    r"(?:有效期(?:限)?(?:为|是)?(?:至|到|截至|截止(?:到|至)?)|(?:执行|实施|施行)(?:期限)?(?:至|到)|"
    r"(?<=[，,])\s*至(?=\s*\d{4}\s*年[^。；;，,]{0,12}止)|"  # "…起执行，至2022年12月31日止"
    r"(?:执行|实施|施行)期限(?:为|是)?(?:[^。；;，,]{0,20}?至))"
    r"\s*(?P<until>[^。；;，,（(]{1,60})"
)
# A start and an end in one phrase ("执行期限为2023年1月1日至2023年12月31日", "有效期自…起至…止",
# "自印发之日起至2023年12月31日止", "自2020年1月1日至3月31日，实行…，现公告如下"); an end
# without its year is in the start's. Not a period something happens in ("…至…期间新招用").
SPAN_ZH = re.compile(
    rf"(?<=[自从为是：:])\s*(?P<when>{ZH_DATE}|{ON_ISSUE_ZH}之?日)\s*起?\s*(?:至|到)\s*"
    r"(?P<until>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*(?:24|二十四)\s*时)?"
    r"\s*止?(?!\s*(?:期间|之间|内|前|的|发生|新))"
)
# A sentence that announces what the document does ("现公告如下", "现就有关事项通知如下").
ANNOUNCES_ZH = re.compile(r"现[^。；;]{0,30}?(?:公告|通知|通告|规定|明确)如下")
# 有效期两年; 执行期暂定为自政策发布之日起三个月; 试行期18个月; 自发布之日起两年内有效.
TERM_ZH = re.compile(
    r"(?:(?:有效|执行|实施|试行)期(?:限)?(?:暂定)?(?:为|是)?\s*"
    r"(?P<since>(?:自|从)[^。；;，,]{0,12}?之日起)?\s*"
    r"(?P<n>[0-9零〇一二两三四五六七八九十百]{1,3})\s*(?P<unit>年|个月|周|天|日))"
    r"|(?:(?P<since2>(?:自|从)[^。；;，,]{0,12}?之日起)\s*"
    r"(?P<n2>[0-9零〇一二两三四五六七八九十百]{1,3})\s*(?P<unit2>年|个月|周|天|日)内有效)"
)
# A day written without its year ("自2月5日起"): the year is the document's own.
DAY_ZH = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A measure's start with no word for "this document" ("一、2020年2月3日起暂停……",
# "自2月5日起，对……停征"): the document's own start when it does what the title announces.
DATED_START_ZH = re.compile(
    r"(?:(?:自|从)\s*|(?:^|(?<=[、：:，,\s])))(?P<when>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*"
    r"\d{1,2}\s*日)(?:\s*(?:零时|\d{1,2}\s*[时:：](?:\d{2})?))?\s*起"
)
# A first numbered provision that opens with a dated start ("一、自2020年2月22日24时，撤销…",
# "一、自2020年2月起，…"): the day (or month) a notice's measures start.
FIRST_ITEM_START_ZH = re.compile(
    r"(?:^|\s|[：:])一[、.．]\s*(?:自|从)?\s*(?P<when>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"
    r"(?:\s*(?:零时|\d{1,2}\s*[时:：](?:\d{2})?))?\s*(?:起|开始)?\s*[，,]"
)
# An end of what a title announces, in the sentence that does it: the day it lasts to ("…恢复营业
# 后至2020年12月31日，对…实行…"). "截至2月10日，" is the day a tally was made, not an end.
TITLE_END_ZH = re.compile(
    rf"(?<!截)至\s*(?P<day>{ZH_DATE}|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)\s*[，,]")
# A period opening a sentence or its clause ("疫情防控期间，…", "在疫情防控期间，…", or with 在 its
# verb right after: "在疫情防控期间将给予…"): of what follows in it. Read only of a report's
# headline measure: instructions name such a period of each measure they give.
PERIOD_OPEN_ZH = re.compile(r"(?:^|(?<=[，,：:\s]))(?P<at>在)?(?P<until>[\u4e00-\u9fff]{2,12}?期间)"
                            r"(?(at)[，,]?|[，,])")
# A span of months opening a sentence or its clause ("2020年2月至12月，…"): of what follows in it,
# from its first month's first day to its last month's last (read as PERIOD_OPEN_ZH is).
MONTH_SPAN_ZH = re.compile(
    r"(?:^|(?<=[，,：:\s]))(?:自|从)?(?P<year>\d{4})\s*年\s*(?P<first>\d{1,2})\s*月份?\s*(?:至|到)\s*"
    r"(?:(?P<year2>\d{4})\s*年\s*)?(?P<last>\d{1,2})\s*月(?:份|底)?\s*[，,]")
# Words that sum up what was done ("共发放…贷款30亿元", "累计减免…"): a span over such a clause is
# a tally's period, not a measure's.
TALLY_ZH = re.compile(r"累计|共计|合计|总计|(?<![公一])共(?!同)")
# The start of a span ("从今年1月1日至…", "2019年10月1日至…") just before its end.
SPAN_START_ZH = re.compile(r"(?:(?:自|从)\s*)?(?:今年|本年)?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*"
                           r"\d{1,2}\s*日\s*$")
# A title's period ("关于疫情期间停征……的通知"): the open end of a measure dated in the text.
TITLE_PERIOD_ZH = re.compile(r"关于(?P<until>[^，。；的]{2,30}?期间)")
PERIOD_ZH = re.compile(r"有效期(?:限)?(?:为|是)\s*(?P<until>[^。；;，,（(]{2,40}?期间)")
OPEN_END_ZH = re.compile(
    r"(?P<until>(?:(?:实施|执行|适用)?期限|截止|截至|终止|停止时间)(?:日期|时间)?[^。；;]{0,60}?"
    r"另行(?:公告|通知|通告|发布|明确)|"
    r"适用于[^。；;，,的]{1,30}?期间(?=[。；;，,（(]|$))"
)
# 自疫情防控工作结束之日起停止执行: an end that is an event, unless the event is a date.
STOP_ZH = re.compile(
    r"(?:自|从|至|到)\s*(?P<until>[^。；;，,自从]{2,60}?)(?:之日)?起?\s*(?:停止执行|停止实施|废止|失效|终止)"
)
# A plan's period in its title or opening: "（2023—2025年）", "2023-2024", "the 2023–2024 plan".
PERIOD_YEARS = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年)?\s*[-—–~至到]\s*((?:19|20)\d{2})(?!\d)"
)

_MONTH = "|".join(EN_MONTHS)
EN_DATE = (
    rf"(?:\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}|(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2})"
)
START_EN = re.compile(
    rf"(?:effective|takes? effect|comes? into (?:force|effect|operation)|in force|shall apply|"
    rf"appl(?:y|ies)|runs?|(?:is|are) in place|(?:is|are) available|starts?|begins?|commences?)"
    rf"\s+(?:from|on|as of|as from|starting)\s+(?P<when>{EN_DATE}|the date of (?:issue|"
    r"issuance|publication)|its (?:issue|issuance|publication))"
    r"|(?P<now>with immediate effect)",
    re.IGNORECASE,
)
UNTIL_EN = re.compile(
    r"(?:valid|effective|in force|remains? in (?:force|effect|place)|shall (?:apply|remain in "
    r"force)|appl(?:y|ies)|expires?|ends?|(?:will )?continues?|lasts?|stays? in place)"
    r"\s+(?:until|through|till|on)\s+(?P<until>[^.;\n]{2,80})|\bruns?\s+(?:to|until|till|through)"
    r"\s+(?P<until2>[^.;\n]{2,80})",
    re.IGNORECASE,
)
# "applies from 15 May 2021 until 31 August 2021", "runs from 1 February 2022 to 31 December
# 2023": a start and an end in one phrase.
SPAN_EN = re.compile(
    rf"\bfrom\s+{EN_DATE}\s+(?:until|till|to|through)\s+(?P<until>{EN_DATE})", re.IGNORECASE
)
# English number words ("eighteen", "twenty-four") are read with app.numerals.NUMBER_WORDS.
_EN_NUMBER = rf"(?:{NUMBER_WORD})(?:-(?:{NUMBER_WORD}))?"
# "valid for two years from 1 March 2024", "runs for eighteen months, starting on 1 October
# 2023", "remain in place for 90 days": a term, from the day it names or the start.
TERM_EN = re.compile(
    r"(?:valid|in force|in effect|effective|apply|applies|runs?|lasts?|operates?|"
    r"remains?\s+in\s+(?:force|effect|place)|stays?\s+in\s+place)\s+for\s+"
    rf"(?:an?\s+(?:[a-z]+\s+)?(?:term|period)\s+of\s+)?(?P<n>\d{{1,3}}|{_EN_NUMBER}|an?)\s+"
    r"(?P<unit>years?|months?|weeks?|days?)"
    rf"(?:,?\s+(?:from|starting(?:\s+on)?|beginning(?:\s+on)?|commencing(?:\s+on)?)\s+"
    rf"(?P<since>{EN_DATE}))?",
    re.IGNORECASE,
)
ISSUE_WORDS = re.compile(r"印发|发布|公布|颁布|下发|签发|即日|issue|publication", re.IGNORECASE)

# Verbs of a title that announce the document rather than what it does.
ANNOUNCING = frozenset({"通知", "通告", "公告", "印发", "发布", "公布", "转发", "关于"})

# Verbs that end a document's own validity, with the word that refers back to a date already
# written ("the scheme ends on that date", "本政策于该日终止"): facts of each language. Its
# subject is the document (this/the …/it; 本…/以上措施), never another named document.
END_EN = re.compile(
    r"(?:\b(?:this|these|the|it|they)\b[^.;,\n]{0,40}?|\band\s+)\b(?:will\s+|shall\s+)?"
    r"(?P<verb>ends|end(?=\s+on\b)|expires?|lapses?|ceases?(?:\s+to\s+(?:apply|operate|have\s+"
    r"effect|be\s+in\s+force))?|terminates?|(?:is|are|will\s+be)\s+(?:terminated|withdrawn|"
    r"repealed)|closes?)\b(?!\s+(?:up|with|of)\b)",
    re.IGNORECASE,
)
# A Chinese ending verb closes its clause ("…届满。", "…于该日终止。"); one inside a clause
# ("对授信到期…的企业") is said of something else.
END_ZH = re.compile(r"(?P<verb>届满|到期|终止|停止执行|停止实施|自动失效|失效|自行废止|自动废止|"
                    r"废止|自行解除|自动解除)(?=\s*(?:[。；;，,]|$))")
# English also refers back by a relative clause ("…, after which the scheme lapses", "…, on
# which date it expires", "…, when the scheme ends") or an adverb ("After that, …", "thereafter").
BACK_REFERENCE = re.compile(r"\b(?:that|the\s+same|this)\s+(?:date|day)\b"
                            r"|\b(?:after|upon|on|at|by)\s+which\b|\bwhereupon\b|\bthereafter\b"
                            r"|\bafter\s+(?:that|this)\b|(?:^|,)\s*when\b"
                            r"|该日|当日|同日|届时|此日",
                            re.IGNORECASE)
# A date that starts, not ends: "自2024年3月1日起", "from 1 May 2023".
START_MARK_ZH = re.compile(
    r"^\s*(?:[（(][^）)]{1,8}[）)])?\s*(?:零时|\d{1,2}\s*[时:：]\d{0,2})?\s*起")
START_MARK_EN = re.compile(
    r"(?:from|starting(?:\s+on)?|commencing(?:\s+on)?|as\s+of|effective)\s*$", re.IGNORECASE)
