"""The body a Chinese question names as its source: the notices it issued or reports come first.

People ask of a notice by its issuer or its source, said as they say it ("人社部对失信的…怎么处理",
"国务院联防联控机制说…", "人民日报评论…"), while the question's other words are spread over every
notice of the topic: another city's copy of the same measure, a digest of the same news, a
national notice the issuer only implements. On realzh's tune questions the right notice lost
first place to such a neighbour in about one question in seven of those it lost. The body is
the one LAC tags an organisation (with the nouns that go on its name: 联防联控机制 after 国务院);
a notice names it in its opening — its title, issuer and 发文字号, or a report's lead — said in
full or shortened as Chinese shortens a name (人社部 of 人力资源社会保障部, 卫健委 of 卫生健康委).
The passages of the notices naming it are preferred, as a national question's national notices
are (``app.retrieval.hybrid``); when no candidate notice names it, nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from app.chinese_words import word_bounds
from app.retrieval.catalog import Catalog
from app.retrieval.found import Found
from app.retrieval.fusion import Ranking, preferring
from app.retrieval.named_things import question_tags
from app.retrieval.shortened import shortens
from app.text import CJK_RUN

# LAC's tags of the words that go on a body's name after the word it tags an organisation: a
# Chinese name is a noun phrase (国务院 联防 联控 机制; 税务总局 办公厅).
_NAME_GOES_ON = frozenset({"n", "vn", "nz", "ORG", "nt"})
_PLACE_TAGS = frozenset({"LOC", "ns"})  # LAC's tags of a place
_LEVELS = frozenset("省市区县")  # the levels of a division, a bare one the asker's own (本市)
# Characters of a document's text read as its opening (a report's title and lead: "新华社北京2月
# 6日电 …国务院联防联控机制…"), beside its stored title, issuer and document number.
OPENING = 150
# The largest share of the candidate documents naming a body for it to tell them apart.
NAMING_SHARE = 0.5
# Weight of the passages of the documents naming the body (as BM25's).
ISSUER_WEIGHT = 1.0
# The longest full name read for a short one, in its characters per the short one's.
_FULL_PER_SHORT = 4


@lru_cache(maxsize=512)
def question_bodies(question: str) -> tuple[str, ...]:
    """The body a Chinese question opens on, its subject: the word LAC tags an organisation
    that starts it (after a place at most: 重庆银保监局 of 重庆 银保监局), with the nouns after
    it; none when the question opens otherwise (a body after 在 or inside a modifier phrase,
    在各区市场监督管理局登记的企业, is what it asks about, not its source)."""
    tags = question_tags(question)
    at = 1 if tags and tags[0][1] in _PLACE_TAGS else 0
    if at >= len(tags) or tags[at][1] != "ORG":
        return ()
    name, at = tags[at][0], at + 1
    while at < len(tags) and tags[at][1] in _NAME_GOES_ON:
        name, at = name + tags[at][0], at + 1
    return (name,) if len(name) > 1 else ()


def names_body(opening: str, body: str) -> bool:
    """Whether ``opening`` names ``body``: as it is, or in full when ``body`` is its name
    shortened (after a part said as it is: 国家 卫健委 of 国家 卫生健康委)."""
    plain = "".join(opening.split())
    if body in plain:
        return True
    for run in CJK_RUN.findall(plain):
        start = run.find(body[0])
        bounds = word_bounds(run) if start >= 0 else frozenset()
        while start >= 0:
            # A name runs from a word's start to a word's end (部 of 部门 ends none) and holds
            # no 的, the particle of a modifier phrase.
            for end in range(start + len(body), min(len(run), start + _FULL_PER_SHORT
                                                      * len(body)) + 1):
                if run[end - 1] == body[-1] and {start, end} <= bounds \
                        and "的" not in run[start:end] and _shortened(body, run[start:end]):
                    return True
            start = run.find(body[0], start + 1)
    return False


def _shortened(short: str, full: str) -> bool:
    """``shortens``, after the part both open on; a name's last character, its organ noun
    (部, 局, 委, 办), is kept whole by its short form though a word holds it (社会保障部)."""
    kept = 0
    while kept < len(short) - 1 and short[kept] == full[kept]:
        kept += 1
    return any(shortens(short[k:], full[k:]) or shortens(short[k:-1], full[k:-1])
               for k in range(kept + 1))


def issuer_ranking(question: str, rankings: Sequence[Ranking], k: int,
                   doc_of: Callable[[str], str], catalog: Catalog) -> Ranking | None:
    """The passages of the documents whose opening names a body the question names, best
    first by the fusion so far; None when the question names none, or no candidate's
    document names one."""
    bodies = [b for b in question_bodies(question) if not _local(question, b, catalog)]
    if not bodies:
        return None
    ids = {cid for ranking in rankings if ranking.holder is None
           for cid in ranking.ids if cid is not None}
    naming = {doc for doc in {doc_of(cid) for cid in ids}
              if any(_names(opening(catalog, doc), body) for body in bodies)}
    # A body most candidate notices name (税务总局 of every tax bureau's notice) tells none apart.
    if not naming or len(naming) > NAMING_SHARE * len({doc_of(cid) for cid in ids}):
        return None
    return preferring(rankings, k, ISSUER_WEIGHT, lambda cid: doc_of(cid) in naming)


def _local(question: str, body: str, catalog: Catalog) -> bool:
    """Whether ``body`` is a place's office: it opens on a place the question names (重庆市税务局)
    or on a bare level word (市卫健委: the city's), read by the places' scoping already; its
    organ's name (税务局, 卫健委) is every place's and tells no notice of the place apart."""
    at = question.find(body)
    return body[0] in _LEVELS or any(s <= at < e for s, e in catalog.places.spans(question))


def issuer_rankings(question: str, rankings: Sequence[Ranking], k: int, found: Found,
                    catalog: Catalog) -> list[Ranking]:
    """``issuer_ranking`` of the passages ``found``, as a list to add (none or one)."""
    named = issuer_ranking(question, rankings, k, lambda cid: found.chunks[cid].doc_id, catalog)
    return [named] if named is not None else []


@lru_cache(maxsize=8192)
def _names(opening: str, body: str) -> bool:
    return names_body(opening, body)


def opening(catalog: Catalog, doc_id: str) -> str:
    """A stored document's title, issuer and number, and its text's first ``OPENING``
    characters (read from the store once per version of the document)."""
    doc = catalog.get(doc_id)
    if (doc_id, doc.doc_hash) not in _OPENINGS:
        meta = doc.metadata
        _OPENINGS[(doc_id, doc.doc_hash)] = " ".join(
            [*(str(meta.get(k) or "") for k in ("title", "issuer", "doc_number")),
             catalog.text(doc_id)[:OPENING]])
    return _OPENINGS[(doc_id, doc.doc_hash)]


_OPENINGS: dict[tuple[str, str], str] = {}
