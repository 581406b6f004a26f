"""The measure a figure is stated in: its unit (个月, 年, 元, %, square metres), the calendar
period it recurs by (每月, "annually") and the thing it is per (每餐, "per unit"), read the same
way in both languages.

A figure is a value *of* something: "离校2年内" states two years, and a sentence saying
"最多补2个月" does not rest on it though both hold a 2. The units are the languages' own words
(a closed class of each), mapped to one name per measure, so 6个月 meets "6 months" and 3.1亿元
meets "310 million yuan" (the magnitude is the figure's, app.numerals; the unit is what follows
it). A figure whose unit is none of these (5项, "100P") has no measure here: only two stated
measures can differ.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import dropwhile, takewhile

from app.text import CLAUSE_OR_ITEM_END, has_cjk

Measure = tuple[str | None, str | None]  # unit, period

_ZH_UNITS = {"month": "个月 月", "year": "周年 年", "week": "个星期 星期 周", "hour": "个小时 小时",
             "day": "个工作日 工作日 天 日", "minute": "分钟", "age": "周岁 岁", "yuan": "元",
             "dollar": "美元", "m2": "平方米 平米 ㎡", "km2": "平方公里", "mu": "亩",
             "hectare": "公顷", "person": "人次 人 名", "household": "户", "occurrence": "次 趟 遍"}
_EN_UNITS = {"age": r"years?[\s-]+old", "year": "years? yrs?", "month": "months?",
             "week": "weeks?", "day": r"(?:(?:working|calendar|business)\s)?days?",
             "hour": "hours?", "minute": "minutes?", "yuan": "yuan rmb renminbi cny",
             "dollar": "dollars? usd", "m2": r"square[\s-]+met(?:er|re)s? sq\.?\s?m sqm",
             "km2": r"square[\s-]+kilomet(?:er|re)s?", "mu": "mu", "hectare": "hectares?",
             "person": "people persons?", "household": "households?"}
# Nouns naming a sum: of money, whatever its figure's unit ("how large is the fund", "预算是多少").
MONEY_EN = (r"budget|invest(?:ment|ed|s|ing)?|funding|funds?|subsid(?:y|ies)|grants?|costs?"
            r"|prices?|fees?|fines?|allowances?|(?:re|a)?wards?|fares?|rent|salar(?:y|ies)|wages?")
# A Chinese question asking a sum by its unit: 多少钱, 多少元, 几万元.
ZH_MONEY_ASKED = r"多少钱|(?:多少|几)[万亿千百]*元|掏了?多少"  # 掏 (out of one's pocket): money
# A payer's verb right before the sum it asks (要花多少钱, 一年交多少钱, 掏多少钱) asks what is
# paid: a cost, a charge, a price or a rent, named by those nouns' characters (费用, 收费, 票价,
# 租金), not a grant (补助, 奖励) one is given toward it. (收, the payee's, is left: round 47 it
# let 全日托's 收费 answer 半日托, whose 半日 jieba cuts as a time, negation's 半 reading none.)
ZH_PAID_ASKED, PAID_NOUNS = re.compile(r"[花交缴付掏][了掉]?多少钱"), "费价租"
# 贴息: of a loan's interest; 保证金 whole (a deposit), or its 证金 was found inside it.
MONEY_NOUN = re.compile(rf"\b(?:{MONEY_EN})\b|预算|投资|资金|基金|补贴|补助|费用|经费|罚款|奖励"
                        r"|租金|房租|价格|收费|贴息|津贴|工资|薪酬|保证金|[押奖]金"
                        # A fee (送餐费, 保险费), not 免费; 经费 and 收费 are listed whole.
                        r"|[\u4e00-\u9fff]{1,2}(?<![免消经收])费", re.I)
_UNIT_OF = {w: unit for unit, words in _ZH_UNITS.items() for w in words.split()}
# The longest word first (个月 before 月, 周岁 before 周): a Chinese unit is bound to its figure.
_ZH_UNIT = re.compile("|".join(sorted(_UNIT_OF, key=len, reverse=True)))
_EN_UNIT = re.compile("|".join(rf"(?P<{unit}>\b(?:{'|'.join(words.split())})\b)"
                               for unit, words in _EN_UNITS.items()), re.I)
# What may stand between a figure and its unit: the rest of a range ("3至12个月", "3 to 6
# months"), an approximation (30多万元, 300余人) and a magnitude the figure did not take.
_BETWEEN = re.compile(r"(?:\s*(?:至|到|[-–—~～]|to|or|and)\s*[\d.,]+)?"
                      r"\s*[多余几]?[万亿千百]*[\s-]?", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:人民币|RMB|CNY|[¥￥])\s*$", re.I)
# Recurrence by a calendar unit: 每年, 按月, 元/月, "annually", "per month", "each quarter".
_RECURS = re.compile(r"每个?(年|季|月|周|星期|天|日)|按(年|季|月|周)|[/／](年|季|月|周|天|日)|\b(?:"
                     r"(annual|year|quarter|month|week)ly|(?:each|every|per) (year|quarter|month"
                     r"|week|day)|per (annum))\b", re.I)
_PERIODS = {"年": "year", "annual": "year", "annum": "year", "季": "quarter", "月": "month",
            "周": "week", "星期": "week", "天": "day", "日": "day"}
_PERIOD_REACH = 12  # characters from the figure a clause's recurrence word may stand
_TIMES = frozenset({"year", "month", "week", "day", "hour", "minute", "age", "occurrence"})


def recurrences(text: str) -> set[str]:
    """The calendar units ``text`` says something recurs by: 每年 and "annually" are "year"."""
    units = (next(g for g in m.groups() if g).lower() for m in _RECURS.finditer(text))
    return {_PERIODS.get(unit, unit) for unit in units}


def measure_of(text: str, start: int, end: int, percent: bool = False) -> Measure:
    """The unit and period of the figure at ``text[start:end]`` (its magnitude included): the
    unit after it, or a currency before it; the recurrence word nearest it in its clause."""
    between = _BETWEEN.match(text, end)
    rest = text[between.end() if between else end:]
    unit = "percent" if percent else None
    if unit is None and (zh := _ZH_UNIT.match(rest)) and not rest.startswith("人民"):
        unit = _UNIT_OF[zh.group(0)]
    elif unit is None and (en := _EN_UNIT.match(rest)):
        unit = en.lastgroup
    elif unit is None and _CURRENCY_BEFORE.search(text[max(0, start - 8):start]):
        unit = "yuan"
    lo = max([0, *(m.end() for m in CLAUSE_OR_ITEM_END.finditer(text, 0, start))])
    hi = next((m.start() for m in CLAUSE_OR_ITEM_END.finditer(text, end)), len(text))
    near = [m for m in _RECURS.finditer(text, lo, hi)
            if m.start() - end <= _PERIOD_REACH and start - m.end() <= _PERIOD_REACH]
    nearest = min(near, key=lambda m: min(abs(m.start() - end), abs(start - m.end())), default=None)
    return unit, (recurrences(nearest.group(0)).pop() if nearest else None)


def stated_alike(question: str, values: Collection[object], text: str, start: int, end: int
                 ) -> bool:
    """Whether ``question`` states the figure at ``text[start:end]`` (one of ``values``) in its
    measure: the asker's age (我今年60岁) is not a count stated as 每月最多享受60次."""
    from app.numerals import figures  # which imports this module

    own = [measure_of(text, start + a, start + b) for a, b, _ in figures(text[start:end])]
    return any(value in values and same_measure(measure_of(question, a, b), own[0] if own else (
        None, None)) for a, b, value in figures(question))


def says(question: str, named: str) -> bool:
    """Whether ``question`` says ``named`` (an entity's text), a figure only whole: the 8 of "8
    sportswear brands" is not the question's "by 2028". Searched, not matched by a pattern built
    per entity: every entity of every candidate sentence is asked of, and compiling each took
    more of a Chinese ask than any stage (bench zh ask p50 +3.5 ms, round 38's end)."""
    at = question.find(named)
    while at >= 0:
        before, after = question[at - 1:at] if at else "", question[at + len(named):][:2]
        if not (before.isdecimal() or before in (".", ",")) and not (after[:1].isdecimal() or (
                after[:1] in (".", ",") and after[1:2].isdecimal())):
            return True
        at = question.find(named, at + 1)
    return False


def same_measure(claimed: Measure, stated: Measure) -> bool:
    """Whether a figure claimed in ``claimed`` may be the one stated in ``stated``: each of unit
    and period agrees, or one side does not say it."""
    return all(a is None or b is None or a == b for a, b in zip(claimed, stated, strict=True))


# The counted thing a figure is per (每餐, 每户, 元/人, "per square metre"): a figure per one
# thing is not the figure per another (每部3万元 answers no 每餐多少钱). Read by the languages'
# structure: 每 and the word jieba cuts after it (每张床位: 张; 每个助餐点: 助餐), X in
# 元/X, "per" and its word; a unit already read (每平方米, per square metre) is its unit's name,
# and the words naming one thing (每人/每名/每位, per person) are one. Calendar periods (每月)
# are the figure's period, not a thing.
_PER_ZH = re.compile(r"每(?:一|个(?=[\u4e00-\u9fff]{2}))?|(?<=元)[/／](?=[\u4e00-\u9fff])")
_PER_EN = re.compile(r"\bper\s+([a-z][^,;.:!?]*)", re.I)
_FUNCTION_WORDS = frozenset("a an the of for to in on at by with from after before that which who "
                            "whom and or is are was were be per each every".split())
_PERSON_SUFFIXES = "人员者生师工"
_COUNT = re.compile(r"^[一二两三四五六七八九十\d]+个?")
_SAME_THING = {"位": "person", "个人": "person", "capita": "person", "顿": "餐"}  # 每顿 is 每餐
_NOT_A_THING = re.compile(r"(?:个?(?:年|季|月|周|星期|天|日)|cent|annum|year|quarter|month|week"
                          r"|day)(?![a-z])|[^a-z\u4e00-\u9fff㎡]", re.I)


def _thing(after: str) -> str | None:
    """The thing named at the start of ``after`` (the text after 每 or per), or None for a
    calendar period or none."""
    from app.chinese_words import tagged  # jieba, loaded once

    if not after or _NOT_A_THING.match(after):
        return None
    if unit := _EN_UNIT.match(after):
        return unit.lastgroup
    if unit := _ZH_UNIT.match(after):
        return _UNIT_OF[unit.group(0)]
    if not has_cjk(after[0]):  # the noun phrase up to its first function word: its words
        tokens = re.findall(r"[a-z][a-z-]*|\S", after.lower())
        words = [w.removesuffix("s") for w in takewhile(lambda w: w not in _FUNCTION_WORDS, tokens)]
        return " ".join(_SAME_THING.get(w, w) for w in words[:4]) or None
    words = tagged(after[:8])  # a classifier (张, 部) names its thing; 个 is passed over
    word, tag = words[0]
    # A classifier before its noun (每台电梯, 每部加装的电梯, 每张床位) is the noun's unit, not
    # the thing: kept with the noun, so 每台电梯 meets 每部电梯 (their shared characters) and 每部
    # alone still meets 每部电梯. jieba tags a classifier q or, before a noun, n (部电梯): a
    # single character is one; a verb may modify the noun between. A sum's noun (每张补贴) is
    # what is paid, not the thing; a classifier of persons (每位) names its thing itself.
    noun, kind = next(dropwhile(lambda wt: wt[1].startswith(("v", "u")), words[1:4]), ("", ""))
    if len(word) == 1 and word not in _SAME_THING and len(noun) > 1 and kind[:1] == "n" and \
            not kind.startswith("nr") and not MONEY_NOUN.fullmatch(noun):
        return word + noun
    if tag.startswith("v"):  # 每建一个充电口: the thing its count counts; 每个补助多少: none
        rest = after[len(word):]
        if len(words) < 2 or words[1][1][:1] not in "nq":
            counted = len(words) > 1 and words[1][1] == "m" and _COUNT.match(rest)
            return _thing(_COUNT.sub("", rest, count=1)) if counted else None
        word += words[1][0]  # 助+餐点, 充电+口: a verb's noun
    # A noun of a person by its suffix (见习生, 学员, 老年人) counts persons as 每人 does.
    return "person" if word[-1] in _PERSON_SUFFIXES else _SAME_THING.get(word, _SAME_THING.get(
        word[:1], word))


def per_things(text: str, start: int, end: int) -> set[str]:
    """The things the figure at ``text[start:end]`` is per, read within its clause (a lead-in
    "按每平方米…" before it, 元/人 or "per unit" after it)."""
    lo = max([0, *(m.end() for m in CLAUSE_OR_ITEM_END.finditer(text, 0, start))])
    hi = next((m.start() for m in CLAUSE_OR_ITEM_END.finditer(text, end)), len(text))
    found = [_thing(text[m.end():hi]) for m in _PER_ZH.finditer(text, lo, hi)]
    found += [_thing(m.group(1)) for m in _PER_EN.finditer(text, lo, hi)]
    return {thing for thing in found if thing}


def per_another_thing(question: str, text: str, start: int, end: int) -> bool:
    """Whether the question asks a figure per one thing and the figure at ``text[start:end]``
    is per other things only. A question asking per nothing (一个人能拿多少) is not judged, nor
    a figure per nothing stated, nor a thing of one language against a word of the other. So
    for a calendar period: a sum or count recurring each month (每人每月300元) is not the one
    recurring each year a question asks (每年的运营补贴); a time's length is read by its kind."""
    if periods := recurrences(question):
        from app.numerals import figures  # which imports this module
        own = figures(text[start:end])  # an entity's span may hold its unit (2000元, 1次)
        unit, period = measure_of(text, *((start + own[0][0], start + own[0][1]) if own else (
            start, end)))
        if period and period not in periods and unit not in _TIMES:
            return True
    asked, stated = per_things(question, 0, len(question)), per_things(text, start, end)
    # English names persons by any noun (engineer, graduate, resident) and no lexicon here says
    # which: a figure per person is not judged against an English question's thing.
    comparable = {t for t in stated if (t in _UNIT_OF.values() or has_cjk(t) == has_cjk(question))
                  and not (t == "person" and not has_cjk(question))}
    return bool(asked and comparable) and not any(
        a == s or set(a if has_cjk(a) else a.split()) & set(s if has_cjk(s) else s.split())
        for a in asked for s in stated)  # sharing a character (助餐点) or an English word
