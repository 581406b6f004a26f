"""Whether a Chinese sentence says each content word of a question, in its words or in others.

An everyday question and the notice answering it share few character pairs (民宿 for
乡村旅游接待户, 补多少钱 for 给予…补助), so the share of the question's pairs a sentence holds
cannot tell an answer in the notice's words from a sentence lacking the detail asked. Word by
word it can: jieba cuts the question and tags each word; words of no content of their own
(pronouns and question words, numerals, classifiers, particles, prepositions, conjunctions,
adverbs: by their tags) and one-character words (a light verb, 要 能 打, or one whose sense its
neighbours carry, 补 of 补多少钱) are left aside. Each other word is said when the sentence (or
its notice's title, section heading and frame: ``frames``) holds it, holds it shortened (老人 of
老年人), holds a word sharing an English sense with it in CC-CEDICT (补贴 of 补助), or a word the
multilingual embedding model places close to it (电瓶车 of 电动自行车). A place's name is left to
the places' own check, and so is the word a question word asks of (什么时候, 哪天开始): the
detail, not a word, answers it. HIT's 同义词词林 (``cilin``, in ``cnsyn``) was left out: research
only; CC-CEDICT and the model rescued as much. The sibling test refuses 3 near misses per false one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, pairwise

from app.bands import band_factor, banded_values
from app.chinese_words import complement, completed, compounds, is_word, load_jieba, tagged
from app.in_situ import ZH_ASKS
from app.negation import negation_dropped
from app.numerals import YEAR, ZH_TIME_UNIT, figure_values, values_stated
from app.retrieval.asked_sum import QUANTITY, measured_after, sum_asked
from app.retrieval.asker_zh import in_scope, left_open, own_tiers
from app.retrieval.continuation import says_of_itself
from app.retrieval.dictionary import dictionary, sense_sharers
from app.retrieval.document_questions import ZH_WHEN
from app.retrieval.frames import credited
from app.retrieval.gazetteer import gazetteer
from app.retrieval.kindred import kindred
from app.retrieval.modifiers_zh import (
    another_in_place,
    head_siblings_in_place,
    modified_nouns,
    other_modifier,
    qualified_otherwise,
    restricting,
    siblings,
    siblings_figured,
)
from app.retrieval.morphemes import said_in_morphemes, said_verb
from app.retrieval.name_words import common_before_noun
from app.retrieval.names import names_country
from app.retrieval.said_of import another_body
from app.retrieval.shortened import CLOSE_ZH, as_asked, bound_word_said, shortened
from app.retrieval.time_owner import sentence_head, times_of_others
from app.retrieval.totals import states_parts_only
from app.retrieval.whether import another_thing, says_whether, whether_asked
from app.retrieval.years import relative, says_year_asked
from app.store.records import Chunk
from app.store.vectors import TextVectors
from app.text import bigram_units, paragraph_before

# jieba's tags of words with content: nouns and names, verbs, adjectives, attributes, times,
# idioms, set phrases, abbreviations (n, nr, ns, nz, vn, v, a, ad, an, vd, b, t, i, l, j; not r,
# m, q, u, p, c, d, f, x, y, e: grammar's words; s, a place word, is read apart: see ``unsaid``).
CONTENT_TAGS = frozenset("nvabtilj")
# A bracketed alternative reads with the character before it: 县（区） says 县区, 县（市、区） 县市
# and 县区, 乡镇（街道） 镇街 (the text as written keeps the bracket between them).
_HAN = r"[\u4e00-\u9fff]"
_ALTERNATIVES = re.compile(rf"({_HAN})（({_HAN}{{1,2}}(?:、{_HAN}{{1,2}})*)）")
# A numeral in a word tells one tier from its siblings (二期 of 一期, 三星级 of 四星级): the text
# must say it. 一 is none: it is the article and "per" (一个月, 一次) as often as a number; nor is
# 两, a count (两个青年), never a rank (二孩, 第二).
_TIER_DIGITS = dict(zip("二三四五六七八九", "23456789", strict=True))
# A total's adverb (一共, 总共; jieba tags 一共 an abbreviation) says how much, not of what: a
# count stated ("八个方面") says it. The present (现在) is no such word: a rule states no state of
# now (安庆's 现在均价, h23); 今年 (of jieba's 今年冬天 too) is a year, read by ``years``.
_TOTAL = re.compile(r"一共|总共|共计")
# _TIMED: what a time's clause does then.
_TIMED = re.compile(rf"\d+{ZH_TIME_UNIT}(?:以?内|后|前)([^，,；;。]+)")


def content_words(question: str) -> list[str]:
    """The words of Chinese ``question`` that carry what it asks of (see the module's note)."""
    words = [("", ""), *((w[relative(w):], t) for w, t in tagged(question))]
    dated, placed = _by_date_asked(words), _place_names(question)
    return [w for at, (ahead, (w, tag)) in enumerate(pairwise(words), 1) if len(w) > 1 and (
            tag[:1] in CONTENT_TAGS) and (tag != "ns" or common_before_noun(words, at))
            and not complement(w, ahead)  # 拨|下来: the verb alone, a light one
            and w not in placed and not ZH_ASKS.search(w)
            and at not in dated
            and not w.startswith("每")  # a rate's "per" (每顿 v, 每辆 n): as 每月, 每人 (r)
            and not (len(w) == 2 and (w[0] in "不没" or (w[0] == "能" and "v" in (
                tag, tagged(w[1])[0][1]))))  # a negated or modal light verb (不用, 没扫, 能取:
            # jieba joins them, 能领 tagged a noun): as 用, 取, 领 alone
            and not _localized(w, tag)  # a scope, read apart as a place word is (see unsaid)
            and not names_country(w) and not _TOTAL.fullmatch(w)  # 全国 (n): a place, as ns
            and not (ZH_ASKS.search(ahead[0]) and not (
                re.fullmatch(ZH_TIME_UNIT, w)))]  # 几个小时: the unit asked must be stated


def _localized(word: str, tag: str) -> bool:
    """Whether ``word`` is a noun with a localizer (床上, 厂里: where the asker is), which jieba
    tags a noun: a place word (s) as 家里 and 楼里 are, setting a scope, not a thing asked of."""
    return len(word) == 2 and tag == "n" and word[1] in "上里"


def _place_names(question: str) -> set[str]:
    """The place names the gazetteer reads in ``question``: jieba may tag one a person's or
    another name (娄底 nr, 信丰 nz), but a place is left to the places' own check all the same."""
    return {question[start:end] for start, end, _ in gazetteer().chinese_mentions(question)}


def _by_date_asked(words: list[tuple[str, str]]) -> set[int]:
    """Where a verb or time word next to a date asked stands (什么时候开始, 截止到哪天, 最晚哪天):
    it says which end of a span is asked, and the day stated answers it, not a word of its own
    (开始 of 自3月1日起施行). The event's own verb (受理 of 开始受理, 申请 of 申请从哪天) stays."""
    ends = [*accumulate(len(w) for w, _ in words)]
    text = "".join(w for w, _ in words)
    near: set[int] = set()
    for m in re.finditer(ZH_WHEN, text):
        asked = [i for i, end in enumerate(ends)
                 if end > m.start() and end - len(words[i][0]) < m.end()]
        light = words[asked[0] - 1]  # 到 of 截止到哪天: a one-character verb between
        before = asked[0] - 1 - (len(light[0]) == 1 and light[1] == "v")
        near |= {i for i in (before, asked[-1] + 1)
                 if 0 < i < len(words) and words[i][1][:1] in "vt"}
    return near


def said(word: str, text: str) -> bool:
    """Whether ``text`` says ``word``: as it is, shortened, or by a word of the same sense."""
    units, text = bigram_units(word), text + "；".join(["", *(c + alternative for c, listed in (
        _ALTERNATIVES.findall(text)) for alternative in listed.split("、"))])
    held = {u for u in units if u in text} | shortened(text, units)
    if held == units or any(w in text for w in sense_sharers(word)) or says_of_itself(word, text):
        return True  # a verb with a complement no dictionary lists is said by its verb (评上: 评定)
    if (verb := completed(word)) and word not in dictionary().entries and said_verb(verb, text):
        return True  # (缴 says 交 of 交满: one sense, ``morphemes``)
    # A word no dictionary lists is jieba's guess (来查 of 哪个部门来查, 期才 of 缴费期才补交): the
    # question says its characters, not that word; those of them the dictionary knows must be
    # said, and one character of it at least (查 of 检查).
    return (not is_word(word) and any(c in text for c in word) and all(
        said(piece, text) for piece in load_jieba().lcut(word, HMM=False) if len(piece) > 1)
            ) or said_in_morphemes(word, text, said)  # 补缴 of 补交, 燃放爆竹 of 放鞭炮


def unsaid(question: str, text: str, context: str = "",
           vectors: TextVectors | None = None, scoped: bool | None = None) -> list[str]:
    """The content words of ``question`` that ``text`` (with its ``context``: title, heading)
    does not say, and the figures (other than 1) or the numerals of its words that ``text``
    itself states none of (but the asker's own, ``scoped`` by its document: ``in_scope``)."""
    # Not a name's (十堰, 四川, 三明: a place, or said by the title) nor a year's (read by years).
    placed = _place_names(question)
    stated = [w for w, tag in tagged(question) if tag != "ns" and w not in placed
              and w not in context]
    held = banded_values(question, text) | (own_tiers(question) if scoped else frozenset())
    figures = [str(v) for v in figure_values(" ".join(stated)) if v != 1 and not (
        YEAR.fullmatch(str(int(v)))) and (v not in values_stated(text) or v in own_tiers(
            question)) and v not in held]  # the asker's 5岁 is no 5元: a band holds it or none
    tiers = [c for w in stated if not ZH_ASKS.search(w) for c in w
             if c in _TIER_DIGITS and c not in text and _TIER_DIGITS[c] not in text]
    # A place word (s: 境内, 路边) sets a scope; said otherwise (路边 of 道路) it is no
    # sibling, but a text naming the sibling scope instead (境外 for 境内) states another's;
    # a scope's sibling is a scope or a localizer (周边, f), 家庭 (a noun) is none of 家里's.
    scopes = [w for w, tag in tagged(question) if (tag == "s" or _localized(w, tag))
              and not said(w, text + context)
              and any(siblings(w, other) for other, kind in tagged(text) if kind in ("s", "f"))]
    left = unsaid_words(content_words(question), as_asked(text, question), as_asked(
        context, question), vectors) + figures + tiers + scopes
    return [w for w in left if w not in left_open(  # the asker's own, or the case told
        question, left, text, content_words(question), lambda w: said(w, text + context))]


def unsaid_words(words: list[str], text: str, context: str, vectors: TextVectors | None,
                 other: Callable[[str, str], bool] = siblings) -> list[str]:
    """Those of ``words`` that ``text`` with its ``context`` says not even by a word close in
    meaning that is no ``other`` thing (a sibling: 省级 of 市级)."""
    words = [w for w in words if not said(w, text + context) and not bound_word_said(w, text)]
    if words and vectors:  # the rest, by meaning: close to a word or compound of the text, or
        # to a compound of its title or heading (住房租赁补贴: which thing; a single word of the
        # title, 住房, names the notice's field, not what its sentence is about)
        close = kindred(vectors, 0.0, {w: w for w in words}, [load_jieba().lcut(text) + compounds(
            text) + compounds(context)], CLOSE_ZH, lambda mine, said: not other(mine, said))[0]
        words = [w for w in words if w not in close]
    return words


def says_every_word(question: str, text: str, chunk: Chunk, at: int, vectors: TextVectors | None,
                    document: Callable[[str], str] | None = None,
                    restated: Callable[[list[str]], bool] = lambda _: False) -> bool:
    """Whether ``text`` (of ``chunk``, at ``at``) says every content word of Chinese ``question``
    with its title, heading, frame (``frames``) and a year said relative to now (今年): in other
    words, or in the asker's own (``restated``, of the words unsaid, by the clause's meaning); not
    another group's modifier (城镇居民 of 农村居民) nor a group it negates; the asker in scope."""
    context, scoped = _context(chunk, at), in_scope(question, chunk, at, document)
    if any(said(w, text) for w in content_words(question)):  # else another detail under its
        context += f" {credited(question, text, chunk, at, document)}"  # (市、区 of 建设…中心)
    return scoped is not False and bool(content_words(question)) and says_year_asked(
        question, text, chunk.metadata) and not ((left := unsaid(question, text, context, vectors,
        scoped)) and not restated(left)) and not other_modifier(question, text) \
        and not sibling_stated(question, text, context) \
        and not negation_dropped(question, chunk.text[:max(0, at - chunk.start)] + text, True)


def names_every_group(question: str, text: str, chunk: Chunk, at: int,
                      vectors: TextVectors | None) -> bool:
    """Whether ``text`` names each group Chinese ``question`` names (a LAC modifier and its noun:
    商业 办公楼, 残疾人 家庭) by one of its two words at least, as an answer well supported by the
    question's other words must: one saying neither states another group's figure, nor does one
    naming un-negated only a group the question negates (集中供热's figure for 非集中供热). The
    passage before it counts: a sentence leaves unsaid the group a list's opening named
    (硕士研究生…)."""
    if negation_dropped(question, (before := chunk.text[:max(0, at - chunk.start)]) + text):
        return False
    if not (pairs := restricting(question)):
        return True
    groups = modified_nouns(question)
    left = unsaid(question, text, context := _context(chunk, at) + before, vectors)
    # A group word jieba tags a place (城镇 of 城镇低保户, 池塘) that the gazetteer places nowhere
    # is no place, and no content word: it is read here as said or not all the same.
    places = {w for w, tag in tagged(question) if tag == "ns"} - _place_names(question)
    left += [w for group in groups for w in group[::2] if w in places
             and not said(w, text + context)]
    # A modifier unsaid where the sentence names its noun as another group's: that group's.
    return not any(mine in left and noun in left for mine, _, noun in groups) and not any(
        mine in left and qualified_otherwise(question, noun, text) for mine, noun in pairs) \
        and not siblings_figured(question, text)


def states_what_is_asked(question: str, text: str, chunk: Chunk, at: int,
                         vectors: TextVectors | None, figured: bool,
                         of_kinds: frozenset[str] = frozenset(), reach: bool = False,
                         document: Callable[[str], str] | None = None) -> bool:
    """Whether a well supported ``text`` answers Chinese ``question``: it says yes or no of what
    a yes-no question asks whether of (``whether``), but for a noun naming a kind the reader
    finds (``of_kinds``: 电话, 12345热线 is one); for a ``figured`` one, it ``names_every_group``,
    says the sum asked (``sum_asked``: 差旅费 is not 展位费's share), holds the question's figure
    in its bands (不到25年 is not "25年以上"), states the total, not only its parts (``totals``);
    a time it states within which something is done (30日内拨付) is the time of the question's
    event: the verb its quantity word measures (公示 of 公示几天) is said, or what is done then
    says a word of the question (30日内拨付 times no posting: ``time_owner``); a duration asked of
    an act (提前几天预约: ``measured_after``) is of one the sentence names; a way to ``reach`` one
    is not another body's (``another_body``); the asker is in its ``document``'s ``in_scope``;
    no word of the question's it leaves unsaid has another in its place (``another_in_place``)."""
    before = chunk.text[:max(0, at - chunk.start)]  # nor names only the group of which the
    if in_scope(question, chunk, at, document) is False or negation_dropped(  # question's is
            question, before + text, kinds_only=True) or (reach and another_body(  # a kind:
            question, paragraph_before(before) + text, said)):  # 失能 for 半失能, 住宅 for 非住宅
        return False
    if not says_whether(text, unsaid_words([w for w in whether_asked(question) if w not in (
            of_kinds)], text, _context(chunk, at) + before, vectors, another_thing)):
        return False  # it says no yes or no of what is asked whether of (``whether``)
    left = unsaid(question, text, _context(chunk, at) + before, vectors)  # 桥梁 for 隧道:
    if another_in_place(question, text, left) or sibling_stated(  # another's detail
            question, text, _context(chunk, at) + before) or (figured and (
            band_factor(question, text) < 1 or states_parts_only(question, text) or (
                not names_every_group(question, text, chunk, at, vectors)) or (
                (asked := sum_asked(question)) and asked in left))):
        return False
    # A duration asked of an act the sentence names in no character nor by meaning times no act
    # of it ("提前几天预约" over 午间托管's hours); one sharing a morpheme may (办结 of 办好, 申领).
    if (act := measured_after(question)) and not set(act) & set(text) and unsaid_words(
            [act], text, _context(chunk, at) + before, vectors, lambda *_: False):
        return False
    asking = QUANTITY.search(question)
    verb = tagged(question[:asking.start()])[-1:] if asking and asking.start() else []
    done = [m[1] for m in _TIMED.finditer(text)]  # what each stated time is the time of
    return not times_of_others(question, text, sentence_head(before)) and not (
        verb and verb[0][1][:1] == "v" and done and verb[0][0] in unsaid(
            question, text, _context(chunk, at) + before, vectors)
        and not any(said(w, rest) for rest in done for w in content_words(question)))


def sibling_stated(question: str, text: str, context: str) -> bool:
    """Whether ``text`` says, in the place of a word of Chinese ``question`` it (with its
    ``context``) does not say (a bound's word is said by any of its side: 至少 by 不少于), a
    sibling of it by its head (``head_siblings_in_place``: 村道 for
    省道): another kind's detail, which the multilingual model may call the asked word's own."""
    return bool(unsaid_words(head_siblings_in_place(question, text), text, context, None))


def _context(chunk: Chunk, at: int) -> str:
    """What a sentence of ``chunk`` at ``at`` is read with: its notice's title and its heading."""
    return f" {chunk.metadata.get('title') or ''} {chunk.heading_at(at)}"
