"""A figure stated for another holder than the question's — the question's noun phrase with
another word in one of its places — is another holder's detail (issue 23, round 25)."""

from __future__ import annotations

from app.retrieval.holders import other_holder

_CENTRE = ("8. A township elderly care service centre that provides day care for at least 20 "
           "elderly people receives an operating subsidy of 50,000 yuan per year.")
_TRAINING = ("7. Registered unemployed persons attending full-time training of at least 80 "
             "class hours receive a living allowance of 40 yuan per training day.")


def test_a_figure_of_the_holder_named_with_another_modifier_is_another_holder_s() -> None:
    """Regression (refusen25/26 probes, round 25): asked a community centre's operating subsidy,
    part-time trainees' allowance or urban households' fuel subsidy, the answer quoted the
    township centre's, the full-time trainees', the rural households'."""
    assert other_holder("What operating subsidy per year does a community elderly care service "
                        "centre receive in Huzhou?", _CENTRE)
    assert other_holder("What living allowance per training day do Wenzhou's registered "
                        "unemployed persons in part-time training receive?", _TRAINING)
    assert other_holder("What one-off fuel subsidy does each eligible urban household in "
                        "Jiamusi receive?", "6. Eligible rural households receive a one-off "
                        "fuel subsidy of 300 yuan.")
    assert other_holder("What share of the annual rent of overseas showrooms does Linyi "
                        "subsidise?", "(2) The city supports enterprises in renting overseas "
                        "warehouses: 30% of the annual rent is subsidised.")


def test_the_holder_asked_or_a_word_of_another_kind_is_no_other_holder() -> None:
    """The question's own holder, said in full or with fewer words, is no other holder; nor is
    a modifier of another kind of word ("new" for "newly built"), nor one of the detail asked."""
    assert not other_holder("What operating subsidy does a township elderly care service centre "
                            "providing day care get each year in Huzhou?", _CENTRE)
    assert not other_holder("What operating subsidy does a township centre get in Huzhou?",
                            _CENTRE)
    assert not other_holder("How much construction subsidy does a new community elderly care "
                            "service centre receive in Huzhou?", "7. A newly built community "
                            "elderly care service centre receives a one-off construction "
                            "subsidy of 200,000 yuan.")
    assert not other_holder("What maximum living allowance do registered unemployed persons "
                            "receive?", _TRAINING)
    assert not other_holder("注册失业人员每天生活补贴多少？", _TRAINING)
    # Main probes while measuring: the question's "AI" is the sentence's "artificial
    # intelligence", said too; with no question word, the phrase asked with is unknown.
    funds = ("Give full play to the role of government investment guidance funds and form an "
             "artificial intelligence fund group with a scale of 100 billion yuan.")
    assert not other_holder("How big is the pool of AI funds Shenzhen wants to put together?",
                            funds)
    assert not other_holder("shenzhen AI fund size?", funds)


_ENTERPRISE = ("3. An industrial enterprise that installs a rooftop photovoltaic system on its own "
               "factory receives a one-off construction subsidy of 0.1 yuan per watt.")


def test_what_is_asked_given_to_another_recipient_is_another_holder_s() -> None:
    """Regression (unans27 probes, round 26): asked the subsidy an urban household or the living
    allowance vocational school students get, the answer quoted an industrial enterprise's
    subsidy, college graduates' allowance: the verb's other argument holds it, not the asked."""
    assert other_holder("What one-off subsidy does Jiangmen give an urban household that installs "
                        "rooftop solar panels?", _ENTERPRISE)
    assert other_holder("What living allowance do vocational school students get during "
                        "training?", "8. College graduates attending full-time training receive a "
                        "living allowance of 30 yuan per training day.")
    assert other_holder("What risk compensation do guarantee companies receive?", "10. Banks that "
                        "issue green loans receive a risk compensation of up to 20% of the loss.")


def test_the_recipient_asked_named_or_another_detail_is_no_other_recipient() -> None:
    """The asked recipient named in the sentence (with its detail, or besides another), or a
    sentence giving another thing than the one asked with, is not another recipient's."""
    assert not other_holder("What one-off construction subsidy does an industrial enterprise "
                            "receive?", _ENTERPRISE)
    assert not other_holder("What subsidy do households get?", "The city gives households and "
                            "enterprises a subsidy of 2,000 yuan.")
    assert not other_holder("What skills subsidy does an urban household get?", "An industrial "
                            "enterprise receives a training allowance of 500 yuan.")


def test_a_superlative_opens_the_phrase_asked_not_a_holder() -> None:
    """Regression (round 30's cityen31 held half): "What is the most interest subsidy one
    enterprise can get in a year from Xinxiang …?" was refused: "the *most* interest subsidy"
    was read as a holder that "The *annual* interest subsidy for a single enterprise …" is
    another of; "most" says which figure is asked, as "maximum" does."""
    cap = "The annual interest subsidy for a single enterprise shall not exceed 800,000 yuan."
    assert not other_holder("What is the most interest subsidy one enterprise can get in a year "
                            "from Xinxiang for digital transformation loans?", cap)
    # A holder's own modifier still tells another holder apart.
    assert other_holder("What is the most one-off fuel subsidy each eligible urban household "
                        "in Jiamusi can get?", "6. Eligible rural households receive a one-off "
                        "fuel subsidy of 300 yuan.")


_EXPORTS = ("11. Enterprises whose tea exports to Central Asia exceed 5 million US dollars in a "
            "year receive an award of 100,000 yuan.")


def test_another_filler_of_the_question_s_place_is_another_holder_s() -> None:
    """Regression (round 32, refuse33 and the cities probes): asked the award for tea exports *to
    Europe*, the repair subsidy of orchards damaged *by frost*, the allowance of a *master's*
    degree holder, a *newly built* health centre's subsidy, or a route's support *to Southeast
    Asia*, the answer quoted the figure the sentence gives for Central Asia, drought, a
    bachelor's degree, a renovated centre, a route to Central Asia: a name, a verb's object in
    a clause on the noun, a possessor, a participle the parser read as a verb."""
    assert other_holder("What award does an enterprise whose tea exports to Europe exceed 5 "
                        "million US dollars in a year receive?", _EXPORTS)
    assert other_holder("What award do tea exporters get for exports to Southeast Asia above 5 "
                        "million US dollars?", _EXPORTS)
    assert other_holder("What repair subsidy per mu do orchards that are damaged by frost get?",
                        "Orchards that are damaged by drought receive a repair subsidy of 500 "
                        "yuan per mu.")
    assert other_holder("What settling-in allowance do graduates with a master's degree receive?",
                        "Graduates with a bachelor's degree receive a settling-in allowance of "
                        "10,000 yuan.")
    assert other_holder("What subsidy does a newly built township health centre receive?",
                        "Each renovated township health centre receives a subsidy of 200,000 "
                        "yuan.")


def test_the_place_filled_as_asked_or_a_circumstance_is_no_other_holder() -> None:
    """The question's own filler said (besides another), the same participle, or a verb's or a
    name's circumstance ("enterprises *in* Weifang" for "in the city") is no other holder."""
    assert not other_holder("What award does an enterprise whose tea exports to Central Asia "
                            "exceed 5 million US dollars receive?", _EXPORTS)
    assert not other_holder("What award do enterprises whose tea exports to Europe exceed 5 "
                            "million US dollars receive?",
                            _EXPORTS.replace("Central Asia", "Europe and Central Asia"))
    assert not other_holder("What subsidy does a renovated township health centre receive?",
                            "Each renovated township health centre receives a subsidy of 200,000 "
                            "yuan.")
    assert not other_holder("What award do tea enterprises in Weifang receive?",
                            "Tea enterprises in the city receive an award of 100,000 yuan.")
    assert not other_holder("What repair subsidy do orchards damaged by frost get in Weifang?",
                            "Orchards damaged by frost in the city receive 500 yuan per mu.")


_INSTALLER = ("13. A photovoltaic installer who obtains an intermediate vocational skill "
              "certificate receives a skills subsidy of 1,500 yuan.")


def test_a_modifier_before_more_modifiers_of_the_sentence_is_compared_with_its_own_kind() -> None:
    """Regression (unans27, refuse32, refuse33 probes, round 33): a senior certificate's subsidy,
    asked, was answered by the intermediate vocational skill certificate's, and open-field
    vegetable insurance by facility vegetable greenhouse insurance: the sentence's extra
    modifiers ("vocational skill", "greenhouse") stood in the place compared, of another part
    of speech, so no contrast was read."""
    assert other_holder("What skills subsidy does a Jiangmen photovoltaic installer with a senior "
                        "certificate receive?", _INSTALLER)
    assert other_holder("What share of the premium do farmers pay for open-field vegetable "
                        "insurance in Liaocheng?", "For facility vegetable greenhouse insurance, "
                        "the municipal and county finances bear 75% of the premium and farmers "
                        "pay 25%.")
    # The question's own modifier said among the sentence's more is its holder.
    assert not other_holder("What skills subsidy does a Jiangmen photovoltaic installer with an "
                            "intermediate certificate receive?", _INSTALLER)
    assert not other_holder("What share of the premium do farmers pay for facility vegetable "
                            "insurance in Liaocheng?", "For facility vegetable greenhouse "
                            "insurance, the municipal and county finances bear 75% of the "
                            "premium and farmers pay 25%.")


def test_a_modifier_the_embedder_credits_is_no_modifier_said() -> None:
    """Regression (refuse32 probes, round 33): a silver award's prize was answered by the gold
    award's sentence, as the embedder placed "gold" close to "silver" and credited it; a
    sibling in the shared head's place is the contrast itself. A head it credits is still said
    otherwise ("people" for "person")."""
    gold = ("14. Footwear designers who win a gold award at a national design competition "
            "receive an award of 50,000 yuan.")
    assert other_holder("What award do Quanzhou footwear designers who win a silver award at a "
                        "national design competition receive?", gold,
                        found=frozenset({"silver"}))
    assert not other_holder("What award do Quanzhou footwear designers who win a gold award at a "
                            "national design competition receive?", gold)
    assert not other_holder("How much is the subsidy for a disabled elderly person?", "Disabled "
                            "elderly people receive a subsidy of 400 yuan per month.",
                            found=frozenset({"person"}))


def test_another_degree_of_the_question_s_adjective_is_another_holder_s() -> None:
    """Regression (refuse34 probes, round 33): asked the nursing subsidy of mildly disabled
    elderly people, the answer quoted the severely disabled's: an adverb grading the adjective
    that says which holder ("assessed as *severely* disabled") is a place another word fills."""
    graded = ("4. Elderly people from low-income households who are assessed as severely "
              "disabled receive a nursing subsidy of 400 yuan per month; those assessed as "
              "moderately disabled receive 250 yuan per month.")
    assert other_holder("What nursing subsidy do elderly people from low-income households who "
                        "are assessed as mildly disabled receive in Xianyang?", graded)
    assert not other_holder("What nursing subsidy do elderly people from low-income households "
                            "who are assessed as moderately disabled receive in Xianyang?", graded)
    assert not other_holder("What nursing subsidy do disabled elderly people from low-income "
                            "households receive in Xianyang?", graded)


def test_the_subject_of_the_verb_a_question_word_asks_by_holds_its_detail() -> None:
    """Regression (enrefuse43 probes, round 42): asked what family farms receive per mu, the
    reward for hotels, or the trucks each lookout station keeps, the answer quoted what
    cooperatives receive, travel agencies' reward, a patrol team's trucks: where no noun asks
    ("how much do … receive"), "how much is the *reward* for …" or a misread auxiliary heads
    the noun asked, the verb's subject or the noun after its "for" is still its holder."""
    assert other_holder("How much do dairy farms receive per boat?",
                        "Fishing cooperatives receive 300 yuan per boat.")
    assert not other_holder("How much do dairy farms receive per boat?",
                            "Dairy farms receive 300 yuan per cow.")
    assert other_holder("How much is the bonus for bakeries that hire apprentices?",
                        "Restaurants that hire apprentices receive a bonus of 2,000 yuan.")
    assert not other_holder("How much is the bonus for bakeries that hire apprentices?",
                            "Bakeries that hire apprentices receive a bonus of 2,000 yuan.")
    assert other_holder("How many fire extinguishers does each watchtower keep?",
                        "Each ranger team keeps 10 fire extinguishers at its base.")


def test_a_place_filled_as_asked_in_a_sibling_s_phrase_only_is_another_s() -> None:
    """Regression (enrefuse43, round 42): "smart factories for footwear and digital workshops
    for textile dyeing" was read as saying workshops for footwear, as it names footwear; a
    coordination names each thing for its own noun. A verb's place is compared by its lemma
    ("built over" is "builds … over")."""
    hubs = "The city will build 4 charging hubs for buses and 6 repair centres for trucks."
    assert other_holder("How many repair centres for buses will the city build?", hubs)
    assert not other_holder("How many repair centres for trucks will the city build?", hubs)
    assert not other_holder("How many repair centres for trucks will the city build?",
                            "The city will build 6 repair centres for buses and trucks.")
    plums = ("A grower who builds a net cover over an existing plum orchard receives a subsidy of "
             "800 yuan per mu.")
    assert other_holder("What is the subsidy for a net cover built over a cherry orchard?", plums)
    assert not other_holder("What is the subsidy for a net cover built over a plum orchard?",
                            plums)
