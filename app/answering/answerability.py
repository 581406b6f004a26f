"""Whether the retrieved passages can answer a question, decided in one place. A refusal has
one ``code`` and its message in both languages: ``place_not_stored`` (no stored document is about
the places it names), ``place_not_stated`` (it names a place below its documents' place, a street
of a district, that the answering passages never name), ``acronym_unmentioned``,
``kind_not_stated`` (the passages on its topic never state the kind of detail asked: a "when"
over undated sentences) and ``no_passage`` (no sentence supports it well enough). What a question
asks comes from ``question_kinds``; what a sentence holds, from the entities trained NER (spaCy
``en_core_web_sm``, Baidu LAC) found in it at ingest, stored with its chunk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from app import numerals
from app.answering import question_kinds as kinds
from app.answering.citations import Scored, Sentence
from app.answering.question_kinds import DISTRIBUTIVE, QUESTION_WORDS, Kind
from app.answering.sentence_forms import in_context
from app.chinese_words import locates, modifies_next
from app.figure_wholes import of_whole, share_of
from app.mastheads import in_frame
from app.measures import says, stated_alike
from app.models import RefusalCode
from app.numerals import BARE_PHONE, DUE, FREQUENCY, NAMES_A_DAY, YEAR, YEAR_SPAN, values_stated
from app.retrieval.acronyms import is_acronym, unmentioned
from app.retrieval.counted import asked_counts, states_count_of
from app.retrieval.dictionary import english_terms, naming
from app.retrieval.document_questions import DOCUMENT, ISSUING
from app.retrieval.doers import done_by_another
from app.retrieval.enumeration import listed_count, lists
from app.retrieval.gazetteer import names_any
from app.retrieval.glossary import ENGLISH_VARIANTS, with_bounds
from app.retrieval.hybrid import RetrievalResult
from app.retrieval.locatives import says_where
from app.retrieval.partitives import counts_a_part
from app.retrieval.place_inference import PlaceInference, part_of_a_name
from app.retrieval.sanctions import STATES
from app.retrieval.taggers import ASKS_NOW, acts, asks_what_was, states_a_rule, states_an_aim
from app.retrieval.time_owner import owned_otherwise, sentence_head
from app.store.chunk_entities import ENTITIES_KEY, chunk_entities, listed_with
from app.text import ITEM, ORG_HEAD, ZH_BODY_NAME, clause_around, has_cjk, paragraph_before, titled

# The level words of places below a city and of addresses (Chinese ones end the name).
_SITE = re.compile(r"(?:区|县|镇|乡|街道|[路街巷道]|\d+号)$|\b(?:District|County|Town(?:ship)?"
                   r"|Street|Road|Avenue)\b")
_SPANS = re.compile(r"(?i)\b(?:periods?|years|time ?frame|until \w+ year)\b|哪几年|到哪一?年|期限")
# Labels of what a title may name as its subject (a quoted platform, firm or place).
_NAMES = frozenset({"PERSON", "ORG", "PLACE"})
_TOWARDS = re.compile(r"[向到至往在](?:所在地?|当地|属地)?$")  # 向所在街道办事处提交, 设在市民政局
WEB_ADDRESS = re.compile(r"\bhttps?://|\bwww\.[\w-]+\.", re.I)
_ANY_BODY = re.compile(r"bod|organi[sz]ation|institution|entit|agenc")  # every body is one
_ZH_ANY_BODY = re.compile(kinds.ZH_ANY_BODY)  # 哪个部门 asks any body: a name of one (ZH_BODY_NAME)
# An English noun after a determiner names one ("the city's first enterprise"); without one, any.
_DETERMINED = r"\b(?:the|its|their|[\w-]+['’]s)\s+(?:[\w,-]+\s+){0,4}?"


def sentence_labels(sentence: Sentence, question: str, places: tuple[str, ...] = (),
                    asked: Callable[[str], bool] = lambda _: False) -> set[str] | None:
    """Labels of ``unstated_entities``; None when its chunk was stored without NER."""
    if (found := unstated_entities(sentence, question, places, asked)) is None:
        return None
    if done_by_another(question, sentence.text):  # another body's act: none of its details
        return set()
    labels, bodies = {label for *_, label in found}, _bodies(question)
    if "NUMBER" not in labels and states_count_of(sentence.text, asked_counts(question),
                                                  question):
        labels.add("NUMBER")  # a count of the noun asked, by the parse: NER misses some
    if not counts_a_part(sentence.text, question):  # "how many of the 25 tasks": none of tasks
        labels.discard("NUMBER")  # (a share may: "two thirds of the owners")
    if bodies and any((not modifies_next(sentence.text, body.end()) if has_cjk(body[0]) else (
            " ".join(body[0].split()[-2:]).lower() not in question.lower())) and acts(
            sentence.text, *body.span(), question) for body in bodies[0].finditer(sentence.text)):
        labels.add("ORG")  # a body of the kind asked, not the one asked about ("the … office")
    opening = sentence.text[item.end():] if (item := ITEM.match(sentence.text)) else sentence.text
    # A target's figures ("(5) Build …", "By 2025, …") tell neither what there is now nor what there
    # was in a year the question names and they do not (30 base stations by 2025 for 2023).
    years = set(YEAR.findall(YEAR_SPAN.sub(" ", question))) - set(YEAR.findall(context := (
        f"{_before(sentence)} {sentence.text}")))
    if ((ASKS_NOW.search(question) or years) and states_an_aim(opening, _before(sentence))) or (
            (asks_what_was(question) or (years and Kind.TALLY in kinds.asked_kinds(question)))
            and states_a_rule(opening)):  # "did it build", "build in 2027": a rule sets none
        labels -= set(Kind.COUNT.value)
    if sum_shares(question, sentence.chunk.text, found):  # a share setting the sum asked
        labels.add("MONEY")
    # Its sums are of another thing unless it, its lead-in, section or title say which one is asked
    # (生活补贴 for 住房补贴; "AI" says 人工智能); an English word is not sought in Chinese.
    said = f"{sentence.chunk.metadata.get('title', '')} {sentence.chunk.section} {context}"
    if (which := naming(kinds.asked_sum(question)[1])) and (has_cjk(question) or not has_cjk(
            sentence.text)) and not which.search(said if has_cjk(said) else with_bounds(said)):
        labels.discard("MONEY")
    listed = {"ITEMS"} if (n := listed_count(question)) and lists(sentence.text, n) else set()
    listed |= {"PLACE"} if any(label == "ORG" and _TOWARDS.search(sentence.chunk.text, max(
        0, s - 5), s) for s, _, label in found) or locates(sentence.text, question) or (
            "PLACE" not in labels and says_where(sentence.text, question)) else set()  # (a body
    # one is sent to is a where; so is a facility after the coverb asked: 在发热门诊, "on the
    # government cloud"; a sentence naming a place is not parsed for one)
    # An item after "；" leaves its head's period unsaid (…每人每年40元；选择300元档次的，补贴50元).
    head = re.search(r"[^。]*；$", _before(sentence).rstrip())
    return labels | listed | _forms(sentence.text) | (_forms(head[0]) & {"RATE"} if head else set())


def sum_shares(question: str, text: str, found: list[tuple[int, int, str]]
               ) -> list[tuple[int, int]]:
    """The shares of ``found`` (offsets into ``text``, a chunk's) setting the sum a question asks
    by its noun in no currency (投入不低于多少): a share of it ("5% of the …"), one its clause
    sets the sum at after naming it ("补贴标准提高到80%"; not "利息的50%给予贴息" for 贴息, a
    share of the interest), or one measuring it, right before it (缴费的50%的补贴, 全额贴息)."""
    if not (of := naming(kinds.asked_sum(question)[0])) or QUESTION_WORDS[Kind.MONEY].search(
            question):
        return []
    return [(s, e) for s, e, label in found if label == "PERCENT" and (share_of(
        text, s, e, of) or (has_cjk(question) and (of.search(text, clause_around(
            text, s, e)[0], s) or of.match(text, e + (text[e:e + 1] == "的")))))]


# How often (each period, 按季度, 一天一检); a phone however bare (孙霖 89151053); a day; a date
# NER misreads ("…2024-08-15click:0") or due after an event (后3个月内); a span of time ("2 years",
# which NER may misread); a web address, where a thing is published, or a site named (市政府网站);
# an e-mail address.
_FORMS = {"RATE": FREQUENCY, "PHONE": BARE_PHONE, "DAY": NAMES_A_DAY, "DATE": DUE,
          "SANCTION": STATES,
          "TIME": re.compile(rf"{numerals.EN_SPAN_OF_TIME.pattern}|"
                             rf"{numerals.ZH_SPAN_OF_TIME.pattern}", re.I), "PLACE": WEB_ADDRESS,
          "EMAIL": re.compile(r"[\w.%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+"),
          "WEB": re.compile(rf"{WEB_ADDRESS.pattern}|网站|官网|\bwebsites?\b", re.I)}


@lru_cache(maxsize=8192)  # a sentence's own (~0.13 ms), and the same ones come back per question
def _forms(text: str) -> frozenset[str]:
    return frozenset(label for label, form in _FORMS.items() if form.search(text))


def unstated_entities(sentence: Sentence, question: str, places: tuple[str, ...] = (),
                      asked: Callable[[str], bool] = lambda _: False
                      ) -> list[tuple[int, int, str]] | None:
    """Entities of ``sentence`` (chunk offsets, label) but a title's, an item's, and those the
    question states (figures, 3.1亿元 as 310 million; ``places``; names: ``asked``) or gives."""
    if not isinstance(raw := sentence.chunk.metadata.get(ENTITIES_KEY), str):
        return None
    offset, text = sentence.start - sentence.chunk.start, sentence.chunk.text
    titles = titled(text, offset, offset + len(sentence.text))
    first = item.end() if (item := ITEM.match(text, offset)) else offset  # "(1)" is no figure
    # A "person" inside or running on from an organisation's or place's name ("the Pazhou …
    # Industry" ORG, "Cluster Zone" PERSON), or with digits ("2024-08-15click"), is misread.
    entities, named_spans, names = chunk_entities(raw, text)  # with ratios (5:5) as shares
    found, bodies, stated = [], _bodies(question), values_stated(question)
    whole = naming(kinds.asked_whole(question))  # given: its total answers no part of it
    last = offset + len(sentence.text)  # the chunk's other sentences' entities are not read
    for start, end, label, *value in (e for e in entities if e[0] >= first and e[1] <= last):
        named = text[start:end].strip()
        if label == "ORG" and bodies and bodies[1] and any(map(bodies[1].search, listed_with(
                raw, text).get(start, (named,)))):  # its list's members are of its kind
            continue  # another kind of body is no firm ("… Big Data Center" for "which company")
        if label in {"ORG", "PERSON"} and not acts(sentence.text, start - offset, end - offset,
                                                   question):  # not in the role asked
            continue  # "… the master plan for the Pazhou … Zone" names no one who builds
        if label == "NUMBER" and re.match(r"-[A-Za-z]" if " " in named else r"-?[A-Za-z]",
                                          text[end:end + 2]):  # NER cut a word: "5" of "5G"
            continue  # "a one-time award", "a two-year plan", 5G: a number inside a word
        if label not in _NAMES and (numerals.measured_otherwise(question, text, start, end) or (
                owned_otherwise(question, text[offset:last], start - offset, end - offset,
                                sentence_head(text[:offset])))):
            continue  # another measure than the count asked (110 for 拘留几天); another event's
        label = "PERCENT" if label == "NUMBER" and re.search(  # ‰; a multiple (3倍), a ratio
            "分之|‰|倍", text[start:end + 1]) else (
            "RATE" if label in {"DATE", "TIME"} and DISTRIBUTIVE.fullmatch(named) else label)
        if label == "PERSON" and (named in names or any(  # touching one
                not text[e:start].strip() if e <= start else end <= s and not text[end:s].strip()
                for s, e in named_spans) or any(map(str.isdigit, named))):
            continue
        if says(question, named.replace("年度", "年")) or (set(value) & stated and stated_alike(
                question, value, text, start, end)) or (label in _NAMES and asked(named)) or (
                whole and label in {"NUMBER", "MONEY"} and of_whole(text, start, end, whole)
                ) or in_frame(text, start, end, question):  # who told it, when: not what
            continue
        # A place the question names (漳州 of 漳州市); an acronym stands for words: spaCy's "AI".
        if label == "PLACE" and (any(place in named for place in places) or named.rstrip(
                "市区县省") in question or is_acronym(named)):
            continue
        title = next((text[a:b] for a, b in titles if a <= start and end <= b), None)
        if label == "DATE" and not title and _issues(question, text,
                                                     *clause_around(text, start, end)):
            continue  # the day a document was issued tells no other event's ("a deadline")
        if title and label not in _NAMES and not (label == "DATE" and YEAR_SPAN.fullmatch(named)
                and (asked(title) or (_SPANS.search(question) and names_any(title, places)))):
            continue  # but the years a plan asked of (or the place's, years asked) covers
        found.append((start, end, label))
        if label == "PLACE" and _SITE.search(named):
            found.append((start, end, "SITE"))
    return found


def _issues(question: str, text: str, start: int, end: int) -> bool:
    """Whether a date's clause ``text[start:end]`` issues a document the question asks no issue
    of, nor names ("issued a notification in November 2025" for a deadline to submit a plan)."""
    return not ISSUING.search(question) and bool(ISSUING.search(text, start, end)) \
        and not any((named := naming(m.group())) and named.search(text, start, end)
                    for m in DOCUMENT.finditer(question))


@lru_cache(maxsize=256)
def _bodies(question: str) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    """How a sentence names the kind of body a "which department"/"哪家银行" question asks one
    of though no NER tags it ("the finance department"); of a firm or bank, others' names."""
    noun = m.group(0).split()[-1] if (m := QUESTION_WORDS[Kind.ORG].search(question)) else ""
    noun = noun[-2:] if has_cjk(noun) else noun.lower()
    if not noun and QUESTION_WORDS[Kind.WHO].search(question):  # any body ("the regulator")
        return re.compile(rf"{_DETERMINED}{kinds.ORG_NOUNS_EN}\b", re.I), None
    if _ANY_BODY.match(noun):  # "which advisory body": also a name NER missed, however long
        return re.compile(rf"{_DETERMINED}{kinds.ORG_NOUNS_EN}\b|(?-i:(?:[A-Z][\w-]*\s+){{1,8}})"
                          rf"{kinds.ORG_NOUNS_EN}\b", re.I), None
    if not noun or noun in {"哪家", "什么"}:
        return None
    ways = [noun, ENGLISH_VARIANTS.get(noun, ""),
            *(e for term in english_terms(noun) for e in term.english)]
    # Plural or singular; a Chinese name ends in its noun (合作银行); an English one follows a
    # determiner ("the city's first enterprise"), without which it is any ("support enterprises").
    kind = "|".join(re.escape(re.sub("(?:ies|y|s)$", "", w)) for w in ways if w)
    names_one = "|".join([*(rf"(?<![a-z]){w}" if has_cjk(w) else _DETERMINED + w
                            for w in kind.split("|")), *[ZH_BODY_NAME] * bool(
                                _ZH_ANY_BODY.fullmatch(noun))])
    # Names of bodies not of a kind of its own: not headed by its noun (but by another's).
    other = rf"^(?!.*(?:{kind})\w*(?:$|\s+of\b))" + ("" if re.search(
        kinds.NAMED_BY_KIND, kind, re.I) else rf".*(?:{ORG_HEAD.pattern})")
    return re.compile(names_one, re.I), re.compile(other, re.I) if kinds.OWN_KIND.search(
        kind) else None


def lacks(kinds: set[Kind], labels: set[str] | None) -> set[Kind]:
    """The kinds asked that the sentence holds no entity of (none when it is unknown)."""
    return set() if labels is None else {kind for kind in kinds if not labels & set(kind.value)}


def refusal_before_ranking(question: str, retrieval: RetrievalResult
                           ) -> tuple[RefusalCode, list[str]] | None:
    """A refusal's code without reading sentences, and the names at fault: a place no document
    is about, an unmentioned acronym."""
    missing = [m for m in retrieval.places.missing
               if not part_of_a_name(question, m, [h.chunk.text for h in retrieval.hits])]
    if missing and not retrieval.places.held:
        return "place_not_stored", missing
    if missing := unmentioned(question, (h.chunk.text for h in retrieval.hits)):
        return "acronym_unmentioned", missing
    return None


def at_level(ranked: list[Scored], places: PlaceInference) -> tuple[list[Scored], bool]:
    """The sentences that answer at the level of the places the question names (a street's
    question is not answered by its district's sentence), and whether any was left out."""
    kept = [s for s in ranked if places.at_level(
        s.sentence.chunk.doc_id, f"{s.sentence.chunk.section} {in_context(s.sentence)}",
        _before(s.sentence))]
    return kept, len(kept) < len(ranked)


def _before(sentence: Sentence) -> str:  # whose places or goal year it may speak of
    return paragraph_before(sentence.chunk.text[:max(0, sentence.start - sentence.chunk.start)])
