"""Questions asking a fact of a document itself (its 文号, issuer, date of issue, addressees,
title: ``Fact``), which ``app.briefing.facts`` answers from the stored metadata, and the words
naming a document and its issue that ``app.answering`` reads as well; their patterns join the
question words of ``app.answering.question_kinds``.
"""
from __future__ import annotations

import re
from enum import Enum

from app.text import ZH_ANY_BODY


class Fact(Enum):
    """A fact a document states about itself, by its metadata field."""

    NUMBER = "doc_number"
    ADDRESSEES = "addressees"
    ISSUER = "issuer"
    ISSUED = "published"
    TITLE = "title"
    IN_FORCE = "effective_from"  # when it comes into force, and when it ends: dates in its text
    ENDS = "effective_until"


# 几点 asking a time of day ("开到几点？", 几点办公, 几点前), not how many points, which a noun of
# points made follows (几点意见).
O_CLOCK = r"点(?!意见|建议|要求|措施|做法|内容|方面|原因|体会|考虑|看法|想法|经验)"
# Chinese words asking a date (shared by "when" and "when was it issued").
ZH_WHEN = rf"何时|什么时候|什么时间|哪[一几]?(?:年|天|日)|哪个月|几月|几号|几{O_CLOCK}"
# A question asks a fact of the document itself only by the words the two languages have for
# these facts: a document noun with a verb of issuing ("who issued the measures", "方案是哪个
# 单位印发的"), or the fact's own name ("document number", 文号, 印发日期); "who runs the
# platform" or "何时发布名单" ask the text. The nouns a document is named by (the 文种 of its
# title, and plain words):
_DOC_NOUN_EN = (r"(?:measures?|notices?|notifications?|circulars?|plans?|interpretations?|polic(?:y"
                r"|ies)|documents?|regulations?|rules|opinions|schemes?|guidelines?|programmes?"
                r"|programs?|decisions?|announcements?|provisions|methods|strateg(?:y|ies)|outlines?)")
_DOC_NOUN_ZH = (r"(?:通知|通告|公告|意见|决定|办法|规定|细则|措施|方案|规划|计划|纲要|要点"
                r"|指南|政策|文件|条例|解读)")
_BODY_ZH = rf"{ZH_ANY_BODY}|政府|部|局|委|办|厅"  # who issues: a body
_ISSUING_EN = (r"(?:issued|published|released|promulgated|signed|formulated|drew up|drafted"
               r"|(?:put|brought|rolled) out)")  # phrasal verbs of issuing
# Verbs of a document's issue (制定, 出台 also say a measure is made, 将出台 a plan's future act).
_ISSUING_ZH = r"(?:印发|发布|发文|颁布|签发|下发|制发|成文)"
# Everyday words of its issue (通知是哪天发的, 什么时候出的): plain 发/出 only with the 的 of a past
# act, right after the notice's noun ("补贴什么时候发", "政策的钱是哪天发的" ask of money).
_SENT_OUT_ZH = r"(?:下?发|出)的"
_SENT_EN = r"(?:sent|addressed|directed|circulated)"
DOCUMENT = re.compile(rf"\b{_DOC_NOUN_EN}\b|{_DOC_NOUN_ZH}", re.I)  # a noun naming a document
ISSUING = re.compile(rf"\b(?:{_ISSUING_EN}|issues?)\b|{_ISSUING_ZH}", re.I)
FACT_WORDS: dict[Fact, re.Pattern[str]] = {
    # The facts of a document (the first that fits: "when was it issued" asks the date).
    Fact.NUMBER: re.compile(
        r"\b(?:document|reference|file|serial|issue)\s+(?:number|no\b)|文号|发文字号|文件编号|文件号",
        re.I),
    # Whom it is sent to (主送机关); "issued to" is also said of vouchers and permits.
    Fact.ADDRESSEES: re.compile(
        rf"\b{_DOC_NOUN_EN}\b.*\b{_SENT_EN}\s+to\s*\??\s*$"
        rf"|\b{_SENT_EN}\s+to\s+(?:whom|which|what)\b.*\b{_DOC_NOUN_EN}\b"
        rf"|\bto\s+whom\b.*\b{_SENT_EN}\b|\b(?:addressees|recipients)\s+of\b"
        rf"|主送|{_DOC_NOUN_ZH}.*(?:发|送|印发|下发)(?:给|往|至)(?:谁|哪些|哪个|哪几|什么)", re.I),
    Fact.ISSUED: re.compile(
        rf"\bwhen\s+(?:was|were|did)\b.*\b{_DOC_NOUN_EN}\b.*\b(?:{_ISSUING_EN}|issue|publish"
        rf"|release|sign)\s*\??\s*$|\bwhen\s+did\b.*\b(?:issue|publish|release|(?:put|bring|roll)"
        rf" out)\b.*\b{_DOC_NOUN_EN}\b"
        rf"|\b(?:date|day)\s+of\s+(?:issue|issuance|publication|release|signing)\b"
        rf"|\b(?:issue|issuance|publication|release)\s+date\b"
        rf"|{_DOC_NOUN_ZH}.*(?:{ZH_WHEN}).{{0,3}}{_ISSUING_ZH}的?\s*[？?]?\s*$"
        rf"|{_DOC_NOUN_ZH}[^的，,]{{0,3}}(?:{ZH_WHEN}).{{0,2}}{_SENT_OUT_ZH}\s*[？?]?\s*$"
        rf"|{_ISSUING_ZH}(?:日期|时间)", re.I),
    Fact.ISSUER: re.compile(
        rf"\b(?:who|which\s+[\w-]+(?:\s+[\w-]+){{0,2}}|what\s+[\w-]+(?:\s+[\w-]+){{0,2}})\s+"
        rf"{_ISSUING_EN}\b.*\b{_DOC_NOUN_EN}\b"
        rf"|\bby\s+whom\b.*\b{_ISSUING_EN}\b|\bissu(?:er|ing\s+(?:body|authority|office|organ))\b"
        rf"|{_DOC_NOUN_ZH}.*(?:(?:哪个|哪家|哪一个?|什么|哪些)(?:{_BODY_ZH})?|谁)(?:联合|共同)?"
        rf"{_ISSUING_ZH}的?\s*[？?]?\s*$"
        rf"|{_ISSUING_ZH}(?:{ZH_ANY_BODY})", re.I),
    # A document's title; "the center's full name" or 该中心的全称 name a body, not a document.
    Fact.TITLE: re.compile(
        rf"\b(?:(?:full|official)\s+)?(?:title|name)\s+of\s+(?:[\w'’-]+\s+){{0,5}}?{_DOC_NOUN_EN}\b"
        rf"|\b{_DOC_NOUN_EN}['’]s?\s+(?:(?:full|official)\s+)?(?:title|name)\b"
        rf"|标题|文件名称|文件题目|{_DOC_NOUN_ZH}的?(?:全称|全名|名称)", re.I),
    # When the notice itself comes into force or ends (这套措施从哪天开始执行, 这个办法管到什么时候,
    # 政策到什么时候截止): its noun asked a date right before a verb of force or an end.
    Fact.IN_FORCE: re.compile(rf"{_DOC_NOUN_ZH}.{{0,4}}(?:{ZH_WHEN}).{{0,2}}"
                              r"(?:施行|实行|执行|实施|生效)的?\s*[？?]?\s*$"),
    Fact.ENDS: re.compile(rf"{_DOC_NOUN_ZH}.{{0,2}}(?:到|至)(?:{ZH_WHEN})(?:为止|截止|结束)?"
                          rf"\s*[？?]|{_DOC_NOUN_ZH}.{{0,4}}(?:{ZH_WHEN}).{{0,2}}"
                          r"(?:截止|失效|到期|为止)"),
}


def fact_asked(question: str) -> Fact | None:
    """The fact of a document the question asks about, if it asks one."""
    return next((fact for fact, words in FACT_WORDS.items() if words.search(question)), None)
