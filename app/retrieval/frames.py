"""What frames a sentence on a flat page: the words a notice says once for the sentences after.

A notice names a measure once, in its item's own heading ("五、做好流动人员人事档案服务工作。",
"1.乡镇（街道）职责。"), and every sentence after it up to the next item of that rank is of that
measure, without saying its words again; a list's lead-in ("返沪员工上岗前，应做到：") says once
what each of its items is of. Ingest keeps a heading out of the text only where it stands on a line
of its own (``Chunk.heading_at``); on a flat page (one line, or a heading run into its paragraph)
the heading is a sentence of the text. A question asking in the heading's words asks of the
sentences it frames, as it does of those under a stored heading.

An item's opening sentence frames the sentences that go on with it, as its heading would.
An inline heading is a sentence opening on an item's number (``ITEM``) whose rest is one clause
(no comma, no semicolon) of a few words: a name, not a measure's text. Ranks are told by the
number's form (二、, （二）, 2., （2）) in the order they first appear: an item of a rank closes
every heading of that rank and below. The nearest heading open frames the sentence: an outer one
names the field of several measures ("二、丰富夜间消费业态" over "（一）发展夜间文旅。").
A lead-in is a sentence closed by a colon; it frames the numbered items after it, up to a
sentence opening on no number (that one is no item).

A frame says what its sentences are of, not which kind: one naming several kinds of a thing
("预警等级分为红色、橙色、黄色三级", a list's lead-in over 重度 and 中度 items) frames each kind's
own sentence, so it credits none of them to a sentence naming another ("发布红色预警后…" is not
橙色's; "（二）中度失能老年人，每人每月200元" not 轻度's): ``credited``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from app.chinese_words import tagged
from app.in_situ import ZH_ASKS
from app.retrieval.modifiers_zh import siblings
from app.store.records import Chunk
from app.text import ITEM, sentence_spans

# How far before a sentence its frame is looked for: a measure's heading and its first items.
REACH = 1200
# An inline heading names its measure in a few words ("五、做好流动人员人事档案服务工作。").
HEADING_CHARS = 30
_CLAUSE_MARK = re.compile(r"[，,；;]")
# An item's opening sentence ("5、保持教室清洁，按要求开窗通风。") frames the sentences going on
# with it ("每天通风2-3次，每次至少30分钟。"): this many after it at most.
ITEM_SENTENCES = 2
# A heading run into its paragraph on a flat page ("二、全面调查 实行最彻底的排查，…"): a space
# after its last character parts them, as a line break would.
_RUN_ON = re.compile(r"(?<=[\u4e00-\u9fff）)])\s+")
# Characters before a noun a kind word of it is read from (中度 of "（二）中度失能"), as in
# modifiers_zh.
_WINDOW = 6


def frame_of(chunk: Chunk, at: int, document: Callable[[str], str] | None = None) -> str:
    """The inline headings and the lead-in framing the sentence of ``chunk`` opening at absolute
    ``at``, read in its ``document``'s text when given (a heading may close the passage before)."""
    text, offset = chunk.text, chunk.start
    if document is not None and (whole := document(chunk.doc_id))[chunk.start:chunk.end] == text:
        text, offset = whole, 0
    return frame(text, at - offset)


def credited(question: str, text: str, chunk: Chunk, at: int,
             document: Callable[[str], str] | None = None) -> str:
    """The frame of sentence ``text`` (``frame_of``) as it may say words of Chinese ``question``:
    none where it names the asked kind among others (红色、橙色、黄色 for the asker's 橙色), or it
    or the sentence names another kind of the asked thing (中度失能 for 轻度失能)."""
    framed = frame_of(chunk, at, document)
    return "" if framed and _another_kind(question, text, framed) else framed


def _another_kind(question: str, text: str, framed: str) -> bool:
    """Whether a word of ``question`` that ``text`` does not say (a kind: not a verb, a pronoun
    or a word of grammar) has a sibling (``modifiers_zh.siblings``, of its length: 一级, 四级)
    named beside it in ``framed``, or named right before its noun in ``text`` or ``framed``."""
    said = f"{text} {framed}"

    def sibling(mine: str, window: str) -> bool:
        return any(len(other) == len(mine) and other not in question and siblings(mine, other)
                   for other, _ in tagged(window))
    for (mine, tag), (noun, _) in pairwise(tagged(question)):
        if min(len(mine), len(noun)) < 2 or tag[:1] in "vrpcuxyefq" or ZH_ASKS.search(mine) \
                or mine in text:
            continue
        if (mine in framed and sibling(mine, framed)) or any(
                sibling(mine, said[max(0, m.start() - _WINDOW):m.start()])
                for m in re.finditer(re.escape(noun), said)):
            return True
    return False


def frame(text: str, at: int) -> str:
    """The nearest inline heading, the item and the lead-in framing the sentence of ``text``
    opening at ``at``."""
    items: list[tuple[str, str]] = []  # (rank, its heading or ""), the outer rank first
    lead = opening = ""  # the list's lead-in; the last item's opening sentence, if no heading
    since = 0  # sentences after that item's opening
    spans = sentence_spans(text, max(0, at - REACH), at)
    for start, end in spans[at > REACH:]:  # the first may be cut by the window
        for piece in _RUN_ON.split(text[start:end]):
            if number := ITEM.match(piece):
                ranks = [rank for rank, _ in items]
                rank = _rank(number.group())
                items = items[:ranks.index(rank)] if rank in ranks else items
                rest = piece[number.end():]
                heads = 1 < len(rest) <= HEADING_CHARS and not _CLAUSE_MARK.search(rest)
                items.append((rank, piece if heads else ""))
                opening, since = ("" if heads else piece), 0
            else:
                since += 1
            # A list's items keep its lead-in; a heading opens a section of its own, not an item.
            lead = piece if piece.rstrip().endswith(("：", ":")) else lead if number and not (
                opening == "" and since == 0) else ""
    if item := ITEM.match(text, at):  # its own rank closes a sibling's heading
        ranks = [rank for rank, _ in items]
        items = items[:ranks.index(rank)] if (rank := _rank(item.group())) in ranks else items
    # The nearest heading names its measure; an outer one names the field of several
    # ("二、丰富夜间消费业态" over "（一）发展夜间文旅。"), as a title's single word does.
    heading = next((heading for _, heading in reversed(items) if heading), "")
    own = opening if not item and since < ITEM_SENTENCES else ""  # goes on with its item
    return " ".join([heading, own, lead if item else ""]).strip()  # no item of a lead-in's


def _rank(number: str) -> str:
    """An item number's form, which tells its rank: bracketed or not, Chinese digits or not."""
    number = number.strip()
    digits = "一" if re.search("[一二三四五六七八九十]", number) else "1"
    return ("(" if number[0] in "(（" else "") + digits + number[-1].replace("．", ".")
