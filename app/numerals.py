"""Numbers, ordinals and dates as the two languages write them: the one place a figure's value,
an ordinal or a day is read (both ingest and answering read figures through it)."""

from __future__ import annotations

import re
from functools import lru_cache

from app.figure_wholes import RATE_OF, share_of
from app.measures import per_another_thing
from app.text import has_cjk, stem

# Facts of the two languages' figures, written once: Chinese numeral digits, the words that
# scale a number, and the Chinese measure words a count takes (5项任务, 八个案例).
CN_DIGITS = "〇零一二两三四五六七八九"
ZH_NUMERAL = rf"\d{CN_DIGITS}十百千万"  # a regex class body: a count's characters, 12 or 十二
MAGNITUDES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
              "万亿": 10**12, "千万": 10**7, "百万": 10**6, "万": 10**4, "亿": 10**8}
MEASURE_WORDS = "个名位项家座条台所批类种次件款只支套处间栋辆架张份篇部"
# A count asked by its measure word (多少种, 几项): of things counted, no number to call.
COUNTED_ASKED = rf"(?:多少|几)[{MEASURE_WORDS}]"
# Words of an upper and of a lower bound (最多多少 asks the cap 最高 or 不超过 states).
ZH_BOUNDS = (re.compile("最高|最多|不超过|不高于|不得超过|不得高于|上限|封顶|至多|以内"),
             re.compile("最低|最少|不少于|不低于|不得少于|不得低于|下限|至少|起码"))
# A superlative asks a bound as those words do (最长缓多久, 最多补多少): the upper (最长, 最多,
# 最晚) or the lower (最短, 最少, 最早).
SUPERLATIVE = re.compile(r"最(?:([长多高大晚久远])|([短少低小早近]))")
# An English cap, asked ("at most", "the most we can get") or set ("shall not exceed", "no more
# than", "up to 24 months", "capped at"): any of its words states the same bound, as in Chinese.
EN_CAP = re.compile(r"\b(?:at most|(?:no|not) more than|(?:not|never) (?:to )?exceed|capped at"
                    r"|a cap of|max(?:imum)?|ceiling|upper limit|up to(?= [\d$£€¥])|the most"
                    r"(?= (?:[a-z]+ ){0,2}(?:can|could|may|might|will|would|shall)\b))\b", re.I)
NUMBER_WORDS = dict(zip(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred".split(), [*range(21), *range(30, 100, 10), 100], strict=True))
NUMBER_WORD = "|".join(NUMBER_WORDS)  # a regex alternation body: an English number word
# Ordinals pick one of a series ("the second part", 第二部分, 二期, "Phase II"; not "listed first").
ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_EN_ORDINAL = re.compile(rf"\b(?:(?:the|its|their)\s+|['’]s\s+)?({'|'.join(ORDINALS)})\b", re.I)
_ZH_ORDINAL = re.compile("第([一二三四五六七八九十])(?![一二三四五六七八九十百千])"
                         "|(?<![第一二三四五六七八九十百千\\d])([一二三四五六七八九十])期(?![间限待望满末])")
# A Roman numeral numbers a thing's phase or generation ("Cloud Brain III"): only the small
# ones (I … XXXIX): "CD" or "MD" are more often letters than numbers.
ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_PHASE = re.compile(rf"\bphase\s+((?=[IVX]){ROMAN.pattern}|[1-9])\b", re.I)


@lru_cache(maxsize=8192)  # read of every candidate sentence, a sentence for many questions
def ordinals(text: str, picking: bool = False, nouns: frozenset[str] = frozenset()
             ) -> frozenset[str]:
    """The ordinals ``text`` says, in English ("second" for 第二 too); ``picking``: only those
    picking one of several ("the second part", "its third phase"), not "listed first"; a Roman
    numeral after one of ``nouns`` (stems) too: Cloud Brain III is the third brain asked of."""
    numbered = [int(n) if n.isdigit() else _roman_value(n) for n in _PHASE.findall(text) if n]
    numbered += [_roman_value(n) for noun, n in _LABEL_AFTER.findall(text) if n.isupper()
                 and stem(noun) in nouns]  # not a count after a verb ("implementing three")
    return frozenset({m.group(1).lower() for m in _EN_ORDINAL.finditer(text)
                      if not picking or m.group(0) != m.group(1)}) | {
        ORDINALS["一二三四五六七八九十".index(a or b)] for a, b in _ZH_ORDINAL.findall(text)} | {
        ORDINALS[n - 1] for n in numbered if n <= len(ORDINALS)}


def _roman_value(numeral: str) -> int:
    values = [{"I": 1, "V": 5, "X": 10}[c] for c in numeral.upper()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


# English month names, lower case, January first: the one list dates are read by.
EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")
ISO_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)")
# When a thing is due, said as a date or as a span from an event (疫情结束后3个月内, 自公布之日
# 起30日内): a Chinese span after 后/起 ends at a time, which a "when" asks; so does one an end
# is set at (有效期至疫情结束后3个月); so do a day named by its event (印发之日; no numeral:
# 办结当天, 受理次日, 即时到账), a time before, after or within a period (汛期前, 公示期满).
DUE = re.compile(rf"{ISO_DATE.pattern}|(?:后|起)\s*[\d{CN_DIGITS}十]+\s*个?(?:工作)?"
                 r"(?:日|天|周|月|年)(?:内|以内|前)|(?:至|到)[^，。；]{1,12}?后\s*"
                 rf"[\d{CN_DIGITS}十]+\s*个?(?:工作)?(?:日|天|周|月|年)|当天|当日|次日|次月|即时"
                 r"|[\u4e00-\u9fff]期(?:之?[前后内]|满)|[\u4e00-\u9fff]之日")
# A ratio of parts (按5:5比例分担, 3比7的比例, "a ratio of 6 to 4") or a fraction of a whole
# in words ("three quarters of", "half of"; Chinese says the whole sum and a half in words: 全额
# 扣除, 全额贴息, 减半收取, 一半, 半数): a proportion, "what share" or "扣多少" asks, NER none.
RATIO = re.compile(r"(?<![\d.:：∶])\d{1,2}(?:\s*[:：∶比]\s*\d{1,2})+(?![\d.:：∶])"
                   r"(?=\s*的?(?:比例|配套|分担))|(?:(?<=按)(?:不低于)?|(?<=ratio of ))\d{1,2}"
                   r"(?:\s*(?:[:：∶]|to)\s*\d{1,2})+(?!\d|[.:：∶]\d)"
                   r"|\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?:halves|half"
                   r"|thirds?|quarters?|(?:four|fif|six|seven|eigh|nin|ten)ths?)|half)(?=\s+of\b)"
                   r"|全额|减半|一半|半数", re.I)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year in digits
YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–—至到]\s*(?:19|20)\d\d年?")  # "2023-2025", 2025至2027年
_MONTH = "|".join([*EN_MONTHS, *(m[:3] for m in EN_MONTHS)])
# A time of day ("15:05", "10.30", "3 pm", "nine o'clock" in digits): ingest stores it as a
# DATE, and beside a date it marks a web page's stamp line.
CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:[ap]\.?m\b\.?|o['’]clock)", re.I)
# A date naming a day, not only a month or a year ("November 2025" tells no "哪天"): "May 31",
# "Dec.29", "the 8th of each month", 2024-08-15, 3月15日, 10日 (of this month), a weekday.
NAMES_A_DAY = re.compile(
    rf"\b(?:{_MONTH})\b\.?\s*\d{{1,2}}(?!\d)|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?:each |every |the )?(?:month|{_MONTH})\b|{ISO_DATE.pattern}"
    rf"|月\s?[\d{CN_DIGITS}十]{{1,3}}\s?[日号]|(?<!\d)\d{{1,2}}日(?!内|以内|后|起)"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# A span of time ("for no more than 2 years", 3个月, 两年; not 2026年, 12月, 3周岁), answering "how
# long", which NER misreads or misses (spaCy: "no more than … 2 years" a sum; LAC: 不少于48小时).
EN_SPAN_OF_TIME = re.compile(rf"\b(?:\d+|{NUMBER_WORD})[\s-]+(?:working[\s-]+)?"
                             r"(?:year|month|week|day|hour)s?\b", re.I)
_ZH_COUNT = rf"[\d{CN_DIGITS}十百几]"
ZH_SPAN_OF_TIME = re.compile(rf"(?<!{_ZH_COUNT}){_ZH_COUNT}{{1,3}}(?:多?个多?(?:月|小时|星期"
                             r"|工作日)|天|周(?!岁)|小时|年|工作日)(?:内|以内|左右)?")
# A figure and its magnitude: "310 million", "3.1亿", "三千万" (cn2an reads the Chinese ones).
_FIGURE = re.compile(
    r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(thousand|million|billion|trillion|[万亿千百]*)"
    rf"|([{CN_DIGITS}十百千万亿点]*[十百千万亿][{CN_DIGITS}十百千万亿点]*)", re.IGNORECASE)


def chinese_number(numeral: str, mode: str = "normal") -> int | None:
    """二十五 -> 25, 两千 -> 2000, 二〇二五 -> 2025 (cn2an; ``mode`` "smart" reads digits and
    a magnitude too: 3万); None for what is no well-formed number (十四五, the plan's name)."""
    import cn2an

    try:
        return int(cn2an.cn2an(numeral, mode))
    except (ValueError, KeyError, IndexError):
        return None


def figure_values(text: str) -> list[float]:
    """The values of the figures ``text`` states, magnitudes applied: "3.1亿元" and "310
    million yuan" are both 310000000.0 (and 1000亿 is not 100亿)."""
    return [value for _, _, value in figures(text)]


@lru_cache(maxsize=1024)  # a question's, read against each of its candidate sentences
def values_stated(text: str) -> frozenset[float]:
    return frozenset(figure_values(text))


def asked_bound(question: str) -> re.Pattern[str] | None:
    """The words of the bound (``ZH_BOUNDS``' upper or lower) a Chinese ``question`` asks, by a
    bound's own word (不超过) or by a superlative (最长 asks what 不超过 states), if any."""
    superlative = SUPERLATIVE.search(question)
    return next((b for b in ZH_BOUNDS if b.search(question)), None) or (
        ZH_BOUNDS[0 if superlative[1] else 1] if superlative else None)


def caps_figure(clause: str) -> bool:
    """Whether a Chinese ``clause`` caps a figure ("…给予不超过2%的贴息支持，单个主体原则上不超过
    50万元"): the cap of what the clause before it grants belongs to it (a least, "其中不少于20亿",
    is a part of it told apart)."""
    return bool(ZH_BOUNDS[0].search(clause)) and any(c.isdigit() for c in clause)


def caps_grant(before: str, clause: str, question: str) -> bool:
    """Whether ``clause`` caps the figure the clause ``before`` it grants ("按展位费的60%给予补贴，"
    "单个企业每年最高15万元"): alone it answers only a ``question`` asking that cap (最多)."""
    return caps_figure(clause) and not caps_figure(before) and any(
        c.isdigit() for c in before) and asked_bound(question) is not ZH_BOUNDS[0]


def figures(text: str) -> list[tuple[int, int, float]]:
    """The figures ``text`` states: each one's span and value (as ``figure_values``)."""
    import cn2an

    found = []
    for match in _FIGURE.finditer(text):
        digits, scale, chinese = match.groups()
        try:
            if chinese:  # 百岁 (百岁老人) is 100 years of age: cn2an reads no lone 百
                value = 100.0 if text[match.start():match.end() + 1] == "百岁" else float(
                    cn2an.cn2an(chinese, "smart"))
            elif scale.isascii() and scale.lower() in MAGNITUDES:
                value = float(digits.replace(",", "")) * MAGNITUDES[scale.lower()]
            else:
                value = float(cn2an.cn2an(digits.replace(",", "") + scale, "smart"))
        except (ValueError, KeyError, IndexError):
            continue
        found.append((match.start(), match.end(), value))
    return found


# Distributive words: a figure of each one or period ("per firm", 每家, 元/人, 日均, 年产).
DISTRIBUTIVE = re.compile(
    r"\b(?:per|each|every|annual(?:ly)?|yearly|monthly|weekly|daily|quarterly)\b"
    r"|\ba (?:year|month|week|day)\b|每|[/／](?=[\u4e00-\u9fff])"
    r"|(?<![当次本该今昨明同前作])[日月年][均产](?![可生业])", re.I)
# How often a thing is done, by its form: each period (``DISTRIBUTIVE``), or in Chinese a
# period a thing is done by (按季度申领, 按月发放), a count of times in a period (一年两次;
# 早晚两次: morning and evening), or once a period before its one-character verb ending the
# clause (一天一检). NER labels none of these: a "how often" asked had no sentence stating one.
_ZH_PERIOD = r"(?:半年|年度?|季度?|月度?|周|星期|天|日)"
FREQUENCY = re.compile(
    rf"{DISTRIBUTIVE.pattern}|按{_ZH_PERIOD}(?![份底初末内])"
    rf"|(?:(?<![{ZH_NUMERAL}])一个?{_ZH_PERIOD}|早晚各?)[{ZH_NUMERAL}]{{1,3}}[次回遍]"
    rf"|(?<![{ZH_NUMERAL}])一{_ZH_PERIOD}一[\u4e00-\u9fff](?=[，。；、,;）)]|$)", re.I)
# A telephone number however bare, by its form in a contact list: a mobile's 11 digits (1[3-9]…)
# or a local line's 7 or 8 after a label's colon, a name maybe between ("外资服务：孙霖 89151053",
# "登记征缴科：69044210"), followed by no unit (a figure's: 19800000元, 38765432人次) nor decimals.
# Ingest labels only numbers dialled (电话：…). Without its label a bare number may be the last
# of a flattened list's entries, its name the next entry's ("王晓辉13810950883 北京首创…公司").
BARE_PHONE = re.compile(r"[：:](?:[\u4e00-\u9fff]{2,4})?\s?(?:1[3-9]\d{9}|[2-9]\d{6,7})"
                        rf"(?![\d.,%％]|\s*[{ZH_NUMERAL}亿元人户家项次吨米个名位])")
# A figure asked of each of several things ("黄码或红码分别隔离多久", 各出多少): one for each.
RESPECTIVE = re.compile(r"分别|各自|各(?=[是为出占要有需多几])|\brespectively\b", re.I)


# A number labelling one of a series of a noun: "grade 2", "level-three", "Phase II" (the noun,
# then its number) or "second prize", "first-phase" (an ordinal, then the noun). Kinds so
# numbered exclude each other, as their names say: grade 1 motors are no grade 2 ones. A year
# (4 digits) is read by app.retrieval.years; a count stands before its noun ("30 base stations"),
# while a number word hyphened to its noun names a grade ("rated *four-star*", round 33: read as
# "rated four", it had labelled no star, and a three-star home's award was the four-star one's).
_LABEL_AFTER = re.compile(rf"\b([A-Za-z]+)[\s-]+(\d{{1,2}}|{NUMBER_WORD}|(?-i:(?=[IVX])"
                          rf"{ROMAN.pattern}))(?![\w,.]\d|[\w%]|-[A-Za-z])", re.I)
_LABEL_BEFORE = re.compile(rf"\b({'|'.join(ORDINALS)})[\s-]+([A-Za-z]+)|\b({NUMBER_WORD})-"
                           rf"(?!(?:{NUMBER_WORD})\b)([A-Za-z]+)", re.I)

# Numbers listed with one noun label it by each ("first or second grade", "grades 1 and 2": the
# noun is said once); not a range ("1 to 3"), whose middle it leaves unsaid.
_ORDINAL = "|".join(ORDINALS)
_LISTED = re.compile(rf"\b((?:(?:{_ORDINAL})\s*(?:,|,?\s+(?:or|and))\s+)+)(?=(?:{_ORDINAL})[\s-]+"
                     rf"([A-Za-z]+))|\b([A-Za-z]+)[\s-]+\d{{1,2}}((?:\s*(?:,|,?\s+(?:or|and))\s+"
                     r"\d{1,2}\b)+)(?![.,]\d|[\w%])", re.I)


@lru_cache(maxsize=8192)  # a sentence's, read for each question over it
def labels(text: str) -> frozenset[tuple[str, int]]:
    """The (noun's stem, number) labels ``text`` gives English nouns (_LABEL_AFTER, _LISTED)."""
    listed = [(m[2] or m[3], ORDINALS.index(w.lower()) + 1 if m[1] else int(w)) for m in
              _LISTED.finditer(text) for w in re.findall(r"\w+", m[1] or m[4])
              if w.isdigit() or w.lower() in ORDINALS]
    after = [(noun, NUMBER_WORDS.get(n.lower()) or (int(n) if n.isdigit() else _roman_value(n)))
             for noun, n in _LABEL_AFTER.findall(text)]
    before = [(noun or hyphened, ORDINALS.index(n.lower()) + 1 if n else NUMBER_WORDS[
        number.lower()]) for n, noun, number, hyphened in _LABEL_BEFORE.findall(text)]
    return frozenset((stem(noun), value) for noun, value in after + before + listed)


# The measure a Chinese count asks (几天, 多久, 多少个, 几寸) against a figure's. Units of time
# answer one another (几天: 10个工作日; 14周岁 an age; 多久 as 多长时间, 多久一次 how often), so do
# the words counting any thing (多少个: 30家); another measure word is another measure (几寸: 一次).
ZH_TIME_UNIT = r"个?(?:工作)?(?:年|月|周|星期|天|日|小时|分钟|秒钟?|周岁|岁)"
_ANY_THING = "个名位人户家项座台所处条件批"
_OCCURRENCES = "次回趟遍"  # the verbal measure words: 上门几回 is counted in 次 (4次)
# 几 after 好 or 十, or before a power of ten, counts loosely and asks nothing (好几年, 十几天,
# 几十万): the one reading every module reading 几 as a question word takes. 半 is a numeral.
INDEFINITE_JI = r"(?<=[好十])几|几(?=[十百千万])"
ASKING_JI = rf"(?!{INDEFINITE_JI})几(?!乎)"  # 几 asking a number (not 几乎, "almost")
_ZH_ASKED_UNIT = re.compile(rf"(?<!哪)(?:(?!{INDEFINITE_JI})几|多少|多长(?=时间)|多(?=久))("
                            rf"{ZH_TIME_UNIT}|(?:时间|久)(?!.{{0,6}}一次)|[{MEASURE_WORDS}"
                            rf"{_OCCURRENCES}人户寸亩吨]|公里|平方米|米)")
_ZH_FIGURE = re.compile(rf"[{ZH_NUMERAL}半][{ZH_NUMERAL}亿.,，至到~\-—余馀多几]*")  # 馀 = 余


def _measure(unit: str) -> str:
    """The class of the unit ``unit`` opens with: time, a sum, a share, or its first word."""
    if re.match(ZH_TIME_UNIT, unit) or unit.startswith(("时间", "久")):  # 多长时间, 多久: any
        return "time"
    if unit[:1] in _OCCURRENCES:
        return "次"
    return "money" if unit.startswith("元") else "share" if unit[:1] in "%％成" else unit[:2]


def measured_otherwise(question: str, text: str, start: int, end: int) -> bool:
    """Whether the figure ``text[start:end]`` (Chinese) is of another measure than the count
    the Chinese ``question`` asks: 110 (a phone) for 拘留几天, 14周岁 for 多少个网点; or a share of
    what the English question's rate is of: "40% of the interest actually paid" (the subsidy's
    share) answers no "what interest rate do the loans carry"."""
    if per_another_thing(question, text, start, end):
        return True  # per another thing: 每部3万元 for 每餐多少钱
    if (rate := RATE_OF.search(question)) and rate[1] and share_of(
            text, start, end, re.compile(rf"\b{re.escape(rate[1])}", re.I)):
        return True
    if not (asked := _ZH_ASKED_UNIT.search(question)) or not has_cjk(text[start:end + 2]):
        return False  # an English text's figure ("30 days") is read by its NER label
    # An ordinal numbers one ("第三种为…" for 几种) and counts none; 第几批 asks an ordinal.
    if "第" in text[max(0, start - 1):start + 1] and not question[:asked.start()].endswith("第"):
        return True
    figure = text[start:end]  # its unit: what follows its numeral (近期 has none)
    figure = figure[m.end() if (m := _ZH_FIGURE.search(figure)) else 0:] + text[end:end + 4]
    want, got = _measure(asked.group(1)), _measure(figure)
    if want == "time" or got in {"time", "money", "share"}:
        return want != got
    # A count of things by any of their words (个, 家); a measure of its own only by it (寸, 亩).
    return not (want[0] in _ANY_THING and (got[:1] in _ANY_THING or got[:1] not in (
        MEASURE_WORDS + "寸亩吨米公平"))) and not got.startswith(want)


def same_measure(question: str, text: str, start: int) -> bool:
    """Whether the figure at ``text[start:]`` takes the very measure word the Chinese
    ``question`` counts by (136项 for 多少项, where 14家 only counts things too): among figures
    ``measured_otherwise`` lets answer, the one counted as asked is of the thing asked."""
    figure = text[start:start + 24]  # its bound words (不少于2次), its numeral, its unit
    figure = figure[m.end() if (m := _ZH_FIGURE.search(figure)) else 0:]
    asked = _ZH_ASKED_UNIT.search(question)
    return bool(asked and figure.startswith(asked.group(1)) and not re.match(
        ZH_TIME_UNIT, asked.group(1)))  # a time's unit (几年) is read by its kind, not its word
