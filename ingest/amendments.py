"""What a document says of *other* documents' validity: the ones it repeals or replaces
("原《…》同时废止", "replaces the 2022 plan") and the ones whose validity it extends
("决定将《…》有效期延长至2023年12月31日"). ``ingest.validity`` reads what it says of itself;
``app.store.validity`` joins both across the store.
"""

from __future__ import annotations

import json
import re
from typing import Any

_TITLE = re.compile(r"《([^》]{2,80})》")
_REPEALS_ZH = re.compile(
    r"(?:原|此前印发的|同时)?(?P<titles>(?:《[^》]{2,80}》[、和及与，,]?){1,6})"
    r"[^。；;]{0,20}?(?:同时|一并)?(?:废止|停止执行|不再执行|失效|作废)"
)
# A repeal by document number alone ("原安政办发〔2021〕15号文件同时废止").
_NUMBER = (r"[\u4e00-\u9fff]{1,12}\s?[〔\[［【(（]\s?(?:19|20)\d\d\s?[〕\]］】)）]"
           r"\s?第?\s?\d{1,4}\s?号")
_REPEALS_NUMBER_ZH = re.compile(
    rf"(?P<numbers>(?:{_NUMBER}[、和及与，,]?){{1,6}})(?:文件|文)?[）)]?[^。；;《]{{0,10}}?"
    r"(?:同时|一并)?(?:废止|停止执行|不再执行|失效|作废)"
)
# English verbs of one document ending another ("replaces", "is repealed").
_REPEAL_VERBS_EN = "supersede|replace|repeal|revoke|rescind|succeed"
_REPEALS_EN = re.compile(
    rf"\b(?:(?:{_REPEAL_VERBS_EN})s?|takes?\s+the\s+place\s+of)"
    r"(?:,[^,.;\n]{2,40},)?\s+(?:the\s+)?(?P<title>[^.;\n]{4,120})"  # "replaces, from …, the …"
    r"|(?P<title2>[^.;\n]{4,120}?)\s+(?:is|are)\s+(?:hereby\s+)?(?:repealed|superseded|revoked"
    r"|rescinded)",
    re.IGNORECASE,
)
# A word either form of ``_REPEALS_EN`` needs: a text without one is not searched (its second
# form, a title before "is repealed", was tried from every character: ~7 ms a Chinese notice).
_REPEAL_WORD_EN = re.compile(rf"{_REPEAL_VERBS_EN}|takes?\s+the\s+place", re.IGNORECASE)
# 将《…》有效期延长至…, 《…》的执行期限延长到…, "extends the … until 31 December 2023".
_EXTENDS_ZH = re.compile(
    r"《(?P<title>[^》]{2,80})》[^。；;《]{0,12}?(?:有效期|执行期|实施期|执行期限|实施期限)?"
    r"(?:延长|延续|顺延)(?:至|到)\s*(?P<until>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
)
_EXTENDS_EN = re.compile(
    r"\bextends?\s+(?:the\s+(?:validity|term)\s+of\s+)?(?:the\s+)?(?P<title>[^.;\n]{4,120}?)"
    r"\s+(?:until|to|through)\s+(?P<until>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?"
    r"\s+\d{4}|\d{4}-\d{2}-\d{2})"
)


def repealed(text: str) -> list[str]:
    """The titles (or, in English, the names such as "the 2022 plan"; or document numbers,
    安政办发〔2021〕15号) ``text`` repeals."""
    titles: list[str] = []
    for match in _REPEALS_ZH.finditer(text):
        titles += _TITLE.findall(match.group("titles"))
    for match in _REPEALS_NUMBER_ZH.finditer(text):
        titles += [re.sub(r"^(?:原|此前|前)|\s", "", n)
                   for n in re.findall(_NUMBER, match.group("numbers"))]
    for match in _REPEALS_EN.finditer(text) if _REPEAL_WORD_EN.search(text) else ():
        title = (match.group("title") or match.group("title2") or "").strip()
        title = re.sub(r"^(?:the|this)\s+", "", title, flags=re.IGNORECASE)
        if title and not re.match(r"(?:this|these)\b", title, re.IGNORECASE):
            titles.append(title.strip(" \"'“”"))
    return list(dict.fromkeys(titles))


def extended(text: str, read_date: Any) -> list[list[str]]:
    """[title, new last day (ISO)] of each document whose validity ``text`` extends;
    ``read_date`` reads a written date."""
    found = []
    for match in [*_EXTENDS_ZH.finditer(text), *_EXTENDS_EN.finditer(text)]:
        day = read_date(match.group("until"))
        title = re.sub(r"^(?:the|this)\s+", "", match.group("title").strip(), flags=re.I)
        if day is not None and title:
            found.append([title.strip(" \"'“”"), day.isoformat()])
    return found


def amendment_fields(text: str, read_date: Any) -> dict[str, str]:
    """The metadata fields of what ``text`` does to other documents (absent when nothing)."""
    fields = {}
    if titles := repealed(text):
        fields["supersedes"] = json.dumps(titles, ensure_ascii=False)
    if extensions := extended(text, read_date):
        fields["extends"] = json.dumps(extensions, ensure_ascii=False)
    return fields
