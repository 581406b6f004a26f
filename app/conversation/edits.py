"""The edits resolution makes to a question: places joined or replaced, spans rewritten, and a
pronoun (or the place a language puts what a question is about) filled with the phrase it
stands for. What to edit is read by ``phrases``."""

from __future__ import annotations

from app.answering.question_kinds import Kind, asked_kinds
from app.conversation.phrases import (
    Span,
    counted,
    head,
    uncounted,
)
from app.conversation.places import DESIGNATORS, place_spans
from app.conversation.words import Word, words
from app.retrieval.names import CHINESE_LEVEL_SUFFIX
from app.retrieval.places import PlaceIndex
from app.text import has_cjk


def joined(parts: list[str], question: str) -> str:
    return ("、" if has_cjk(question) else " and ").join(dict.fromkeys(parts))


def named_place(span: str, index: PlaceIndex) -> str:
    """The place ``span`` names, as written in it, with its designator (广州城市全域数字化转型
    试点方案: 广州; Haizhu District); the whole span when it names no one place."""
    held = index.infer(span).held
    found = index.where(span, held[0]) if len(held) == 1 else None
    if found is None or span[found[1]:].strip().lower() in DESIGNATORS:
        return span
    return span[found[0]:found[1]]


def replace(text: str, spans: list[Span], place: str) -> str:
    """``text`` with its first place span made ``place`` and any other dropped."""
    return edited(text, [(s, e, place if n == 0 else "") for n, (s, e) in enumerate(spans)])


def edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end) span, none overlapping another, made its replacement."""
    out, at = [], 0
    for start, end, replacement in sorted(edits):
        out += [text[at:start], replacement]
        at = end
    out.append(text[at:])
    return " ".join("".join(out).split()) if not has_cjk(text) else "".join(out)


def fill(question: str, own: tuple[Word, ...], pointing: list[Word], phrase: str,
          chinese: bool) -> str:
    """``question`` with its pointing words standing for ``phrase``; with none, ``phrase`` is
    added where the language puts what a question is about."""
    start = own[0].end if own and own[0].leading_link else 0  # "那", "and": no part of it
    if pointing:
        out, at, determined = [], start, False
        for word in pointing:
            out.append(question[at:word.start])
            at = word.end
            if word.locative:  # 其中 → 漳州行动计划中: the phrase, then the locative
                out.append(phrase + word.locative)
                continue
            after = next((w for w in own if w.start >= at), None)
            if after is not None and after.quantity and not after.interrogative:
                at = after.end  # 这项措施: a demonstrative takes a measure word before its noun
                after = next((w for w in own if w.start >= at), None)
            named = noun_run(question, own, at)
            if named and not word.possessive and heads_phrase(named, phrase):
                # "that fund group", 该基金群: the phrase names that very thing
                out.append(phrase)
                at += len(named)
            elif after is not None and after.noun and not word.possessive:
                # "that measure", 该措施: the noun stays, the phrase says whose it is
                out.append("" if chinese else "the")
                determined = True
            else:
                out.append(phrase + ("'s" if word.possessive and not chinese else ""))
        out.append(question[at:])
        text = "".join(out).replace("the the ", "the ").strip()
        if not determined:
            return text
        return f"{phrase}的{text}" if chinese else f"{text.rstrip(' ?')} ({phrase})?"
    rest = question[start:].strip()
    if chinese:  # 的 joins the phrase to a noun (…的期限呢), not to a verb (…由谁负责)
        first = next((w for w in own if w.start >= start), None)
        return f"{phrase}{'的' if first is not None and first.thing else ''}{rest}"
    return f"{rest.rstrip(' ?')} ({phrase})?"


def noun_run(question: str, own: tuple[Word, ...], start: int) -> str:
    """The nouns right after ``start`` (white space kept), as the text writes them."""
    run = []
    for word in own:
        if word.end <= start:
            continue
        if not word.noun or word.pointing:
            break
        run.append(word)
    return question[start:run[-1].end] if run else ""


def heads_phrase(named: str, phrase: str) -> bool:
    """Whether ``named`` ("fund group", 基金群) is the head of ``phrase``'s noun phrase ("the AI
    fund group in Shenzhen", 深圳人工智能基金群): the phrase ends with it, before any place."""
    head = phrase.split(" in ")[0] if " in " in phrase else phrase
    return bool(named.strip()) and head.lower().endswith(named.strip().lower())


def with_counted_noun(question: str, own: tuple[Word, ...], before: str,
                      index: PlaceIndex) -> str:
    """``question`` with the noun its count leaves out ("其中第二部分有几项？") written back from
    the last question ``before``, when that question counted ("一共有多少项任务？"): "有几项任务".
    Without it, a question counting nothing named matches no sentence's count of tasks."""
    # A tally of items (几项, 多少个), not of time: 几年 counts years, a noun of its own
    at = uncounted(own) if Kind.TALLY in asked_kinds(question) else None
    found = words(before) if at is not None else ()
    span = counted(found, place_spans(before, found, index)) if found else None
    if at is None or span is None or question[at - 1] != before[span[0] - 1]:
        return question  # a measure word agrees with its noun: 几条 counts no 多少项任务's 任务
    return question[:at] + head(found, span) + question[at:]


def with_place_pointed(question: str, own: tuple[Word, ...], before: str,
                       index: PlaceIndex) -> str:
    """``question`` with the place it points back at ("the city", "this district", 该市,
    这个区: a demonstrative or definite article before a level's name) made the place the last
    question ``before`` named: "And what joint innovation center is the city establishing with
    Shenzhen?" after a question about Zhanjiang is about Zhanjiang, and Shenzhen, which it
    names, is only its partner. Unchanged when it points at no place or the last named none."""
    for n, word in enumerate(own):
        if not (word.pointing or word.definite):
            continue
        level = word.text[1:] if has_cjk(word.text) and len(word.text) > 1 else ""
        following = own[n + 1] if n + 1 < len(own) else None
        if level and CHINESE_LEVEL_SUFFIX.fullmatch(level):
            span = (word.start, word.end)  # 该市, 本市: one word
        elif following is not None and not word.possessive and following.thing and (
                following.text.lower() in DESIGNATORS
                or CHINESE_LEVEL_SUFFIX.fullmatch(following.text)):
            span = (word.start, following.end)
        else:
            continue
        found = words(before)
        places = [before[s:e] for s, e in place_spans(before, found, index)]
        return edited(question, [(*span, joined(places, question))]) if places else question
    return question
