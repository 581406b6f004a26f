"""What an English question says of its asker around what it asks (``Frame``), read from the
dependency parse the other readers of a question share (``taggers.parsed``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import dropwhile, takewhile
from typing import Any

from app.chinese_words import tagged
from app.in_situ import ZH_WHICH
from app.measures import MONEY_NOUN
from app.retrieval.document_questions import DOCUMENT
from app.retrieval.taggers import TAGGING, WH_TAGS, english, parsed
from app.text import has_cjk

# A lead-in, a colon, then the question ("For my training slides: what …").
_LEAD_IN = re.compile(r"^([^:：?？]{3,120})[:：]\s*(?=\S)")
# ... unless the words before the colon ask themselves ("What does “…” set out: its …?").
_ASKING = re.compile(r"\s*(?:wh\w*|how|do|does|did|is|are|was|were|can|will|should)\b", re.I)
# English prepositions saying what a talk, a briefing or a training is on: its topic.
_TOPIC_PREPOSITIONS = {"on", "about", "regarding", "concerning"}
_SAYING = {"tell", "say", "answer", "reply", "explain"}  # English verbs of saying to one


@dataclass(frozen=True)
class Frame:
    """What an English question says of its asker around what it asks (issue 23): a lead-in
    ("For my slides: …"), an opening of the asker's own ("When preparing a session on X, …",
    "In my training on X, …") and a verb of saying to an audience ("what should I tell
    participants …", "Summarize for trainees …"). Its words are no content an answer must
    hold: "session" and "participants" would find a training event's sentence. What the frame is
    on ("For my session on AI in Shenzhen's schools") is its ``topic``: it says where to look, as
    a document's title does, and is searched for with what is asked (``searched``)."""

    opening: str = ""  # the lead-in or opening clause, as written (without its comma or colon)
    words: str = ""  # every word of the frame
    rest: str = ""  # the words outside it: what is asked
    topic: str = ""  # the words saying what the frame is on
    searched: str = ""  # the question without the asker's words: its topic and what is asked


@lru_cache(maxsize=1024)
def question_frame(question: str) -> Frame:
    """The frame of an English question, read from its dependency parse (none for Chinese)."""
    if has_cjk(question):
        return Frame(rest=question, searched=question)
    with TAGGING:
        doc = parsed(question)  # the parse ``asks_agent`` and ``without_relatives`` read too
    if (lead_in := _LEAD_IN.match(question)) and not _ASKING.match(lead_in.group(1)) and not \
            _bids(lead_in.group(1)):
        topic = _topic(doc.char_span(0, lead_in.end(1), alignment_mode="contract") or doc[:0])
        return Frame(lead_in.group(1), lead_in.group(1), question[lead_in.end():], topic.text,
                     f"{_searched(topic)}: {question[lead_in.end():]}".lstrip(": "))
    opening = _asker_opening(doc)
    topic = _topic(opening) if opening is not None else doc[:0]
    framed = {t.i for t in opening or ()} | {t.i for verb in doc for t in _told(verb)} | {
        t.i for sentence in doc.sents for t in _reported(sentence)}
    asker = framed - set(range(topic.start, topic.end) if _searched(topic) else ())
    return Frame(opening.text if opening is not None else "",
                 " ".join(t.text for t in doc if t.i in framed),
                 "".join(t.text_with_ws for t in doc if t.i not in framed).strip(" ,;:"),
                 topic.text, "".join(t.text_with_ws for t in doc if t.i not in asker).strip(" ,;:"))


def asked_parse(question: str) -> Any:
    """The parse of what an English ``question`` asks, its frame left out."""
    asked = question_frame(question).rest or question  # takes TAGGING itself: not inside it
    with TAGGING:
        return parsed(asked)


@lru_cache(maxsize=256)
def asked_head(question: str) -> str:
    """The one noun an English ``question`` asks the value of, as written (issue 23): the noun its
    "what" determines ("what nightly room *price* may … charge"), or the subject or attribute of a
    "what / how much is" ("how much is the *fee*"). A question may ask with a noun no question
    word reads ("what *rent relief*", "how much are the *vouchers*"). "" if none, or a clause says
    what of it is asked ("what is the *fund* meant to attract"), or Chinese."""
    if has_cjk(question):
        return ""
    doc = asked_parse(question)
    heads = [t.head for t in doc if t.lower_ == "what" and t.dep_ == "det"] or [
        c for t in doc if t.lower_ in {"what", "much"} and t.head.lemma_ == "be"
        for c in t.head.children if c.dep_ in {"nsubj", "attr"} and c is not t]
    return next((h.text for h in heads if h.pos_ == "NOUN" and not any(
        c.dep_ in {"acl", "relcl"} for c in h.children)), "")


@lru_cache(maxsize=256)
def asked_head_zh(question: str) -> str:
    """The noun a Chinese ``question``'s interrogative determines, as written: the last noun of
    the run of nouns after it (什么样的人工智能公共服务*平台*, 哪些*部门*), as a Chinese noun
    phrase ends on its head; a measure word or 的 between is the determiner's ("哪个*机构*"). ""
    if none (jieba's tags)."""
    words = tagged(question)
    for n, (word, flag) in enumerate(words):
        if flag[:1] != "r" or not _ZH_DETERMINER.fullmatch(word):
            continue
        run = list(dropwhile(lambda w: w[1][:1] in "qu", words[n + 1:]))
        nouns = list(takewhile(lambda w: w[1][:1] == "n" or w[1] in {"vn", "eng"}, run))
        # A noun, not a verb's noun (建设) nor a "proper" noun jieba makes of a verb (印发/nz of
        # 哪个机构印发) when a plain noun came before.
        named = [w for w, f in nouns if f[:1] == "n" or f == "eng"]
        plain = [w for w, f in nouns if f[:1] == "n" and f != "nz"]
        return (plain or named or [""])[-1]
    return ""


# The Chinese interrogatives that determine a noun (什么平台, 哪些部门, 何种方式).
_ZH_DETERMINER = re.compile(rf"什么样?|{ZH_WHICH}|何种")


@lru_cache(maxsize=256)
def sum_noun(question: str) -> str:
    """The money noun (app.measures) naming the sum a ``question`` asks, as written: its first
    one but the subject of a verb under a modal that no question word determines (the "city
    *budget* will award" pays: no sum asked; "how much *subsidy* does …" is), by spaCy's parse of
    an English question ("what does it *cost*": the verb names it too); a Chinese one's first."""
    if has_cjk(question):
        return noun.group() if (noun := MONEY_NOUN.search(question)) else ""
    return next((t.text for t in asked_parse(question) if MONEY_NOUN.fullmatch(t.text)
                 and not (t.dep_ == "nsubj" and t.head.pos_ == "VERB"
                          and any(c.tag_ == "MD" for c in t.head.children)
                          and not any(c.lower_ in _ASKING_SUM for c in t.children))), "")


_ASKING_SUM = frozenset({"what", "which", "much", "many"})  # determining the noun asked


def _reported(sentence: Any) -> list[Any]:
    """A statement reporting a question before the one asked ("Our trainees ask *what time
    frame the plan covers*. What should I tell them?"): its words but the wh-clause its verb
    governs, which is what is asked. A sentence that itself asks (ending "?") reports none."""
    if sentence[-1].text != "." or len(list(sentence.doc.sents)) < 2:
        return []
    asked = next((c for c in sentence.root.children if c.dep_ in {"ccomp", "xcomp", "dobj"}
                  and any(t.tag_ in WH_TAGS and t.lower_ != "that" for t in c.subtree)), None)
    return [] if asked is None else [t for t in sentence if t not in set(asked.subtree)]


def _bids(lead_in: str) -> bool:
    """A lead-in that is an imperative with an object of its own, not a verb of saying: "Compare
    X and Y on T: how much …" asks of T (round 32: T, read as a frame's topic, was weighed as a
    title's words, and Pingxiang's loan cap lost to its start-up subsidy); "Explain to new
    staff: …" and "Summarize for trainees: …" stay the asker's. Parsed alone, its first letter
    small: capitalised, spaCy's small model tags "Compare" a name as often as a verb."""
    with TAGGING:
        verb = parsed(lead_in[:1].lower() + lead_in[1:])[0]
    return verb.tag_ == "VB" and verb.lemma_ not in _SAYING and any(
        c.dep_ == "dobj" for c in verb.children)


def _asks_of_asker(token: Any) -> bool:
    """A first or second person pronoun: the asker ("I", "my") or whom they ask ("you")."""
    return token.tag_ in {"PRP", "PRP$"} and bool({"1", "2"} & set(token.morph.get("Person")))


def _topic(span: Any) -> Any:
    """What a frame is on: the words after the first topic preposition that a word of the frame
    governs ("a briefing on Zhangzhou's 5G goals"), to the frame's end; none when no word governs
    one (an opening "On December 28th" is the question's own)."""
    on = next((t for t in span if t.lower_ in _TOPIC_PREPOSITIONS and t.head.i != t.i
               and span.start <= t.head.i < span.end), None)
    return span.doc[on.i + 1:span.end] if on is not None else span.doc[:0]


def _searched(topic: Any) -> str:
    """A frame's topic as searched: none when it is a document ("on Guangzhou's transformation
    plan"), whose name says where to look as its title does, and would draw its overview."""
    return "" if len(topic) and DOCUMENT.fullmatch(topic.root.text) else str(topic.text)


def _asker_opening(doc: Any) -> Any:
    """The words before a question's first comma when they are the asker's circumstance: an
    adverbial clause or phrase on a later word, holding the asker ("In my training on X",
    "If I'm training officials on X"), a participle without subject ("When preparing a session
    on X": its subject is the asker's), or saying what an occasion of its own is on ("For a
    workshop with district officials on X", "In preparing a briefing on X"). Not an opening of
    the question's own ("When the plan was issued, who …", "By 2025, how many …")."""
    comma = next((t.i for t in doc if t.text == ","), 0)
    span = doc[:comma]
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.dep_ == "ROOT"]
    if not heads or any(t.dep_ not in {"advcl", "prep"} or t.head.i < comma for t in heads):
        return None
    participle = any(t.dep_ == "advcl" and t.tag_ == "VBG" and not any(
        c.dep_.startswith("nsubj") for c in t.children) for t in heads)
    return span if participle or any(map(_asks_of_asker, span)) or len(_topic(span)) else None


def _told(verb: Any) -> list[Any]:
    """A verb of saying the asker asks of themselves ("should I tell", imperative "Summarize")
    and its audience ("participants", "for trainees"), when what is to be said follows as a
    clause or a wh-word: "what should I tell participants the city will …". Not a verb whose
    object is the thing asked ("How can I apply for the subsidy?")."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    imperative = verb.i == 0 and verb.tag_ == "VB"
    if verb.pos_ != "VERB" or not (imperative or (subjects and all(map(_asks_of_asker, subjects)))):
        return []
    doc, after = verb.doc, verb.i + 1
    if after < len(doc) and doc[after].dep_ == "prep" and doc[after].head == verb:
        after += 1  # "for trainees", "to staff"
    audience = [] if after >= len(doc) or doc[after].pos_ not in {"NOUN", "PRON"} else [doc[after]]
    following = doc[after + len(audience):verb.sent.end]
    if not len(following) or following[0].is_punct:  # "… What should I tell them?": all of it
        alone = verb.lemma_ in _SAYING and len(list(doc.sents)) > 1  # not "What can I get?"
        return list(verb.sent) if alone else []
    first = following[0]
    # spaCy makes a new Token object at each access: tokens are compared by position.
    clause = next((a.i for a in [first, *first.ancestors] if a.pos_ in {"VERB", "AUX"}), verb.i)
    asks = first.tag_ in WH_TAGS or (  # "… participants about how often …"
        first.dep_ == "prep" and first.head.i in {verb.i, *(a.i for a in audience)}
        and any(t.tag_ in WH_TAGS for t in first.subtree))
    # … or what follows is a clause the verb governs ("tell participants the city will …"),
    # or that governs the verb (the parser's "I tell participants" as the subject of "is …").
    says = asks or (clause != verb.i and (doc[clause].head.i == verb.i or verb.head.i == clause))
    return [verb, *subjects, *audience] if says else []


_CLOSING = frozenset({"ADP", "PUNCT", "DET", "PRON"})  # what follows a noun phrase's last word


def carried_verb(doc: Any) -> int | None:
    """The index of the verb a question's "do" carries that the parser read as a noun. After a
    fronted wh-phrase, "do/does/did" is an auxiliary whose verb follows its subject in the base
    form ("what subsidy do families with moderate disability *get* in Tai'an"); a parse making
    the auxiliary the main verb with no base form after it has read that verb as the subject's
    last noun: the first lower-case singular noun without a determiner that closes a phrase (a
    preposition, a determiner or the end follows) and that reads as a verb after "to"."""
    aux = next((t for t in doc if t.lower_ in {"do", "does", "did"}), None)
    if aux is None or aux.dep_ != "ROOT" or aux.tag_ not in {"VBP", "VBZ", "VBD"} or not any(
            t.tag_ in WH_TAGS for t in doc[:aux.i]) or any(t.tag_ == "VB" for t in doc[aux.i:]):
        return None
    for t in doc[aux.i + 2:]:
        # A verb ends the subject's clause, as a wh-word does, but a participle of a noun in it
        # ("residents *aged* 60 to 64 pay"; not one spelled as the base form: "did it *set*").
        if (t.pos_ in {"VERB", "AUX"} and not (t.tag_ in {"VBG", "VBN"} and t.dep_ in {
                "acl", "amod"} and t.lower_ != t.lemma_.lower())) or t.tag_ in WH_TAGS:
            return None
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        closes = after is None or (after.pos_ in _CLOSING and after.text != "-")
        if closes and t.tag_ == "NN" and t.is_lower and not any(
                c.dep_ in {"det", "poss"} for c in t.children) and _verb(t.lower_):
            return int(t.i)
    return None


@lru_cache(maxsize=1024)
def _verb(word: str) -> bool:
    """Whether spaCy's tagger reads ``word`` as a verb's base form after the infinitive's "to"."""
    with TAGGING:
        return str(english("tags")(f"to {word}")[1].tag_) == "VB"
