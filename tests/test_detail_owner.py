"""A thing's adjective is no rank of a role ("the *unified* collection system"): only a person's
title has one (round 41, enowner42)."""

from __future__ import annotations

from app.retrieval.said_of import _asked


def test_a_thing_s_adjective_is_no_rank() -> None:
    """Regression (enrefuse41's rank reading took "unified" of "the unified … system" for a
    rank, as "deputy" of "the deputy head"): only a person's title has a rank."""
    assert not _asked("What is the name of the unified data collection system the plan "
                      "promotes?")[4]
    assert _asked("Who is the deputy head of the county working group?")[4]
