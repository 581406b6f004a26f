"""A "who" question naming the role by an agent noun ("the co-builders") is answered by a sentence
naming it by its verb ("jointly built by …"): issue 23, a verb for a noun (enpara38)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.retrieval.agent_nouns import agent_verbs
from tests.support.served import asked, serve_texts


@pytest.mark.parametrize(("noun", "verbs"), [
    ("co-builders", ("build",)), ("organisers", ("organise",)), ("operator", ("operate",)),
    ("suppliers", ("supply",)), ("winner", ("win",)),
    ("officer", ()), ("partners", ()), ("members", ()), ("water", ()),
])
def test_an_agent_noun_names_the_verb_it_is_made_from(noun: str, verbs: tuple[str, ...]) -> None:
    """Only a noun whose stem without -er/-or is a verb spaCy's lemmatizer knows names an act."""
    assert agent_verbs(noun) == verbs


def test_who_the_co_builders_are_is_answered_by_built_by(tmp_path: Path) -> None:
    """Regression (enpara38, start37 probes: "Who are the co-builders of the space computing
    centre in Pazhou?" refused, the sentence saying "jointly built by Jiazhi Huixing, …" weighed
    down as naming no "co-builders"); a role the text gives no holder of is still refused."""
    news = ("Example District Opens a Computing Centre\n\n"
            "On 28 December the Example District Data Bureau was inaugurated. The district also "
            "announced the construction of the Example Space Computing Centre. The centre is "
            "supported by the Example District Data Bureau and jointly built by Jiazhi Huixing, "
            "Guoxing Yuhang and Qianxing Holdings. The first phase will reach a 100P computing "
            "power cluster.\n")
    with serve_texts(tmp_path, {"example-2025-computing-centre": news}) as client:
        found = asked(client, "Who are the co-builders of the Example Space Computing Centre?")
        assert found["refused"] is False and "Jiazhi Huixing" in str(found["answer"])
        assert asked(client, "Who are the auditors of the Example Space Computing Centre?")[
            "refused"] is True
