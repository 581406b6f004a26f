"""The asker's own situation in an everyday Chinese question (issues 22/23): "我妈今年78岁，一个人
住，上门助浴一次多少钱？" says who the asker is and what they have before it asks. Those clauses
are a condition the answering sentence must meet or leave open, not words it must say: a notice
states 独居老人每次收费15元 and never 我妈 nor 今年. They count only where the sentence states
a condition against them: another band of the asker's age, another kind of the asker's group
(三孩家庭 for 二孩家庭).

A clause is the asker's when its subject is: LAC tags its first word a pronoun of the first
person or a kin noun (both closed classes of the language, not of any question's words). The
situation runs from the first such clause to the first clause asking (a question word of
``ZH_ASKS``; the last clause when none does): Chinese drops a subject its clauses share
(我妈今年78岁，一个人住在…).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from app.bands import bands_hold, tiers
from app.chinese_words import is_word, tagged
from app.in_situ import ZH_ASKS
from app.retrieval.modifiers_zh import siblings
from app.retrieval.taggers import TAGGING, lac
from app.store.records import Chunk
from app.text import QUESTION_CLAUSES

# The first person (我, 我们, 咱们, 俺, 本人, 自己), which LAC may tag fused with its noun, a
# pronoun or a noun (我妈 r, 咱家 n): "my mother", "our household".
_FIRST_PERSON = ("我", "咱", "俺", "本人", "自己")
# Chinese kin nouns: a closed class of the language (the asker's kin heads a clause of its own
# situation: 孩子今年5岁).
_KIN = frozenset({"爸", "妈", "爸爸", "妈妈", "父亲", "母亲", "爷爷", "奶奶", "外公", "外婆",
                  "姥姥", "姥爷", "老伴", "丈夫", "妻子", "老公", "老婆", "媳妇", "儿子",
                  "女儿", "孩子", "小孩", "闺女", "公公", "婆婆", "岳父", "岳母"})


@lru_cache(maxsize=256)
def situation(question: str) -> str:
    """The clauses of Chinese ``question`` saying the asker's own situation, joined; "" if none."""
    clauses = QUESTION_CLAUSES.split(question)
    asking = next((at for at, c in enumerate(clauses) if ZH_ASKS.search(c)), len(clauses) - 1)
    for at, clause in enumerate(clauses[:asking]):
        if not clause.strip().startswith((*_FIRST_PERSON, *_KIN)):
            continue  # a cheap check first: LAC tags a clause opening on neither
        with TAGGING:
            first = next(iter(lac().run(clause.strip())), ("", ""))
        if first[1] in ("r", "n") and (first[0].startswith(_FIRST_PERSON) or first[0] in _KIN):
            return "，".join(clauses[at:asking])
    return ""


def told(question: str, named: list[str], says: Callable[[str], bool]) -> str:
    """The clauses of Chinese ``question`` before the one asking (水稻被野猪糟蹋了，一亩地最多能赔
    多少？), whoever their subject, when a line ``says`` what they are of and what is asked: a word
    they name (``named``: the content words), and a word of the asking clause or, lacking one, the
    verb its question word asks of (赔 of 能赔多少钱: a 奖励 answers no 赔). "" if none."""
    clauses = QUESTION_CLAUSES.split(question)
    case = "，".join(clauses[:next((at for at, c in enumerate(clauses) if ZH_ASKS.search(c)),
                                   len(clauses) - 1)])
    if not case or not any(w in case and says(w) for w in named):
        return ""
    asking = question[len(case):]  # jieba's guess (地能 of 一亩地能赔) asks of nothing
    if own := [w for w in named if w in asking and is_word(w)]:
        return case if any(map(says, own)) else ""
    verb = tagged(asking[:at.start()])[-1:] if (at := ZH_ASKS.search(asking)) else []
    return case if not verb or verb[0][1] != "v" or says(verb[0][0]) else ""


def left_open(question: str, words: list[str], text: str, named: list[str],
              says: Callable[[str], bool]) -> list[str]:
    """Those of ``words`` (unsaid by ``text``) the asker's ``situation`` alone says and ``text``
    leaves open: it names no sibling of the word (家长 for 家庭). A tier's numeral (二 of 二孩) and
    a figure stay (``unsaid`` reads them: 三孩 for 二孩, 80周岁以上 for 今年70岁). The verbs of a
    case ``told`` before the clause asking are left open too: how it came about, in everyday
    words (糟蹋 for 损害, 咬死 for 造成死亡, 推倒 for 拆除), is what a notice's rate line never
    tells; its nouns and their modifiers (技师 of 技师学徒) say whom and what it is of, and stay."""
    own, case = situation(question), told(question, named, says)
    if not (own or case):
        return []
    asked, others = question.replace(case or own, ""), {w for w, _ in tagged(text)}
    verbs = {w for w, tag in tagged(case.replace(own, "")) if tag == "v"}  # how it came about
    return [w for w in words if len(w) > 1 and w not in asked and ((w in own and not any(
        siblings(w, o) for o in others if len(o) == len(w) and o != w)) or w in verbs)]


@lru_cache(maxsize=256)
def own_tiers(question: str) -> frozenset[float]:
    """The figures the asker's ``situation`` names a tier by (5 of 孩子5岁): a sentence says one
    by a band or tier of its measure holding it (``bands.banded_values``), not by the same number
    of another measure (5元)."""
    return frozenset(value for value, _, _ in tiers(situation(question)))


def in_scope(question: str, chunk: Chunk, at: int, document: Callable[[str], str] | None
             ) -> bool | None:
    """Whether the asker's own tiers (78 of 我奶奶78岁) are in the scope of the sentence at offset
    ``at`` of ``chunk``, as its ``document`` text states it in the lines up to the sentence's own: a
    notice states whom it serves once, in its lead or a section above its measures (服务对象为…年满
    75周岁…, and below 每次收费15元). True when a line's bands hold one of them; False when lines
    state bands of their measure and none holds any (the asker is outside it); None when none
    does. Each item (a line's clauses to a semicolon) states its own bands (65周岁以上…半价；70周岁
    以上…体检证明). A count of one (一个人住) names no tier: one is the count of anything named."""
    if document is None or not (mine := [t for t in tiers(situation(question)) if t[0] != 1]):
        return None
    text = document(chunk.doc_id)
    end = text.find("\n", at)
    held = {bands_hold(tier, item) for item in re.split("[\n；]", text[:end if end >= 0 else None])
            for tier in mine}
    return True if True in held else False if False in held else None
