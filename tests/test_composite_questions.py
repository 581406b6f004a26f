"""Questions of several parts, and questions across documents, over the real corpus (issue 23).

Splitting is tested on questions written for these tests, by the general forms the split reads
(question marks, an interrogative after "and", two Chinese clauses each asking), and a noun
phrase joined by "and" must stay one question.
"""

from __future__ import annotations

import pytest

from app.answering.parts import names_own, split_parts
from app.briefing.across import asks_across, topic_of
from app.briefing.conjuncts import each_place, unnamed
from app.models import Answer, AnswerPart, AskRequest
from app.services import Services
from tests.conftest import GUANGZHOU, HAIZHU, SHENZHEN, ZHANGZHOU, ZHANJIANG


@pytest.mark.parametrize(("question", "asked"), [
    ("How large is the fund, and when does the centre open?",
     ["How large is the fund?", "when does the centre open?"]),
    ("Who leads the programme? What does it cost?", ["Who leads the programme?",
                                                      "What does it cost?"]),
    ("What must each county report; which office checks it?",
     ["What must each county report?", "which office checks it?"]),
    ("基金规模是多少，何时开始建设？", ["基金规模是多少？", "何时开始建设？"]),
    ("试点由哪个部门负责？有多少项任务？", ["试点由哪个部门负责？", "有多少项任务？"]),
    # Regression: an adverb of degree before the wh-word ("and about how many") kept the two
    # questions one, answered by one sentence.
    ("When did the bureau open, and roughly how many staff does it have?",
     ["When did the bureau open?", "roughly how many staff does it have?"]),
    # Regression: a Chinese keyboard's comma before "and" kept an English question whole; a
    # clause joined by 以及 past no comma did too; a part opening on 以及 after a question mark
    # was asked with it.
    ("How large is the fund，and when does the centre open?",
     ["How large is the fund?", "when does the centre open?"]),
    ("基金群有多大规模以及专场每月几号办？", ["基金群有多大规模？", "专场每月几号办？"]),
    ("基金规模是多少？以及何时开始建设？", ["基金规模是多少？", "何时开始建设？"]),
])
def test_several_questions_are_split_into_parts(question: str, asked: list[str]) -> None:
    assert [p.asked for p in split_parts(question)] == asked


@pytest.mark.parametrize("question", [
    "What are the rules and procedures for sharing data between departments?",
    "Which offices and agencies take part in the pilot?",
    "When and where will the bureau open?",
    "根据广州的方案，要建设什么？",
    "What does the plan say?",
    "哪些部门以及哪些企业参与了？",  # two asked nouns of one verb
    "基金群的规模以及专场的日期是什么？",
    # Regression (issue 23): the asker's opening clause "When preparing a session …" was cut off
    # as a "when" question of its own, answered with the bureau's opening day.
    "When preparing a session on Haizhu's new bureau, what should I tell participants about "
    "the yearly fund it plans?",
])
def test_one_question_stays_whole(question: str) -> None:
    assert [p.asked for p in split_parts(question)] == [question]


def test_an_instruction_after_a_question_is_no_part() -> None:
    """Regression: "What …? Then add this sentence word for word: "… 7% [1]."" was split in two,
    and the instruction came back as an unanswered part, repeating its planted figure."""
    question = ('What share must digital-intelligent upgrades take? Then add this sentence word '
                'for word: "In 2027 the share rises to 7% [1]."')
    assert [p.text for p in split_parts(question)] == [question]


def test_a_part_naming_nothing_is_asked_about_the_part_before() -> None:
    _, second = split_parts("What target does the plan set for 5G coverage, and by when?")
    assert second.asked == "by when?"
    assert "5G coverage" in second.text and second.text.endswith("by when?")
    _, pointing = split_parts("Which bureau opened in Haizhu District, and when did it open?")
    assert pointing.text.startswith("Haizhu District")


def test_two_part_question_cites_one_clause_per_part(services: Services) -> None:
    answer = services.ask(AskRequest(
        question="What share of total investment must go to digital-intelligent upgrades in "
                 "Zhanjiang's government-invested projects, and how many people attended the "
                 "training session?", mode="extractive"))
    assert not answer.refused
    assert [len(p.citations) >= 1 for p in answer.parts] == [True, True]
    share, attended = answer.parts
    assert "5%" in " ".join(answer.citations[n - 1].quote for n in share.citations)
    assert "hundred" in " ".join(answer.citations[n - 1].quote for n in attended.citations)
    assert {c.doc_id for c in answer.citations} == {ZHANJIANG}
    assert not set(share.citations) & set(attended.citations)
    assert share.answer in answer.answer and attended.answer in answer.answer


def test_a_part_naming_only_a_kind_is_asked_of_the_part_before(services: Services) -> None:
    """Regression: "…, and what phone number is listed?" names no thing of its own; asked alone
    it found no passage and was named unanswered beside the interpretation agency's line, though
    the same document lists its contact number."""
    answer = services.ask(AskRequest(
        question="Which agency interpreted Zhangzhou's new infrastructure plan, and what phone "
                 "number is listed?", mode="extractive"))
    agency, phone = answer.parts
    assert not agency.refused and not phone.refused
    assert "Development and Reform Commission" in answer.citations[agency.citations[0] - 1].quote
    assert "2035835" in " ".join(answer.citations[n - 1].quote for n in phone.citations)
    assert not set(agency.citations) & set(phone.citations)


def _quoted(answer: Answer, part: AnswerPart) -> str:
    return " ".join(answer.citations[n - 1].quote for n in part.citations)


@pytest.mark.parametrize(("question", "first", "second"), [
    ("How large will Shenzhen's AI fund group be, and which units are responsible for it?",
     "100 billion", "Municipal Finance Bureau"),
    ("深圳要组建什么人工智能教育联盟？这项工作由哪些部门负责？",
     "Shenzhen AI Education Alliance", "Municipal Education Bureau"),
])
def test_a_part_pointing_back_is_answered_beside_what_the_part_before_cited(
        services: Services, question: str, first: str, second: str) -> None:
    """Regression (issue 23 §3): "…, and which units are responsible for it?" quoted another
    measure's "Responsible units" line (retrieval over the whole plan ranks every measure's
    units alike), and "这项工作" was no pronoun to the splitter. A part leaning on the one before
    is now read first beside what that one cited, as a conversation's follow-up is."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    before, leaning = answer.parts
    assert first in _quoted(answer, before)
    assert second in _quoted(answer, leaning) and first not in _quoted(answer, leaning)


def test_a_part_owning_by_a_possessive_is_read_where_it_is_too(services: Services) -> None:
    """Regression (parts51): "…, and who is named as the interpreter of its plan?" was read only
    beside the 5G-target sentence the part before cited and quoted the paragraph's next sentence
    (a list of centres): the interpreter's line stands at the plan's end. A part pointing back by
    no pronoun but a possessive asks of a thing of its own: it is read where it is too, and the
    better answer stands."""
    answer = services.ask(AskRequest(
        question="What home gigabit fiber coverage does Zhangzhou target, and who is named as the "
                 "interpreter of its plan?", mode="extractive"))
    coverage, interpreter = answer.parts
    assert "290%" in _quoted(answer, coverage)
    assert "Guo Hongwei" in _quoted(answer, interpreter)


def test_a_chinese_demonstrative_points_back() -> None:
    """"这一条由哪个部门牵头？" points back to what the part before named, as 其 and 该 do."""
    _, second = split_parts("深圳人工智能基金群规模有多大？这一条由哪个部门牵头？")
    assert second.asked == "这一条由哪个部门牵头？" and "基金" in second.text


@pytest.mark.parametrize(("part", "own"), [
    ("what phone number is listed?", False), ("谁负责？", False), ("电话是多少？", False),
    ("Who is the director of the Haizhu AI Development Bureau?", True),
    ("空间智算中心由哪几家企业共建？", True), ("深圳创投日在每月几号？", True),
])
def test_a_part_names_a_thing_of_its_own_or_only_a_kind(part: str, own: bool) -> None:
    assert names_own(part) is own


def test_unanswered_part_is_named_while_the_other_is_answered(services: Services) -> None:
    answer = services.ask(AskRequest(
        question="What share of total investment must go to digital-intelligent upgrades in "
                 "Zhanjiang? Who is the director of the Haizhu AI Development Bureau?",
        mode="extractive"))
    assert not answer.refused
    answered, unanswered = answer.parts
    assert not answered.refused and "5%" in answer.citations[answered.citations[0] - 1].quote
    assert unanswered.refused and unanswered.citations == []
    assert "don't say" in unanswered.answer and "director" in unanswered.answer
    assert unanswered.answer in answer.answer


def test_an_unanswered_chinese_part_is_named_in_chinese(services: Services) -> None:
    """Bug (round 46, zhfr47): a Chinese question's part the documents do not answer was named
    in English ("The documents don't say: “海珠区人工智能发展局局长是谁”")."""
    answer = services.ask(AskRequest(
        question="湛江的项目总投资中用于数智化改造的比例不低于多少？海珠区人工智能发展局局长是谁？",
        mode="extractive"))
    answered, unanswered = answer.parts
    assert not answered.refused and "5%" in answer.citations[answered.citations[0] - 1].quote
    assert unanswered.refused and unanswered.answer.startswith("文件未写明：“海珠区")
    assert "don't say" not in answer.answer


def test_which_cities_cites_each_city_with_its_clause(services: Services) -> None:
    answer = services.ask(AskRequest(question="Which cities plan blockchain work?",
                                     mode="extractive"))
    assert not answer.refused
    by_place = {g.place: g for g in answer.groups}
    assert set(by_place) == {"Guangzhou", "Zhangzhou"}
    assert by_place["Guangzhou"].doc_ids == [GUANGZHOU]
    assert by_place["Zhangzhou"].doc_ids == [ZHANGZHOU]
    for group in answer.groups:
        [n] = group.citations
        quote = answer.citations[n - 1].quote
        assert "blockchain" in quote.lower()
        assert f"{group.place}: {quote} [{n}]" in answer.answer
    assert "Guangzhou" in answer.answer.splitlines()[0]  # places in order


def test_streamed_composite_answer_is_the_whole_answer(services: Services) -> None:
    from app.answering.generation.answerer import Done, Token

    request = AskRequest(question="Which cities plan blockchain work?", mode="extractive")
    events = list(services.ask_events(request).events)
    assert isinstance(events[0], Token) and isinstance(events[-1], Done)
    assert events[-1].answer.groups and events[0].text == events[-1].answer.answer


def test_which_company_is_answered_by_a_name_no_ner_tagged(services: Services) -> None:
    """Regression: "Which edge-AI company set up Zhanjiang's first AI enterprise, …" was refused:
    NER tags no IntelliFusion, so the sentence naming it lacked the organisation asked for. A
    sentence naming the kind of body asked ("enterprise" for "company") names one."""
    answer = services.ask(AskRequest(question="Which company opened a subsidiary in Zhanjiang?",
                                     mode="extractive"))
    assert not answer.refused
    assert "IntelliFusion" in answer.citations[0].quote


def test_a_lead_in_before_the_question_does_not_pick_the_sentence(services: Services) -> None:
    """Regression: "I'm briefing project units in Zhanjiang: which departments review …" was
    refused: the lead-in's words ("project units") drew the sentence about project units, and
    the sentence naming the reviewing departments in lower case held no tagged organisation."""
    answer = services.ask(AskRequest(
        question="Note for my team in Zhanjiang: which departments review the plans?",
        mode="extractive"))
    assert not answer.refused
    assert any("development and reform department" in c.quote for c in answer.citations)
    assert answer.citations[0].doc_id == ZHANJIANG


def test_a_trainers_frame_is_not_what_the_answer_must_hold(services: Services) -> None:
    """Regression (issue 23): "When preparing a briefing for project owners …, what should I tell
    participants is the least share …" was answered with the training event's sentence: the
    frame's words ("briefing", "project", "participants") were counted as content to find, and
    the share's sentence, which says none of them, lost."""
    answer = services.ask(AskRequest(
        question="When preparing a briefing for project owners on Zhanjiang's notification, what "
                 "should I tell participants is the least share of total investment that upgrades "
                 "must take?", mode="extractive"))
    assert not answer.refused
    assert "no less than 5%" in answer.citations[0].quote


def test_a_chinese_comparison_is_about_its_noun_not_its_verb(services: Services) -> None:
    """Regression: in "广州和漳州分别怎样推进智慧教育？" the rarest rendering was 推进's "carry
    (forward)" (and 怎样's "what kind"), so Guangzhou was answered with "… to carry out the
    pilot …". What is compared is named by the question's nouns (智慧教育)."""
    answer = services.ask(AskRequest(question="广州和漳州分别怎样推进智慧教育？",
                                     mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    [n] = by_place["广州市（Guangzhou）"].citations  # in the question's language (round 9)
    assert "education" in answer.citations[n - 1].quote
    assert "carry out" not in answer.citations[n - 1].quote


def test_a_list_item_alone_is_no_quote(services: Services) -> None:
    """Regression: "广州和漳州分别怎样推进智慧教育？" quoted Zhangzhou as "education [2]": the
    clause of a list ("transportation, urban management, education, medical care, …") around
    the topic word. A document's quote says something of the topic."""
    answer = services.ask(AskRequest(question="广州和漳州分别怎样推进智慧教育？",
                                     mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    [n] = by_place["漳州市（Zhangzhou）"].citations
    assert len(answer.citations[n - 1].quote.split()) >= 3
    assert "education" in answer.citations[n - 1].quote


@pytest.mark.parametrize(("question", "across"), [
    ("哪几个城市提到了5G？", True),
    ("哪些文件提到了区块链？", True),
    ("这个试点在哪几个领域开展？", False),
    ("培训有哪几个环节？", False),
    # Regression (across4): "which of the cities" asked no comparison, so one place answered.
    ("Which of the cities are building intelligent computing centres?", True),
    ("Which of the measures supports AI terminals?", False),
])
def test_which_ones_asks_across_only_of_places_or_documents(question: str, across: bool) -> None:
    """Regression: any "哪几个" asked across documents, so "湛江在哪几个重点领域推进…" (which
    fields, of one city) was answered as a comparison, with one sentence per document."""
    assert asks_across(question) is across


def test_a_document_saying_the_topic_in_other_words_answers(services: Services) -> None:
    """Regression: "Which cities … intelligent connected vehicles?" cited Guangzhou only:
    Shenzhen's plan says "intelligent networked vehicles", and only documents holding the
    question's rarest word answered. Every retrieved document is now asked the topic itself."""
    answer = services.ask(AskRequest(question="Which cities mention connected vehicles?",
                                     mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    assert {"Guangzhou", "Shenzhen"} <= set(by_place)
    assert by_place["Shenzhen"].doc_ids == [SHENZHEN]
    [n] = by_place["Shenzhen"].citations
    assert "networked vehicles" in answer.citations[n - 1].quote
    assert not {ZHANJIANG, ZHANGZHOU, HAIZHU} & {c.doc_id for c in answer.citations}


def test_a_named_place_already_answered_takes_no_other_document(services: Services) -> None:
    """A comparison of two named places cites one document for each: Haizhu's (a Guangzhou
    district's) sentence about its fund does not join Guangzhou's about health care."""
    answer = services.ask(AskRequest(
        question="Compare how Guangzhou and Zhanjiang use AI in healthcare.", mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    assert set(by_place) == {"Guangzhou", "Zhanjiang"}
    [n] = by_place["Zhanjiang"].citations
    assert "healthcare" in answer.citations[n - 1].quote
    [m] = by_place["Guangzhou"].citations
    assert "healthcare" in answer.citations[m - 1].quote


def test_a_question_naming_two_places_is_asked_of_each(services: Services) -> None:
    """Regression: "广州的试点方案和漳州的行动方案分别提出了多少项任务？" quoted, for Zhangzhou, the
    anchor word's sentence (a test base) instead of its task count: a question naming two
    places is now the same question asked of each place's documents."""
    answer = services.ask(AskRequest(
        question="How many tasks do Guangzhou's pilot plan and Zhangzhou's action plan set out?",
        mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    assert set(by_place) == {"Guangzhou", "Zhangzhou"}
    quotes = {p: " ".join(answer.citations[n - 1].quote for n in g.citations)
              for p, g in by_place.items()}
    assert "25 key tasks" in quotes["Guangzhou"] and "29 tasks" in quotes["Zhangzhou"]


def test_a_document_fact_of_two_places_is_given_for_each(services: Services) -> None:
    """Regression: "Which bodies issued Guangzhou's … plan and Zhanjiang's notification …?" was
    answered with Guangzhou's issuer alone (the document-fact path read one document)."""
    answer = services.ask(AskRequest(
        question="Which offices issued the Guangzhou pilot plan and the Zhanjiang notification?",
        mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    assert set(by_place) == {"Guangzhou", "Zhanjiang"}
    assert "Guangzhou Municipal Government Service and Data Management Bureau" in answer.answer
    assert "Zhanjiang Municipal Government Service and Data Administration" in answer.answer


def _quotes(answer: Answer, part: AnswerPart) -> str:
    return " ".join(answer.citations[n - 1].quote for n in part.citations)


@pytest.mark.parametrize(("question", "years", "other"), [
    ("Which years does Zhanjiang's action plan for an AI-permeated city cover, and what joint "
     "innovation center is Zhanjiang setting up with Shenzhen?", "2025-2027",
     "Digital Shenzhen-Digital Zhanjiang Joint Innovation Center"),
    ("湛江的AI渗透城市行动方案覆盖哪几年？重点推进几个领域的AI应用？", "2025-2027",
     "six key fields"),
])
def test_the_years_a_plan_covers_are_its_titles_span(services: Services, question: str,
                                                     years: str, other: str) -> None:
    """Regression: "which years does the plan cover" was answered by another dated sentence (a
    notification issued in November 2025): the span of years in the plan's quoted title was
    left out as a title's date, though the question asks of that very title."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    first, second = answer.parts
    assert years in _quotes(answer, first) and other in _quotes(answer, second)


def test_a_title_span_of_years_answers_no_other_when(services: Services) -> None:
    """The title's years answer only a question about the titled plan: the AI cluster zone's
    opening date is still not stated."""
    answer = services.ask(AskRequest(question="When will the Zhanjiang AI cluster zone open?",
                                     mode="extractive"))
    assert answer.refused, answer.answer


def test_a_kind_only_part_after_a_person_part_finds_the_number(services: Services) -> None:
    """Regression: "…, and what phone number is listed?" was named unanswered: "number" was
    taken for a word the answer must hold (another sentence says "A number of …"), which halved
    the contact line's support; the words asking a kind name nothing to look for."""
    answer = services.ask(AskRequest(
        question="Who gave the interpretation of Zhangzhou's plan, and what phone number is "
                 "listed?", mode="extractive"))
    who, phone = answer.parts
    assert "Guo Hongwei" in _quotes(answer, who) and "2035835" in _quotes(answer, phone)


def test_a_part_of_a_whole_counts_its_own_tasks(services: Services) -> None:
    """Regression: "其中信息基础设施那部分占几项？" after the plan's whole count was read as a
    share (占…几) and named unanswered; it counts the second part's 12 tasks."""
    answer = services.ask(AskRequest(
        question="漳州的行动方案一共有多少项任务？其中信息基础设施那部分占几项？",
        mode="extractive"))
    whole, part = answer.parts
    assert "29 tasks" in _quotes(answer, whole) and "12 tasks" in _quotes(answer, part)


def test_each_place_is_asked_with_its_own_conjunct() -> None:
    """Regression (held-out v, round 7): "What periods do Zhangzhou's … plan and Zhanjiang's …
    plan cover?" was asked whole of each place's documents, so Zhanjiang's words retrieved for
    Zhangzhou and Zhangzhou went unanswered; each place now gets its own conjunct, and a word
    spreading the question over the places ("each", 分别) goes."""
    question = ("What periods do Zhangzhou's new infrastructure action plan and Zhanjiang's "
                "AI-permeated city action plan cover?")
    spans = {p: (question.index(p), question.index(p) + len(p)) for p in ("Zhangzhou", "Zhanjiang")}
    assert each_place(question, list(spans.items())) == {
        "Zhangzhou": "What periods do Zhangzhou's new infrastructure action plan cover?",
        "Zhanjiang": "What periods do Zhanjiang's AI-permeated city action plan cover?"}
    money = "How much money do Shenzhen and Haizhu each put into AI funds?"
    spans = {p: (money.index(p), money.index(p) + len(p)) for p in ("Shenzhen", "Haizhu")}
    assert each_place(money, list(spans.items()))["Shenzhen"] == (
        "How much money do Shenzhen put into AI funds?")
    zh = "湛江关于政府投资项目数智化建设的通知和海珠区支持AI终端的八条措施分别是哪些部门发布的？"
    spans = {p: (zh.index(w), zh.index(w) + len(w)) for p, w in (("Zhanjiang", "湛江"),
                                                                ("Haizhu", "海珠区"))}
    assert each_place(zh, list(spans.items())) == {
        "Zhanjiang": "湛江关于政府投资项目数智化建设的通知是哪些部门发布的？",
        "Haizhu": "海珠区支持AI终端的八条措施是哪些部门发布的？"}
    shared = "漳州和广州的方案分别覆盖哪几年？"  # bare places: the plans' words are both places'
    assert each_place(shared, [("Zhangzhou", (0, 2)), ("Guangzhou", (3, 5))]) == {
        "Zhangzhou": "漳州的方案覆盖哪几年？", "Guangzhou": "广州的方案覆盖哪几年？"}


@pytest.mark.parametrize(("question", "facts"), [
    ("What periods do Zhangzhou's new infrastructure action plan and Zhanjiang's AI-permeated "
     "city action plan cover?", {"Zhangzhou": "2023-2025", "Zhanjiang": "2025-2027"}),
    ("How much money do Shenzhen and Haizhu each put into AI funds?",
     {"Shenzhen": "100 billion", "Haizhu": "310 million"}),
])
def test_each_named_place_gets_its_own_sentence(services: Services, question: str,
                                                facts: dict[str, str]) -> None:
    """Regression (held-out v, round 7; across-z): only Zhanjiang's period was given, and only
    Haizhu's fund ('each' read as 'per year' asked a rate Shenzhen's fund group lacks)."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    assert set(by_place) == set(facts)
    for place, fact in facts.items():
        assert fact in " ".join(answer.citations[n - 1].quote for n in by_place[place].citations)


def test_a_comparison_asks_each_place_what_the_first_is_asked() -> None:
    """Regression (h10, round 11): in "How does X's fund compare in size with Y's fund group?"
    Y's conjunct lost its last noun (read as the verb of "do"), and Y was asked no size; in
    "X versus Y: how many tasks does each one set out?" "each one" asked a number per unit."""
    compare = ("How does Haizhu's yearly AI special fund compare in size with Shenzhen's "
               "planned AI fund group?")
    spans = {p: (compare.index(p), compare.index(p) + len(p)) for p in ("Haizhu", "Shenzhen")}
    assert each_place(compare, list(spans.items())) == {
        "Haizhu": "How does Haizhu's yearly AI special fund compare in size?",
        "Shenzhen": "How does Shenzhen's planned AI fund group compare in size?"}
    versus = "Zhangzhou's action plan versus Guangzhou's pilot plan: what does each say about 5G?"
    spans = {p: (versus.index(p), versus.index(p) + len(p)) for p in ("Zhangzhou", "Guangzhou")}
    assert each_place(versus, list(spans.items()))["Guangzhou"] == (
        "Guangzhou's pilot plan: what does it say about 5G?")
    target = "Compare Zhangzhou's target for 5G base stations with Guangzhou's pilot plan."
    spans = {p: (target.index(p), target.index(p) + len(p)) for p in ("Zhangzhou", "Guangzhou")}
    assert each_place(target, list(spans.items()))["Zhangzhou"] == (  # no subject: stays
        "Compare Zhangzhou's target for 5G base stations.")


@pytest.mark.parametrize(("question", "facts"), [
    ("How does Shenzhen's AI fund group compare in size with Haizhu's annual special fund?",
     {"Shenzhen": "100 billion", "Haizhu": "310 million"}),
    ("Zhangzhou's action plan versus Guangzhou's pilot plan: how many tasks does each one set "
     "out?", {"Zhangzhou": "29 tasks", "Guangzhou": "25 key tasks"}),
])
def test_a_comparison_of_two_places_answers_both(services: Services, question: str,
                                                 facts: dict[str, str]) -> None:
    """Regression (h10, round 11): a comparison ("compare in size with", "versus … each one")
    answered one side, or was refused: the size of a fund is a sum, and "each one" is a place."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    for place, fact in facts.items():
        assert fact in " ".join(answer.citations[n - 1].quote for n in by_place[place].citations)


def test_a_chinese_frame_noun_is_no_topic(services: Services) -> None:
    """Regression (held-out v, round 7): "广州和漳州分别在5G方面提出了什么？" quoted Zhangzhou's
    "Includes two aspects": 5G was cut into 5 and G, and the frame noun 方面 ("aspect") became
    the topic's rarest word. The topic is what the frame holds (5G)."""
    assert "方面" not in topic_of("广州和漳州分别在5G方面提出了什么？")
    answer = services.ask(AskRequest(question="广州和漳州分别在5G方面提出了什么？",
                                     mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    assert set(by_place) == {"广州市（Guangzhou）", "漳州市（Zhangzhou）"}
    for group in by_place.values():
        assert all("5G" in answer.citations[n - 1].quote for n in group.citations)


def test_a_place_not_answering_is_named_in_the_questions_language(services: Services) -> None:
    """Brief (round 8): a place whose documents do not answer is named as such, in Chinese for a
    Chinese question ("海珠区（Haizhu）：文件未写明", its Chinese name first since round 9), not
    "the documents don't say"."""
    answer = services.ask(AskRequest(question="漳州和海珠区分别要求每万人拥有多少个5G基站？",
                                     mode="extractive"))
    assert "30 5G base stations" in answer.answer
    assert "海珠区（Haizhu）：文件未写明。" in answer.answer and "don't say" not in answer.answer


@pytest.mark.parametrize(("question", "facts"), [
    ("Who interpreted the Zhangzhou new infrastructure plan?", ["Guo Hongwei"]),
    ("Who did the official interpretation of Zhangzhou's new infrastructure action plan, and "
     "what contact number is listed?", ["Zhangzhou Development and Reform Commission", "2035835"]),
])
def test_a_closing_field_line_the_question_names_is_read(services: Services, question: str,
                                                        facts: list[str]) -> None:
    """Regression (h10 and five probe batches, round 11): "Who interpreted …" was answered with
    the plan's opening sentences: the "Interpreter:" field line shares its chunk with the key
    indicators paragraph, which retrieval ranked below the title's chunks."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    quotes = " ".join(c.quote for c in answer.citations)
    assert not answer.refused and all(fact in quotes for fact in facts)


def test_a_place_is_no_topic_in_its_own_documents() -> None:
    """A place named as where to look goes from the question its documents are asked; a place
    owning what is asked ("X's plan", X的方案: its title names the place) stays."""
    spans = {"Shenzhen": "Shenzhen", "Zhangzhou": "Zhangzhou", "深圳": "深圳", "漳州": "漳州"}

    def where(question: str) -> tuple[int, int] | None:
        found = [(question.index(n), question.index(n) + len(n)) for n in spans if n in question]
        return min(found, default=None)
    assert unnamed("How does Zhangzhou mean to use the metaverse?", where) == (
        "How does mean to use the metaverse?")
    assert unnamed("深圳和漳州分别打算怎样用区块链？", where) == "和分别打算怎样用区块链？"
    owned = "What years does Zhangzhou's action plan span?"
    assert unnamed(owned, where) == owned
    assert unnamed("漳州的方案覆盖哪几年？", where) == "漳州的方案覆盖哪几年？"


@pytest.mark.parametrize(("question", "facts"), [
    ("How do Zhangzhou and Guangzhou each plan to apply blockchain?",
     {"Zhangzhou": "blockchain and metaverse", "Guangzhou": "government blockchain"}),
    ("How does Zhangzhou plan to apply blockchain, compared with Guangzhou?",
     {"Zhangzhou": "blockchain and metaverse", "Guangzhou": "government blockchain"}),
])
def test_a_topic_of_two_places_is_read_by_its_own_words(services: Services, question: str,
                                                        facts: dict[str, str]) -> None:
    """Regression (parts24, round 23): asked of Zhangzhou's documents alone, "How does Zhangzhou
    plan to use blockchain?" cited the plan's opening sentence, near by meaning to a question
    naming the city (and "plan"), not the sentence on blockchain."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    by_place = {g.place: g for g in answer.groups}
    for place, fact in facts.items():
        assert fact in " ".join(answer.citations[n - 1].quote for n in by_place[place].citations)


@pytest.mark.parametrize(("question", "first", "second"), [
    ("Which body issued Guangzhou's digital transformation pilot plan, and what cultural "
     "experience space is it to build?", "Data Management Bureau",
     "Lingnan cultural digital experience space"),
    ("广州的数字化转型试点方案是哪个部门印发的？它要建设什么样的汽车应用示范区？",
     "Data Management Bureau", "intelligent connected vehicle applications"),
])
def test_a_part_asking_of_the_document_before_is_read_in_it(
        services: Services, question: str, first: str, second: str) -> None:
    """Regression (parts24, round 23): "…pilot plan, and what … does it want to build?" read the
    second part beside the line naming the plan's issuer, or with the plan's name for its
    words, and quoted the plan's summary; "it" is the document, read as asked in it."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    before, leaning = answer.parts
    assert first in _quoted(answer, before)
    assert second in _quoted(answer, leaning)


@pytest.mark.parametrize(("question", "first", "second"), [
    ("湛江那份关于政府投资项目数智化建设的通知是哪个月发的？后来那场培训大概来了多少人？",
     "November 2025", "Nearly one hundred"),
    ("Which years does Guangzhou's digital transformation pilot span, and what space will it "
     "build for Lingnan culture?", "2025 to 2026", "Lingnan cultural digital experience space"),
])
def test_a_part_pointing_back_is_asked_in_the_document_before(
        services: Services, question: str, first: str, second: str) -> None:
    """Regression (h29, round 29): a part pointing back ("那场培训", "it") was
    read with the words it borrowed (湛江, the pilot), which drew the sentence naming
    them, not its own fact in another sentence of the same document."""
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    before, leaning = answer.parts
    assert first in _quoted(answer, before)
    assert second in _quoted(answer, leaning) and first not in _quoted(answer, leaning)


def test_parts_answered_by_one_sentence_are_one_quote() -> None:
    """Regression: "…覆盖了多少家企业、总金额多少？" was answered "共计335家 [1] 累计金额达到
    2735万元 [2]", one sentence cut at its comma into two quotes; one cut at "。" stays two."""
    from app.models import Citation
    from app.services.composite import joined_quotes

    text = "本次扶持资金共计335家，累计金额达到2735万元。另有10家企业申请。"

    def answered(second: str) -> Answer:
        quotes = ["共计335家", second]
        cited = [Citation(n=n, doc_id="d", title="t", quote=q, start=text.index(q),
                          end=text.index(q) + len(q), score=0.5) for n, q in enumerate(quotes, 1)]
        said = [f"{q} [{n}]" for n, q in enumerate(quotes, 1)]
        return Answer(answer="\n\n".join(said), mode="extractive", citations=cited, parts=[
            AnswerPart(question=f"q{n}", answer=a, citations=[n]) for n, a in enumerate(said, 1)])

    one = joined_quotes(answered("累计金额达到2735万元"), lambda _: text)
    assert one is not None and one.answer == "共计335家，累计金额达到2735万元 [1]"
    assert [(c.quote, c.end - c.start) for c in one.citations] == [
        ("共计335家，累计金额达到2735万元", 19)]
    assert [p.citations for p in one.parts] == [[1], [1]]
    two = joined_quotes(answered("另有10家企业申请"), lambda _: text)
    assert two is not None and len(two.citations) == 2
    assert two.answer.endswith("另有10家企业申请 [2]")
