"""Which word of a Chinese question frames its answer: the content word just before the
question word (round 37, rzpick38). The reader weighs it more in telling which of a notice's
sentences answers; the support the refusal threshold reads is left as it is."""

from __future__ import annotations

import re
from collections.abc import Hashable

from app.chinese_words import tagged
from app.in_situ import ASKING_WORD, ZH_ASKS, sets_frame
from app.numerals import figures
from app.retrieval.content_words import CONTENT_TAGS
from app.retrieval.document_questions import ZH_WHEN
from app.retrieval.gazetteer import gazetteer
from app.text import ITEM, QUESTION_CLAUSES, bigram_units, clause_spans

# How much more a focus word (``focus_units``) counts in telling which sentence of the notices
# answers: twice as much (realzh dev and rzrepo-tune, rzpick38; half or three times did worse).
FOCUS_GAIN = 1.0
# How much a bigram said only in a clause setting the scene (``scene_units``) counts in telling
# which sentence answers: half (realzh dev and rzrepo-tune, rzanchor45).
SCENE_WEIGHT = 0.5
# A clause stating a condition or naming whom the question is of, not a scene: opened by a
# conjunction of condition (若, 如果, 一旦), closed by 的话, or holding 的 (a relative clause: "延期
# 办理…申领的，", "全职工作的硕士，", "残疾人自己开的车，"); it tells which rule or tier.
_CONDITION = re.compile(r"^\s*(?:如果|假如|倘若|如若|要是|若|一旦|万一)|的")


def focus_units(question: str) -> set[str]:
    """The bigrams of the content word nearest before ``question``'s question word in its clause:
    the predicate governing it or the noun it asks the value of ("遵从什么原则": 遵从; "担保额度是
    多少": 额度; "提供了哪些帮助": 提供). Chinese leaves the question word where the answer stands,
    so a sentence saying that word frames the answer itself; one saying only the question's other
    words (its topic, its subject, a scene set in a clause before) tells what the notice is about.
    The words after it were tried too: the kind they name (条件, 政策) is seldom said again."""
    clause = next((c for c in QUESTION_CLAUSES.split(question) if ZH_ASKS.search(c)), "")
    asking = re.search(ZH_WHEN, clause) or ASKING_WORD.search(clause)  # 什么时候: one question word
    near = [w for w, t in tagged(clause[:asking.start()] if asking else "") if len(w) > 1 and (
        t[:1] in CONTENT_TAGS) and t != "ns" and not ZH_ASKS.search(w)]  # a place: the places' own
    return bigram_units(near[-1]) if near else set()


def focused(weights: dict[str, float], question: str) -> dict[str, float]:
    """``weights`` of ``question``'s bigrams, its focus word's (``focus_units``) counting more and
    those said only in a clause asking nothing (``scene_units``) less."""
    focus, scene = focus_units(question), scene_units(question)
    return {u: w * (1 + FOCUS_GAIN * (u in focus)) * (SCENE_WEIGHT if u in scene else 1.0)
            for u, w in weights.items()}


def scene_units(question: str) -> set[str]:
    """The bigrams said only in ``question``'s clauses asking nothing: a clause before the one
    asking sets the scene ("疫情返程高峰期，", "在楼宇调研时，", "新疆，…感染算工伤，"), telling
    which notice or event, as a news lead restating it does; the clause asking says which of its
    sentences answers ("产生的费用怎么算？"), and so does one stating a condition ("若一线医务人员
    感染，") or naming a figure (a date: "截至2月11日，", a tier), which of several sentences
    alike holds. Empty for a question of one clause, or whose every clause asks."""
    clauses = [c for c in QUESTION_CLAUSES.split(question) if c.strip()]
    if not any(map(ZH_ASKS.search, clauses)):
        return set()
    scenes = [c for c in clauses if not (ZH_ASKS.search(c) or _CONDITION.search(c) or figures(
        c)) and _adverbial(c)]
    said = set().union(*(bigram_units(c) for c in clauses if c not in scenes))
    return set().union(*map(bigram_units, scenes)) - said


# A clause ending in a word of time ("调研时", "高峰期", "疫情期间"): when, not what.
_WHEN = re.compile(r"(?:时|期|期间|之际|以来)\s*$")


def _adverbial(clause: str) -> bool:
    """Whether ``clause`` is an adverbial setting a scene: a preposition opening it ("在上海药店…",
    "通过热线举报"), a word of time closing it, or a place alone ("新疆，"); not a noun phrase
    naming what is asked of ("定西老年人意外伤害保险，") nor an event asked about."""
    words = tagged(clause.strip())
    return bool(words) and (words[0][1] == "p" or bool(_WHEN.search(clause)) or all(
        t == "ns" for _, t in words))


# Words of a list item's own: nouns, verbs and the like, numbers (二孩), places and positions
# (境外, 室外) — jieba's tags; grammar words (r, p, u, d, c, q…) tell no item from another.
_ITEM_TAGS = CONTENT_TAGS | frozenset("msf")
# The ordinal prefix (第一次, 第二套): every ordinal has it, so it tells no item from another.
_ORDINAL = "第"
# How near the first sentence's score (the order's) a sibling item must come to be told apart.
SIBLING_NEAR = 0.8
# The least share of their characters (of both items' together) two items of a list hold both:
# siblings say one frame ("…公益性岗位安置人员，按每人每月…元标准给予岗位补贴") for two groups.
SIBLING_SHARE = 0.5
# A list item's number, opening its sentence or after a lead-in's colon: "（二）", "3.", "二是".
_ITEM_MARK = re.compile(rf"(?:^|[：:])(?:{ITEM.pattern}|\s*[一二三四五六七八九十]是)")


def _item(text: str) -> tuple[str, set[str]] | None:
    """``text``'s list marker's form ("（N）", "N是") and the characters of the item after it."""
    mark = _ITEM_MARK.search(text)
    return (re.sub(r"[\d一二三四五六七八九十]+", "N", mark.group().strip("：: ")), {
        c for c in text[mark.end():] if c.isalnum()}) if mark else None


def _told_apart(asked: set[str], one: tuple[str, set[str]], text: str,
                listed: tuple[str, set[str]] | None = None) -> bool:
    """Whether ``text`` is an item of ``one``'s list (its marker's form, or ``listed``: its own
    form when both are items of one "；" series) saying its frame (``SIBLING_SHARE``), and the
    question (its characters ``asked``) says one only ``text``'s item holds and none only
    ``one`` holds."""
    other = listed or _item(text)
    if not other or other[0] != one[0] or len(one[1] & other[1]) < SIBLING_SHARE * len(
            one[1] | other[1]):
        return False
    return bool(asked & (other[1] - one[1])) and not asked & (one[1] - other[1])


def _figure_told(question: str, first: str, text: str) -> bool:
    """Whether ``text`` states a figure the question names (80岁, 5000万) and ``first`` none: of a
    series' items, each the scheme's tier or threshold it is for, the question names its own."""
    named = {value for _, _, value in figures(question)}
    return bool(named) and bool(named & {v for _, _, v in figures(text)}) and not named & {
        v for _, _, v in figures(first)}


def item_first(question: str, ranked: list[tuple[str, float, Hashable]],
               series: list[Hashable | None] | None = None) -> int:
    """Which of ``ranked`` (sentences in the reader's order, with their scores and groups: their
    notice, whether they lack the kind asked) is the item asked: the first, unless an
    item of its list (``_told_apart``) scoring nearly as much (``SIBLING_NEAR``) is told apart. A
    list's items share their frame and differ in a word (二孩家庭, 乡村公益性岗位) that the
    question says otherwise ("生了二胎", "在村里"), so no bigram of it scores; a character still
    tells them apart: the question says one only that item holds, and none only the first holds
    (not of a place it names, nor of its question word; nor the items' numbers), and no other
    sibling is told apart so. Only items of one list: any near tie (news sentences, a rule and its
    exception) lost held answers (zhfr39). The items of an unnumbered "；" series (``series``:
    each sentence's run, None out of one) are siblings too; of them, one stating a figure the
    question names (``_figure_told``) is told apart too, whatever their frames share."""
    asked = _asked_characters(question)
    (first, score, group), runs = ranked[0], series or [None] * len(ranked)

    def own(text: str) -> tuple[str, set[str]]:  # a "；" series' item: its characters, its form
        return ("；", {c for c in text if c.isalnum()})
    mine = _item(first)
    if not mine and runs[0] is None:
        return 0
    near = [i for i, (_, said, its) in enumerate(ranked[1:], 1) if its == group and (
        said >= SIBLING_NEAR * score > 0)]
    siblings = [i for i in near if runs[0] is not None and runs[i] == runs[0]]
    for told in ([i for i in siblings if _figure_told(question, first, ranked[i][0])], [  # tier
            i for i in siblings if _told_apart(asked, own(first), ranked[i][0], own(ranked[i][
                0]))], [i for i in near if mine and _told_apart(asked, mine, ranked[i][0])]):
        if len(told) == 1:
            return told[0]
    return 0  # two ("二胎…一个月"): which is meant is not told


def _asked_characters(question: str) -> set[str]:
    """The characters of ``question``'s own words (``item_first``): not of a place it names, its
    question word, nor the ordinal prefix."""
    places = "".join(question[a:b] for a, b, _ in gazetteer().chinese_mentions(question))
    return {c for w, t in tagged(question) if t[:1] in _ITEM_TAGS and t != "ns" and not (
        ZH_ASKS.search(w)) for c in w if c not in places and c != _ORDINAL}


# The most characters an item's own word takes in a clause listing items of one frame.
_ITEM_WORD = 4


def _item_words(one: str, other: str) -> tuple[str, str] | None:
    """The words two clauses of one sentence's list differ by in one place, their frame the same
    around it: "每公里村道…" and "每公里县道…" (村, 县), "一级机构5万元" and "三级机构10万元" (一,
    三): after what they open with alike, each item's word up to the first character both go on
    with (a later item leaves the rest of its frame unsaid). None if they differ otherwise."""
    at = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), None)
    if at is None:
        return None
    # Siblings' words take one place of the frame (一级/三级, 村道/县道): of one length, or the
    # frame going on alike for two characters (顺产定额/剖宫产定额); not "其中基础设施项目" and
    # "在建省大中型项目", whose 中 is no shared frame.
    ends = [(i, j) for i in range(at + 1, min(len(one), at + _ITEM_WORD + 1))
            for j in range(at + 1, min(len(other), at + _ITEM_WORD + 1)) if one[i] == other[j]
            and one[i].isalpha() and (i == j or one[i:i + 2] == other[j:j + 2])]
    if not ends or one[at:(i := min(ends, key=sum)[0])].isdigit():  # no figure's digits
        return None
    j = min(ends, key=sum)[1]
    rest = set(one[i:]), set(other[j:])  # their frames after the item alike, as siblings'
    if len(rest[0] & rest[1]) < SIBLING_SHARE * min(map(len, rest)):
        return None
    return one[at:i], other[at:j]


def item_told(question: str, first: str, clauses: list[str]) -> int | None:
    """Which of ``clauses`` (each stating a detail of the kind asked in one sentence) is the item
    the question names, where ``first`` (the clause the reader's measure chose) is an item of
    their list (``_item_words``): the one only whose item's word the question says, and not
    ``first``'s ("…县道每年的日常养护经费最低多少？" of "每公里村道每年…1000元，每公里乡道不低于
    3000元，每公里县道不低于7000元"); None when none or several are told apart."""
    asked = _asked_characters(question)
    told = [n for n, clause in enumerate(clauses) if (words := _item_words(first, clause))
            and asked & set(words[1]) and not asked & set(words[0])]
    return told[0] if len(told) == 1 else None


def item_frame(text: str, start: int, before: str) -> int:
    """Where a quote of ``text`` opening at ``start`` opens when ``text`` is a later item of a "；"
    series (the text ``before`` it ends with "；"): at the clause before it that only frames it
    ("…；年满80周岁的，每餐减免4元；", "…；在新三板挂牌的，奖励100万元；"). A later item leaves
    unsaid what it shares with the first, so its condition alone says which item the figure is
    of; the first item's figure is quoted as any (rzrepo's gold spans: "补助2.4万元")."""
    if not before.rstrip().endswith("；"):
        return start
    opening = [a for a, b in clause_spans(text) if b <= start]
    if not opening or not sets_frame(text[opening[-1]:start]):
        return start
    number = ITEM.match(text, opening[-1])  # the item's number is no word of it
    return len(text) - len(text[number.end():].lstrip()) if number else opening[-1]
