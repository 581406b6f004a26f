"""Whether a question that names no place or document reads on in the conversation's document.

Chinese, and English in a conversation, drop what the conversation already gave: after a
question about Zhanjiang's notice, "数智化投入原则上不低于项目总投资的多少？" or "What is the
contact number?" is a complete clause that names neither the place nor the notice. Whether it
continues the conversation or opens a new topic is read from the documents, not its wording:
BM25 scores the question's own words (and their rendering in the other language) against every
stored passage; the question reads on in the document the last answer cited when that
document's best passage scores at least ``share`` of the best passage anywhere. A question
whose distinctive words only another document holds ("鹏城云脑III项目什么时候开工？" after a
question about Haizhu) is a new topic, answered as asked.

A score is a loose measure across languages: a Chinese word's dictionary senses are not the
text's ("重点任务": "important point, focus, task", where Guangzhou's plan says "25 key tasks"),
so another document may outscore the conversation's on a sense it happens to use more often. A
question of whose words the best passage anywhere says none that the conversation's document
does not also say (in some sense) asks nothing only another document holds: it reads on too.
"""

from __future__ import annotations

import numpy as np

from app.retrieval.dictionary import english_terms
from app.retrieval.filters import all_of, scope_filter
from app.retrieval.glossary import SEARCHED, english_part, lexical_query
from app.store.bm25 import LexicalIndex
from app.text import has_cjk


class Continuity:
    def __init__(self, lexical: LexicalIndex, share: float) -> None:
        self.lexical = lexical
        self.share = share

    def reads_on(self, question: str, doc_id: str) -> bool:
        """Whether ``question`` is answered in ``doc_id`` about as well as anywhere; a question
        none of whose words is indexed says nothing of another topic, and reads on."""
        query = lexical_query(question, self.lexical.holds_chinese)
        scored = self.lexical.score(query)
        if scored.scores is None:
            return True
        best = self.lexical.search(query, 1, None, scored)
        if not best or best[0][1] <= 0:
            return True
        inside = self.lexical.search(query, 1, all_of([scope_filter({doc_id})]), scored)
        if not inside:
            return False
        return inside[0][1] >= self.share * best[0][1] \
            or not self._only_elsewhere(question, doc_id, int(np.argmax(scored.scores)))

    def _only_elsewhere(self, question: str, doc_id: str, best_row: int) -> bool:
        """Whether the best passage anywhere (row ``best_row``) says a word of ``question`` (in
        any of its searched senses) that ``doc_id`` never says."""
        within = all_of([scope_filter({doc_id})])
        for word in _words(question):
            scored = self.lexical.score(word)
            if scored.scores is None or scored.scores[best_row] <= 0:
                continue  # the best passage does not say it: nothing held elsewhere
            said = self.lexical.search(word, 1, within, scored)
            if not said or said[0][1] <= 0:
                return True
        return False


def _words(question: str) -> list[str]:
    """The question's words as BM25 searches each: a Chinese word with its senses (one word,
    whichever sense a text uses), its Latin-script words and names alone; an English
    question's words one by one, each with the texts' variant of it."""
    if not has_cjk(question):
        return lexical_query(question, False).split()
    terms = [f"{t.chinese} {' '.join(t.english[:SEARCHED])}" for t in english_terms(question)]
    return [*terms, *english_part(question).split()]
