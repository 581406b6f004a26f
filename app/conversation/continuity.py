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
"""

from __future__ import annotations

from app.retrieval.filters import all_of, scope_filter
from app.retrieval.glossary import lexical_query
from app.store.bm25 import LexicalIndex


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
        return bool(inside) and inside[0][1] >= self.share * best[0][1]
