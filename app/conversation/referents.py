"""What a definite noun phrase of a follow-up refers to: "the center", "该中心", "这份意见".

A definite phrase names one thing the conversation already gave. It is sought, by its head noun,
in what the last turn said:

* a noun phrase of the last answer's cited text, or of the last question, with the same head
  (the fullest one: "the center" after an answer quoting "PZ-SPACE Pazhou Space Intelligent
  Computing Center" is that center), which then takes the phrase's place;
* the title of the document the last answer cited ("该措施" and "南昌市……若干措施"), or a
  phrase of the answer in the other language (a Chinese follow-up's "该方案" and an English
  answer's "… Application Plan"): the thing is in that document, and the follow-up is asked
  as written, in it.

Only a name replaces the phrase; one the last question merely described ("the plan" after
"Zhangzhou's new infrastructure action plan") is carried by the rules of ``resolve``. Heads are
compared as words: English without a plural's s, Chinese by the phrase's last characters,
across the languages (by stem) with the dictionary's senses of the Chinese head.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.answering.question_kinds import Kind, asked_kinds
from app.conversation.phrases import Span, copular, inside, noun_spans
from app.conversation.words import Word, acting_name, words
from app.retrieval.dictionary import english_terms
from app.text import has_cjk, sentence_spans, stem

# A name written with a hyphen onto the phrase's first word ("PZ-SPACE Pazhou …"): the tagger
# splits it at the hyphen.
_HYPHENATED = re.compile(r"[A-Za-z0-9]+-$")


@dataclass(frozen=True)
class Definite:
    span: Span  # the determiner through the phrase's last noun
    head: str  # its last noun


@dataclass(frozen=True)
class Referent:
    phrase: str  # the fuller phrase that replaces the definite one; "" when in the document


def definite_phrases(own: Sequence[Word]) -> list[Definite]:
    """The definite noun phrases of a question: a demonstrative (这, 该, this, that) or, in
    English, "the" before common nouns ("the center", not "the Haizhu District bureau", which
    names itself)."""
    found = []
    for n, word in enumerate(own):
        if not (word.pointing or word.definite) or word.possessive or word.locative:
            continue  # 其中 (among them) determines no noun: 其中第二部分 is a part of "them"
        at = n + 1
        if at < len(own) and own[at].quantity and not own[at].interrogative:
            at += 1  # 这项任务: a measure word between the demonstrative and its noun
        run: list[Word] = []
        while at < len(own) and own[at].noun and not own[at].pointing:
            run.append(own[at])
            at += 1
        while run and not run[-1].thing:
            run.pop()
        if not run or (word.definite and any(w.may_name_place for w in run)):
            continue
        found.append(Definite((word.start, run[-1].end), run[-1].text))
    return found


def referent(definite: Definite, question: str, answer: str, asked: str,
             title: str | None) -> Referent | None:
    """What ``definite`` refers to in the last answer's cited text, the last question or the
    cited document's title; None when none of them names a thing of its head."""
    chinese = has_cjk(question)
    best = ""
    described = elsewhere = False
    needles = {definite.head.lower()}
    if chinese:
        needles |= {sense for term in english_terms(definite.head) for sense in term.english
                    if " " not in sense}
    for text in (*_naming(answer, needles), asked):
        if not text:
            continue
        for phrase, named in _phrases(text):
            if has_cjk(phrase) != chinese:
                elsewhere = elsewhere or _heads_across(definite.head, phrase, chinese)
            elif not _same_head(definite.head, phrase, chinese):
                continue
            elif named and len(phrase) > len(best):
                best = phrase
            elif len(phrase) > len(definite.head):  # the bare noun again describes nothing
                described = True
    if len(best) > len(definite.head):
        return Referent(best)
    if described:
        return None  # "the plan" the last question described: the rules below carry it
    if elsewhere or (title and titled(definite.head, title, chinese)):
        return Referent("")
    return None


def _naming(text: str, needles: set[str]) -> list[str]:
    """The sentences of ``text`` that hold one of ``needles``: only they are tagged (a tagger
    reads a long answer in tens of milliseconds)."""
    out = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if any(needle in sentence.lower() for needle in needles):
            out.append(sentence)
    return out


def _phrases(text: str) -> list[tuple[str, bool]]:
    """The noun phrases of ``text``, each with whether it is a name (holds a word the tagger
    takes for a proper name): a name says which thing; a description ("the new infrastructure
    action plan") adds nothing to the document the conversation is already in."""
    found = words(text)
    out = []
    for start, end in noun_spans(found, []):
        named = any(w.may_name_place for w in found if start <= w.start and w.end <= end)
        if hyphen := _HYPHENATED.search(text, 0, start):
            start = hyphen.start() if hyphen.end() == start else start
        out.append((text[start:end], named))
    return out


def _last_word(phrase: str) -> str:
    return phrase.split()[-1] if phrase.split() else ""


def _same_head(head: str, phrase: str, chinese: bool) -> bool:
    """The same noun (an English plural's s aside: a stem would take "interpretation" for
    "interpreter")."""
    if chinese:
        return phrase.endswith(head)
    return _last_word(phrase).lower().removesuffix("s") == head.lower().removesuffix("s")


def _heads_across(head: str, phrase: str, chinese: bool) -> bool:
    """Whether an English ``phrase`` is headed by a rendering of the Chinese ``head`` (an
    English follow-up's head is not looked up in Chinese: the texts it meets are English)."""
    if not chinese:
        return False
    last = stem(_last_word(phrase).lower())
    return any(stem(sense) == last for term in english_terms(head) for sense in term.english
               if " " not in sense)


def titled(head: str, title: str, chinese: bool) -> bool:
    """Whether the document's title names a thing of ``head`` (its own kind: 措施, 意见, plan)."""
    if chinese and has_cjk(title):
        return head in title
    if chinese:
        return any(_heads_across(head, word, True) for word in title.split())
    return stem(head.lower()) in {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", title)}


# A marker after an extractive answer's quote (" [1]")
_MARKER = re.compile(r"\s*\[\d+\]")
# What a "who" question's answer names: a body or a person, who may act again in the next turn
_WHO = frozenset({Kind.WHO, Kind.ORG, Kind.PERSON})
# Questions of a measure: a pronoun there stands for the thing measured, never the body
_MEASURES = frozenset({Kind.COUNT, Kind.TALLY, Kind.MONEY, Kind.PERCENT, Kind.DURATION,
                       Kind.RATE})


def agent_of(question: str, asked: str, answer: str, title: str | None) -> str:
    """Who a follow-up's pronoun stands for when the last question asked who did something and
    its answer's first sentence (not a note quoting the document's ``title``) names the one who
    did it as its active subject (``acting_name``: "the … Administration organized the
    training", so "它联合哪些部门印发了通知？" asks what the Administration did). A passive
    answer ("the center is supported by the bureau") keeps its subject, the center, and a
    question of a measure ("它最终要建到多大？") asks of the thing measured, not the body
    responsible. "" when the pronoun stands for the last question's subject."""
    if not asked_kinds(asked) & _WHO or asked_kinds(question) & _MEASURES:
        return ""
    for start, end in sentence_spans(answer):
        sentence = _MARKER.sub("", answer[start:end]).strip()
        if sentence and not (title and title in sentence):
            return acting_name(sentence)
    return ""


def given(question: str, own: Sequence[Word], answer: str, asked: str) -> bool:
    """Whether a Chinese question's topic is what the last turn (``asked``, ``answer``) just
    named: Chinese has no article, and a bare noun the context gives is definite
    ("通知是什么时候印发的？" after "它联合哪些部门印发了通知？"), as "the notification" would
    be in English."""
    nouns = topic(own)
    return has_cjk(question) and bool(nouns) and all(
        w.text in asked or referent(Definite((w.start, w.end), w.text), question, answer, asked,
                                    None) is not None for w in nouns)


# A date written as one token ("2024-12-31" in a validity note): a figure no measure states.
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def figure_topic(answer: str) -> str:
    """The noun phrase the last answer states its first figure of: "a special fund of 310
    million yuan" (the phrase before the figure, across "of"), "3.1亿元专项资金" (the phrase
    after it). What a follow-up naming only another place asks about when the last question's
    own frame finds nothing there. "" when the answer states no figure of a phrase."""
    for start, end in sentence_spans(answer):
        sentence = answer[start:end]
        if not any(c.isdigit() for c in sentence):
            continue  # only a sentence with a figure is tagged
        found = words(sentence)
        chinese = has_cjk(sentence)
        for n, word in enumerate(found):
            if not word.quantity or not any(c.isdigit() for c in word.text) \
                    or _DATE.search(word.text):
                continue
            before = _phrase_before(found, n)
            after = _phrase_after(found, n)
            phrase = (after or before) if chinese else (before or after)
            if phrase:
                return sentence[phrase[0]:phrase[1]]
    return ""


def _phrase_before(found: Sequence[Word], at: int) -> Span | None:
    while at > 0 and not found[at - 1].noun and not found[at - 1].content \
            and not found[at - 1].predicate:
        at -= 1  # of, a, with
    end = at
    while at > 0 and found[at - 1].noun and not found[at - 1].quantity:
        at -= 1
    while at < end and not found[at].content:
        at += 1
    return (found[at].start, found[end - 1].end) if at < end and found[end - 1].thing else None


def _phrase_after(found: Sequence[Word], at: int) -> Span | None:
    at += 1
    while at < len(found) and found[at].quantity and not found[at].noun:
        at += 1  # million, 亿元 (not 5 in "5G", which the noun after it names)
    start = at
    while at < len(found) and found[at].noun:
        at += 1
    while at > start and not found[at - 1].thing:
        at -= 1
    if at - start < 1 or (at - start == 1 and not has_cjk(found[start].text)):
        return None  # "yuan" alone is the figure's unit, not what it measures
    return found[start].start, found[at - 1].end


def about_the_last(own: Sequence[Word], title: str | None) -> bool:
    """Whether a follow-up asks about what the last answer said: it names no topic of its own
    ("Who must review it?", "由哪些单位负责？") but what its demonstratives point at ("这项工作",
    "that measure"). One naming a thing of its own ("那未来工厂培育企业呢？", "它在医疗方面…")
    asks about that thing, and one pointing at the document itself ("这个通知", "this plan",
    a kind its title names) about the whole document: the cited clause need not be near.
    Without a clause, a demonstrative's phrase is the thing asked about ("那房屋租金呢？": 那
    opens "what about" the rent, it points at no rent the answer named)."""
    clause = any(w.predicate for w in own)
    pointed = [d for d in definite_phrases(own) if clause and own_word(own, d.span[0]).pointing]
    if title and any(titled(w.text, title, has_cjk(w.text)) for d in pointed for w in own
                     if w.thing and inside(w, [d.span])):
        return False  # "这个通知有效期": the notice's own validity
    spans = [d.span for d in pointed]
    return not [w for w in topic(own) if not inside(w, spans)]


def own_word(own: Sequence[Word], start: int) -> Word:
    return next(w for w in own if w.start == start)


def topic(own: Sequence[Word]) -> list[Word]:
    """The nouns a question is about, beside a bare noun it asks for: in "which units are
    responsible for the fund?" the fund, not the units; "由哪些单位负责？" and "联系电话是多少？"
    have none (Chinese drops the subject a conversation already gave). A modified noun asked
    for ("how many AI joint laboratories") says what it is about itself."""
    asked: set[int] = set()
    for n, word in enumerate(own):
        if word.interrogative:  # the noun phrase right after a wh-word is what is asked
            run = []
            at = n + 1
            while at < len(own) and own[at].quantity:  # 哪几家企业: the noun after 几家
                at += 1
            while at < len(own) and own[at].noun and not own[at].interrogative:
                run.append(at)
                at += 1
            if sum(own[i].thing for i in run) < 2:
                asked.update(run)
    attribute = copular(own, [])
    # a copula's attribute names no topic ("联系电话是多少"); a measured noun may ("数智化投入
    # 不低于多少" asks of the conversation's notice, not of all investment)
    spans = [attribute.span] if attribute is not None and attribute.value \
        and attribute.linked else []
    return [w for n, w in enumerate(own) if w.thing and n not in asked and not inside(w, spans)]
