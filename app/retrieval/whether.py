"""What a Chinese yes-no question asks whether of: the thing a sentence must speak of to say yes
or no.

A yes-no question (``shortened.ZH_WHETHER``: 能不能, 有没有, 是否, a closing 吗) asks whether a
thing holds: 停车收费吗 asks of 收费, 有没有补贴 of 补贴, 能不能同时领取住房补贴 of 住房补贴. The
thing is the noun (jieba's n, vn; several words: 住房 补贴) that closes the clause before a
closing 吗, or the nouns of the clause after the frame it opens (有没有, 是否). A sentence that
says neither it nor, for a charge, a thing's being free or priced ("免费开放" says no of 收费)
says no yes or no of it: a list of venues for 停车收费吗, a preamble for 要不要交押金. Nor does
one saying a sibling instead (图书 for 电子书, 租房补贴 for 住房补贴): it speaks of another kind
(round 38, yesno39; zhfigure38's reading let a sibling say). A verb closing the clause (要钱吗,
停运吗) is said in too many ways (免费 says 要钱) to be asked of; so is a one-character noun (钱).
"""

from __future__ import annotations

import re
from itertools import pairwise

from app.chinese_words import is_word, tagged
from app.measures import MONEY_NOUN
from app.retrieval.modifiers_zh import siblings, within
from app.retrieval.shortened import ZH_WHETHER

_CLAUSES = re.compile(r"[，,；;。？?！!]")
_NOUN = re.compile(r"n(?!s)|vn")  # a noun of any kind but a place's (上门 is tagged ns)
# A charge (收费, 押金, 交钱, 门票: money or a ticket) is said yes or no of by a sentence making a
# thing free (免费, 免收) or charging for it (收取, 5元).
_SAYS_CHARGE = re.compile(r"免|收[费取]|\d元")


def answers_whether(asked: str, text: str) -> bool:
    """Whether ``text`` says yes or no of a charge ``asked`` of without naming it."""
    return bool((MONEY_NOUN.search(asked) or asked.endswith(("钱", "票"))) and (
        _SAYS_CHARGE.search(text)))


def another_thing(asked: str, said: str) -> bool:
    """Whether a word ``said`` names another thing than ``asked`` (whether of): a sibling of it
    (租房补贴 of 住房补贴), or a part of its name, its kind (补贴 of 住房补贴)."""
    return siblings(asked, said) or (said != asked and within(said, asked))


def says_whether(text: str, unsaid: list[str]) -> bool:
    """Whether ``text``, leaving ``unsaid`` things a question asks whether of, says yes or no of
    each: a charge asked made free or priced. A sibling said instead (图书 for 电子书, 次卡 for
    月卡) or the thing's kind (补贴 for 住房补贴) speaks of another thing: no yes or no."""
    return all(answers_whether(w, text) for w in unsaid)


def whether_asked(question: str) -> list[str]:
    """The nouns Chinese ``question`` asks whether of ([] if it asks no yes-no question)."""
    asked: list[str] = []
    for clause in _CLAUSES.split(question):
        if not (frame := ZH_WHETHER.search(clause)):
            continue
        if frame.group() == "吗":  # the noun run closing the clause before it
            for word, tag in reversed(tagged(clause[:frame.start()])):
                if not (_NOUN.match(tag) and len(word) > 1 and is_word(word)):
                    break  # nor a cut jieba guessed (能扣 of 老板能扣工资吗)
                asked.append(word)
        else:  # the nouns after the frame, but a coverb's (用手机交: the means, not the thing)
            words = [("", ""), *tagged(clause[frame.end():])]
            asked += [w for (_, before), (w, tag) in pairwise(words) if _NOUN.match(tag)
                      and len(w) > 1 and before != "p"]
    return asked
