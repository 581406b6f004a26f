"""What a document says about itself: title, issuer, addressees, date, document number and
language.

A city's own files come without a manifest, yet an official document states its own facts in
a fixed layout (GB/T 9704, the national standard for official documents): the issuing organ
and the document number (发文字号, ``川疫指发〔2020〕17号``) at the top, the title
(``[发文机关]关于[事由]的[文种]``), and the closing signature (落款, ``ingest.signature``) of
issuer and date at the end (``泰州市人民政府 2020年2月4日``). English notices state theirs as a
title line, "Issued by …" and a date. Texts flattened onto one line (web copies) keep the layout
as runs of white space, so the reading below works on white-space-separated segments, not on
lines.

Dates are normalized in ``ingest.dates`` (by ``jionlp`` for Chinese); only facts the text
states are returned, and a manifest's values win over them (``ingest.pipeline``).
"""

from __future__ import annotations

import re
from typing import Any

from app.text import CJK_CHARS, ZH_ORG_END
from ingest.dates import EN_DATE, ZH_DATE, english_date, normalized_date, stands_alone
from ingest.signature import FORWARDED, ISSUER_MAX, closing_signature

_CJK = CJK_CHARS
_CJK_CHAR = re.compile(f"[{_CJK}]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")

# How far into the text the head (版头: issuer, number, title) is looked for.
HEAD_CHARS = 400
TITLE_MAX = 120
DATELINE_MAX = 100

# The kinds of official document (文种) a Chinese title ends with: the fifteen of the Party and
# government document regulations (党政机关公文处理工作条例) and the usual kinds of normative
# document (规范性文件), with the forms they take in titles.
_KINDS = (
    "通知|通报|公告|通告|意见|决定|决议|命令|令|公报|报告|请示|批复|议案|函|纪要|办法|规定|"
    "细则|规则|规程|条例|措施|方案|规划|计划|纲要|要点|指南|指引|须知|提示|倡议书|公开信|"
    "答复|说明|解读|问答|名单|目录|清单|标准"
)
_TITLE = re.compile(
    rf"^(?:.{{0,60}}关于.{{2,100}}的|.{{2,60}})(?:{_KINDS})(?:[(（].{{1,20}}[)）])?$"
)
_BOOK_TITLE = re.compile(r"《([^《》]{4,100})》")
_ORG_BEFORE_ABOUT = re.compile(rf"^([{_CJK}（）()、]{{2,40}}?)(?:印发|转发|联合印发)?关于")
# 发文字号: organ abbreviation + 〔year〕 + number + 号, or "…公告2020年第8号".
_DOC_NUMBER = re.compile(
    rf"[{_CJK}]{{1,20}}\s?[〔\[［【(（]\s?(?:19|20)\d\d\s?[〕\]］】)）]\s?第?\s?\d{{1,4}}\s?号"
    rf"|[{_CJK}]{{0,20}}(?:公告|令)\s?(?:19|20)\d\d\s?年\s?第\s?\d{{1,4}}\s?号"
)
# The same number in an English rendering, on a line of its own: the organ abbreviation in
# pinyin syllables ("Lin Zheng Ban Fa [2025] No. 14", "Guo Ban Fa (2020) No. 5"), after the
# line's label if it has one ("Document No.: …", "File Number: …").
_EN_DOC_NUMBER = re.compile(
    r"^[ \t]*(?:(?:Document|Doc\.|File|Reference|Ref\.)[ \t]+(?:No\.|Number)[ \t]*[:：]?[ \t]*)?"
    r"((?:[A-Z][a-z]*\.?[ \t]){1,6}[\[(〔［【][ \t]?(?:19|20)\d\d[ \t]?[\])〕］】]"
    r"[ \t]?No\.?[ \t]?\d{1,4})[ \t]*$", re.M)
_YEAR_IN_NUMBER = re.compile(r"((?:19|20)\d\d)")
_EN_ISSUER = re.compile(
    r"\b(?i:issued by|issuing (?:body|authority|agency)\s*:|issuer\s*:|published by)\s*:?\s*"
    # A comma ends the name, but in a list of its own words ("Bureau of Culture, Radio,
    # Television and Tourism"): a capitalised word then a comma or "and".
    r"(?:the\s+)?([A-Z][^.;\n]{2,120}?)"
    r"(?=\s*(?:[.;\n]|,\s(?![A-Z][a-z]+(?:,|\s+and\b))|\son\s|\sin\s|$))",
)
# English organization names end in the word for their kind of body, or name it before "of".
_EN_ORG = re.compile(
    r"\b(?:Bureau|Office|Commission|Government|Committee|Department|Administration|Ministry|"
    r"Council|Agency|Authority|Centre|Center|Court|Procuratorate|Headquarters|Corporation|"
    r"Company|Bank|Association|Federation|University|Institute)(?: of [A-Z][\w ,&'-]*)?$"
)
_DATE_LABEL = re.compile(r"\b(?i:issued|published|released|dated?|release time)\b")
_SENTENCE_END = re.compile(r"[。！？；!?]")
# The addressees (主送机关) head the body on a line of their own, ending in a colon: "各县、区人民
# 政府，市政府各部门：", "To the people's governments of all counties …:".
_ADDRESSEES = re.compile(
    rf"(?:^|(?<=\s))((?:各|[{_CJK}]{{2,30}}(?:政府|部门|单位|委办局|管委会))[^。！？：:\s]{{0,120}}?)"
    r"[：:](?=\s)"  # a segment of its own: web copies flatten the lines into one
    r"|^[ \t]*(To (?:the |all )[^.!?\n]{5,240}?):[ \t]*$", re.M)
_SEGMENT = re.compile(r"\S+")


def language_of(text: str) -> str | None:
    """"zh" when the Han characters, each counted as three Latin letters (a Chinese word is
    one or two characters, an English one about five letters), outweigh the Latin letters, else
    "en"; None for text with neither (figures, punctuation). A Chinese sentence with Latin
    acronyms stays "zh", an English one naming a Chinese place stays "en".
    """
    han = len(_CJK_CHAR.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if han == 0 and latin == 0:
        return None
    return "zh" if han * 3 >= latin else "en"


def document_facts(text: str) -> dict[str, Any]:
    """The facts ``text`` states about itself, as stored metadata (only those found)."""
    language = language_of(text)
    facts: dict[str, Any] = {"language": language} if language else {}
    found = _chinese_facts(text) if language == "zh" else _english_facts(text)
    facts.update({k: v for k, v in found.items() if v})
    if "year" not in facts and (published := facts.get("published")):
        facts["year"] = int(published[:4])
    return facts


def _segments(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SEGMENT.finditer(text)]


def _chinese_facts(text: str) -> dict[str, Any]:
    head = text[:HEAD_CHARS]
    title = _chinese_title(head)
    number = _DOC_NUMBER.search(head)
    doc_number = re.sub(r"\s", "", number.group(0)) if number else None
    issuer, published = closing_signature(text)
    if issuer is None:
        issuer = _issuer_at_top(head, title)
    if published is None:
        published = _first_date(head)
    facts: dict[str, Any] = {
        "title": title,
        "issuer": issuer,
        "addressees": _addressees(head),
        "doc_number": doc_number,
        "published": published,
    }
    if doc_number and not published and (year := _YEAR_IN_NUMBER.search(doc_number)):
        facts["year"] = int(year.group(1))
    return facts


def _chinese_title(head: str) -> str | None:
    """The official title in the head (``[organs]关于…的[kind]``, possibly wrapped over two
    segments), else the first segment unless it only names an organ (a headline), else a
    《…》 title the first sentence names, else the first segment."""
    first_sentence = head[:_first_end(head)]
    segments = [head[s:e].strip("：:") for s, e in _segments(first_sentence)]
    for index, segment in enumerate(segments):
        if "关于" not in segment or _DOC_NUMBER.search(segment):
            continue
        title, following = segment, segments[index + 1 : index + 4]
        while not _TITLE.match(title) and following and len(title) < TITLE_MAX:
            title += following.pop(0)  # a long title wrapped onto the next line
        if not _TITLE.match(title) or len(title) > TITLE_MAX:
            continue
        if not title.startswith("关于"):  # "税务总局关于…": the organs before it belong to it
            organs = _organs_before(segments, index)
            title = " ".join([*organs, title])
        return title
    first = segments[0] if segments else ""
    if first and not (ZH_ORG_END.search(first) and len(first) <= ISSUER_MAX):
        return first[:TITLE_MAX]
    if quoted := _BOOK_TITLE.search(first_sentence):
        return quoted.group(1)
    return first[:TITLE_MAX] or None


def _first_end(head: str) -> int:
    """Where the head's first sentence ends. A headline's ！ or ？ inside its first segment,
    run on by more headline ("全是干货！重庆税务十项举措为企业纾困解难 今（12）日…"), ends no
    sentence: cut there, the title kept only the exclamation, without the place and topic."""
    first = _SEGMENT.search(head)
    headline = first is not None and len(first.group()) <= TITLE_MAX \
        and not re.search("[。；]", first.group())
    for end in _SENTENCE_END.finditer(head):
        if not (headline and first is not None and end.end() < first.end()
                and end.group() in "！？!?"):
            return end.start()
    return len(head)


def official_title(title: str) -> bool:
    """Whether ``title`` is an official document's (``…关于…的通知``, ``…若干措施``), not a
    report's headline."""
    return bool(_TITLE.match(title.strip()))


def _organs_before(segments: list[str], index: int) -> list[str]:
    """The segments just before ``segments[index]`` that name organs ("财政部 海关总署")."""
    organs: list[str] = []
    for segment in reversed(segments[:index]):
        if not ZH_ORG_END.search(segment) or len(segment) > ISSUER_MAX or segment in organs:
            break
        organs.insert(0, segment)
    return organs


def _issuer_at_top(head: str, title: str | None) -> str | None:
    """The organ a title names before 关于, else the organs named just before the title."""
    if title and (match := _ORG_BEFORE_ABOUT.match(title)) and ZH_ORG_END.search(match.group(1)):
        return FORWARDED.sub("", match.group(1))
    first_sentence = _SENTENCE_END.split(head, 1)[0]
    segments = [head[s:e] for s, e in _segments(first_sentence)]
    # A page may head the document with its title, then give the organ and the title again:
    # the organs stand before the title's first occurrence that follows any.
    at = next((i for i, segment in enumerate(segments) if title and _organs_before(segments, i)
               and title.replace(" ", "").startswith(segment)), None)
    if title and " " in title:
        organs = [part for part in title.split()[:-1] if ZH_ORG_END.search(part)]
        if organs:
            return " ".join(organs)
    organs = _organs_before(segments, at) if at is not None else []
    return " ".join(organs) or None


def _first_date(head: str) -> str | None:
    """A date the head states as the document's own: standing alone (``（2020年2月10日）``, a
    line of its own, after ``发布时间：``), not a date its sentences mention."""
    for found in ZH_DATE.finditer(head):
        if stands_alone(head, found):
            return normalized_date(found.group(0))
    english = EN_DATE.search(head)
    return english_date(english) if english else None


def _english_facts(text: str) -> dict[str, Any]:
    """The title line (after an organ's name heading the text), "Issued by …" or the organ
    signing at the end or heading the text, and a dateline or the closing date."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    # An organ's name heads the text when a title line follows it (not a date, not a sentence).
    heads = len(lines) > 1 and _is_english_organ(lines[0]) and len(lines[1]) <= 2 * TITLE_MAX
    heads = heads and not lines[1].endswith(".") and not EN_DATE.match(lines[1])
    top_organ = lines[0] if heads else None
    title = lines[1] if heads else (lines[0] if lines else "")
    if len(title) > 2 * TITLE_MAX:  # a paragraph, not a title line: its first sentence
        first_sentence = re.split(r"(?<=[.!?])\s", title, maxsplit=1)[0]
        title = first_sentence if len(first_sentence) <= TITLE_MAX else title[:TITLE_MAX]
    closing_date = EN_DATE.fullmatch(lines[-1]) if lines else None
    signed = lines[-2] if closing_date and len(lines) > 2 else ""
    issued = _EN_ISSUER.search(text[: HEAD_CHARS * 5])
    issuer = (issued.group(1).strip() if issued
              else signed if _is_english_organ(signed) else top_organ)
    dateline = next((found for line in lines[:5]
                     if (found := EN_DATE.search(line)) and _is_dateline(line, found)), None)
    written = closing_date or dateline
    head = text[:HEAD_CHARS]
    number = _EN_DOC_NUMBER.search(head) or _DOC_NUMBER.search(head)
    return {
        "title": title or None,
        "issuer": issuer,
        "addressees": _addressees(head),
        "doc_number": number.group(number.lastindex or 0).strip() if number else None,
        "published": english_date(written) if written else None,
    }


def _addressees(head: str) -> str | None:
    """Whom the document is sent to: the colon-ended line opening its body."""
    found = _ADDRESSEES.search(head)
    return (found.group(1) or found.group(2)).strip() if found else None


def _is_dateline(line: str, found: re.Match[str]) -> bool:
    """A short line that is no sentence ("Release time: 2024-08-15"), one that says the date
    is the issue's ("Issued by … on 12 March 2024."), or a date opening a line."""
    short_line = len(line) <= DATELINE_MAX and not line.endswith(".")
    return short_line or bool(_DATE_LABEL.search(line, 0, found.start())) or found.start() < 10


def _is_english_organ(line: str) -> bool:
    """A line that only names an organization ("Dongguan Municipal Bureau of …")."""
    return len(line) <= ISSUER_MAX * 2 and not line.endswith(".") and bool(
        _EN_ORG.search(line))
