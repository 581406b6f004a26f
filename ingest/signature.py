"""The closing signature (落款) of a Chinese official document: the issuing organs and the date
that end its text (``泰州市人民政府 2020年2月4日``), per GB/T 9704. Organs may sign on lines of
their own, a short name with its characters spaced out (``财 政 部``), a long one wrapped over
two lines.
"""

from __future__ import annotations

import re

from app.text import ZH_ORG_END
from ingest.dates import ZH_DATE, normalized_date, stands_alone

# How far from the end the signature is looked for, and what may follow its date (a remark
# like "（此件主动公开）").
TAIL_CHARS = 300
SIGNATURE_TRAILER = 40
ISSUER_MAX = 80  # the longest issuer read (one organ or several)
# "转发…"/"印发…" before an organ's name in a closing line says what it did, not who it is.
FORWARDED = re.compile(r"^(?:转发|印发)")


def closing_signature(text: str) -> tuple[str | None, str | None]:
    """The 落款: the organs named just before the last date at the end of the text."""
    tail_start = max(0, len(text) - TAIL_CHARS)
    # The signature's date stands on a line of its own (or after the organs' names) and ends
    # the text, but for a remark like "（此件主动公开）".
    dates = [d for d in ZH_DATE.finditer(text, tail_start) if stands_alone(text, d)]
    last = dates[-1] if dates and len(text) - dates[-1].end() <= SIGNATURE_TRAILER else None
    published = normalized_date(last.group(0)) if last else None
    before = text[tail_start : last.start() if last else len(text)]
    # The closing line comes after the body's last sentence or its attachment list.
    cut = max(before.rfind(mark) for mark in "。！？；：:")
    names = _spaced_letters_joined(before[cut + 1 :].split())
    body = text[: tail_start + cut + 1]
    issuers: list[str] = []
    wrapped = False
    for name in reversed(names):
        name = FORWARDED.sub("", name.strip("（）()、，,"))
        if not name:
            continue
        # A contact line's remainder ("0735-2886510（…房地产市场科") holds digits no organ's name
        # does: the signature has begun after it.
        if ZH_ORG_END.search(name) and len(name) <= ISSUER_MAX and not wrapped and not re.search(
                r"\d", name):
            issuers.insert(0, name)
        elif len(issuers) == 1 and not wrapped and _may_start_name(name, issuers[0], body):
            # A signature wrapped over two lines: "四川省应对新型冠状病毒 肺炎疫情应急指挥部".
            issuers[0] = name + issuers[0]
            wrapped = True
        else:
            break
    issuer = " ".join(issuers)
    return (issuer if 2 <= len(issuer) <= ISSUER_MAX else None), published


def _spaced_letters_joined(names: list[str]) -> list[str]:
    """A short name is often signed with its characters spaced out ("财 政 部"): one name."""
    joined: list[str] = []
    spaced = False  # whether the last name was built from single characters
    for name in names:
        if len(name) == 1 and spaced:
            joined[-1] += name
            continue
        joined.append(name)
        spaced = len(name) == 1
    return joined


def _may_start_name(start: str, rest: str, body: str) -> bool:
    """Whether ``start`` is the first line of an organ's name that ends in ``rest``: a run of
    words without punctuation or list number, and the name runs on across the break where the
    document names it elsewhere ("四川省应对新型冠状病毒" + "肺炎疫情应急指挥部", named at the
    top)."""
    joined = start + rest
    return (len(joined) <= ISSUER_MAX and not re.search(r"[\d\W]", start[0])
            and not re.search(r"[，。；：、,.;:！？()（）《》“”]", start)
            and joined[len(start) - 2 : len(start) + 2] in body)
