"""A text's content words as the sentence ranking compares them, cached per text.

Why cached: ranking a question's candidate sentences stems each sentence (its context, its
quotes, its field label) several times per question, and the same passages come back question
after question; jieba's cut and the Snowball stemmer give the same words for the same text, so
one reading per text serves them all (on eval dev's English questions ~1/5 of the CPU went here).
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.text import content_tokens, stem_words

# English irregular verb forms, which a stemmer leaves apart from their verb ("built" is not
# "build"): a question asks "who is building", the text says "jointly built by".
IRREGULAR = {
    form: verb
    for verb, forms in {
        "build": "built", "make": "made", "hold": "held", "lead": "led",
        "bring": "brought", "buy": "bought", "choose": "chose chosen", "do": "did done",
        "draw": "drew drawn", "find": "found", "give": "gave given", "go": "went gone",
        "grow": "grew grown", "keep": "kept", "know": "knew known",
        "lay": "laid", "lend": "lent", "meet": "met", "pay": "paid",
        "rise": "rose risen", "run": "ran", "see": "seen", "sell": "sold",
        "send": "sent", "show": "shown", "spend": "spent", "take": "took taken",
        "teach": "taught", "tell": "told", "think": "thought", "win": "won",
        "write": "wrote written", "begin": "began begun", "break": "broke broken",
        "feed": "fed", "fall": "fell fallen", "get": "got gotten", "speak": "spoke spoken",
        "stand": "stood", "understand": "understood", "undertake": "undertook undertaken",
        "overcome": "overcame", "withdraw": "withdrew withdrawn", "seek": "sought",
    }.items()
    for form in forms.split()
}
_PERCENT_SIGN = re.compile(r"(?<=\d)\s*%")


@lru_cache(maxsize=32768)
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s content words, in order; a tuple, as the cache shares it."""
    # "5%" says "percent" (百分之几 renders "percent"): the sign is no word to the tokenizer.
    # A lone Latin letter is no word: the "s" of "Zhanjiang's", the "t" of "don't".
    return tuple(stem_words([IRREGULAR.get(w, w) for w in content_tokens(_PERCENT_SIGN.sub(
        " percent ", text)) if not (len(w) == 1 and w.isascii() and w.isalpha())]))
