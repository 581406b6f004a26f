"""Text primitives shared by ingestion and answering, so both cut sentences and tokens alike.

Sentences end at Chinese ``。！？；`` and at English ``.!?`` followed by white space and
something that can start a sentence. Spans are ``(start, end)`` offsets into the text given,
with surrounding white space excluded, so ``text[start:end]`` is the sentence itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import Stemmer

from app.chinese_words import load_jieba

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # a regex class body
_CJK = CJK_CHARS
_CLOSERS = "\"'”’）)」』】"
# A Chinese body's name ends in the word for its kind (市数据局, 管委会, 服务中心), the one table
# that ingest (a document's issuer) and answering (a bureau is no answer to 哪家公司) read;
# firms' words apart, since a question asking which company is answered by them, not a bureau.
ZH_FIRM_ENDS = "公司|集团|社"
# An organ's ending (市民政局, 管委会); a body's is one of these or of the words after them.
ZH_ORGAN_ENDS = "局|厅|委员会|委|办公室|政府|中心|管委会"
ZH_BODY_ENDS = (ZH_ORGAN_ENDS + "|办公厅|人大常委会|党委|常委会|指挥部|组|部|署|院|会|所|站|办|处"
                "|科|队|银行|协会|联合会|商会|学会|基金会|总局|分局|管理局|法院|检察院|监狱|医院|大学|学校|机构")
ZH_ORG_END = re.compile(rf"(?:{ZH_BODY_ENDS}|{ZH_FIRM_ENDS})$")
# The Chinese nouns every body is one of (哪个部门 asks any body, 印发单位 the issuing one).
ZH_ANY_BODY = "部门|单位|机构|机关|组织"
# A body's name as government writes it, its level first and its organ's word last (市财政局,
# 公安局交通警察支队车辆管理所), which LAC may not tag: a format of Chinese administrative names.
ZH_BODY_NAME = rf"[省市区县][\u4e00-\u9fff]{{1,14}}?(?:{ZH_BODY_ENDS})"
# English nouns naming an organisation, which a "which …" asks one of; the head of a body's name
# in either language (its last word, or the one before "of": "… Service Center", "Bureau of …",
# 市数据局), whatever NER's tag: the table ingest (a building's name) and answering read.
ORG_NOUNS_EN = (r"(?:department|agenc|organi[sz]ation|unit|bureau|bod|office|authorit|institution"
                r"|compan|firm|enterprise|college|school|institute|bank|hospital|universit|cent(?:er"
                r"|re)|commission|committee|administration|council|association|alliance|ministr"
                r"|regulator)(?:s|y|ies)?")
ORG_HEAD = re.compile(rf"\b{ORG_NOUNS_EN}(?:$|\s+of\b)|(?:{ZH_BODY_ENDS})$", re.I)

# A boundary is the position right after the terminator (and any closing quotes or brackets).
ZH_SENTENCE_END = re.compile(rf"[。！？；!?][{_CLOSERS}]*")
# A number sign's dot before its number ("Station No. 7", "[2023] No. 9), which") ends nothing.
_NUMBER_SIGN = r"(?:(?<=\b(?:No|pp))|(?<=\b(?:Nos|Art|Sec|Fig|Vol)))\.\s+\d"
_EN_END = re.compile(rf"(?!{_NUMBER_SIGN})[.!?][{_CLOSERS}]*(?=\s+[\"“‘(（A-Z0-9{_CJK}])")
_ENUMERATOR = re.compile(r"[(（]?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[)）]?\.")
CJK_RUN = re.compile(rf"[{_CJK}]+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# A quoted name or title ("the “i Shenzhen” app", 《…》): names a thing, says nothing of it.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》|‘[^’]*’")
# A quote holding a clause is speech ("“系统覆盖全市65家…，…”"), saying what a title does not.
_SPOKEN = re.compile(r"[，。；！？]|[,.;!?]\s")


def titled(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the quoted names and titles in ``text[start:end]`` (``QUOTED``), not of speech."""
    return [m.span() for m in QUOTED.finditer(text, start, end)
            if m.group().startswith("《") or not _SPOKEN.search(m.group())]
_TOKEN = re.compile(r"(?u)\w+")

STOPWORDS = frozenset(
    """
    a an and are as at be been but by can do does for from had has have how i if in into is
    it its itself may must of on or should so such than that the their them then there these
    they this to under was were what when where which while who whom whose why will with
    within would you your we our my me all any also other some according based including about over
    per each more most much many de
    的 了 和 与 及 是 在 对 为 中 等 将 个 年 多少 什么 哪些 哪个 如何 怎么 吗 呢
    """.split()
)

def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute spans; line breaks always end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text, start, end):
        cuts = sorted(
            {m.end() for m in ZH_SENTENCE_END.finditer(text, line_start, line_end)}
            | {m.end() for m in _EN_END.finditer(text, line_start, line_end)}
            | {m.end() for m in _LEAD_IN.finditer(text, line_start, line_end)}
        )
        piece_start = line_start
        for cut in [*cuts, line_end]:
            span = _strip(text, piece_start, cut)
            if span and _ENUMERATOR.fullmatch(text, span[0], span[1]) and cut != line_end:
                continue  # "1." or "(a)." numbers what follows; it is no sentence of its own
            if span:
                spans.append(span)
            piece_start = cut
    return spans


# What ends a clause; a comma or colon between digits is inside a figure ("1,000", "00:00"),
# a full-width colon too: Chinese text writes a time of day "00：00" as often as "00:00".
CLAUSE_END = re.compile(r"[，；;]|(?<!\d)[,:：]|[,:：](?!\d)")
# The marks closing a clause, a list item (、) or a line: where a figure's own clause stops.
CLAUSE_OR_ITEM_END = re.compile(r"[，,；;。、:：!?！？\n]")
# Where a question's clauses part: its commas and semicolons (a colon in a question is a time's).
QUESTION_CLAUSES = re.compile(r"[，,；;]")


# Sentences before a sentence, in its paragraph, it may speak of ("the center", "By 2025, …").
CARRIED_SENTENCES = 2


@lru_cache(maxsize=8192)  # per candidate sentence, as its chunk's sentences come back
def paragraph_before(head: str) -> str:
    """The last ``CARRIED_SENTENCES`` sentences of the paragraph ``head`` (a text up to a
    sentence) ends in."""
    paragraph = head[head.rfind("\n") + 1:]
    spans = sentence_spans(paragraph)[-CARRIED_SENTENCES:]
    return paragraph[spans[0][0]:] if spans else ""


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause of ``text`` holding ``start:end``, without its marks."""
    opening = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    return opening, next((m.start() for m in CLAUSE_END.finditer(text, end)), len(text))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of ``text`` as spans, each with its closing mark (none closes inside brackets)."""
    spans, start = [], 0
    for mark in CLAUSE_END.finditer(text):
        clause = text[start : mark.start()]
        if clause.strip() and sum(map(clause.count, "（(")) <= sum(map(clause.count, "）)")):
            spans.append((start, mark.end()))
            start = mark.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# An item of a parallel list opening on its own condition ("对态度不认真、落实不到位的，").
_CONDITION = re.compile(r"\s*对[^，；。：]*的，")


def opens_condition(item: str) -> bool:
    """Whether ``item``, after one closed by "；" in a list of measures by condition ("对A的，…；
    对B的，…"), states another condition's: a question naming its own did not ask it."""
    return bool(_CONDITION.match(item))


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline < 0 else newline
        yield pos, line_end
        pos = line_end + 1


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


_UNIT_WORD = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
_CLAUSE_MARK = re.compile(r"[，、；：]")


def bigram_units(text: str) -> set[str]:
    """The character bigrams of ``text``'s Chinese runs (a lone character as itself), a clause
    mark joining the runs it parts ("毕业生，每月" holds 生每 as "毕业生每月…" does), and its
    Latin words and numbers, lower case: what two texts share, no word segmentation needed."""
    return set(_bigram_units(text))  # a copy of the cached set, which every caller shares


@lru_cache(maxsize=32768)  # a candidate sentence is read again by each question it comes back to
def _bigram_units(text: str) -> frozenset[str]:
    found = {w.lower() for w in _UNIT_WORD.findall(text)}
    for run in CJK_RUN.findall(_CLAUSE_MARK.sub("", text)):
        found.update([run] if len(run) == 1 else (run[i : i + 2] for i in range(len(run) - 1)))
    return frozenset(found)


def said_by(text: str, units: set[str]) -> list[bool]:
    """Per character of ``text``, whether one of ``units`` (``bigram_units``) holds it there; a
    mark between words counts as held."""
    marked = [not c.isalnum() for c in text]
    for a, b in [(i, i + 2) for i in range(len(text) - 1) if text[i : i + 2] in units] + [
            w.span() for w in _UNIT_WORD.finditer(text) if w.group().lower() in units]:
        marked[a:b] = [True] * (b - a)
    return marked


# The characters in a row a question may leave unsaid of a sentence it restates: a word or two.
UNSAID_WORDS = 4


def says_more(text: str, units: set[str]) -> bool:
    """Whether ``text`` leaves more than ``UNSAID_WORDS`` characters in a row (within a clause)
    unsaid by ``units``: a heading or lead-in a question restates leaves a word or two; a
    sentence leaving more says them itself ("…查询工作按照各区市场监管部门的有关规定执行" of
    "…查询按什么执行": the answer stands where the question word does)."""
    runs = "".join(" " if held else "x" for held in said_by(text, units)).split()
    return max(map(len, runs), default=0) > UNSAID_WORDS


def alnum_only(text: str) -> str:
    """``text``'s letters and digits alone, of any script (punctuation and spaces dropped)."""
    return _NOT_ALNUM.sub("", text)


_NOT_ALNUM = re.compile(r"[\W_]+")


def has_cjk(text: str) -> bool:
    return CJK_RUN.search(text) is not None


def mostly_chinese(text: str, sample: int = 2000) -> bool:
    """Whether the text (its first ``sample`` characters) is written in Chinese: more Chinese
    characters than Latin letters, digits and signs aside (an English text quoting a Chinese
    term is not; a Chinese contact line full of phone numbers is)."""
    head = text[:sample]
    chinese = sum(len(run) for run in CJK_RUN.findall(head))
    return chinese > 0 and chinese >= len(_LATIN_LETTER.findall(head))


def segment(text: str) -> str:
    """Text with Chinese runs cut into words by jieba and joined by spaces (English untouched)."""
    if not has_cjk(text):
        return text
    jieba = load_jieba()
    return CJK_RUN.sub(lambda m: " " + " ".join(jieba.cut(m.group(0))) + " ", text)


# English words compared by their Snowball stems ("building" is "build"): one stemmer for the
# ranking of sentences, the briefing's topics and the questions asked across documents.
_STEMMER = Stemmer.Stemmer("english")


def stem_words(words: Iterable[str]) -> list[str]:
    """The Snowball stems of lower-cased ``words``, in order."""
    return list(_STEMMER.stemWords([w.lower() for w in words]))


def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word.lower()))


def content_tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stopwords, Chinese segmented: for overlap scoring."""
    return [t for t in _TOKEN.findall(segment(text).lower()) if t not in STOPWORDS]


def word_cut(text: str, start: int, limit: int) -> int:
    """End of the longest piece of ``text`` from ``start`` within ``limit`` characters that
    ends at a word boundary (a hard cut when the piece holds no space, as Chinese text does)."""
    end = start + limit
    if end >= len(text):
        return len(text)
    if text[end].isspace():
        return end
    space = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
    return space if space > start + limit // 2 else end


def pieces_of(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive spans of at most ``limit`` characters, cut at word
    boundaries, white space between them excluded."""
    spans: list[tuple[int, int]] = []
    while start < end:
        cut = min(word_cut(text, start, limit), end)
        span = _strip(text, start, cut)
        if span:
            spans.append(span)
        start = cut
    return spans


# An item's number opening its sentence: "(1)", "（一）", "3.", "二、".
ITEM = re.compile(r"\s*(?:[(（][\d一二三四五六七八九十]{1,3}[)）]"
                   r"|[\d一二三四五六七八九十]{1,3}[.、．](?!\d))")
# A measure's or part's label opening its heading ("(16) ", "3、", "二、"), with the space after it.
MEASURE_LABEL = re.compile(r"^\s*(?:[(（]?\d{1,3}[)）.、]|[一二三四五六七八九十]+、)\s*")
# A colon before a list's first item ends the lead-in ("…属于密切接触者： （1）…；"): the lead-in
# is a sentence of its own, as on a page whose items stand on lines of their own; not one between
# figures ("a ratio of 4:6.").
_LEAD_IN = re.compile(rf"(?<!\d)[：:](?={ITEM.pattern})")
