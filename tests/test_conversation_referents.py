"""A follow-up's definite phrase ("the center", 该措施) and a place asked alone, read against
what the last answer cited, with the real taggers (LAC, spaCy) and the corpus's place index."""

from __future__ import annotations

import pytest

from app.conversation.referents import about_the_last, figure_topic
from app.conversation.resolve import Resolver
from app.conversation.turns import Turn
from app.conversation.words import words
from app.http.openai_compat import ChatCompletionRequest, ask_request
from tests.conftest import HAIZHU, SHENZHEN, ZHANJIANG, manifest_places

HAIZHU_CENTER_Q = ("What level of computing center did Haizhu announce construction of at the "
                   "bureau's launch?")
HAIZHU_CENTER_A = ('Haizhu District announced the commencement of construction of a 100P-level '
                   '"Space Intelligent Computing Center." [1] Third, the launch of the "PZ-SPACE '
                   'Pazhou Space Intelligent Computing Center," marking a step forward. [2]')
ZHANJIANG_PLAN_Q = "湛江数智化项目库中的政府投资项目编制项目建议书时要附上什么？"
ZHANJIANG_PLAN_A = ('project units are required to include a "Project Digital-Intelligence and '
                    'AI Application Plan" when preparing project proposals. [1]')
MEASURES_TITLE = "南昌市促进智能网联汽车产业发展若干措施"
NANCHANG = "nanchang-2024-connected-vehicle-measures"  # a document the place index need not know


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    index = manifest_places()
    titles = {NANCHANG: MEASURES_TITLE}
    return Resolver(lambda: index, title=titles.get)


def test_the_center_is_the_fullest_center_the_last_answer_named(resolver: Resolver) -> None:
    """Regression (chain s-06): "What is the center's full name?" became "What is the center's
    full name (in Haizhu)?" and was refused: "the center" stood for nothing. It is the center
    the last answer quoted, by its fullest name, in the document that answer cited."""
    earlier = [Turn(HAIZHU_CENTER_Q, HAIZHU_CENTER_Q, (HAIZHU,), HAIZHU_CENTER_A)]
    resolution = resolver.resolve("What is the center's full name?", earlier)
    assert resolution.question == \
        "What is the PZ-SPACE Pazhou Space Intelligent Computing Center in Haizhu's full name?"
    assert resolution.doc_id == HAIZHU and resolution.rewritten


def test_a_chinese_demonstrative_finds_its_thing_in_the_last_question(
        resolver: Resolver) -> None:
    question = "琶洲空间智算中心由哪几家企业共建？"
    resolution = resolver.resolve("该中心一期的算力规模多大？",
                                  [Turn(question, question, (HAIZHU,), HAIZHU_CENTER_A)])
    assert resolution.question == "琶洲空间智算中心一期的算力规模多大？"
    assert resolution.doc_id == HAIZHU


def test_a_thing_the_english_answer_named_is_asked_of_in_its_document(
        resolver: Resolver) -> None:
    """Regression: "该方案要报哪些部门审查？" after a question answered by the project's "AI
    Application Plan" became "湛江政府投资项目编制项目的方案…": the last question's words were
    carried for a plan only the answer named. The plan is in the cited document: the follow-up
    is asked there, of the last place alone."""
    earlier = [Turn(ZHANJIANG_PLAN_Q, ZHANJIANG_PLAN_Q, (ZHANJIANG,), ZHANJIANG_PLAN_A)]
    resolution = resolver.resolve("该方案要报哪些部门审查？", earlier)
    assert resolution.question == "湛江该方案要报哪些部门审查？"
    assert resolution.doc_id == ZHANJIANG


def test_a_demonstrative_naming_the_documents_kind_is_the_document(resolver: Resolver) -> None:
    """Regression: "该措施从什么时候开始施行？" after a question on Nanchang's talent subsidy became
    "南昌智能网联汽车高层次人才的措施…" and was refused: 该措施 is the measures document (and
    an answer that says 措施 alone describes none other)."""
    asked = "南昌给引进的智能网联汽车高层次人才多少安家补贴？"
    for quoted in ("给予最高100万元安家补贴。", "本措施自2024年7月1日起施行，有效期三年。"):
        resolution = resolver.resolve("该措施从什么时候开始施行？",
                                      [Turn(asked, asked, (NANCHANG,), quoted)])
        assert resolution.question == "南昌该措施从什么时候开始施行？"
        assert resolution.doc_id == NANCHANG


def test_the_value_a_question_asked_is_not_carried_as_the_subject(resolver: Resolver) -> None:
    """Regression (chain s-01): "那需要向哪些部门提交审查？" after "湛江的数智化升级投资比例原则上
    不低于多少？" became "湛江数智化升级投资比例需要向…": the ratio asked ("X 不低于 多少", a verb
    whose object is the question word) was carried as what must be submitted."""
    asked = "湛江的数智化升级投资比例原则上不低于多少？"
    resolution = resolver.resolve("那需要向哪些部门提交审查？",
                                  [Turn(asked, asked, (ZHANJIANG,))])
    assert resolution.question == "湛江需要向哪些部门提交审查？"
    assert resolution.doc_id == ZHANJIANG


def test_a_place_alone_falls_back_to_the_figure_the_last_answer_stated(
        resolver: Resolver) -> None:
    """Regression (chain s-02): "And what about Shenzhen?" after Haizhu's yearly allocation to
    attract unicorns was asked in that frame only, which Shenzhen's plan does not fit, and was
    refused. Its fallback asks for Shenzhen's figure of what the last answer gave a figure of."""
    asked = "How much will Haizhu allocate each year to attract AI unicorn enterprises?"
    answer = ("Haizhu District also plans to allocate a special fund of 310 million yuan "
              "annually to accelerate the attraction and cultivation of AI unicorn enterprises.")
    resolution = resolver.resolve("And what about Shenzhen?", [Turn(asked, asked, (HAIZHU,),
                                                                    answer)])
    assert resolution.question == \
        "How much will Shenzhen allocate each year to attract AI unicorn enterprises?"
    assert resolution.fallback is not None
    fallback = resolution.fallback()
    assert fallback is not None and fallback.question == "What about the special fund in Shenzhen?"


@pytest.mark.parametrize(("answer", "topic"), [
    ("Note: “Plan” expired on 2024-12-31. It will form a fund group with a scale of 100 "
     "billion yuan.", "scale"),
    ("海珠区每年安排3.1亿元专项资金，培育独角兽企业。", "专项资金"),
    ("The city has 30 5G base stations per 10,000 people.", "5G base stations"),
    ("The knowledge base has no passage that answers this question.", ""),
])
def test_the_figure_topic_is_the_phrase_the_first_figure_measures(answer: str,
                                                                   topic: str) -> None:
    assert figure_topic(answer) == topic


def test_a_refused_turn_leaves_the_conversation_in_the_last_cited_document(
        resolver: Resolver) -> None:
    """Regression (a chain of Nanchang's measures): after a follow-up was refused (its answer
    cited nothing), "有效期多长？" had no document to be asked in and quoted Yantai's notice. A
    refused turn that moved to another place does not bring the conversation back."""
    subsidy = "南昌安家补贴多少？"
    cited = Turn(subsidy, subsidy, (NANCHANG,), "给予最高100万元安家补贴。")
    refused = Turn("该措施何时施行？", "该措施何时施行？", (), "知识库中没有能回答这个问题的段落。")
    assert resolver.resolve("有效期呢？", [cited, refused]).doc_id == NANCHANG
    elsewhere = Turn("那深圳呢？", "深圳安家补贴多少？", ())
    assert resolver.resolve("有效期呢？", [cited, elsewhere]).doc_id is None


def test_a_chat_keeps_the_assistants_replies_as_the_answers_of_its_history() -> None:
    body = ChatCompletionRequest(messages=[
        {"role": "user", "content": HAIZHU_CENTER_Q},
        {"role": "assistant", "content": HAIZHU_CENTER_A},
        {"role": "user", "content": "What is the center's full name?"}])
    request = ask_request(body)
    assert request.question == "What is the center's full name?"
    assert request.history is not None
    assert [(t.question, t.answer) for t in request.history] == \
        [(HAIZHU_CENTER_Q, HAIZHU_CENTER_A)]
    assert SHENZHEN not in request.history[0].doc_ids


@pytest.mark.parametrize(("follow_up", "title", "beside"), [
    ("Who must review it?", None, True),
    ("那这项工作由哪些单位负责？", None, True),
    ("由哪些单位负责？", None, True),
    # a thing of its own: asked about that thing, wherever it stands
    ("那房屋租金呢？", None, False),
    ("它在医疗方面要推广什么应用？", None, False),
    # the document itself
    ("这个通知有效期到什么时候？", "兰州市人民政府办公室关于帮助中小微企业纾困解难的通知", False),
])
def test_a_follow_up_about_the_clause_just_cited_is_read_beside_it(
        follow_up: str, title: str | None, beside: bool) -> None:
    """Bug (held-out h5-05): "那房屋租金呢？" after the unemployment-insurance refund was read
    beside that clause, 那 taken for a demonstrative pointing at it, and answered with it."""
    assert about_the_last(words(follow_up), title) is beside
