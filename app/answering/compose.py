"""One answer made of the answers to a question's parts (see ``app.answering.parts``): their
citations numbered through (part one's [1] [2], part two's [3] …), a part the documents do not
answer named as such while the others stand; a refusal only when every part is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.answering.generation.markers import MARKER, markers
from app.answering.parts import Part, names_own, split_parts
from app.models import Answer, AnswerPart
from app.retrieval.antecedents import answering_part, points_back
from app.text import alnum_only, has_cjk

# A part not answered, named in its own language (en, zh).
NOT_SAID = ("The documents don't say: “{asked}”", "文件未写明：“{asked}”")


@dataclass(frozen=True)
class Composer:
    """Answers a question of several parts, or one asked across documents, with the request's
    own retrieval (its filters, its top_k) and answerer (its mode)."""

    asked_of: Callable[[str, list[str]], Answer]  # a part, of the places when it names none
    across: Callable[[str], Answer | None]  # the grouped answer of a question across documents
    near: Callable[[str, str, Answer], Answer | None]  # a part beside the last part's answer

    def compose(self, question: str, places: list[str]) -> Answer | None:
        """The composite answer; None for a question of one part not asked across documents.
        ``places``: the held places the whole question names, which a part naming none of its
        own is asked about ("…in Zhanjiang, and who organised the training?")."""
        parts = split_parts(question)
        if len(parts) < 2:
            return self.across(question)
        answers: list[Answer] = []
        for n, part in enumerate(parts):
            # A part leaning on the one before ("…, and who leads it?", "谁负责？", "what phone
            # number is listed?") is answered first beside what that one cited, as a follow-up
            # pointing back is (app.conversation.nearby): a plan names a measure's units by it.
            leans = n and not answers[-1].refused and (part.text != part.asked
                                                       or not names_own(part.asked))
            with answering_part(part.text, part.asked, [p.asked for p in parts if p is not part]):
                beside = self.near(part.asked, part.text, answers[-1]) if leans else None
                # One naming its own thing or subject may be answered better where it is, as may
                # one left unanswered beside, or one not pointing back at the thing cited (by no
                # pronoun but a possessive: "who is named as the interpreter of its plan?", "在水
                # 的方面要建什么数字孪生？"): beside, it is drawn to the sentences next to the one
                # cited, its own standing elsewhere. The better one stands; not, pointing back by
                # a pronoun, by the part before's sentence, which its borrowed words, read, draw.
                own = self.asked_of(part.text, places) if not beside or beside.refused or \
                    part.text == part.asked or names_own(part.asked) or not points_back(
                        part.asked, possessive=False) else None
            if own and beside and not beside.refused and points_back(part.asked) and all(any(
                    b.doc_id == c.doc_id and b.start <= c.start and c.end <= b.end
                    for b in answers[-1].citations) for c in own.citations):
                own = None
            # A candidate leading with all a part before cited yields to one answering otherwise:
            # the part's fact is what that one left unquoted (h34); a clause of it is its own.
            cited = [(c.doc_id, c.start, c.end) for b in answers for c in b.citations]
            answers.append(max((a for a in (beside, own) if a is not None), key=lambda a: (
                not a.refused and not any(d == c.doc_id and s < c.end and c.start < e and c.end
                                          - c.start >= e - s for c in a.citations[:1]
                                          for d, s, e in cited),
                max([c.score for c in a.citations if not a.refused], default=-1.0))))
        return merge_parts(parts, answers)


def merge_parts(parts: list[Part], answers: list[Answer]) -> Answer:
    merged = Answer(answer="", mode=answers[0].mode)
    texts: list[str] = []
    for part, answer in zip(parts, answers, strict=True):
        repeats = False
        if answer.refused:
            text = NOT_SAID[has_cjk(part.asked)].format(asked=part.asked.rstrip("?？ "))
            merged.parts.append(AnswerPart(question=part.asked, answer=text, refused=True))
            merged.related.extend(p for p in answer.related
                                  if p.chunk_id not in {r.chunk_id for r in merged.related})
        else:
            # A part quoting only what one before shows (one sentence says both) points there.
            held = {c.n: next((m.n for m in merged.citations if m.doc_id == c.doc_id and
                               m.start <= c.start and c.end <= m.end), 0) for c in answer.citations}
            repeats = bool(held) and all(held.values()) and all(
                _bare(c.quote) in _bare(" ".join(texts)) for c in answer.citations)
            numbers = held if repeats else {
                c.n: len(merged.citations) + 1 + i for i, c in enumerate(answer.citations)}
            merged.citations.extend(c.model_copy(update={"n": numbers[c.n]})
                                    for c in answer.citations if not repeats)
            text = renumber(answer.answer, numbers)
            merged.parts.append(AnswerPart(question=part.asked, answer=text,
                                           citations=list(numbers.values())))
            merged.conflicts.extend(answer.conflicts)
            merged.groups.extend(g.model_copy(update={"citations": [numbers[n] for n in
                                                                    g.citations]})
                                 for g in answer.groups)
        texts.extend([] if repeats else [text])
        merged.unsupported.extend(answer.unsupported)
        merged.fallback = merged.fallback or answer.fallback
        merged.mode = "generate" if answer.mode == "generate" else merged.mode
    merged.answer = "\n\n".join(texts)
    merged.refused = all(p.refused for p in merged.parts)
    merged.city_inferred = ", ".join(dict.fromkeys(a.city_inferred for a in answers
                                                   if a.city_inferred)) or None
    merged.reasoning = "\n\n".join(a.reasoning for a in answers if a.reasoning) or None
    return merged


def renumber(text: str, numbers: dict[int, int]) -> str:
    return MARKER.sub(lambda m: "".join(f"[{numbers[n]}]" for n in markers(m.group(0))
                                        if n in numbers), text)


def carried(quote: Answer, generated: Answer) -> Answer:
    """A generated answer, then the quote it rests on: what the model reworded stands as stated.
    A model copying the quote word for word gets no second copy of it."""
    if _bare(quote.answer) in _bare(generated.answer):
        return generated
    cited = generated.citations  # a clause the model cited keeps its number
    n_of = {c.n: next((g.n for g in cited if g.doc_id == c.doc_id and g.start <= c.start
                       and c.end <= g.end), len(cited) + c.n) for c in quote.citations}
    new = [c.model_copy(update={"n": n_of[c.n]}) for c in quote.citations if n_of[c.n] > len(cited)]
    text = f"{generated.answer}\n\n{renumber(quote.answer, n_of)}"
    return generated.model_copy(update={"answer": text, "citations": cited + new})


def _bare(text: str) -> str:
    return alnum_only(MARKER.sub("", text)).lower()
