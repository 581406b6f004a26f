"""Another group's modifier in the question's place (issues 22/23): a Chinese notice states a
figure of 城镇居民 and is asked it of 农村居民, of 小微企业 and asked of 大中型企业, of 居住建筑 and
asked of 公共建筑. The two modifiers share no morpheme (``siblings`` reads those), so
what tells them apart is the phrase's structure, as the English reader reads it
(``qualifiers.contrasted``): the sentence names the noun the question qualifies, with a modifier
of its own in that place, and never the question's. A modifier the dictionary (CC-CEDICT) gives a
sense of the question's, or one the other holds in order (老人 of 老年人), says it otherwise.

The question is read by Baidu LAC (a trained tagger: 大中型 and 公共 as adjectives, 农村 as a
noun), and of a sentence only the few characters before the noun it shares with the question:
tagging whole candidate sentences cost too much a question.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, pairwise

from app.chinese_words import tagged
from app.in_situ import ZH_ASKS
from app.numerals import values_stated
from app.retrieval.dictionary import sense_sharers
from app.retrieval.taggers import TAGGING, lac

# LAC's tags of a word that names a kind of the noun after it, by class: a noun (农村, 城镇) is
# another group's only beside a noun, an adjective or distinguishing word (大中型, 公共) only beside
# one of those or a verbal noun (居住建筑): 新能源汽车 is the asker's 电动汽车 said by the notice,
# 签约服务费 the asker's 医生服务费, no group beside them. Not a verb, number, name or place.
_CLASS = {"n": "noun", "nz": "noun", "a": "kind", "an": "kind", "vn": "kind"}
_NOUN_TAGS = frozenset({"n", "nz"})
_WINDOW = 6  # characters before the shared noun the sentence's modifier is read from


@lru_cache(maxsize=256)
def modified_nouns(question: str) -> tuple[tuple[str, str, str], ...]:
    """Each (modifier, its class, noun) of a Chinese ``question``: a kind word of two characters
    or more before a common noun (农村 居民, 公共 建筑; past a verbal noun: 公办 养老 机构); not a
    verbal noun (就业补贴, 购置补贴 say what a sum pays for, not whose), nor the noun a question
    word asks of (哪个平台全程…)."""
    with TAGGING:
        words = [(w, t) for w, t in lac().run(question)]
    found = []
    for at, ((before, _), (mine, tag)) in enumerate(zip([("", ""), *words], words,
                                                        strict=False), 1):
        gap = at if _CLASS.get(tag) != "kind" else next(  # an adjective's noun: past verbal ones
            (i for i in range(at, len(words)) if words[i][1] != "vn"), len(words))
        head, head_tag = words[gap] if gap < len(words) else ("", "")
        if tag in _CLASS and tag != "vn" and head_tag in _NOUN_TAGS \
                and not ZH_ASKS.search(before) and min(len(mine), len(head)) > 1 \
                and _chinese(mine) and _chinese(head):
            found.append((mine, _CLASS[tag], head))
    return tuple(found)


def other_modifier(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names a noun the Chinese ``question`` qualifies with another kind word
    right before it, and never the question's modifier: 城镇居民用户 for 农村居民, 既有居住建筑
    for 既有公共建筑, 大中型工业企业 for 小微企业的燃煤锅炉."""
    for mine, kind, head in modified_nouns(question):
        if mine in sentence or head not in sentence:
            continue
        at = sentence.find(head)
        while at > 0:
            other, its = _modifier_run(sentence[max(0, at - _WINDOW):at])
            if other and other not in question and _unlike(mine, other) \
                    and its == kind:
                return True
            at = sentence.find(head, at + 1)
    return False


@lru_cache(maxsize=4096)
def _modifier_run(window: str) -> tuple[str, str]:
    """The kind words ending ``window`` as LAC tags it (中小 微; 城镇 集中供热), joined, with the
    class of the first, when two Chinese characters or more and not after a numeral; ("", "") if
    none (a verb, a number, punctuation: 按, 每人, ）)."""
    with TAGGING:
        words = lac().run(window) if window else []
    run, first, stop = "", "", ("", "")
    for word, tag in reversed(words):
        if tag not in _CLASS or not _chinese(word):
            stop = (word, tag)
            break
        run, first = word + run, _CLASS[tag]
    # After a numeral the run is counted or measured (上一年度补贴: last year's), no group; after a
    # distributive (每个品种留样量, 每户家庭: each one's) it is the unit a figure is per.
    return (run, first) if len(run) > 1 and stop[1] not in {"m", "q"} and not (
        stop[1] == "r" and stop[0][:1] in "每各") else ("", "")


def qualified_otherwise(question: str, noun: str, sentence: str) -> bool:
    """Whether ``sentence`` names ``noun`` with kind words right before it that Chinese
    ``question`` does not say (全日制本科毕业生 for 专科毕业生, 最低生活保障家庭 for 残疾人家庭):
    it states the figure of another group of that noun, as an unsaid modifier of the question's
    leaves it (the asker's own framing, 农村 of 农村老人, is unsaid beside a bare 老年人)."""
    at = sentence.find(noun)
    while at > 0:
        if (other := _modifier_run(sentence[max(0, at - _WINDOW):at])[0]) and other not in question:
            return True
        at = sentence.find(noun, at + 1)
    return False


def another_kind_of(mine: str, noun: str, sentence: str, question: str) -> bool:
    """Whether ``sentence`` names ``noun`` after a kind word of its own that Chinese
    ``question`` does not say, unlike ``mine`` (建设补贴 for 维保补贴), and ``mine`` nowhere."""
    at = -1 if mine in sentence else sentence.find(noun)
    while at > 0:
        other = _modifier_run(sentence[max(0, at - _WINDOW):at])[0]
        if other and other not in question and _unlike(mine, other):
            return True
        at = sentence.find(noun, at + 1)
    return False


def restricting(question: str) -> frozenset[tuple[str, str]]:
    """Each (modifier, noun) of Chinese ``question`` whose modifier narrows the noun to a group:
    ``modified_nouns``' pairs, and jieba's word right before a noun that LAC reads as a noun too
    (购房 补贴, 小微 企业 of LAC's one word 小微企业; not 门面 创业 of 租了个门面创业, where LAC
    reads 创业 a verb: what the asker does, no group)."""
    with TAGGING:
        words = lac().run(question)
    ends = [*zip(accumulate(len(w) for w, _ in words), (tag for _, tag in words), strict=True)]
    pairs, at = {(mine, noun) for mine, _, noun in modified_nouns(question)}, 0
    for (mine, its), (noun, tag) in pairwise(tagged(question)):
        at += len(mine)
        covering = next((t for end, t in ends if end > at), "")  # LAC's word holding its start
        # A group is named by a noun, an adjective or an attribute (公办): not by a verb and its
        # object (改成 民宿: what is done) nor a time (今年 计划: when, h38's 安庆 follow-up).
        if min(len(mine), len(noun)) > 1 and tag[:1] == "n" and covering in _NOUN_TAGS \
                and its[:1] in "nab":
            pairs.add((mine, noun))
    return frozenset(pairs)


def _unlike(mine: str, other: str) -> bool:
    """Whether two modifiers say different things: they share no character (户厕 of 厕所, 小微 in
    中小微: siblings sharing one are ``siblings``') and CC-CEDICT gives them no sense in
    common."""
    return not set(mine) & set(other) and other not in sense_sharers(mine) \
        and mine not in sense_sharers(other)


def _chinese(word: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in word)


def within(short: str, long: str) -> bool:
    """Whether ``short``'s characters come in order in ``long`` (老人 in 老年人)."""
    rest = iter(long)
    return all(c in rest for c in short)


def siblings(mine: str, other: str) -> bool:
    """Whether two Chinese words name kinds of one thing, not one thing: they share their first
    or last morpheme (市级 and 省级, 每季度 and 每半年), neither is the other shortened (老人 of
    老年人), and CC-CEDICT gives them no sense in common."""
    return (other[0] == mine[0] or other[-1] == mine[-1]) and not within(other, mine) \
        and not within(mine, other) and other not in sense_sharers(mine)


def siblings_figured(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names a group of Chinese ``question`` (县级 of 县级财政) only in
    clauses stating no figure while another clause states one beside a sibling of it: "其中省级
    补助2.5万元，市级补助0.8万元，其余部分由县级财政根据财力适当补助" gives no 县级 sum. A word
    the question says is none (企业 of 工业企业 shares 业 with 工业: it is the group's noun)."""
    clauses = re.split(r"[，,；;。：:]", sentence)
    for mine, _, _ in modified_nouns(question):
        own = [c for c in clauses if mine in c]
        if own and not any(map(values_stated, own)) and any(values_stated(c) and any(
                len(w) == len(mine) and w not in question and siblings(mine, w)
                for w, _ in tagged(c))
                for c in clauses if mine not in c):
            return True
    return False


# A way to reach one: a Chinese phone number (an area code's, a 5-digit service line's such as
# 12345, a mobile's 11 digits), an e-mail or a web address. Its label is the noun right before it.
_WAY = re.compile(r"(?<![\d.-])(?:0\d{2,3}-?\d{5,8}|1\d{4}|1\d{10})(?![\d.,%])"
                  r"|[\w.%+-]+@\w|https?://|www\.")
_LABEL = 10  # characters before a way to reach one its label is read from


def other_purpose(question: str, sentence: str) -> bool:
    """Whether ``sentence`` labels its ways to reach one (phones, e-mail or web addresses) with
    another purpose than the one the Chinese ``question`` names before its contact noun, and
    never the question's: 服务监督电话 for 咨询电话, 服务热线 for 投诉电话. Verbal nouns right
    before a contact noun say what one calls or writes for, as a kind word says whose group
    (where a sum's 就业补贴 says what it pays for, ``modified_nouns`` leaves them out); a purpose
    sharing a character or a CC-CEDICT sense with the question's says it otherwise."""
    with TAGGING:
        words = lac().run(question)
    last = next((at for at in range(len(words) - 1, 0, -1) if words[at][1] in _NOUN_TAGS), 0)
    mine = _purpose(words[:last], words[last][0])  # of its last noun (咨询 of 咨询电话是多少)
    flagged = False
    for way in _WAY.finditer(sentence) if mine else ():
        with TAGGING:
            label = lac().run(sentence[max(0, way.start() - _LABEL):way.start()].rstrip("：: "))
        if not label or label[-1][1] not in _NOUN_TAGS \
                or not (other := _purpose(label[:-1], label[-1][0])):
            continue  # no label ("拨打12345"), or one naming no purpose ("电话：")
        if not _unlike(mine, other):
            return False  # the question's purpose labels one of its ways
        flagged = flagged or other not in question
    return flagged


def _purpose(words: list[tuple[str, str]], head: str) -> str:
    """The verbal nouns ending ``words`` (LAC's), joined, before the noun ``head``: 投诉举报 of
    投诉 举报 电话. A verb is one too where jieba's dictionary holds it and ``head`` as one word
    (LAC tags 咨询 of 局咨询电话 a verb; 咨询电话 is a word, 拨打电话 none: a verb, its object)."""
    run = ""
    for word, tag in reversed(words):
        if not _chinese(word) or (tag != "vn" and not (
                tag == "v" and not run and len(tagged(word + head)) == 1)):
            break
        run = word + run
    return run if len(run) > 1 else ""


# jieba's tags by the kind of word a group is named by: a noun (or abbreviation), a time, an
# attribute. Two words of one class in one place name two groups (桥梁 for 隧道, 周六 for 周末).
_PLACE_CLASS = {"n": "noun", "j": "noun", "t": "time", "a": "kind", "b": "kind"}
_ASKED_NOUN = re.compile(r"(?:是|为|有)?(?:多少|几|什么|哪)")  # 比例是多少: the noun asked


@lru_cache(maxsize=256)
def _lac_tagged(question: str) -> tuple[tuple[str, str], ...]:
    """LAC's words of ``question`` and their tags, once per question: the slot tests below are
    asked of every candidate sentence, and LAC costs ~2 ms a run."""
    with TAGGING:
        return tuple((w, t) for w, t in lac().run(question))


def another_in_place(question: str, sentence: str, unsaid: list[str]) -> bool:
    """Whether ``sentence`` says, in the place of a word of Chinese ``question`` it leaves
    ``unsaid``, another word of that word's class (jieba's tags): right before the word the
    question puts right after it (危旧桥梁改造 for 危旧隧道改造, 市政府投资 for 社会投资, 新能源
    汽车 for 燃油汽车), or right after the verb the question puts right before a noun. The sentence
    states another group's detail, as a modifier of another class does (``other_modifier``),
    and says nothing of the one asked. Not the noun a question word asks of (贴息比例是多少), nor
    a verb (the asker's act, 吃饭), nor a word sharing a CC-CEDICT sense or characters in order."""
    # A word within one LAC cuts (燃油 of 燃油汽车), not across two: jieba's misreading (内能 of
    # 多少天内能申请).
    cut = [w for w, _ in _lac_tagged(question)]
    words, said = tagged(question), tagged(sentence)
    for at, (mine, tag) in enumerate(words):
        if mine not in unsaid or not any(mine in w for w in cut) or tag == "nr" or tag[
                :1] not in _PLACE_CLASS or _ASKED_NOUN.match("".join(w for w, _ in words[at + 1:])):
            continue
        after = words[at + 1][0] if at + 1 < len(words) else ""
        verb = words[at - 1] if at and _PLACE_CLASS[tag[:1]] == "noun" else ("", "")
        for (first, its), (second, next_tag) in pairwise(said):
            other, other_tag = ((first, its) if second == after and len(after) > 1 else (
                second, next_tag) if first == verb[0] and verb[1][:1] == "v" and len(first) > 1
                else ("", ""))
            if len(other) > 1 and _PLACE_CLASS.get(other_tag[:1]) == _PLACE_CLASS[tag[:1]] \
                    and other not in question and not within(mine, other) \
                    and not within(other, mine) and other not in sense_sharers(mine):
                return True
    return False


# LAC's tags of words naming no kind of a thing: a place, time, person, body, numeral, measure,
# pronoun, preposition, particle, conjunction, mark, verb (the asker's act), localizer (以后).
_NO_KIND = frozenset("LOC TIME PER ORG m q r p u c w xc v f s".split())


def head_siblings_in_place(question: str, sentence: str) -> list[str]:
    """The words of Chinese ``question`` (LAC's: 省道, cut 省|道 by jieba; 轻度, an adverb to it)
    that ``sentence`` leaves out while saying in their place (before the question's next word or
    after its previous one) one of a length and head with another modifier: 村道 for 省道, 重度 for
    轻度, 小学生 for 大学生: two kinds of one thing, however close the model puts them. Sharing the
    first character only (周末, 周六; 申请, 申报) may be one thing said otherwise."""
    words = _lac_tagged(question)
    found = []
    for at, (mine, tag) in enumerate(words):
        if tag in _NO_KIND or len(mine) < 2 or not _chinese(mine) or mine in sentence \
                or ZH_ASKS.search(mine):
            continue
        before, after = words[at - 1][0] if at else "", "".join(w for w, _ in words[at + 1:at + 2])
        places = [(m.start() - len(mine), m.start()) for m in re.finditer(
            re.escape(after), sentence)] if after and _chinese(after) else []
        places += [(m.end(), m.end() + len(mine)) for m in re.finditer(
            re.escape(before), sentence)] if before and _chinese(before) else []
        if any(_head_sibling(mine, sentence[start:end], question)
               for start, end in places if start >= 0):
            found.append(mine)
    return found


def _head_sibling(mine: str, other: str, question: str) -> bool:
    """Whether ``other`` (of a sentence) is ``mine``'s sibling by its head: one length, one last
    character, a kind word of jieba's (noun, adjective, attribute: not 均须 of 必须, 来信 a verb)
    not in the question, ``siblings`` (no CC-CEDICT sense shared); not a unit (每人, 单户)."""
    return len(other) == len(mine) and other[-1] == mine[-1] and other[0] != mine[0] \
        and _chinese(other) and other[0] not in "每各单该此这那其" and other not in question \
        and len(kind := tagged(other)) == 1 and kind[0][1][:1] in "nabj" and siblings(mine, other)
