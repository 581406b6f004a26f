"""Where an open Chinese answer ends: with the clause saying what was asked, or on into the
clauses and sentences that go on with it.

An open question (怎么办, 有什么安排) is answered by a clause with a detail of its own, and that
clause may be followed by what it is for (…确保零就业家庭动态清零), which was not asked, or by a
list's next item, a connective or a reference back (同时, 其中, 二是), which goes on with it. The
reader (``app.answering.chinese_reader``) asks here how far its quoted span runs.
"""

from __future__ import annotations

import re

from app.chinese_words import tagged
from app.in_situ import ZH_ASKS, asking_part, coordinated, sets_frame
from app.retrieval.content_words import content_words, said
from app.retrieval.numbered import item_end, items_on, marker
from app.text import ITEM, QUESTION_CLAUSES, bigram_units, clause_spans, said_by

# The least characters of its own (unsaid by the question) a clause answering an open question
# holds past its asked word: fewer only name what is asked ("可参考北京市的各项措施", realzh dev).
DETAIL_CHARS = 10
# A sentence opening on these goes on with the one before it: a connective adding to it (同时,
# 此外, 并, 还, 也, 但), a reference back (其中, 上述, 以上, 这, 该, 此), a case of the same matter
# (对, 凡, 如, 若), the next of an ordinal list (一是…。二是…).
_GOES_ON = re.compile(r"\s*(?:同时|此外|另外|与此同时|并|还|也|同样|但|其|上述|以上|这|该|此"
                      r"|对|凡|如|若|[二三四五六七八九十]是)")
# The least characters of its own (unsaid by the question) an open answer holds to answer alone
# at its sentence's end: fewer tell what it is about, not what it is (realzh dev, rz2227).
ALONE_CHARS = 30
def goes_on(said: str, following: str, question: str, lead: str = "") -> bool:
    """Whether an open answer to ``question`` that has ``said`` so far (after ``lead``, its first
    sentence's start left unquoted) goes on into the sentence ``following`` it: ``said`` ends on
    no full stop (a list's "；", a lead-in's "："), has too little of its own to answer alone
    (``tells_topic``), or is no list where a list is asked (哪些); or ``following`` continues it
    (an item, a connective, a reference back: an unasked word of the last sentence again in its
    first clause, "…可致电当地热线电话反映。热线受理后…")."""
    last = re.split(r"(?<=[。！？])", said.rstrip("。！？ "))[-1]
    first = re.split(r"[，,；;。]", following)[0]
    units = bigram_units(question)
    return said.rstrip()[-1:] not in "。！？" or bool(ITEM.match(following) or _GOES_ON.match(
        following)) or (sum(not m and c.isalnum() for c, m in zip(said, said_by(
            said, units), strict=True)) < ALONE_CHARS and tells_topic(
                lead + said if last == said.rstrip("。！？ ") else last, units)) or (
        "哪些" in question and not re.search(r"、.*、|；", said)) or any(
        len(w) > 1 and t[:1] in "nv" and w in last and w not in question for w, t in tagged(first))


def tells_topic(sentence: str, units: set[str]) -> bool:
    """Whether ``sentence``, with little of its own beside the question's ``units`` (its bigrams),
    tells what it is about rather than answering: one clause ("发挥物流保障办公作用。"), a
    numbered item's first (its heading: "二、到食堂的就餐人员，要做好自我防护。"), or one whose
    last clause says a word of the question again (a summary the next sentences detail: "…，重点
    产品日产量实现快速增长。"). Of several clauses, a last one wholly its own is what is done
    in the case the question restates before it ("对…的企业，可予以展期或续贷。"): it answers
    alone, however short (realzh tune: 85 of 100 quotes over several sentences held the span in
    their first)."""
    clauses = clause_spans(sentence.rstrip("。！？ "))
    if len(clauses) < 2 or ITEM.match(sentence):
        return True
    closing = sentence[clauses[-1][0]:clauses[-1][1]]
    return any(said_by(closing, units))


def asked_end(text: str, start: int, question: str) -> int | None:
    """Where an open answer opening at ``start`` in ``text`` (one sentence) ends when clauses
    follow the last one saying, with a detail of its own, a word of what ``question`` asks (its
    content words from the word before its question word on: "怎么贴息", "有什么兜底安排"; not a
    clause restating the question or framing the next one), and those clauses open on a verb,
    saying no word of the question nor when: they say what it is for ("…给予3至6个月的临时性
    兜底安置，确保零就业家庭动态清零"), not what was asked (a time tells the next step: "待疫情
    结束后统一备案"). The answer ends with that clause and its ``coordinated`` ones; else None."""
    asking = ZH_ASKS.search(question)
    if asking is None:
        return None
    tail = QUESTION_CLAUSES.split(question[asking.start():])[0]
    asked = [w for w, tag in tagged(question[:asking.start()])[-1:] + tagged(tail) if len(w) > 1
             and tag[:1] in "nvabs" and tag != "ns" and not ZH_ASKS.search(w)]
    spans, units = [(a, b) for a, b in clause_spans(text) if b > start], bigram_units(question)
    saying = [n for n, (a, b) in enumerate(spans) if any(said(w, text[a:b]) for w in asked)
              and not sets_frame(text[a:b]) and sum(not m and c.isalnum() for c, m in zip(
                  text[a:b], said_by(text[a:b], units), strict=True)) >= DETAIL_CHARS]
    after = [tagged(text[a:b].strip()) for a, b in spans[saying[-1] + 1:]] if saying else []
    if not after or after[0][0][1] != "v" or any(tag[:1] in "tf" for tag in (
            t for _, t in after[0])) or any(said(w, "".join(x for x, _ in c)) for c in after
                                            for w in content_words(question)):
        return None
    return coordinated(text, max(start, spans[saying[-1]][0]), spans[saying[-1]][1])[1]


# A question asking what a measure requires: a measure's noun asked at its end (有哪些要求, 采取
# 了什么措施; words after it say what the answer is for, not what it is). A notice states a measure
# as one sentence whose clauses list what it requires ("严格落实…制度，禁止采购…。").
_MEASURE_ASKED = re.compile(r"(?:什么|哪些|何|哪[几项种])(?:样的)?(?:具体)?(?:要求|措施|举措|规定"
                            r"|政策|办法|安排|准备|程序|流程|手续|做法)呢?[？?。\s]*$")


def measure_asked(question: str) -> bool:
    """Whether ``question`` asks a measure (above); the reader asks it of an open question only
    (no kind of detail asked, ``question_kinds``), so a figure or a name asked stays short."""
    return bool(_MEASURE_ASKED.search(asking_part(question)))


# A lead-in pointing forward: 如下, 下列, 以下 ("the following") before the colon closing it
# ("…应当及时采取下列措施："); what it announces is all in what follows, whichever passage holds it.
_FORWARD = re.compile(r"(?:如下|下列|以下)[^，,。；;：:]{0,12}[：:]\s*$")


def announces(text: str) -> bool:
    """Whether ``text`` (a sentence) is a lead-in whose answer follows it (above)."""
    return bool(_FORWARD.search(text))


# A list asked: 哪些 ("which ones", a plural), or a measure's noun (``measure_asked``). A Chinese
# sentence lists the items of one series parted by "；" ("…支持A注册发行；支持B注册发行。"), each
# saying the same of another: one item quoted alone leaves the others out.
_SERIES_END = re.compile(r"[。！？!?\n]")  # a sentence's end closes the series
SERIES_CHARS = 400  # a longer series is a passage of measures, not one list (dev split)


def lists_asked(question: str) -> bool:
    """Whether ``question`` asks a list (above)."""
    return "哪些" in asking_part(question) or measure_asked(question)


def series(text: str, start: int, end: int, question: str, base: int = 0) -> tuple[int, int]:
    """The offsets of the whole "；" series of ``text`` (opening at offset ``base``) holding an
    answer from ``start`` to ``end`` to ``question`` asking a list (above): from its sentence's
    first item when the answer opens after a "；", to the end of the sentence; or, for an answer
    that is a numbered list's first item whole, with the items after it (``numbered``); (``start``,
    ``end``) when the answer ends on no item or no list is asked."""
    a, b = start - base, end - base
    if not lists_asked(question):
        return start, end
    head = marker(text[a:])  # a numbered list's first item, whole: with the items after it
    if head is not None and head[1] == 1 and item_end(text, a) == b and (
            on := items_on(text, a, b, a + SERIES_CHARS)) > b:
        return start, base + on
    if not set("；;") & set(text[b - 1:b + 1]):
        return start, end
    closing = _SERIES_END.search(text, b)
    last = closing.end() - (closing.group() == "\n") if closing else len(text)
    if text[:a].rstrip()[-1:] in ("；", ";"):  # a later item: from the series' first
        first = max(text.rfind(c, 0, a) for c in "。！？!?\n") + 1
        a = first + len(text[first:a]) - len(text[first:a].lstrip())
    return (base + a, base + last) if last - a <= SERIES_CHARS else (start, end)
