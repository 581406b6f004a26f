"""Splitting a reasoning model's thinking from its answer.

Servers hand thinking over in one of three ways:

* a separate field (``reasoning_content`` or ``reasoning``; vLLM/SGLang with a reasoning
  parser, llama-server, Ollama) -- the client passes those deltas to ``feed_reasoning``;
* ``<think>…</think>`` inside the content;
* only the closing ``</think>``: the chat template already put ``<think>`` in the prompt
  (DeepSeek-R1 distills under llama-cpp-python), so the text up to a lone ``</think>`` is
  thinking.

The third way is the awkward one when streaming: the first words of a reply cannot be told
apart until a ``</think>`` arrives or the reply ends. The splitter therefore takes what the
server did last time (``opens_in_prompt``): ``None`` (not known yet) holds that text back until
it is decided, ``True`` streams it as thinking, ``False`` streams it as answer at once (and if a
lone ``</think>`` turns up after all, the final ``answer`` is still right; only the already
streamed pieces were wrong, which is why the final answer always replaces the streamed one).
Thinking is never parsed for citations: only ``answer`` is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OPEN, CLOSE = "<think>", "</think>"

PieceKind = Literal["answer", "reasoning"]


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    text: str


def _partial_tag_at_end(text: str) -> int:
    """Length of the longest suffix of ``text`` that could still grow into a tag."""
    for size in range(min(len(text), len(CLOSE) - 1), 0, -1):
        tail = text[-size:]
        if OPEN.startswith(tail) or CLOSE.startswith(tail):
            return size
    return 0


class ThinkSplitter:
    """Incremental splitter: ``feed`` content deltas, ``finish`` at the end, read the result.

    States: ``pending`` (start of a reply from a server not seen yet: held back), ``think``,
    ``answer``. ``answer`` and ``reasoning`` hold the final split; ``style()`` what this reply
    showed about the server, to pass as ``opens_in_prompt`` next time.
    """

    def __init__(self, opens_in_prompt: bool | None = None) -> None:
        self.opens_in_prompt = opens_in_prompt
        self.state: Literal["pending", "think", "answer"] = (
            "pending" if opens_in_prompt is None else "think" if opens_in_prompt else "answer"
        )
        self._leading = True  # no tag yet: what came so far is the reply's leading text
        self._tail = ""  # text that may be the start of a tag, kept until it is known
        self._pending = ""
        self._answer: list[str] = []
        self._reasoning: list[str] = []
        self.saw_open = self.saw_orphan_close = self.saw_reasoning_field = False

    # Input -----------------------------------------------------------------------------------
    def feed(self, text: str) -> list[Piece]:
        """Pieces of a content delta that can be emitted now."""
        out: list[Piece] = []
        data = self._tail + text
        self._tail = ""
        while data:
            found = [i for i in (data.find(OPEN), data.find(CLOSE)) if i >= 0]
            if not found:
                keep = _partial_tag_at_end(data)
                self._text(data[: len(data) - keep], out)
                self._tail = data[len(data) - keep:]
                break
            at = min(found)
            self._text(data[:at], out)
            if data.startswith(OPEN, at):
                self._open(out)
                data = data[at + len(OPEN):]
            else:
                self._close(out)
                data = data[at + len(CLOSE):]
        return out

    def feed_reasoning(self, text: str) -> list[Piece]:
        """A delta of a separate reasoning field: the server parses thinking itself."""
        out: list[Piece] = []
        self.saw_reasoning_field = True
        if self._leading:  # content beside a reasoning field carries no tags: it is answer
            if self.state == "pending":
                self._settle("answer", out)
            self.state, self._leading = "answer", False
        if text:
            self._reasoning.append(text)
            out.append(Piece("reasoning", text))
        return out

    def finish(self) -> list[Piece]:
        """Flush what was held back; after this ``answer`` and ``reasoning`` are final."""
        out: list[Piece] = []
        tail, self._tail = self._tail, ""
        self._text(tail, out)
        if self.state == "pending":  # no tag at all from an unknown server: all answer
            self._settle("answer", out)
        # Still in "think": the reply was cut off while thinking; it has no answer.
        return out

    # Result ----------------------------------------------------------------------------------
    @property
    def answer(self) -> str:
        return "".join(self._answer).strip()

    @property
    def reasoning(self) -> str | None:
        return "".join(self._reasoning).strip() or None

    def style(self, truncated: bool = False) -> bool | None:
        """What the next reply from this server should assume for ``opens_in_prompt``.

        A reply without any tag shows a server that does not open thinking in the prompt --
        unless it was cut off by max_tokens, when it may have been thinking all along.
        """
        if self.saw_orphan_close:
            return True
        if self.saw_open or self.saw_reasoning_field:
            return False
        if self.opens_in_prompt is None and not truncated:
            return False
        return self.opens_in_prompt

    # Transitions -----------------------------------------------------------------------------
    def _text(self, text: str, out: list[Piece]) -> None:
        if not text:
            return
        if self.state == "pending":
            self._pending += text
        elif self.state == "think":
            self._reasoning.append(text)
            out.append(Piece("reasoning", text))
        else:
            if not any(part.strip() for part in self._answer):
                text = text.lstrip()  # white space before the answer (after </think>) is no part
            if text:
                self._answer.append(text)
                out.append(Piece("answer", text))

    def _open(self, out: list[Piece]) -> None:
        self.saw_open = True
        if self.state == "pending" and self._pending.strip():
            self._settle("answer", out)  # answer text before a think block stays answer
        self._pending = ""
        self.state, self._leading = "think", False

    def _close(self, out: list[Piece]) -> None:
        if self._leading:
            self.saw_orphan_close = True  # the prompt opened thinking; this closes it
            if self.state == "pending":
                self._settle("reasoning", out)
            elif self.state == "answer":
                # Streamed as answer, but the lone </think> shows it was thinking after all.
                self._reasoning.extend(self._answer)
                self._answer.clear()
        self.state, self._leading = "answer", False  # a stray </think> later is dropped

    def _settle(self, kind: PieceKind, out: list[Piece]) -> None:
        """Settle the held-back leading text as ``kind`` and emit it."""
        text, self._pending = self._pending.strip(), ""
        if text:
            (self._answer if kind == "answer" else self._reasoning).append(text)
            out.append(Piece(kind, text))


def split_reasoning(text: str, opens_in_prompt: bool | None = None) -> tuple[str, str | None]:
    """(answer, reasoning) of a whole reply."""
    splitter = ThinkSplitter(opens_in_prompt)
    splitter.feed(text)
    splitter.finish()
    return splitter.answer, splitter.reasoning
