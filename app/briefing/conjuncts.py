"""A question that names several places, asked of each place alone.

"What periods do Zhangzhou's new infrastructure plan and Zhanjiang's AI-permeated city plan
cover?" names two documents by their places, joined by a conjunction; each place's documents
are asked the question with only their own conjunct ("What periods do Zhanjiang's AI-permeated
city plan cover?"): the other place's words would retrieve the other document's passages and
weigh down its own sentences. A word that distributes the question over the places ("each",
"分别") goes too, as it means nothing of one place ("each" is no "per firm").

A conjunct runs from its place's name to the conjunction before the next place's name; the last
one runs to the end of its noun phrase (by part-of-speech tags: spaCy's for English, jieba's for
Chinese), unless the first conjunct is a bare place name, when all of them are ("漳州和广州的方案":
both plans). General facts of the two languages' coordination, no wording of a question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from app.chinese_words import tagged
from app.measures import MONEY_EN
from app.retrieval.document_questions import DOCUMENT
from app.retrieval.taggers import TAGGING, english
from app.text import has_cjk

Span = tuple[int, int]

# What joins two conjuncts: "and", "with", "or", "versus", a comma; 和, 与, 跟, 同, 及, 、.
_JOINS = re.compile(r"\s*,?\s+(?:and|with|or|versus|vs\.?)\s+|\s*,\s*|以及|和|与|跟|同|及|、|，")
# Words spreading the question over the places named (floating quantifiers, 分别 "respectively").
_EACH_AFTER = re.compile(r"^\s*(?:each|respectively|both)\b|^(?:分别|各自)", re.IGNORECASE)
_OWNED = re.compile(r"['’]s\b|的")  # a possessive after a name ("Shenzhen's", 深圳的)
_BOTH_BEFORE = re.compile(r"\bboth\s+$", re.IGNORECASE)
# "Each" as a pronoun, not a determiner: "each one", "each of them".
_EACH_OF = re.compile(r"^(?:one|of (?:them|these|those|the two))\b", re.IGNORECASE)
# A join making the next place the object of a comparison ("X compare with Y", "X versus Y").
_COMPARED = re.compile(r"\s*,?\s+(?:with|versus|vs\.?|against)\s+", re.IGNORECASE)
# Tags naming no topic: determiners ("each", "the"), wh-words, pronouns and possessive endings.
_NOT_TOPIC = frozenset({"DT", "PDT", "WDT", "WP", "WP$", "PRP", "PRP$", "POS"})
# jieba's tags of function words, which end a run of a Chinese topic's words.
_ZH_FUNCTION = frozenset("rdpfucmqxy")
# English tags that end a noun phrase: a finite verb or modal, a wh-word, a determiner ("each"),
# an adverb, punctuation. Participles stay ("AI-permeated", "government-invested").
_EN_ENDS = re.compile(r"^(?:VB|VBP|VBZ|VBD|MD|W\w*|DT|PDT|RB\w*|[.,:;?!]|``|'')$")


def each_place(question: str, mentions: list[tuple[str, Span]]) -> dict[str, str]:
    """Per place (``mentions``: each place's name and where the question first names it), the
    question asked of it alone; {} when the places are not named side by side."""
    mentions = sorted(mentions, key=lambda m: m[1][0])
    if len(mentions) < 2:
        return {}
    # A conjunct begins where the join before it ends ("… training and issued Guangzhou's
    # plan": "issued Guangzhou's plan"), the first at its place's name.
    conjuncts: list[Span] = []
    start = mentions[0][1][0]
    for (_, (_, end)), (_, (following, _)) in pairwise(mentions):
        joins = list(_JOINS.finditer(question, end, following))
        if not joins:
            return {}  # not coordinated: "Haizhu, Guangzhou" is one place
        conjuncts.append((start, joins[-1].start() if joins[0].start() > end else end))
        start = joins[-1].end()
    bare = conjuncts[0] == mentions[0][1]
    last_end = mentions[-1][1][1]
    compared = _COMPARED.fullmatch(joins[-1].group(0)) is not None
    conjuncts.append((start, last_end if bare else _phrase_end(question, last_end, compared)))
    first, final = conjuncts[0][0], conjuncts[-1][1]
    before = _BOTH_BEFORE.sub("", question[:first])
    after = _EACH_AFTER.sub("", question[final:])
    if has_cjk(question):
        after = after.replace("分别", "").replace("各自", "")
    else:
        after = (" " if after.strip()[:1].isalnum() else "") + _each_as_it(after.lstrip())
        # "How does X's fund compare in size with Y's?": what the first is said to do is
        # said of every place compared with it.
        if compared and not any(ch.isalnum() for ch in after) and (cut := _predicate_at(
                question, mentions[0][1][1], conjuncts[0][1])) is not None:
            after = question[cut:conjuncts[0][1]] + after
            conjuncts[0] = (conjuncts[0][0], cut)
    # Words a conjunct repeats from before the first ("who issued X with who issued Y") once.
    own = {name: question[at if before.rstrip().endswith(question[a:at].strip()) else a:b]
           for (name, (at, _)), (a, b) in zip(mentions, conjuncts, strict=True)}
    return {name: f"{before}{conjunct}{after}" for name, conjunct in own.items()}


# A comparison on a dimension (English): "how do X and Y differ in N", "compare X and Y on N",
# "compare the N of X and Y" asks each one's value of N, as "what N …" does.
_ON = r"(?:in|on|over|regarding|as to|by|in terms of|with respect to)"
_COMPARING = (
    re.compile(rf"^(?:how|in what ways?)\s+(?:do|does|did)\s+(?P<who>.+?)\s+(?:differ|vary|compare|"
               rf"contrast)\s+{_ON}\s+(?P<on>[^:;?]+?)\s*[?.!]*$", re.IGNORECASE),
    re.compile(rf"^compare\s+(?P<who>.+?)\s+{_ON}\s+(?P<on>[^:;?]+?)\s*[?.!]*$", re.IGNORECASE),
    re.compile(r"^compare\s+(?P<on>the\s+[^:;?]+?\s+of\s+[^:;?]+?)\s*[?.!]*$", re.IGNORECASE))
_SUBJECT_PRONOUN = re.compile(r"\b(?:they|it)\b(?=\s+[a-z])", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|their|its)\s+", re.IGNORECASE)
_SUM = re.compile(rf"money|{MONEY_EN}", re.IGNORECASE)  # a noun of a sum (measures)


def compared_on(question: str) -> str | None:
    """A question comparing one place (as ``each_place`` gives it: "How do Shenzhen differ in the
    amount of money they put behind AI?") on a dimension, asked as what its value is there ("What
    amount of money do Shenzhen put behind AI?"): the dimension's noun then says what kind of
    detail is asked (a sum, a period), which the comparison's frame hid. The pronoun subject of a
    clause on the dimension ("… they put behind AI") is the place compared; sums are compared by
    their amount ("differ in the money they commit"). None for any other question, and for a
    Chinese one."""
    if has_cjk(question):
        return None
    match = next((m for p in _COMPARING if (m := p.match(question.strip()))), None)
    if match is None:
        return None
    on, who = match["on"], match.groupdict().get("who")
    with TAGGING:
        head = next((c.root for c in english("parse")(on).noun_chunks), None)
    if head is None:
        return None
    bare = _DETERMINER.sub("", on)
    if _SUM.fullmatch(head.text) and not bare.lower().startswith(("amount", "size", "sum")):
        bare = f"amount of {bare}"
    if who and (pronoun := _SUBJECT_PRONOUN.search(bare)):
        return f"What {bare[:pronoun.start()]}do {who}{bare[pronoun.end():]}?"
    if who and re.match(r"(?:their|its)\s", on, re.IGNORECASE):
        return f"What {'are' if head.tag_ == 'NNS' else 'is'} {who}'s {bare}?"
    return f"What {'are' if head.tag_ == 'NNS' else 'is'} {on}{f' of {who}' if who else ''}?"


def unnamed(question: str, where: Callable[[str], Span | None]) -> str:
    """``question`` less the place names ``where`` finds in it, which say where to look ("How do
    X and Y plan …", "X和Y分别打算 …"); whole where a name owns what is asked ("X's plan", X的
    方案): that thing's title and opening name the place."""
    out = question
    while (span := where(out)) is not None:
        if _OWNED.match(out, span[1]):
            return question
        out = out[:span[0]] + out[span[1]:]
    return " ".join(out.split())


def topic_asked(question: str, places: list[Span]) -> str | None:
    """What an English question comparing places asks each of them about, as a question of its
    own ("Compare X and Y on AI in healthcare: what does each document say?" asks "What about AI
    in healthcare?"): its noun phrases (spaCy's parse) less the places' names, determiners,
    pronouns and wh-words, and phrases naming only the texts ("each document"), joined where a
    preposition or conjunction alone stands between two. The comparison verb and the clause
    asking what each says ask nothing of one place; read with them, a place's sentence was
    chosen by "document" or "plan" (Zhanjiang's review of documents for its health care), not
    by the topic. A Chinese question's topic is its noun runs (``_zh_topic``). None when it
    has no such phrase."""
    if has_cjk(question):
        return _zh_topic(question, places)
    # A capitalised first word is parsed as written lower-case, a place's name excepted: an
    # imperative "Compare" was tagged a name, and "Compare Guangzhou" read as one noun phrase.
    first = re.match(r"[A-Z][a-z]+\b", question)
    if first and not any(a <= 0 < b for a, b in places):
        question = question[0].lower() + question[1:]
    with TAGGING:
        tokens = english("parse")(question)
    named = [t for t in tokens if any(a <= t.idx < b for a, b in places)]
    if any(a.dep_ in {"relcl", "acl"} for t in named for a in t.ancestors):
        return None  # the places say what is asked: "the firms that X and Y aim to attract",
        # "the periods covered by X's plan and Y's"
    phrases: list[list[Any]] = []
    for chunk in tokens.noun_chunks:
        words = [t for t in chunk if t.tag_ not in _NOT_TOPIC]
        if any(a < chunk.end_char and chunk.start_char < b for a, b in places):
            # A place's document ("Zhangzhou's action plan") says where to look, as its name
            # does; a place's other thing ("Zhanjiang's training") is what is asked of it.
            if DOCUMENT.fullmatch(chunk.root.text) or all(
                    any(a <= t.idx < b for a, b in places) for t in words):
                continue
            return None
        if not words or all(DOCUMENT.fullmatch(t.text) or t.pos_ == "PRON" for t in words):
            continue
        between = tokens[phrases[-1][-1].i + 1:words[0].i] if phrases else None
        if between is not None and all(t.pos_ in {"ADP", "CCONJ", "DET"} or t.tag_ == "HYPH"
                                       for t in between):
            phrases[-1] += [*between, *words]
        else:
            phrases.append(words)
    topic = ", ".join(question[p[0].idx:p[-1].idx + len(p[-1].text)] for p in phrases)
    return f"What about {topic}?" if topic else None


def _zh_topic(question: str, places: list[Span]) -> str | None:
    """A Chinese question's topic: without its places, its asking across and its frame (在X方面:
    X, ``across.topic_of``), the runs of words between function words (jieba's tags: pronouns
    and interrogatives, adverbs, prepositions, localizers, particles, conjunctions, measures)
    that hold a noun of two characters or more, less the verbs opening or closing a run
    ("打算建", "做"): 智能网联汽车 of "广州和深圳在智能网联汽车方面分别打算做什么？"."""
    from app.briefing.across import topic_of  # across reads the stages conjuncts serves

    for a, b in sorted(places, reverse=True):
        question = question[:a] + question[b:]
    runs: list[list[tuple[str, str]]] = [[]]
    for word, flag in tagged(topic_of(question)):
        if flag[:1] in _ZH_FUNCTION:
            runs.append([])
        else:
            runs[-1].append((word, flag))
    kept = []
    for run in runs:
        while run and run[0][1][:1] == "v" and run[0][1] != "vn":
            run = run[1:]
        while run and run[-1][1][:1] == "v" and run[-1][1] != "vn":
            run = run[:-1]
        if any(flag[:1] == "n" and len(word) > 1 for word, flag in run):
            kept.append("".join(word for word, _ in run))
    return "、".join(kept) or None


def _each_as_it(after: str) -> str:
    """"Each" standing for the places themselves ("how many tasks does each one set out?",
    "what does each say?"), not a determiner of a noun ("each lab"): one place is "it". A
    pronoun "each" is followed by "one", "of them", a verb or the end (spaCy's tags)."""
    with TAGGING:
        tokens = list(english()(after))
    for n, token in reversed(list(enumerate(tokens))):
        following = tokens[n + 1] if n + 1 < len(tokens) else None
        rest = after[token.idx + len(token.text):].lstrip()
        if token.lower_ != "each" or not (following is None or _EACH_OF.match(rest)
                                          or following.tag_[:2] in {"VB", "MD"}
                                          or not following.is_alpha):
            continue
        pronoun = _EACH_OF.match(rest)
        end = token.idx + len(token.text) + (len(after[token.idx + len(token.text):])
                                              - len(rest) + pronoun.end() if pronoun else 0)
        after = f"{after[:token.idx]}it{after[end:]}"
    return after


def _predicate_at(question: str, start: int, end: int) -> int | None:
    """Where, within ``start``..``end``, the first place's noun phrase (the one its name, at
    ``start``, is the possessor or modifier of) ends and that phrase's own predicate begins,
    by spaCy's parse; None when the phrase is no subject ("Compare X's target for …")."""
    with TAGGING:
        tokens = list(english("parse")(question))
    at = next((t for t in tokens if t.idx < start <= t.idx + len(t.text)), None)
    while at is not None and at.dep_ in {"poss", "compound", "nmod", "amod", "case"} \
            and at.head.i > at.i:
        at = at.head
    if at is None or at.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    cut = at.idx + len(at.text)
    return cut if start <= cut < end and question[cut:end].strip() else None


def _phrase_end(question: str, start: int, compared: bool = False) -> int:
    """Where the noun phrase running on from a place name (at ``start``) ends; ``compared``:
    the place is the object of a comparison ("… with Y"), whose verb came before it."""
    rest = question[start:]
    if has_cjk(question):
        cut = tagged(rest)
        at = 0
        for n, (word, flag) in enumerate(cut):
            following = cut[n + 1][1] if n + 1 < len(cut) else "x"
            # A "verb" closing a phrase after 的 is its head (湛江的数智化通知，…), no predicate; a
            # word before 的 modifies the noun after it (海珠区每年的专项资金), ending nothing.
            modifier = n + 1 < len(cut) and cut[n + 1][0] == "的"
            if (flag[:1] in {"d", "p", "r", "x"} and not modifier) or (
                    flag[:1] == "v" and following[:1] in "rmux" and not (
                        following[:1] == "x" and any(w == "的" for w, _ in cut[:n]))):
                return start + at
            at += len(word)
        return start + at
    with TAGGING:
        tokens = list(english()(question))
    words = [t for t in tokens if t.idx >= start]
    end = next((t.idx for t in words if _EN_ENDS.match(t.tag_) and t.text not in {"'s", "’s"}
                and not _object_of_postmodifier(tokens, t.i)), len(question))
    if not compared and any(t.lower_ in {"do", "does", "did"} for t in tokens if t.idx < start):
        # Do-support ("what periods do X and Y cover?"): the verb comes last, whatever its tag.
        end = min(end, max((t.idx for t in words if t.is_alpha), default=end))
    return len(question[:end].rstrip())


def _object_of_postmodifier(tokens: Any, at: int) -> bool:
    """Whether the determiner at ``at`` opens the object of a preposition after a common noun
    ("Zhanjiang's action plan for an AI-permeated city"): that phrase modifies the noun, and the
    conjunct runs through it. A preposition right after the place's name or possessive ("Haizhu's
    on the size …") begins what is asked of every place, not a part of one conjunct."""
    return tokens[at].tag_ in {"DT", "PDT"} and at >= 2 and tokens[at - 1].tag_ == "IN" \
        and tokens[at - 2].tag_ in {"NN", "NNS"}
