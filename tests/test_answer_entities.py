"""What a sentence states, as the answer-type check reads its stored entities (issue 23 item 1):
an entity the question names itself, or a date inside a quoted title, answers nothing.

The sentences are made up here; their entities are the trained models' own (ingest's NER).
"""

from __future__ import annotations

import json

from app.answering.answerability import lacks
from app.answering.answerability import sentence_labels as labels_of
from app.answering.citations import Sentence
from app.answering.question_kinds import STRICT, Kind, asked_kinds, asked_thing
from app.models import AskRequest
from app.retrieval.acronyms import unmentioned
from app.retrieval.taggers import asks_agent
from app.services import Services
from app.store.chunk_entities import ENTITIES_KEY
from app.store.records import Chunk
from ingest.entities import entities_of


def _sentence(text: str) -> Sentence:
    entities = entities_of([text])[0]
    chunk = Chunk("c1", "doc", text, 0, len(text), {ENTITIES_KEY: json.dumps(entities)})
    return Sentence(chunk, 0, len(text), text, 1)


def test_a_date_inside_a_quoted_title_tells_no_when() -> None:
    """Regression: "When will the cluster zone open?" was answered by a sentence whose one date
    was the period in a plan's title ("… Action Plan (2025-2027)")."""
    titled = _sentence('The city issued the "Riverton Ferry Action Plan (2025-2027)" to build '
                       "three piers.")
    dated = _sentence("The first pier opens on 1 July 2026.")
    question = "When will the new piers open?"
    assert "DATE" in json.loads(titled.chunk.metadata[ENTITIES_KEY])[0]  # the title's period
    assert lacks({Kind.DATE}, labels_of(titled, question)) == {Kind.DATE}
    assert lacks({Kind.DATE}, labels_of(dated, question)) == set()


def test_a_time_of_day_tells_when_and_a_span_of_hours_does_not() -> None:
    """Regression: "When may lorries over 12 tonnes drive on Stonebridge's inner ring road?"
    was refused (no date stated) though "…only between 22:00 and 06:00" answers it: spaCy
    labels a time of day TIME, which the answerer keeps for what tells no "when"."""
    question = "When may lorries use the inner ring road?"
    clock = _sentence("Lorries over 12 tonnes may use the inner ring road only between 22:00 "
                      "and 06:00.")
    hours = _sentence("Lorries may use the inner ring road for 3 hours.")
    assert lacks({Kind.DATE}, labels_of(clock, question)) == set()
    assert lacks({Kind.DATE}, labels_of(hours, question)) == {Kind.DATE}


def test_a_place_or_name_the_question_gives_is_no_answer_to_it() -> None:
    """Regression: "where is Riverton's data centre built?" was answered by a sentence whose
    only place was Riverton itself, and a venue question by the event's own name."""
    sentence = _sentence("The Riverton Cloud Computing Centre was put into operation in Riverton.")
    question = "Where is the cloud computing centre built?"
    assert lacks({Kind.PLACE}, labels_of(sentence, question, places=("Riverton",))) == {
        Kind.PLACE}
    assert lacks({Kind.PLACE}, labels_of(sentence, question)) == set()
    event = _sentence("The Riverton Venture Capital Day is held on the 8th of each month.")
    said = {"riverton", "venture", "capital", "day"}
    assert "ORG" not in (labels_of(event, "Where is the day held?",
                                   asked=lambda name: set(name.lower().split()) <= said
                                   | {"the"}) or set())


def test_which_body_asks_an_organisation_and_its_head_noun_is_what_is_counted() -> None:
    assert asked_kinds("Which agency reviews the applications?") == {Kind.ORG}
    assert asked_kinds("由哪几家公司共建？") == {Kind.ORG}  # which ones, not how many
    assert asked_kinds("What is the city's planned budget for the centre?") == {Kind.MONEY}
    counted = asked_kinds("县里在几个重点领域推动应用？")
    assert "领域" in asked_thing("县里在几个重点领域推动应用？", counted)
    assert asked_thing("How many 5G base stations are planned?", {Kind.COUNT}) == ["station"]
    assert "管理人" in asked_thing("基金的管理人是哪家公司？", {Kind.ORG})
    # A rate is named by what it is of: an interest rate is no share of a purchase price.
    assert asked_thing("What is the interest rate of the loans?", {Kind.PERCENT}) == ["interest"]
    assert asked_thing("贷款利率是多少？", asked_kinds("贷款利率是多少？")) == ["利率"]


def test_a_reported_count_names_what_it_counts() -> None:
    """Regression (issue 23): in a trainer's "Summarize for trainees how many staff positions
    Haizhu's new AI bureau has been given." the count comes before its subject without the
    inversion a question has, so nothing counted was read, and "released eight measures"
    answered it."""
    question = ("Summarize for trainees how many staff positions Haizhu's new AI bureau has been "
                "given.")
    assert asked_thing(question, asked_kinds(question)) == ["positions"]
    assert asked_thing("Tell me how many people attended the training.", {Kind.COUNT}) == []


def test_how_many_counts_the_noun_it_opens_not_the_last_word_before_the_question_mark() -> None:
    """Regression (issue 23, h27): in "…, roughly how many people took part?" the thing counted
    was read as "part" (the last word of a run before "?"), so "Nearly one hundred participants
    … attended" was taken for a count of something else and the question refused. "People" is
    any person: no sentence need say it."""
    question = "For my seminar on the training, roughly how many people took part?"
    assert asked_thing(question, asked_kinds(question)) == []
    question = "About how many joint laboratories will the institutes build together?"
    assert asked_thing(question, asked_kinds(question)) == ["laboratory"]


def test_occupying_a_road_is_no_share_of_a_whole() -> None:
    """Regression: "东坡区老城区小型车占道停车首小时收费多少？" (a fee for parking on the road)
    was read as asking a share ("占…多少", what part of a whole), and refused as no passage
    states a percentage, though "小型车首小时收费4元" answers it."""
    assert asked_kinds("东坡区老城区小型车占道停车首小时收费多少？") != {Kind.PERCENT}
    assert asked_kinds("企业研发投入占营业收入的多少？") == {Kind.PERCENT}


def test_a_roman_numeral_is_no_acronym() -> None:
    texts = ["Phase III of the cloud brain starts at the end of 2023."]
    assert unmentioned("When does Cloud Brain IV start?", texts) == []
    assert unmentioned("What PUE must it reach?", texts) == ["PUE"]


def test_a_possessive_is_no_question_word(services: Services) -> None:
    """Regression: the "s" of "Zhanjiang's" counted as a question word no sentence holds, as
    heavy as the rarest word, so the sentence stating the 5% share scored below the threshold
    and the question was refused."""
    answer = services.ask(AskRequest(
        question="What is Zhanjiang's minimum digital-intelligent investment share?",
        mode="extractive"))
    assert not answer.refused, answer.answer
    assert "5%" in answer.citations[0].quote


def test_how_to_handle_asks_no_place() -> None:
    """Regression: 何处 ("where") was found inside 如何处置 / 如何处理 ("how to handle"), so
    a how-question over real notices was refused as not stating a place."""
    assert asked_kinds("医疗机构应如何处置疑似病人？") == set()
    assert asked_kinds("对拒绝隔离的人员如何处理？") == set()
    assert asked_kinds("新的数据中心建在何处？") == {Kind.PLACE}


def _tagged(text: str, entities: list[tuple[str, str]]) -> Sentence:
    """A sentence with the entities a model stored for it, given as (text, label): the small
    model's misreadings are not reproducible on made-up text, the rule reading them is."""
    spans = [[text.index(name), text.index(name) + len(name), label] for name, label in entities]
    chunk = Chunk("c1", "doc", text, 0, len(text), {ENTITIES_KEY: json.dumps(spans)})
    return Sentence(chunk, 0, len(text), text, 1)


def test_a_person_read_inside_a_name_or_with_digits_is_no_person() -> None:
    """Regression: "Who heads the new … Bureau?" was answered by a sentence whose only "person"
    was the "Cluster Zone" running on from an organisation's name ("the Pazhou … Industry"
    ORG, "Cluster Zone" PERSON), and a "when" by a field line read as a person
    ("2024-08-15click")."""
    question = "Who heads the Riverton harbour office?"
    split = _tagged("The city announced the Lakeside Digital Industry Cluster Zone today.",
                    [("the Lakeside Digital Industry", "ORG"), ("Cluster Zone", "PERSON")])
    assert labels_of(split, question) == {"ORG"}
    field = _tagged("Release time:2026-03-01click:12", [("2026-03-01click", "PERSON")])
    assert labels_of(field, question) == {"DATE", "DAY"}  # a day's date, no person
    person = _tagged("Director Li Ming heads the Riverton harbour office.", [("Li Ming", "PERSON")])
    assert labels_of(person, question) == {"PERSON"}


def test_a_sum_is_asked_of_the_noun_of_money_the_question_names() -> None:
    """Regression: "深圳…企业罚款多少？" (what fine) was answered by the sentence giving the
    size of a fund: any sum answered it, whatever it was the sum of."""
    assert asked_thing("青川县企业罚款多少？", asked_kinds("青川县企业罚款多少？")) == ["罚款"]
    assert asked_thing("How large is the Riverton harbour fund?", {Kind.MONEY}) == ["fund"]


def test_a_place_named_only_inside_a_longer_name_the_passages_write_is_no_missing_place() -> None:
    """Regression: "太湖智算中心一期规模多大？" was refused as asking about 太湖县, a county no
    document is about, although Wuxi's plan builds the 太湖智算中心 (a centre named after the
    lake). A question about the place itself is still missing it."""
    from app.retrieval.place_inference import part_of_a_name as _part_of_a_name

    passages = ["在开发区建设青山智算中心，一期建设规模2000P。"]
    assert _part_of_a_name("青山智算中心一期规模多大？", "青山区", passages)
    assert not _part_of_a_name("青山区的补贴政策是什么？", "青山区", passages)
    english = ["The Qingshan Computing Center will reach 2000P."]
    assert _part_of_a_name("What scale will the Qingshan Computing Center reach?", "Qingshan",
                           english)
    assert not _part_of_a_name("What subsidy does Qingshan give?", "Qingshan", english)


def test_a_place_followed_by_a_lowercase_word_the_passages_also_write_is_still_a_place() -> None:
    """Regression (round 32, parts33): "Compare Pingxiang and Xinyu on guaranteed start-up loans:
    how much can one person borrow in each?" lost Pingxiang as a place compared, since its plan
    writes "come back to Pingxiang and start businesses": "Pingxiang and" was read as the start
    of a longer name, so the question was answered by topic, not asked of each city. English
    names go on in capitalised words; a name the passages write still counts."""
    from app.retrieval.place_inference import part_of_a_name as _part_of_a_name

    passages = ["Rural workers come back to Pingxiang and start businesses.",
                "The Pingxiang Financing Guarantee Company provides the guarantee."]
    assert not _part_of_a_name("Compare Pingxiang and Xinyu on loans: how much in each?",
                               "Pingxiang", passages)
    assert _part_of_a_name("Who runs the Pingxiang Financing Guarantee Company?", "Pingxiang",
                           passages)


def test_a_figure_asked_of_each_one_needs_a_sentence_saying_it_of_each() -> None:
    """Regression: "How much does each Shenzhen AI joint laboratory receive?" and "…每年投多少钱？"
    were answered by the sentence giving the size of the whole fund group."""
    question = "How much does each Riverton ferry operator receive?"
    kinds = asked_kinds(question)
    assert Kind.RATE in kinds
    total = _sentence("Riverton sets up a ferry fund of 200 million yuan.")
    each = _sentence("Each ferry operator receives 50,000 yuan a year.")
    assert Kind.RATE in lacks(kinds, labels_of(total, question))
    assert lacks(kinds, labels_of(each, question)) == set()
    assert Kind.RATE in asked_kinds("青川县每年安排多少专项资金？")
    assert Kind.RATE not in asked_kinds("What share of each project goes to upgrades?")


def test_a_count_of_things_is_not_answered_by_a_sum_nor_an_item_number() -> None:
    """Regression (round 5): "How many enterprises … have built smart factories?" was answered
    by the award sentence "(1) An enterprise that builds … receives 2 million yuan": the item's
    number "(1)" and the "one" of "one-time" counted as figures, and a sum as a count of
    enterprises."""
    award = _sentence("(1) An enterprise that builds a smart factory receives a one-time award "
                      "of 2 million yuan.")
    counted = _sentence("So far 35 enterprises have built smart factories.")
    question = "How many enterprises have built smart factories?"
    assert asked_kinds(question) == {Kind.TALLY}
    assert lacks({Kind.TALLY}, labels_of(award, question)) == {Kind.TALLY}
    assert lacks({Kind.TALLY}, labels_of(counted, question)) == set()
    assert asked_kinds("产业园占地多少亩？") == {Kind.TALLY}  # 占地: land taken, no share


def test_which_district_asks_a_place_below_the_city_and_which_bank_a_bank() -> None:
    """Regression (round 5): "…建在哪个区？" was answered by a sentence naming only its city,
    and "…由哪家银行承办？" by one naming no bank."""
    city = _sentence("The city's cloud computing centre will be built in Guangzhou.")
    district = _sentence("The centre will be built in Tianhe District, Guangzhou.")
    question = "Which district will host the cloud computing centre?"
    assert asked_kinds(question) == {Kind.SITE}
    assert lacks({Kind.SITE}, labels_of(city, question)) == {Kind.SITE}
    assert lacks({Kind.SITE}, labels_of(district, question)) == set()
    fund = _sentence("市财政安排2亿元设立应急周转资金，为中小微企业提供续贷过桥服务。")
    banked = _sentence("应急周转资金由合作银行承办。")
    question = "应急周转资金由哪家银行承办？"
    assert Kind.ORG in STRICT and asked_kinds(question) == {Kind.ORG}
    assert lacks({Kind.ORG}, labels_of(fund, question)) == {Kind.ORG}
    assert lacks({Kind.ORG}, labels_of(banked, question)) == set()  # a bank of the kind asked


def test_a_bank_asked_is_named_as_one_and_an_iso_date_is_a_date() -> None:
    """Regression (round 5): "…基金群由哪家银行管理？" was answered by a sentence naming another
    body (an organisation, but no bank), and "When was the interpretation published?" was refused
    though its field line "Release time:2024-08-15click:0" holds the date NER misread."""
    other = _sentence("The fund is managed under the Shenzhen Municipal Finance Bureau.")
    bank = _sentence("The fund is managed by the Bank of China Shenzhen Branch.")
    question = "Which bank manages the fund?"
    assert lacks({Kind.ORG}, labels_of(other, question)) == {Kind.ORG}
    assert lacks({Kind.ORG}, labels_of(bank, question)) == set()
    released = _sentence("Release time:2024-08-15click:0")
    assert lacks({Kind.DATE}, labels_of(released, "When was it released?")) == set()


def test_a_body_the_model_reads_as_a_place_is_stored_as_an_organisation() -> None:
    """Regression (issue 23, cities batch v): "Who runs Hefei's shared model-training platform?"
    was refused: spaCy tags "The Hefei Industrial Internet Service Center" a building (FAC), so
    the sentence held no organisation. A name headed by a body's noun ("Center") is one."""
    text = ("(4) The Hefei Industrial Internet Service Center operates a shared model-training "
            "platform; small and medium-sized manufacturers may use up to 5,000 GPU hours of it "
            "free of charge each year.")
    named = {text[s:e]: label for s, e, label, *_ in entities_of([text])[0]}
    assert named["The Hefei Industrial Internet Service Center"] == "ORG"
    assert "ORG" in (labels_of(_sentence(text), "Who runs the shared platform?") or set())


def test_a_which_company_question_is_not_answered_by_another_kind_of_body() -> None:
    """Regression (issue 23, cities batches w and x): "Which company developed Luoyang's tourism
    service app?" was answered by "… the Luoyang Big Data Center builds and runs it", and
    "Which company built the Xugong Hanyun platform's data centre?" by a sentence on "5,000
    supplier enterprises": a body named as another kind is no company, nor is a bare plural,
    which speaks of any; a determined noun or a name without a body's noun still is one."""
    question = "Which company developed Riverton's tourism app?"
    for text in ("A tourism app will bring together ticketing; the Riverton Big Data Center "
                 "builds and runs it.",
                 "The platform will connect at least 5,000 supplier enterprises by 2026.",
                 "Support research institutions and enterprises to jointly build the app."):
        assert lacks({Kind.ORG}, labels_of(_sentence(text), question)) == {Kind.ORG}, text
    for text in ("The tourism app was developed by Riverton Cloud Technology Company.",
                 "It has attracted a software firm to build the app, the city's first enterprise "
                 "in the sector."):
        assert lacks({Kind.ORG}, labels_of(_sentence(text), question)) == set(), text
    # A bureau does answer "which department", as before.
    assert lacks({Kind.ORG}, labels_of(_sentence("The Riverton Finance Bureau pays the awards."),
                                       "Which department pays the awards?")) == set()


def test_a_chinese_body_named_as_another_kind_answers_no_which_company() -> None:
    """Regression (issue 23, batch zhbodies6): "南昌改造智能路口由哪家公司负责施工？" was answered
    by "由市交通运输局牵头": a Chinese body's kind (局, 委, 中心) was read only at ingest, so a
    bureau passed for a company in either language; a firm's name (…有限公司, …集团) still does.
    "Which company built the Xugong Hanyun platform's data centre?" was answered by "由市数据局
    牵头…", LAC tagging "市" alone."""
    for question in ("智能路口由哪家公司负责施工？", "Which company rebuilds the smart crossings?"):
        bureau = _sentence("由南昌市交通运输局牵头，在主城区改造智能路口200个。")
        assert lacks({Kind.ORG}, labels_of(bureau, question)) == {Kind.ORG}, question
    # LAC tags only "市" of 市数据局 (cities batch x, Xugong Hanyun): the body's word joins it.
    data_bureau = _sentence("由市数据局牵头，建成覆盖全市的算力调度平台。")
    question = "Which company built the platform?"
    assert lacks({Kind.ORG}, labels_of(data_bureau, question)) == {Kind.ORG}
    firm = _sentence("智能路口由中国电信股份有限公司南昌分公司负责施工。")
    assert lacks({Kind.ORG}, labels_of(firm, "智能路口由哪家公司负责施工？")) == set()


def test_a_service_number_is_a_telephone_number() -> None:
    """Regression (issue 23, batch zhbodies6; realzh-dev 12366): "…咨询电话是多少？" was refused
    over "咨询电话：0851-12345。": a five-digit service number (12345, 12366, 96116), dialled
    through an area code or written after a word for a call, is a telephone number; a figure
    of five digits ("受理12345件") is none."""
    for text, number in (("咨询电话：0851-12345。", "0851-12345"), ("纳税服务热线12366", "12366"),
                         ("用户也可拨打集团客户服务热线96116进行自报数。", "96116")):
        phones = [text[s:e] for s, e, label, *_ in entities_of([text])[0] if label == "PHONE"]
        assert phones == [number], text
    dialled = _sentence("咨询电话：0851-12345。")
    assert lacks({Kind.PHONE}, labels_of(dialled, "咨询电话是多少？")) == set()
    assert "PHONE" not in {label for _, _, label, *_ in entities_of(["累计受理12345件。"])[0]}


def test_a_bare_local_number_after_a_word_for_a_telephone_is_one() -> None:
    """Regression (round 14, realzh-dev "…电话咨询…| 12366" and zhread14's fresh batch): an
    eight-digit local number written bare after "电话：" (88011784) was read as a figure, a
    service number named before its line's name ("12366纳税服务热线") or listed after another
    number ("12345、12366") as a figure too, so "咨询电话是多少？" was refused over the sentence
    giving it. A bare figure with no word for a telephone stays a figure."""
    for text, numbers in (("联系人：王科长，联系电话：88011784。", ["88011784"]),
                          ("咨询电话为66123456。", ["66123456"]),
                          ("可拨打12366纳税服务热线咨询。", ["12366"]),
                          ("咨询电话：0931-8861234、12345。", ["0931-8861234", "12345"])):
        phones = [text[s:e] for s, e, label, *_ in entities_of([text])[0] if label == "PHONE"]
        assert phones == numbers, text
    for figure in ("全年共发放补贴19800000元。", "共受理12345件，办结12366件。"):
        assert "PHONE" not in {label for _, _, label, *_ in entities_of([figure])[0]}, figure


def test_a_who_question_is_answered_by_a_body_named_by_its_noun() -> None:
    """Regression (issue 23, cities batch): "Who should Shenzhen enterprises report a data
    security incident to?" was refused: "… reported to the industry regulator" names a body no
    NER tags. A determined noun of a body answers "who"; a bare plural ("connects shipping
    companies"), which speaks of any, does not."""
    question = "Who should firms report an incident to?"
    named = _sentence("An incident should be reported to the industry regulator within 24 hours.")
    assert lacks({Kind.WHO}, labels_of(named, question)) == set()
    bare = _sentence("The city will build a port platform that connects shipping companies.")
    assert lacks({Kind.WHO}, labels_of(bare, "Who pays for the port platform?")) == {Kind.WHO}


def test_a_body_named_but_not_as_who_acts_answers_no_which_company() -> None:
    """Regression (round 7's held-out batch v, issue 23 §1): "广州人工智能公共算力中心是由哪家企业
    承建的？" was answered by "… launched the master plan for the Pazhou Artificial Intelligence
    Industry Cluster Zone …": spaCy's ORG there is what a plan is for, not who builds. A name
    answers "which company / who" only as who acts in its sentence (the parse: a subject, the
    agent of a passive, a list of them), or where the question's own preposition puts it."""
    question = "Which company built the computing center?"
    mentioned = _sentence("On the same day, Haizhu District launched the master plan for the "
                          "Pazhou Artificial Intelligence Industry Cluster Zone.")
    assert lacks({Kind.ORG}, labels_of(mentioned, question)) == {Kind.ORG}
    builders = _sentence("The center is supported by the district bureau and jointly built by "
                         "Jiazhi Huixing, Guoxing Yuhang, and Qianxing Holdings.")
    assert lacks({Kind.ORG}, labels_of(builders, question)) == set()
    runner = _sentence("The Hefei Industrial Internet Service Center operates a shared platform.")
    assert lacks({Kind.WHO}, labels_of(runner, "Who runs the shared platform?")) == set()
    # Who acts is asked only by a question whose "who"/"which …" is its verb's subject.
    drafted = _sentence("The plan was drafted for the Riverton Finance Bureau last year.")
    assert lacks({Kind.WHO}, labels_of(drafted, "Who drafted the plan?")) == {Kind.WHO}
    assert lacks({Kind.ORG}, labels_of(drafted, "Which bureau was the plan drafted for?")) == set()
    assert lacks({Kind.ORG}, labels_of(mentioned, "Which zone does the plan cover?")) == set()
    assert asks_agent("算力中心是由哪家企业承建的？") and asks_agent("哪个部门负责解读？")
    assert not asks_agent("市里支持哪家企业？") and not asks_agent("管理人是哪家公司？")


def test_a_chinese_body_lac_cuts_in_two_is_one_body() -> None:
    """Regression (round 7's held-out batch v): "宝鸡钛谷新材料检测中心是由哪家公司运营的？" was
    answered by "…（牵头单位：市市场监管局）": LAC tags 市 and 市场监管局 apart, and 市 alone,
    ending in no body's word, passed for a company. Ingest joins them into one body."""
    text = "单户企业每年最高20万元。（牵头单位：市市场监管局）"
    assert "市市场监管局" in {text[s:e] for s, e, label, *_ in entities_of([text])[0]
                             if label == "ORG"}
    assert lacks({Kind.ORG}, labels_of(_sentence(text), "检测中心由哪家公司运营？")) == {Kind.ORG}


def test_who_was_appointed_to_an_office_asks_a_person_and_an_operator_any_body() -> None:
    """Regression (round 7's held-out batch v): "Who was appointed director of the Haizhu
    District Artificial Intelligence Development Bureau?" was answered by a sentence naming the
    bureau: a participle before the office ("appointed director", "named as head") still asks
    who holds it, a person, and the office is what the answer must name; a party to a contract
    ("who is the operator") is mostly a body."""
    question = "Who was appointed director of the Riverton Data Bureau?"
    assert asked_kinds(question) == {Kind.PERSON}
    assert asked_thing(question, {Kind.PERSON}) == ["director"]
    assert asked_kinds("Who was named as the head of the group?") == {Kind.PERSON}
    for question in ("Who is the operator of the platform?", "Who was commissioned to build it?",
                     "Who was selected as the contractor?"):
        assert asked_kinds(question) == {Kind.WHO}, question


def test_which_firm_is_answered_by_the_texts_enterprise() -> None:
    """Regression (probe batch j): "which edge AI firm opened a subsidiary in zhanjiang" was
    answered by a sentence on the action plan: no NER tags "IntelliFusion", and "firm" had no
    variant in the texts' words (as "firms" and "company" had: "enterprise"), so "marking the
    city's first enterprise" named no body of the kind asked."""
    text = ('It has attracted the domestic "first stock in edge AI," IntelliFusion, to establish '
            "a subsidiary in Riverton, marking the city's first enterprise in the AI industry.")
    question = "which edge AI firm opened a subsidiary in riverton"
    assert lacks({Kind.ORG}, labels_of(_sentence(text), question)) == set()


def test_an_acronym_ner_reads_as_a_place_tells_no_where() -> None:
    """Regression (issue 23, unanswerable answered): "湛江人工智能产业集聚区选址定在哪里？" was
    answered by sentences whose one place was "AI": spaCy's en_core_web_sm tags the acronym as
    a place (GPE), so the where-check found a place in every sentence about AI."""
    question = "Where will the AI cluster zone be built?"
    fields = _sentence("Riverton is prioritizing AI applications across four key fields: "
                       "farming, ports, schools and clinics.")
    misread = [e[2] for e in json.loads(fields.chunk.metadata[ENTITIES_KEY])
               if fields.text[e[0]:e[1]] == "AI"]
    assert misread == ["PLACE"]  # the trained model's own reading
    assert lacks({Kind.PLACE}, labels_of(fields, question, places=("Riverton",))) == {Kind.PLACE}
    sited = _sentence("The AI cluster zone will be built in Millford County.")
    assert lacks({Kind.PLACE}, labels_of(sited, question, places=("Riverton",))) == set()


def test_zai_na_before_a_number_asks_which_not_where() -> None:
    """Regression: "湛江在哪几个重点领域推进人工智能应用？" was read as asking a place (在哪), and
    answered only because spaCy read "AI" as one; 哪 before a number or measure word is "which"."""
    assert Kind.PLACE not in asked_kinds("县里在哪几个重点领域推进应用？")
    assert Kind.PLACE not in asked_kinds("县里在哪六个重点领域推进应用？")
    assert Kind.PLACE in asked_kinds("县里的测试区建在哪？")
    assert Kind.PLACE in asked_kinds("县里的测试区建在哪里？")
    assert Kind.PLACE in asked_kinds("创投日在哪个场馆举办？")  # 哪个 + a noun of a place


def test_persons_listed_with_a_firm_are_firms() -> None:
    """Regression (round 26's held-out h26): "Who heads the Haizhu … Bureau?" was answered by
    "… jointly built by Jiazhi Huixing, Guoxing Yuhang, and Qianxing Holdings": NER read the
    first two firms as persons, and a person is what "who heads" asks."""
    question = "Who heads the Haizhu District Artificial Intelligence Development Bureau?"
    built = _sentence("This Space Intelligent Computing Center is supported by the Haizhu District "
                      "Artificial Intelligence Development Bureau and jointly built by Jiazhi "
                      "Huixing, Guoxing Yuhang, and Qianxing Holdings.")
    headed = _sentence("The bureau is headed by Chen Wei, a former deputy mayor of the city.")
    assert asked_kinds(question) == {Kind.PERSON}
    assert lacks({Kind.PERSON}, labels_of(built, question)) == {Kind.PERSON}
    assert lacks({Kind.PERSON}, labels_of(headed, question)) == set()


def test_a_body_listed_with_government_bureaus_is_no_firm() -> None:
    """Regression (h26): "深圳城市级算力统筹调度平台由哪家企业来运营？" was answered by a sentence
    whose remark lists the units responsible, government bureaus all, one of them not named a
    bureau ("Municipal Fire Rescue Detachment"); the members of one list are of one kind."""
    question = "Which company operates the urban information model platform?"
    remark = _sentence("Enrich the special effect scenes on the urban information model platform. "
                       "(Responsible units: Municipal Transportation Bureau, Municipal Housing "
                       "Construction Bureau, Municipal Fire Rescue Detachment, etc.)")
    run = _sentence("The platform is operated by Shenzhen Cloud Computing Company and Pengcheng "
                    "Data Services Co., Ltd.")
    assert lacks({Kind.ORG}, labels_of(remark, question)) == {Kind.ORG}
    assert lacks({Kind.ORG}, labels_of(run, question)) == set()


def test_spending_and_investing_ask_a_sum() -> None:
    """Regression (h26): "How much is Zhanjiang spending on its DeepSeek-based … platform?" asked
    any figure ("spending" was not read as paying), so a count of cases answered it."""
    assert Kind.MONEY in asked_kinds("How much is Zhanjiang spending on its DeepSeek platform?")
    assert Kind.MONEY in asked_kinds("How much is Haizhu investing in the computing center?")
    assert Kind.MONEY not in asked_kinds("How many cases has Zhanjiang released?")
