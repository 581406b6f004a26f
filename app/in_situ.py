"""Where the answer stands in a sentence that a Chinese question restates.

Chinese leaves its question word where the answer stands (wh-in-situ): "江西省支援哪个市？" asks
of "江西省支援随州市": the question's words before its question word stand before the answer,
those after it follow the answer. So in a sentence that says the question's words on both sides
of a stretch the question does not say, that stretch is what is asked. Only words asking for a
thing or for who does it stand so (什么, 哪些, 多少, 几, 何时, 谁: "由谁负责" of "由街道负责");
如何, 怎么, 为何 ask for a way or a reason, which a clause of its own says (``ZH_ASKS``: all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from app.chinese_words import tagged, unnamed_units, verb_ends
from app.numerals import (
    ASKING_JI,
    DISTRIBUTIVE,
    MEASURE_WORDS,
    RESPECTIVE,
    ZH_NUMERAL,
    caps_figure,
    caps_grant,
)
from app.text import (
    CJK_RUN,
    CLAUSE_END,
    QUESTION_CLAUSES,
    alnum_only,
    bigram_units,
    clause_spans,
    said_by,
)

# The Chinese question words asking a quantity (多少钱, 多久): each measures the word before it.
ZH_QUANTITY = "多少|多大|多久|多长|多高"
# Every Chinese question word (the one table: ``answering.question_kinds`` asks by them, retrieval
# searches without them); the A-not-A form, a verb said then denied, asks whether (能不能, 有没有).
ZH_A_NOT_A = r"(?P<said>[\u4e00-\u9fff])[不没](?P=said)"
ZH_ASKS = re.compile(rf"什么|啥|{ZH_QUANTITY}|哪|谁|{ASKING_JI}|何时|何地|何种|如何|怎么|咋"
                     rf"|怎样|为何|为什么|是否|{ZH_A_NOT_A}|吗|呢")
ZH_WHICH = "哪[些个类家种项]?"  # 哪 with the measure word it takes: "which", determining a noun
IN_SITU = re.compile(rf"什么|{ZH_WHICH}|多少|何时|几|谁")
_CLASSIFIERS = "个些类家种项位名条"  # "哪个市": the noun follows the classifier
# A question word with the measure word it takes (几个, 哪些, 多少项; 什么 takes none: 什么条件).
ASKING_WORD = re.compile(rf"(?:{ZH_ASKS.pattern})(?:(?<=[哪几少])[{_CLASSIFIERS}])?")
_STOPS = frozenset("，；。：！？,;:!?\n")  # the stretch is inside one clause
QUESTION_END = re.compile(r"[？?。！!\s]+$")  # what closes a question, not part of its words
DEICTIC = re.compile("[这该此其]|上述|相关|有关")  # 这个小区, 相关企业: it points elsewhere
# What names instances of the noun it stands before: an enumeration ("A、B等" with at most a
# few words after 等: "等相关", "等四大") or a name closed by quotes or title marks.
_NAMING = re.compile(r"、[^，；。：]*等[^，；。：的]{0,4}$|[”》]的?$")
_COUNT = re.compile(rf"[{ZH_NUMERAL}]+[{MEASURE_WORDS}]?")
# The least share of the question's character bigrams the sentence says (realzh-dev dev split).
RESTATED_SHARE = 0.5
# The least share of a framing clause's bigrams the question says to open an answer at it
# (realzh-rz2225 and realzh-dev's dev split: below it, a frame only shares a word or two).
FRAME_SAID = 0.2
_NAMED = re.compile(r"([《“])[^《》“”]*([》”])")  # a name: a title's words, not the clause's


def asked_gap(text: str, question: str) -> tuple[int, int] | None:
    """The offsets in ``text`` (one sentence) of the stretch standing where ``question``'s
    question word stands: right after the question's last two characters before it, up to the
    words it says after it (a noun it asks of, "哪些企业", included); None when the sentence
    does not frame one so."""
    asking = IN_SITU.search(question)
    if not asking:
        return None
    left = alnum_only(question[: asking.start()])
    right = QUESTION_END.sub("", question[asking.end():])
    if asking.group() in ("哪", "几", "多少"):  # "几名", "多少家": a measure word, then the noun
        right = right[right[:1] in _CLASSIFIERS:]  # (什么 takes none: 什么条件 keeps its 条)
    headed = len(right) == 1 and CJK_RUN.fullmatch(right) is not None  # "哪个市": no bigram
    units_l, units_r = bigram_units(left), set() if headed else bigram_units(right)
    # The sentence restates the question but the names it picks the notice by, or its asking
    # clause when one before sets the scene ("…三道防线中，第三道防线是什么？" of "第三道防线是…")
    asking_clause = bigram_units(QUESTION_CLAUSES.split(question[: asking.start()])[-1]) | units_r
    if len(left) < 2 or all(len(bigram_units(text) & units) < RESTATED_SHARE * len(units)
                            for units in (unnamed_units(left) | units_r, asking_clause)):
        return None
    # No words after it ("…负责什么？"): the answer closes the clause, after the question's last
    # words (what the verb it ends on governs, which ends the clause).
    if headed or not right:
        return _headed(text, left, right)
    by_r = said_by(text, units_r)
    said = [(a or b) and c.isalnum() for c, a, b in zip(text, said_by(text, units_l), by_r,
                                                         strict=True)]
    noun = next((w for w, tag in tagged(right)[:1] if tag.startswith("n")), "")
    n, found = len(text), []  # (how the clause leads to it, -start, end) of each stretch
    pointing = {m.start() for m in DEICTIC.finditer(text)}
    for i in range(2, n):
        # The question's last two characters, past marks it leaves out ("管理，由…", "在“…")
        before = "".join(c for c in text[max(0, i - 4):i] if c.isalnum())[-2:]
        if said[i] or not text[i].isalnum() or i in pointing or before not in verb_ends(left):
            continue
        j = i  # on to the question's words after it; a lone character said by chance is no end
        while j < n and text[j] not in _STOPS:
            if not said[j]:
                j += 1
                continue
            run = j
            while run < n and said[run]:
                run += 1
            if run - j > 1 and by_r[j]:
                break
            j = run
        if j >= n or text[j] in _STOPS or not by_r[j]:
            continue
        end = j + len(noun) if noun and text.startswith(noun, j) else j
        # 哪 asks which one: a count ("1项政策，即…") says how many, not which
        if end - i >= 2 and not (asking.group()[0] == "哪" and _COUNT.fullmatch(text[i:j])):
            found.append((_leads(text, i, left), -i, end))
    return (-max(found)[1], max(found)[2]) if found else None


def _leads(text: str, i: int, left: str) -> tuple[int, float]:
    """How much the clause of ``text`` up to ``i`` says the question's words before its question
    word: of several stretches framed so, the one whose clause says most of them (and the most
    of it theirs) stands where the question word does ("…提出了依法严惩…十大政策，明确要依法严惩
    X犯罪" for "明确要依法严惩哪些…")."""
    opening = max((k + 1 for k in range(i) if text[k] in _STOPS), default=0)
    said = bigram_units(text[opening:i]) & bigram_units(left)
    return len(said), len(said) / (len(bigram_units(text[opening:i])) or 1)


def _headed(text: str, left: str, head: str) -> tuple[int, int] | None:
    """The stretch after ``left``'s last two characters up to and with ``head``, inside one
    clause: a question word with one character after it asks of that noun or measure ("哪个市",
    "多少件"), which the answer ends with ("江西省支援随州市", "咨询590余件"); it has no bigram to
    be found by. Of several such stretches, the one whose clause leads to it as ``left`` does."""
    found = []
    for before in re.finditer(re.escape(left[-2:]), text):
        i = before.end()
        end = next((k for k in range(i, len(text)) if text[k] in _STOPS or text[k] == head),
                   None if head else len(text))  # no head: up to the clause's end
        if end is not None and (text[end:end + 1] == head if head else end - i >= 2) and (
                end > i and not DEICTIC.match(text, i)):
            found.append((_leads(text, i, left), -i, end + bool(head)))
    return (-max(found)[1], max(found)[2]) if found else None


def modified_head(text: str, question: str) -> tuple[int, int] | None:
    """The stretch of a clause of ``text`` up to the noun ``question``'s question word asks of,
    when it names which by an enumeration ("…涵盖哪些方面" of "覆盖金融支持、稳定就业…等四大
    方面") or a name in quotes or title marks ("按照什么原则" of "按照“横向到边、纵向到底”原则"):
    a Chinese noun's modifiers stand before it, and a compound's head is its end ("电视频道" of
    "频道"). Only such a stretch names instances; a noun's other modifiers ("各项措施", "1项政
    策", "这个小区") do not, and the question's own words ("对…等企业") answer nothing."""
    asking = IN_SITU.search(question)
    if asking is None:
        return None
    right = re.sub(rf"^[{_CLASSIFIERS}]?样?的?", "", question[asking.end():])
    word = tagged(right)[0][0] if CJK_RUN.match(right) else ""
    asked, found, left = bigram_units(question), [], alnum_only(question[:asking.start()])
    # What the question says after the noun follows the answer as it follows the noun (由哪个部门
    # 牵头: "…等部门配合" lists others, when the sentence says 牵头 elsewhere).
    then = bigram_units(QUESTION_END.sub("", right[len(word):])) & bigram_units(text)
    if word and word == QUESTION_END.sub("", right) and word not in text and len(left) >= 2:
        return _headed(text, left, "")  # "前置于什么地方" of "…前置于停机坪": a kind left unsaid
    for at in (m.start() for m in re.finditer(re.escape(word[-2:]), text) if len(word) >= 2):
        opening = max((k + 1 for k in range(at) if text[k] in _STOPS), default=0)
        stretch = text[opening:at]
        new = [c for c, said in zip(stretch, said_by(stretch, asked), strict=True)
               if c.isalnum() and not said]
        closing = next((k for k in range(at, len(text)) if text[k] in _STOPS), len(text))
        if then and not then & bigram_units(text[at:closing]):
            continue
        if len(new) >= 2 and _NAMING.search(stretch):  # from the question's words before
            lead = text.rfind(left[-2:], 0, opening) if len(left) >= 2 else -1  # a clause back
            found.append((len(new), opening if lead < 0 else lead + 2, at + 2))
    return max(found)[1:] if found else None


def asked_clauses(text: str, question: str) -> tuple[int, int] | None:
    """The clauses of ``text`` holding the stretch where ``question``'s question word stands
    (``asked_gap``, else ``modified_head``), ``coordinated``, and on over the next ones saying
    again the question's words before it ("…牵头负责养犬管理工作，负责养犬登记…": each says
    what "负责什么" asks)."""
    if (gap := asked_gap(text, question) or modified_head(text, question)) is None:
        return None  # (both find none without a question word asking in situ)
    frame = alnum_only(IN_SITU.split(question, 1)[0])[-2:]  # the words before it
    return coordinated(text, *gap, again=frame)


def coordinated(text: str, start: int, end: int, again: str = "", asked: str = "",
                each: Sequence[int] = ()) -> tuple[int, int]:
    """The clauses of ``text`` from the one holding offset ``start`` to the one holding ``end``
    (its closing mark left out), widened over the clauses opening with a conjunction of nouns
    (以及, 和: not 并, which opens another predicate), which go on with what the clause before
    them names ("…共收治2名危重症患者，以及12名确诊患者和19名疑似病例。"), and over a cap, but
    for a rate ``asked`` only a cap per unit too (a total's "单个展会最高60万元" is another sum);
    over neighbours holding the details ``each`` is asked (分别: "黄码…7天，红码…14天")."""
    spans = clause_spans(text) or [(0, len(text))]
    first = next((n for n, (_, b) in enumerate(spans) if start < b), len(spans) - 1)
    last = next((n for n, (_, b) in enumerate(spans) if end <= b), len(spans) - 1)
    clauses = [text[slice(*span)] for span in spans]
    # Tagged only when it opens with a conjunction's characters (tagging each cost ~1 ms).
    opens = [clause.startswith(_AND) and tagged(clause)[:1] in ([(c, "c")] for c in _AND)
             for clause in clauses]
    rate, each = DISTRIBUTIVE.search(asked), each if RESPECTIVE.search(asked) else ()
    caps = [caps_figure(c) and (not rate or bool(DISTRIBUTIVE.search(c))) for c in clauses]
    held = [any(a <= k < b for k in each) for a, b in spans]
    while first and (opens[first] or (held[first - 1] and held[first])):
        first -= 1
    # A cap quoted alone leaves out what it caps ("单个企业每年最高15万元" of "按展位费的60%…").
    first -= bool(asked and first) and caps_grant(clauses[first - 1], clauses[first], asked)
    first -= bool(first) and clauses[first].lstrip().startswith("并")  # "做好A，并做好B": both
    while last + 1 < len(spans) and (opens[last + 1] or caps[last + 1] or (held[last] and held[
            last + 1]) or (bool(again) and clauses[last + 1].startswith(again))):
        last += 1
    return spans[first][0], spans[last][1] - bool(CLAUSE_END.fullmatch(text[spans[last][1] - 1]))


def sets_frame(clause: str) -> bool:
    """Whether ``clause`` only sets the frame of the clause after it: a condition or topic made a
    noun by 的 ("不能安排补休的，"), a phrase a preposition opens with no verb of its own after
    its last 的 but one modifying a noun ("根据《…》，", "对确需调查评估的退税业务，"; not
    "对…企业发放…", which says what is done), a time a localizer or 时 closes ("…症状时，")."""
    words = tagged(_NAMED.sub(r"\1\2", clause.rstrip("，,；;：: ")))  # a name's words: none
    if not words or words[-1][0] in ("的", "时") or words[-1][1] == "f":
        return bool(words)
    tail = words[max((n for n, (w, _) in enumerate(words) if w == "的"), default=0):]
    return words[0][1] == "p" and all(tag != "v" or after.startswith(("n", "a")) for (_, tag), (
        _, after) in zip(tail, [*tail[1:], ("", "")], strict=True))


def after_frame(text: str, start: int, question: str) -> int:
    """Where the answer of an open question opens in ``text`` (one sentence, its quote opening at
    ``start``): at the framing clause (``sets_frame``) the question restates most, more than any
    clause before it ("受疫情影响严重的企业贷款到期还不上" of "…，对受疫情影响严重的企业到期还款
    困难的，给予办理展期或续贷"): what comes before it sets a scene the question did not ask of.
    The frame stays (a reader of "…的，给予…" wants the condition it is given on); one followed by
    another frame is a chain's link, no opening. ``start`` when no frame is restated so."""
    spans = [(a, b) for a, b in clause_spans(text) if a >= start]
    asked = bigram_units(question)
    said = [len(bigram_units(text[a:b]) & asked) / (len(bigram_units(text[a:b])) or 1)
            for a, b in spans]
    # A clause is tagged (sets_frame) only once the question restates it enough to count.
    best = max(((said[n], n) for n in range(1, len(spans) - 1) if said[n] >= FRAME_SAID
                and said[n] > max(said[:n]) and sets_frame(text[slice(*spans[n])])
                and not sets_frame(text[slice(*spans[n + 1])])), default=(0.0, 0))
    return spans[best[1]][0] if best[1] else start


def without_asking(question: str) -> str:
    """``question`` with its Chinese question words blanked: they stand where the answer stands,
    so no sentence answering holds them (nor "几个"'s renderings "few", "several")."""
    return ASKING_WORD.sub(" ", question)


# A bare interrogative predicate closing a clause, after its copula or 分别 ("…是什么？", "分别
# 是多少？"); 如何 and 怎样 alone ask how a thing stands ("…努力下重点产品情况如何？").
_BARE_ASK = re.compile(r"(?:(?:分别|各自)(?:是|为)?|是|为|有)(?:什么|多少|哪[些个里]?|谁|何时|何处|"
                       r"几[个项]?|(?<=[是为])(?:怎样|如何))的?[？?]*$")
_AND = ("和", "及", "以及", "与")  # the coordinating conjunctions of nouns


def coordinated_asks(clause: str) -> list[str]:
    """A clause asking each of the nouns it coordinates (和, 及, 与, 、) under a bare predicate,
    one clause per noun ("…的联系人和联系电话是什么？": 联系人, 联系电话), the words before the
    first one's "的" leading each. Nouns before the noun asked about say whose it is ("企业和个体
    工商户有何政策？", "单位和个人的电话是多少？"): one clause."""
    ask = _BARE_ASK.search(clause)
    # The nouns asked stand in the clause's last comma-run.
    asked = re.split(r"[，,；;：:]", clause[:ask.start()])[-1] if ask else ""
    words = tagged(asked)
    # No noun is asked when an adverb, particle, verb or preposition is last ("共有多少", a sum).
    if not ask or not words or words[-1][1].startswith(("d", "u", "v", "p")):
        return [clause]
    heads, depth = [""], 0
    for word, flag in words:  # an enumeration inside brackets is no coordination: "各县（市、区）"
        depth += (word in ("（", "(")) - (word in ("）", ")"))
        conjunction = not depth and (word == "、" or (flag == "c" and word in _AND))
        heads[-1:] = [heads[-1], ""] if conjunction else [heads[-1] + word]
    lead, of, first = heads[0].rpartition("的")
    if len(heads) < 2 or any(len(h) < 2 or "的" in h for h in (first, *heads[1:])):
        return [clause]
    before = clause[:ask.start() - len(asked)]  # the comma-runs before the asking one
    return [before + lead + of + h + ask.group() for h in (first, *heads[1:])]


def echoes_asking(text: str, question: str) -> bool:
    """Whether ``text`` keeps a word of ``question`` that asks in situ (几, 多少, 哪个 …): it
    says the question again where the answer should stand ("湛江已经连着几年上了…榜。" for
    "湛江已经连着几年上了…榜？"), an echo ending in 。 instead of ？."""
    text = text.replace("几乎", "")  # "almost", no question word
    return any(asking.group() in text for asking in IN_SITU.finditer(question))


@lru_cache(maxsize=1024)  # read for each kind of each candidate sentence's question
def asking_part(question: str) -> str:
    """The clauses of a Chinese question holding a question word (ZH_ASKS): a noun of a kind in
    a clause before them (电话 of "暖气不热打电话报修，多长时间有人上门？") is how one went about
    it, not what is asked; the whole question when no clause or every clause asks."""
    clauses = QUESTION_CLAUSES.split(question)
    return "，".join(c for c in clauses if ZH_ASKS.search(c)) or question if CJK_RUN.search(
        question) else question
