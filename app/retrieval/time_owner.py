"""Whose time a Chinese figure is (issue 23; rounds 43–44): a sentence timing several acts
("…在7个工作日内完成初审，报县农业农村局复核") was quoted for the time of an act it names but does
not time (复核), a time counted from one event (培训结束后10日内) for a question counting from
another (考试结束后), and a time of one thing's act (建设补贴's 拨付) for another thing's same act
(维保补贴's). The owner is read from the clause structure and LAC's parts of speech, never from a
word missing (``content_words`` judges those): a time phrase closing on 内/前/后/起 governs the verb
phrase after it in its clause (or the clauses after it, when it closes its own: 竣工验收后6个月内，
申请人…申领); so does one a verb follows (期满前3个月提出申请). It opens on the event it counts
from (演练结束后5个工作日内; 审核通过后补贴资金在20个工作日内). A figure closing its clause is the
object of the verb right before it (复核结果在村公示5个工作日: the 公示's, not the 复核's).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from app.numerals import ASKING_JI, CN_DIGITS, MEASURE_WORDS, ZH_BOUNDS
from app.retrieval.document_questions import ZH_WHEN
from app.retrieval.modifiers_zh import another_kind_of
from app.retrieval.taggers import TAGGING, lac
from app.text import CLAUSE_OR_ITEM_END, has_cjk

_TIME_CLOSE = re.compile(r"(?:以|之)?[内前后]|起")
# The event a span counts from closes on 后 or 起, the span's subject and its coverb (在, 于) may
# stand between them (审核通过后补贴资金在20个工作日内).
_OPENS_AFTER = re.compile(r"(?:以|之)?后|起")
_COUNTED_FROM = re.compile(r"(?:(?:以|之)?后|起)(?:[\u4e00-\u9fff]{0,6}?(?:在|于))?$")
_SENTENCE = re.compile(r"[；。！？;!?]")  # a clause run sharing its subject ends here
_SENTENCE_END = re.compile(r"[。！？!?\n]")  # a sentence's clauses after ；, ， share it
# Another figure ends the phrase: digits, or Chinese numerals counting (三年, 十五个; not 六盘水).
_FIGURE = re.compile(rf"\d|[{CN_DIGITS}十百千万]+(?=[{MEASURE_WORDS}年月日天周元万亿%])")
# A question word asking a time: a span (多少个工作日, 多长时间, 多久) or a day (何时, 哪天).
_UNIT = r"个?(?:工作)?(?:年|月|周|星期|天|日|小时|分钟)"  # of time, not of age (岁)
_ASKED_TIME = re.compile(rf"(?:多少|{ASKING_JI})(?:{_UNIT}|时间)|多久|多长时间|{ZH_WHEN}")
_TIME_FIGURE = re.compile(rf"[\d{CN_DIGITS}十]\s*{_UNIT}|\d日|月份?$")  # 3月31日
# Verbs changing a period state its new length or end, the period's own (结转年限由5年延长至8年,
# 付息可延期到6月30日): a figure only they govern is judged by none.
_CHANGES = frozenset("延长 缩短 顺延 延期 推迟 提前 调整 延至".split())
# Verbs that carry no event of their own (完成审核 is the 审核, 需要三天 the span): light verbs
# whose object is the event (办理登记, 进行核查, 组织验收), phase verbs (开始, 结束, 完成), modals
# and the copula.
_ACTS_ON = frozenset("进行 加以 给予 予以 作出 做出 开展 组织 实施 实行 办理 开始 结束 完成"
                     .split())
_LIGHT = _ACTS_ON | frozenset("需要 应当 必须 可以 能够 应该 需 须 要 应 能 可 是 为 有 在 于 到"
                              .split())
_VERBS = frozenset({"v", "vn"})
_NOUNS = frozenset({"n", "nz", "vn"})  # the noun a figure's thing is named by (补贴, 资金)
_KINDS = frozenset({"n", "nz", "vn", "a", "an"})  # a word naming a kind of it (维保 补贴)


def sentence_head(before: str) -> str:
    """The clauses of a Chinese sentence before one of it (the text ``before`` that clause ends
    in): "竣工验收后6个月内，申请人…申领建设补贴；" for the "…20个工作日内拨付到位" after it."""
    return _SENTENCE_END.split(before)[-1]


def owned_otherwise(question: str, text: str, start: int, end: int, head: str = "") -> bool:
    """Whether the time figure ``text[start:end]`` of a Chinese sentence (``head``: its clauses
    before ``text``) belongs to another event than the one the Chinese ``question`` asks a time
    of: its verbs are none of the question's while the sentence says the asked event elsewhere
    (10个工作日内完成初审，报…复核 for 复核需要多少个工作日) or the question's light verb takes
    another event as its object there (办理使用登记 for 办理安装告知); it times the asked act of
    another kind of the question's thing (建设补贴 for 维保补贴…拨付); or it counts from another
    event (演练结束后 for 培训结束后多少个工作日内)."""
    if not (asked := _ASKED_TIME.search(question)) or not _TIME_FIGURE.search(
            text[max(0, end - 6):end + 1]) or not has_cjk(text[start:end + 1]):
        return False
    wanted, (owner, follows) = _asked_event(question, *asked.span()), _governed(text, start, end)
    owner = owner if follows else _from_last_event(owner)
    sentence = head + text
    # The cheap checks first: a phrase is tagged only when the question's verbs are not in it.
    if wanted and not any(w in owner for w in wanted):
        named = any(w in sentence for w in wanted)
        if (named or _takes_another_object(question, asked, owner)) and (
                own := _events(owner) - _CHANGES) and not any(w in question for w in own) and (
                named or not set("".join(wanted)) & set("".join(own))):  # 审批 is 审核 said
            return True
    elif wanted and _another_kind(question, sentence):
        return True
    since, since_asked = _since(text, start), _events(_since(question, asked.start()))
    return bool(since_asked and since and not any(w in since for w in since_asked)
                and _events(since))


def _governed(text: str, start: int, end: int) -> tuple[str, bool]:
    """The words a figure at ``text[start:end]`` belongs to, and whether they follow it: the verb
    phrase after a time phrase, or the words before any other figure since the event it counts
    from, each within its clause and up to another figure."""
    closed = _TIME_CLOSE.match(text, end) or text[start:end].endswith(tuple("内前后起"))
    before = CLAUSE_OR_ITEM_END.split(text[max(0, start - 40):start])[-1]
    # A time opening its clause (2月10日，…到…调研) is its sentence's; one before 的 (14天的居家
    # 隔离) qualifies the noun phrase after it.
    opening = not before.strip() and text[end:end + 1] in {"，", ","}
    if closed or opening or re.match(r"[\u4e00-\u9fff]", text[end:end + 1]):
        after = text[closed.end() if isinstance(closed, re.Match) else end:][:100]
        run = _SENTENCE.split(after.removeprefix("的"))[0]
        clause = CLAUSE_OR_ITEM_END.split(run)[0]
        return _FIGURE.split(clause if clause.strip() or not (closed or opening) else run)[0], True
    return _OPENS_AFTER.split(_FIGURE.split(before)[-1])[-1], False


@lru_cache(maxsize=4096)
def _from_last_event(phrase: str) -> str:
    """``phrase`` from its last verb on: a figure closing its clause is that verb's object (公示
    of 复核结果在村公示; a verbal noun before a noun names it: 复核结果, 承诺期限), past the
    bounds (不超过), the whole phrase if none."""
    phrase = ZH_BOUNDS[0].sub("", ZH_BOUNDS[1].sub("", phrase))
    if not phrase.strip() or not has_cjk(phrase):
        return phrase
    with TAGGING:
        words = [*lac().run(phrase), ("", "")]
    at, last = 0, -1
    for (word, tag), (_, then) in pairwise(words):
        if tag in _VERBS and len(word) > 1 and word not in _LIGHT and not (
                tag == "vn" and then in {"n", "nz"}):
            last = at
        at += len(word)
    return phrase[last:] if last >= 0 else phrase


def _since(text: str, start: int) -> str:
    """The event a time figure at ``start`` counts from (演练结束 of 演练结束后5日内), if any."""
    before = CLAUSE_OR_ITEM_END.split(text[max(0, start - 30):start])[-1]
    opens = _COUNTED_FROM.search(before)
    return _FIGURE.split(before[:opens.start()])[-1] if opens else ""


@lru_cache(maxsize=256)
def _asked_event(question: str, start: int, end: int) -> frozenset[str]:
    """The verb whose time a Chinese ``question`` asks: of the phrase its question word governs
    (``_governed``), the verb nearest it (复核 of 复核需要多少个工作日, not 租房 of 租房补贴最多能领
    几年, whose 领 is one character: too short to tell, none)."""
    phrase = _governed(question, start, end)[0]
    with TAGGING:
        words = [w for w, tag in lac().run(phrase) if tag in _VERBS and w not in _LIGHT]
    nearest = words[:1] if phrase and question.find(phrase, start) >= start else words[-1:]
    return frozenset(w for w in nearest if len(w) > 1)


def _takes_another_object(question: str, asked: re.Match[str], owner: str) -> bool:
    """Whether a light or phase verb of the phrase Chinese ``question``'s time word governs (办理
    of 多少日办理安装告知, 完成 of 完成复核需要多少个工作日) takes another object in the figure's
    phrase ``owner`` (办理使用登记, 完成改造): the same act done to another event (its object)."""
    phrase = _governed(question, *asked.span())[0]
    with TAGGING:  # a verb, both sides (实施 of 实施细则 is a noun's)
        light = {w for w, tag in lac().run(phrase) if tag == "v" and w in _ACTS_ON} if (
            phrase.strip()) else set()
        return bool(light) and any(w in light and tag == "v" for w, tag in lac().run(owner))


@lru_cache(maxsize=256)
def _another_kind(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names the thing of Chinese ``question`` (a noun after a kind word:
    补贴 of 维保补贴) only as another kind of it (建设补贴), the question's kind nowhere: an act it
    times is that kind's."""
    with TAGGING:
        words = [*lac().run(question), ("", "")]
    return any(tag in _KINDS and its in _NOUNS and then not in {"n", "nz"}  # the phrase's head
               and min(len(kind), len(noun)) > 1 and has_cjk(kind)
               and another_kind_of(kind, noun, sentence, question)
               for (kind, tag), (noun, its), (_, then) in zip(words, words[1:], words[2:],
                                                              strict=False))


@lru_cache(maxsize=4096)
def _events(phrase: str) -> frozenset[str]:
    """The verbs of a Chinese phrase (LAC: v, vn) of two characters or more, but the light ones."""
    if not phrase.strip():
        return frozenset()
    phrase = ZH_BOUNDS[0].sub("", ZH_BOUNDS[1].sub("", phrase))  # 不少于 bounds, no event
    with TAGGING:
        words = lac().run(phrase)
    return frozenset(w for w, tag in words if tag in _VERBS and len(w) > 1 and w not in _LIGHT)


# A time stated in a Chinese sentence: a date (2026年3月31日) or a span (10个工作日).
_STATED_TIME = re.compile(rf"(?:(?:19|20)\d\d年)?\d{{1,2}}月\d{{1,2}}[日号]"
                          rf"|[\d{CN_DIGITS}十]+\s*{_UNIT}")


def times_of_others(question: str, text: str, head: str = "") -> bool:
    """Whether every time a Chinese ``text`` (``head``: its sentence's clauses before it) states
    is another event's than the one ``question`` asks a time of (``owned_otherwise``): it times
    none of it."""
    spans = [m.span() for m in _STATED_TIME.finditer(text)]
    return bool(spans) and all(owned_otherwise(question, text, *span, head) for span in spans)
