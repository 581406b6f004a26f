"""A figure an English sentence states for a noun the question qualifies, but only of other
kinds of it (a split into kinds naming the asker's among none, or one qualifier of the same part
of speech in its place), is another kind's detail (issue 23, round 43: the parse's qualifiers)."""

from __future__ import annotations

from app.retrieval.holders import other_holder
from app.retrieval.modifiers_en import other_kind
from app.retrieval.taggers import parsed
from app.text import stem

_LIST = ("Information infrastructure: it includes 12 tasks in building new network "
         "infrastructure, new platform infrastructure and new security infrastructure.")
_HOUSES = ("Households living in a brick house receive a repair grant of 2,000 yuan, and "
           "households living in a wooden house receive 3,000 yuan.")


def _other(question: str, sentence: str) -> bool:
    return other_kind(question, parsed(sentence), {stem(w.strip(",.")) for w in sentence.split()},
                      {stem(w.strip("?")) for w in question.split()})


def test_a_split_into_kinds_without_the_asked_one_is_another_kind_s() -> None:
    """Regression (enqual44 batch, round 43): asked the allowance of graduates with a junior
    college degree, the answer quoted the bachelor's, master's and doctoral holders' ones; asked
    a semi-disabled resident's subsidy, the self-care and fully disabled residents'."""
    assert other_holder("What repair grant do households living in a stone house receive?",
                        _HOUSES)
    assert _other("What allowance does a partially sighted veteran get?", "A fully sighted "
                  "veteran gets 100 yuan and a totally blind veteran gets 300 yuan.")


def test_another_number_in_its_place_is_another_kind_s() -> None:
    """Another plain number in the asked one's place says another kind (two cows for one), not
    a band ("three or more"); one adjective for another paraphrases (probes while measuring)."""
    assert not _other("When is unspent credit cleared?", "Unused credit is cleared on 31 May.")
    assert _other("How much does a household with one cow receive?",
                  "A household with two cows receives 1,000 yuan.")
    assert not _other("What subsidy is there for a pump of 60 horsepower?", "A pump below 50 "
                      "horsepower gets 800 yuan; one of 50 horsepower or more gets 1,500 yuan.")
    assert not _other("How much does a household with four cows receive?",
                      "A household with three or more cows receives 1,000 yuan.")


def test_the_kind_asked_named_or_said_is_no_other_kind() -> None:
    """The question's own kind named among the split, a qualifier the sentence says elsewhere
    (or its heading), or a noun the sentence qualifies with no other kind, is no other kind."""
    assert not other_holder("What repair grant do households living in a wooden house "
                            "receive?", _HOUSES)
    assert not _other("How much does a newly built shelter receive?",
                      "A newly built shelter receives 5,000 yuan.")
    assert not _other("How much does a shelter receive?", "A new shelter receives 5,000 yuan.")
    assert not _other("What grant does a stone house get?", "Each house gets 800 yuan.")


def test_nouns_before_a_noun_and_counts_say_no_other_kind() -> None:
    """Regression (tests/test_qualifiers while measuring, round 43): a noun before the noun
    paraphrases ("headline" indicators, "key evaluation" ones), a count is no kind ("the 30
    cases"), and "how many", "its" say none."""
    assert not _other("How many headline indicators did the county pick?",
                      "It sets out 11 key evaluation indicators.")
    assert not _other("How many published farm use cases earned an award?", "Of the 30 cases, "
                      "eight were named typical farm application cases.")
    assert not _other("How many school buses will the county run?",
                      "The county will run 260 dedicated school buses.")
    assert not _other("How many members are on each professional forest patrol team?", "Each "
                      "county forms professional patrol teams of six members each; the city "
                      "district forms two such teams.")
    assert not _other("What share of its development costs can a firm get?",
                      "Firms may receive 20% of their development costs.")


def test_a_split_of_a_nearer_kind_is_not_the_asked_one_s() -> None:
    """Regression (round 43, mixed-2026-12-02-h9: Zhangzhou's "headline" indicators lost): two
    places splitting the noun in an outer qualifier ("key" evaluation indicators, "provincial"
    evaluation indicators) both name one nearer kind ("evaluation"): they split evaluation
    indicators, and the asker's qualifier in its slot is a word of its own, not another kind."""
    assert not _other("How many headline indicators did the county pick?", "The plan picks 11 "
                      "key evaluation indicators with reference to the provincial evaluation "
                      "indicators.")
    assert _other("What grant does a household with a clay stove get?", "A household with a gas "
                  "cooking stove gets 300 yuan and one with an electric cooking stove 500 yuan.")


def test_a_noun_meaning_kind_is_no_qualifier_of_its_own() -> None:
    """Regression (round 44, mixed-2026-12-06-h36: Zhangzhou's 12 tasks lost): "information-type"
    infrastructure names the kind by "information", which the heading above the list says; the
    "type" it adds is no kind the sentence leaves unsaid."""
    assert not _other("How many tasks does the information-type infrastructure part hold?", _LIST)
    assert _other("How many tasks does the transport-type infrastructure part hold?", _LIST)


def test_an_amount_asked_is_no_kind_of_its_unit() -> None:
    """Regression (round 44's merge, tests/test_bands.py): asked the grant "for a household
    earning 24,000 dollars", the band's sentence ("from 18,000 to 30,000 dollars receive a grant
    of 1,500 dollars") was refused, its "1,500 dollars" read as another kind of dollars."""
    sentence = ("Households with a gross annual income from 18,000 to 30,000 dollars receive a "
                "grant of 1,500 dollars.")
    assert not _other("How much is the grant for a household earning 24,000 dollars?", sentence)
    assert not _other("What grant does a household with an income above 30,000 dollars "
                      "receive?", "Households with an income above 30,000 dollars receive a "
                      "grant of 700 dollars.")
    assert _other("How much does a household with one cow receive?",
                  "A household with two cows receives 1,000 dollars.")


def test_a_noun_modifying_another_or_an_acronym_spelled_out_is_no_other_kind() -> None:
    """Regression (round 44's merge, tests/test_conversations.py chain s-02): "What about the
    special fund in Shenzhen?" was refused, its "guidance funds" and "AI fund *group*" read as
    a split of funds into kinds; "AI unicorn enterprises" over "unicorn artificial intelligence
    enterprises" as another kind of enterprises."""
    assert not _other("What about the special fund in Shenzhen?", "Integrate government "
                      "guidance funds and form an artificial intelligence fund group.")
    assert not _other("How much goes to AI unicorn enterprises?", "Grow small and medium-sized "
                      "enterprises and unicorn artificial intelligence enterprises.")


def test_a_number_naming_which_one_is_still_another_kind() -> None:
    """Regression (the mends above, measuring): with every unit noun and every modifying noun
    left out, "6G base stations" over "5G base stations" and "a 500,000 yuan award" over "a
    200,000 yuan award" were no longer another kind: a modifier in the question is compared."""
    assert _other("How many 6G base stations will the city have?",
                  "The city will have 26 5G base stations.")
    assert _other("Which community receives a 500,000 yuan award?",
                  "A community that adds 60 spaces receives a 300,000 yuan award.")
