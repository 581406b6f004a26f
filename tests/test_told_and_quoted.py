"""What a Chinese sentence states of the kind asked, beside who told it and what it quotes
(issue 22, round 28): a reporter's frame says when and from whom a report was heard, and a quoted
sentence of speech says what its speaker said, not the name of a title."""

from __future__ import annotations

import json

from app.answering.answerability import sentence_labels, unstated_entities
from app.answering.citations import Sentence
from app.mastheads import in_frame
from app.store.chunk_entities import ENTITIES_KEY
from app.store.records import Chunk
from app.text import sentence_spans, titled

FRAMED = "记者26日从中国工商银行获悉，付息可延期到6月30日，免收罚息。"
SPOKEN = "“系统覆盖全市65家发热门诊和10家定点医院，发热人员会被关注。”郝亮说。"


def _sentence(text: str, entities: list[tuple[str, str]]) -> Sentence:
    spans = [[text.index(named), text.index(named) + len(named), label]
             for named, label in entities]
    chunk = Chunk("d1::0000", "d1", text, 0, len(text), {ENTITIES_KEY: json.dumps(spans)})
    start, end = sentence_spans(text)[0]
    return Sentence(chunk, start, end, text[start:end], 1)


def test_a_reporter_s_frame_states_no_date_asked() -> None:
    """Regression (rz2227 rz25-d6a6e): "…贷款利息最晚可以延到什么时候付？" was answered by the
    frame "中国证券报记者26日从中国工商银行获悉": the day the reporter heard it, no deadline."""
    sentence = _sentence(FRAMED, [("26日", "DATE"), ("中国工商银行", "ORG"), ("6月30日", "DATE")])
    asked = "利息最晚可以延到什么时候？"
    found = [FRAMED[s:e] for s, e, _ in unstated_entities(sentence, asked) or []]
    assert found == ["6月30日"]
    # Asked who told it, the frame is what is asked.
    assert in_frame(FRAMED, FRAMED.index("中国工商银行"), FRAMED.index("中国工商银行") + 6,
                    "是哪家银行透露的？") is False


def test_a_quoted_sentence_is_speech_not_a_title() -> None:
    """Regression (rz2227 rz25-f386e): "郑州的发热门诊登记系统覆盖了多少发热门诊和定点医院？" was
    refused as unstated: the figures stood inside the speaker's quotation marks, read as a
    quoted title's ("《…》", "“春润行动”"), whose figures answer nothing."""
    sentence = _sentence(SPOKEN, [("65家", "NUMBER"), ("10家", "NUMBER")])
    assert "NUMBER" in (sentence_labels(sentence, "登记系统覆盖了多少发热门诊？") or set())
    assert titled(SPOKEN, 0, len(SPOKEN)) == []
    named = "实施“春润行动”，依托《关于做好疫情防控工作的通知》。"
    assert [named[a:b] for a, b in titled(named, 0, len(named))] == [
        "“春润行动”", "《关于做好疫情防控工作的通知》"]
