"""eval.zh_stages: the stage at which a Chinese answer's fact is lost, and the questions read."""

from __future__ import annotations

from pathlib import Path

from eval.zh_stages import asked, stage


def test_stage_names_where_the_fact_was_lost() -> None:
    """Round 35 (zhfind36): the misses were put down to retrieval while most were passages the
    reader read and refused; the stage tells read from not read, and refused from outranked."""
    assert stage(False, None, False, True, 0, 1) == "0 not verbatim"
    assert stage(True, None, False, True, 0, 1) == "1 not retrieved"
    assert stage(True, 8, False, True, 0, 1) == "2 below the cut"
    assert stage(True, 1, True, True, 0, 1) == "3 refused"
    assert stage(True, 1, True, False, 0, 1) == "4 outranked"
    assert stage(True, 1, True, False, 1, 2) == "5 part missing"


def test_asked_reads_chinese_answerable_questions_of_probes_and_outs(tmp_path: Path) -> None:
    """A probe run's .out gives its BAD lines only; a probe file every Chinese answerable line
    (never a must-refuse one, nor an English one)."""
    probes = tmp_path / "batch.txt"
    probes.write_text("# c\n淮北装电梯补多少？|20万元\n淮北装电梯要几年？|-\nHow much?|5\n",
                      encoding="utf-8")
    out = tmp_path / "batch.txt.out"
    out.write_text("OK  宣城交多少？|300元 -> 300元 [1]\nBAD 宣城补多少？|100元 -> REFUSED\n"
                   "BAD 宣城医保多少？|- -> 400元 [1]\n", encoding="utf-8")
    assert list(asked([str(probes), str(out)])) == [
        ("batch.txt", "淮北装电梯补多少？", "20万元"), ("batch.txt.out", "宣城补多少？", "100元")]
