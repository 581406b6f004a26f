"""The general rule that completes a follow-up, with the real taggers (LAC, spaCy) and the place
index of the corpus's manifest: what a follow-up leaves out is carried over, a complete
question is answered as asked."""

from __future__ import annotations

import pytest

from app.conversation.condense import keeps_named
from app.conversation.nearby import Cited
from app.conversation.phrases import subject
from app.conversation.places import place_spans
from app.conversation.resolve import Resolver
from app.conversation.turns import Turn
from app.conversation.words import words
from app.retrieval.places import PlaceIndex
from tests.conftest import GUANGZHOU, HAIZHU, SHENZHEN, ZHANGZHOU, ZHANJIANG, manifest_places

FUND_ZH = "深圳要组建多大规模的人工智能基金群？"
FUND_EN = "How large is the AI fund group Shenzhen will form?"
GUANGZHOU_TASKS = ("How many key tasks does Guangzhou's digital transformation pilot plan put "
                   "forward?")
GUANGZHOU_TASKS_ZH = "广州城市全面数字化转型试点实施方案提出了多少项重点任务？"


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return manifest_places()


@pytest.fixture(scope="module")
def resolver(index: PlaceIndex) -> Resolver:
    return Resolver(lambda: index)


def _after(question: str) -> list[Turn]:
    return [Turn(question, question, (SHENZHEN,))]


@pytest.mark.parametrize(("follow_up", "expected"), [
    ("那海珠区呢？", "海珠区要组建多大规模的人工智能基金群？"),
    ("湛江呢？", "湛江要组建多大规模的人工智能基金群？"),
])
def test_a_place_alone_asks_the_last_question_of_that_place(
        resolver: Resolver, follow_up: str, expected: str) -> None:
    resolution = resolver.resolve(follow_up, _after(FUND_ZH))
    assert resolution.question == expected
    assert resolution.doc_id is None  # another place: the last document is not carried
    assert resolution.rewritten


def test_an_english_place_alone_replaces_the_place(resolver: Resolver) -> None:
    resolution = resolver.resolve("What about Haizhu?", _after(FUND_EN))
    assert resolution.question == "How large is the AI fund group Haizhu will form?"


def test_a_pronoun_stands_for_the_last_subject_and_keeps_its_document(
        resolver: Resolver) -> None:
    resolution = resolver.resolve("Who is responsible for that?", _after(FUND_EN))
    assert resolution.question == "Who is responsible for the AI fund group in Shenzhen?"
    assert resolution.doc_id == SHENZHEN
    possessive = resolver.resolve("What is its deadline?", _after(FUND_EN))
    assert possessive.question == "What is the AI fund group in Shenzhen's deadline?"


def test_a_chinese_pronoun_and_a_clause_less_follow_up_carry_the_subject(
        resolver: Resolver) -> None:
    earlier = _after(FUND_ZH)
    assert resolver.resolve("它由谁负责？", earlier).question == "深圳人工智能基金群由谁负责？"
    assert resolver.resolve("期限呢？", earlier).question == "深圳人工智能基金群的期限呢？"
    # Chinese drops a subject the conversation gave: only what is asked (哪些单位) is named
    resolution = resolver.resolve("由哪些单位负责？", earlier)
    assert resolution.question == "深圳人工智能基金群由哪些单位负责？"


def test_a_place_and_a_thing_without_a_clause_ask_the_last_question_of_both(
        resolver: Resolver) -> None:
    """Regression: "What about Zhangzhou's action plan?" names a place and a thing, so it was
    taken for a complete question and answered as asked, with nothing asked of the plan."""
    earlier = [Turn(GUANGZHOU_TASKS, GUANGZHOU_TASKS, (GUANGZHOU,))]
    resolution = resolver.resolve("What about Zhangzhou's action plan?", earlier)
    assert resolution.question == "How many key tasks does Zhangzhou's action plan put forward?"
    assert resolution.doc_id is None  # another place: the last document is not carried
    fund = resolver.resolve("And Haizhu's annual special fund?", _after(FUND_EN))
    assert fund.question == "How large is the annual special fund Haizhu will form?"


def test_a_demonstrative_with_its_noun_stands_for_the_subject_it_names(
        resolver: Resolver) -> None:
    """Regression: "这项措施" (a demonstrative, a measure word, a noun) became "…基金群项措施",
    and "该基金群" repeated the noun the subject ends with ("…基金群的基金群")."""
    earlier = _after(FUND_ZH)
    assert resolver.resolve("该基金群由哪些单位负责？", earlier).question == \
        "深圳人工智能基金群由哪些单位负责？"
    assert resolver.resolve("这项措施由哪些单位负责？", earlier).question == \
        "深圳人工智能基金群的措施由哪些单位负责？"
    assert resolver.resolve("Who manages that fund group?", _after(FUND_EN)).question == \
        "Who manages the AI fund group in Shenzhen?"


def test_the_interrogative_numeral_asks_what_follows_it(resolver: Resolver) -> None:
    """Regression: LAC tags 几个 a number, so in "涉及几个领域？" the noun asked for (领域) was
    taken for the question's own topic and the follow-up was answered as asked."""
    earlier = [Turn(GUANGZHOU_TASKS_ZH, GUANGZHOU_TASKS_ZH, (GUANGZHOU,))]
    resolution = resolver.resolve("涉及几个领域？", earlier)
    assert resolution.rewritten
    assert resolution.question.startswith("广州") and resolution.question.endswith("涉及几个领域？")
    assert resolution.doc_id == GUANGZHOU


@pytest.mark.parametrize("question", [
    "What minimum share of total investment must digital-intelligent upgrades take in "
    "Zhanjiang's government-invested projects?",
    "How many AI joint laboratories will Shenzhen support?",
    "How many AI joint laboratories will be built?",
    "漳州新型基础设施建设三年行动方案的目标是什么？",
    "海珠区每年安排多少专项资金？",
    "What can I do to apply for the special fund?",
])
def test_a_complete_question_is_answered_as_asked(resolver: Resolver, question: str) -> None:
    resolution = resolver.resolve(question, _after(FUND_EN))
    assert resolution.question == question
    assert not resolution.rewritten and resolution.doc_id is None


def test_a_first_question_is_answered_as_asked(resolver: Resolver) -> None:
    assert not resolver.resolve("那海珠区呢？", []).rewritten


def test_a_condensed_question_must_keep_what_the_follow_up_names(index: PlaceIndex) -> None:
    earlier = _after(FUND_EN)
    assert keeps_named("What about Haizhu?", "How large is Haizhu's AI fund?", earlier, index)
    # lost the follow-up's place, or brought in one nobody named
    assert not keeps_named("What about Haizhu?", "How large is the AI fund group?", earlier,
                           index)
    assert not keeps_named("Who is responsible for that?",
                           "Who is responsible for Zhanjiang's fund?", earlier, index)
    assert not keeps_named("What about the 2025 budget?", "What about the budget?", earlier,
                           index)


def test_a_condensed_question_must_be_a_question_of_the_follow_ups_own(
        index: PlaceIndex) -> None:
    """Regression: a 1.5B model answered "Who is responsible for that?" with "…" (the
    placeholder of the answers in its prompt), and the check kept it: a follow-up naming no
    place, name or number had nothing to lose."""
    earlier = _after(FUND_EN)
    assert not keeps_named("Who is responsible for that?", "…", earlier, index)
    assert not keeps_named("由哪些单位负责？", "Which units are responsible for the fund?",
                           earlier, index)  # another language
    assert keeps_named("Who is responsible for that?",
                       "Who is responsible for the AI fund group in Shenzhen?", earlier, index)
    assert keeps_named("由哪些单位负责？", "深圳人工智能基金群由哪些单位负责？", earlier, index)


def test_the_attribute_a_question_asked_is_not_carried_as_its_subject(
        resolver: Resolver) -> None:
    """Regression (held-out chain q-01): after "联系电话是多少？" (resolved "漳州的联系电话是
    多少？"), "那一共提出了多少项任务？" became "漳州联系电话一共提出了多少项任务？": the phone
    number asked, an answer's kind, was carried as the subject. The plan the conversation is
    about is carried instead, and a copula's attribute never is."""
    plan = "漳州新基建行动计划由哪个单位解读？"
    phone = resolver.resolve("联系电话是多少？", [Turn(plan, plan, (ZHANGZHOU,))])
    assert phone.question == "漳州新基建行动计划的联系电话是多少？"
    tasks = resolver.resolve("那一共提出了多少项任务？",
                             [Turn("联系电话是多少？", phone.question, (ZHANGZHOU,))])
    assert tasks.question == "漳州新基建行动计划一共提出了多少项任务？"
    assert tasks.doc_id == ZHANGZHOU
    english = resolver.resolve("Who interpreted it?",
                               [Turn("What is the contact number?",
                                     "What is the contact number of Zhangzhou's plan?",
                                     (ZHANGZHOU,))])
    assert "contact number" not in english.question and "plan" in english.question


def test_a_new_thing_is_not_spliced_into_a_frame_it_does_not_fit(resolver: Resolver) -> None:
    """Regression (held-out chain q-03): "那湛江的数智化投资比例呢？" after "深圳每月几号举办创投
    日？" became "湛江每月几号举办数智化投资比例？" (a ratio "held" on a day of the month). A
    thing that is not of the old subject's kind, in a frame that is no copula, is asked of
    itself; one that fits still takes the old frame."""
    venture = "深圳每月几号举办创投日？"
    ratio = resolver.resolve("那湛江的数智化投资比例呢？", [Turn(venture, venture, (SHENZHEN,))])
    assert ratio.question == "湛江的数智化投资比例是什么？"
    assert ratio.doc_id is None
    bandwidth = "深圳的目标带宽是多少？"  # a copula's attribute: any thing fits its frame
    assert resolver.resolve("那湛江的数智化投资比例呢？",
                            [Turn(bandwidth, bandwidth, (SHENZHEN,))]).question == \
        "湛江的数智化投资比例是多少？"
    plan = "漳州新基建行动计划由哪个单位解读？"  # the same kind of thing: a plan for a plan
    assert resolver.resolve("那深圳的行动计划呢？", [Turn(plan, plan, (ZHANGZHOU,))]).question \
        == "深圳行动计划由哪个单位解读？"
    indicators = "漳州的行动方案确定了多少个重点评价指标？"  # a count: the same count asked
    assert resolver.resolve("那广州的重点任务呢？",
                            [Turn(indicators, indicators, (ZHANGZHOU,))]).question == \
        "广州的行动方案确定了多少个重点任务？"
    issued = "Who issued Guangzhou's digital transformation pilot plan?"
    assert resolver.resolve("What about Shenzhen's venture capital day?",
                            [Turn(issued, issued, (GUANGZHOU,))]).question == \
        "What is Shenzhen's venture capital day?"


def test_the_kind_a_which_question_asks_is_not_carried_as_its_subject(
        resolver: Resolver) -> None:
    """Regression: after "琶洲空间智算中心由哪几家企业共同建设？", "它的总算力规模是多少？" became
    "琶洲空间智算中心企业的总算力规模是多少？": the firms asked for (the answer's kind) were
    carried as the subject, and "一期呢？" then asked of "…中心企业". A count's noun is still
    carried ("多少专项资金 … 用来做什么？" is about the fund)."""
    builders = "琶洲空间智算中心由哪几家企业共同建设？"
    scale = resolver.resolve("它的总算力规模是多少？", [Turn(builders, builders, (HAIZHU,))])
    assert scale.question == "琶洲空间智算中心的总算力规模是多少？"
    fund = "海珠区每年安排多少专项资金？"
    assert resolver.resolve("用来做什么？", [Turn(fund, fund, (HAIZHU,))]).question == \
        "海珠区专项资金用来做什么？"


def test_a_place_and_its_own_document_kind_replace_the_old_place_and_document(
        resolver: Resolver) -> None:
    """Regression (chain w-02): after "漳州的新基建行动计划一共有多少项任务？",
    "那广州的试点方案呢？" was "广州的新基建行动计划一共有多少项试点方案？"
    (Zhangzhou's title words kept, the plan counted as tasks). 方案 and 计划 are
    one kind of thing (the dictionary renders both "plan"): the follow-up's
    document takes the old document's place."""
    before = "漳州的新基建行动计划一共有多少项任务？"
    resolution = resolver.resolve("那广州的试点方案呢？", [Turn(before, before, (ZHANGZHOU,))])
    assert resolution.question == "广州的试点方案一共有多少项任务？"
    assert resolution.doc_id is None


@pytest.mark.parametrize(("before", "follow_up", "expected"), [
    ("那漳州的行动计划有几项任务？", "其中第二部分有几项？", "漳州行动计划中第二部分有几项任务？"),
    ("湛江发布了多少个人工智能具体应用案例？", "其中医疗健康领域有几个入选省级？",
     "湛江人工智能具体应用案例中医疗健康领域有几个案例入选省级？"),
])
def test_a_locative_pronoun_stands_for_the_last_subject(
        resolver: Resolver, before: str, follow_up: str, expected: str) -> None:
    """Regression (chains w-08, ch-22): 其中 ("among them", LAC's locative f) was no pronoun to
    the rule, which asked "漳州其中第二部分有几项？", of nothing in particular. 其 points back; 中
    stays after what it points at. The count's left-out noun is the last question's (任务,
    案例)."""
    resolution = resolver.resolve(follow_up, [Turn(before, before, (ZHANGZHOU,))])
    assert resolution.question == expected
    assert resolution.doc_id == ZHANGZHOU


@pytest.mark.parametrize(("before", "follow_up", "expected"), [
    ("漳州新型基础设施行动方案一共有多少项任务？", "有几项？",
     "漳州新型基础设施行动方案有几项任务？"),
    ("湛江发布了多少个人工智能具体应用案例？", "其中医疗健康领域有几个入选省级？", "几个案例入选"),
])
def test_a_count_without_its_noun_counts_what_the_last_question_counted(
        resolver: Resolver, before: str, follow_up: str, expected: str) -> None:
    """Regression (chain ch-22): "其中医疗健康领域有几个入选省级？" counts the cases the last
    question counted, a noun Chinese leaves out after the measure word; asked without it, no
    sentence's count of cases supported it (0.26 against the refusal threshold 0.35, 0.61 with
    案例 written back) and it was refused."""
    resolution = resolver.resolve(follow_up, [Turn(before, before, (ZHANGZHOU,))])
    assert expected in resolution.question
    assert resolution.rewritten


def test_a_count_with_its_noun_or_after_no_count_is_left_as_it_is(resolver: Resolver) -> None:
    """A count naming its noun keeps it, and a count after a question that counted nothing has
    no noun to take."""
    counted = "湛江发布了多少个人工智能具体应用案例？"
    assert "几个领域" in resolver.resolve("涉及几个领域？", _after(counted)).question
    assert "几条？" in resolver.resolve("一共有几条？", _after(FUND_ZH)).question


@pytest.mark.parametrize(("follow_up", "narrows"), [
    ("其中第二部分有几项？", True),
    ("Among them, how many tasks does the third action propose?", True),
    ("How many of these are in the third part?", True),
    ("此外还有什么措施？", False),
    ("Who is responsible for them?", False),
])
def test_a_part_of_what_was_named_is_read_wide_near_the_last_answer(
        resolver: Resolver, follow_up: str, narrows: bool) -> None:
    """Regression (chains f8-02, f8-05): "其中数字社会方面聚焦哪些重点领域？" names a topic of its
    own, so it was not read near the last answer, and the resolved question (the plan's title
    words and 数字社会) matched the summary sentence just cited again. A partitive (其中, among
    them, of these) asks for a part of what the last answer named: it is read near that answer
    and in its document (``wide``); "besides" (此外) and "for them" are no part of it."""
    before = "漳州新型基础设施行动方案一共有多少项任务？"
    cited = Cited(ZHANGZHOU, 10, 80)
    resolution = resolver.resolve(follow_up, [Turn(before, before, (ZHANGZHOU,), "…", (cited,))])
    assert resolution.wide is narrows
    if narrows:
        assert resolution.near == (cited,)


def test_a_copula_s_possessor_is_carried_whole_with_its_verbs(resolver: Resolver) -> None:
    """Regression (chain ch-28): after "湛江加快建设人工智能全域渗透城市行动计划的期限是哪几年？",
    "建立了什么机制？" carried "人工智能全域", the longest run of nouns in a title LAC
    cuts at each verb. In "X的Y是多少" X is what the question is about, whole."""
    before = "湛江加快建设人工智能全域渗透城市行动计划的期限是哪几年？"
    resolution = resolver.resolve("建立了什么机制？", [Turn(before, before, (ZHANJIANG,))])
    assert resolution.question == "湛江加快建设人工智能全域渗透城市行动计划建立了什么机制？"


def test_a_relative_clause_before_de_is_no_possessor(index: PlaceIndex) -> None:
    """The possessor rule reads a copula's "X的Y" only: in "…小巨人的数字经济企业奖励多少" 的
    closes a relative clause (which firms), and the firms are no property of it (cities chain
    f5-17 carried the clause and lost its answer)."""
    question = "绍兴对首次入选国家级专精特新小巨人的数字经济企业奖励多少？"
    found = words(question)
    assert "首次入选" not in subject(question, found, place_spans(question, found, index))


def test_a_number_alone_names_a_part_of_the_last_subject(resolver: Resolver) -> None:
    """Regression (chain ch-21): "一期呢？" after "琶洲空间智算中心的总算力规模是多少？" was
    "琶洲空间智算中心一期呢？", no question at all. A Chinese numeral with its measure word
    (LAC's m) says which part: the last question, of that part."""
    before = "琶洲空间智算中心的总算力规模是多少？"
    resolution = resolver.resolve("一期呢？", [Turn(before, before, (HAIZHU,))])
    assert resolution.question == "琶洲空间智算中心一期的总算力规模是多少？"
    assert resolution.doc_id == HAIZHU


def test_an_ellipsis_keeps_the_frame_of_a_question_that_pointed_at_its_thing(
        resolver: Resolver) -> None:
    """Regression (held-out chain y-03): "And Guangzhou's digital transformation pilot plan?"
    after "Who issued that notification?" became "What is Guangzhou's … plan?" and lost the
    issuer asked. A question that was a frame alone (who issued *that* thing) is asked of the
    new thing; what the thing is stays the fallback when the documents answer nothing."""
    earlier = [Turn("Who issued that notification?",
                    "Who issued the notification (the intelligent upgrades in Zhanjiang)?",
                    (ZHANJIANG,))]
    resolution = resolver.resolve("And Guangzhou's digital transformation pilot plan?", earlier)
    assert resolution.question == "Who issued Guangzhou's digital transformation pilot plan?"
    assert resolution.fallback is not None
    fallback = resolution.fallback()
    assert fallback is not None
    assert fallback.question == "What is Guangzhou's digital transformation pilot plan?"
    measure = [Turn("该措施由哪些单位负责？", "深圳该措施由哪些单位负责？", (SHENZHEN,))]
    assert resolver.resolve("那广州的试点方案呢？", measure).question == \
        "广州的试点方案由哪些单位负责？"


ORGANIZED = ("Recently, the Zhanjiang Municipal Government Service and Data Administration "
             "organized a specialized training session on the digital-intelligent co-construction "
             "of government-invested projects. [1]")
SUPPORTED = ("This Space Intelligent Computing Center is supported by the Haizhu District "
             "Artificial Intelligence Development Bureau and jointly built by Jiazhi Huixing, "
             "Guoxing Yuhang, and Qianxing Holdings. [1]")


def test_a_pronoun_after_a_who_question_stands_for_the_one_who_acted(
        resolver: Resolver) -> None:
    """Regression (fresh chain f7-03): after "…专题培训由哪个单位组织？", answered "the Zhanjiang …
    Administration organized a … training session", "它联合哪些部门印发了通知？" asked what the
    training issued with whom. The answer's active subject, the body asked for, is what the
    pronoun stands for; a passive answer's subject (the center supported by a bureau) and a
    question of a measure keep the last subject."""
    who = "湛江政府投资项目数智化共建专题培训由哪个单位组织？"
    organized = [Turn(who, who, (ZHANJIANG,), ORGANIZED)]
    assert resolver.resolve("它联合哪些部门印发了通知？", organized).question == \
        "Zhanjiang Municipal Government Service and Data Administration联合哪些部门印发了通知？"
    english = [Turn("Who organized Zhanjiang's training session?",
                    "Who organized Zhanjiang's training session?", (ZHANJIANG,), ORGANIZED)]
    assert "Data Administration" in resolver.resolve(
        "Which departments did it jointly issue the notice with?", english).question
    assert "Administration" not in resolver.resolve("它的总预算是多少？", organized).question
    supported = [Turn("Which bureau supports the Pazhou Space Intelligent Computing Center?",
                      "Which bureau supports the Pazhou Space Intelligent Computing Center?",
                      (HAIZHU,), SUPPORTED)]
    provided = resolver.resolve("What will it provide once completed?", supported).question
    assert "Computing Center" in provided and "Bureau" not in provided


def test_a_body_beside_the_subject_is_not_carried_as_its_place(resolver: Resolver) -> None:
    """Regression (held-out chain y-07): "它最终要建到多大？" after "海珠区人工智能发展局同一天宣布
    开工的智算中心是多大规模？" asked of "海珠区人工智能发展局智算中心": the bureau (LAC's ORG, a
    place's body) was carried as the place, and the answer was the bureau's sentence. The
    pronoun stands for the subject; a body that is the subject itself is still carried."""
    scale = "海珠区人工智能发展局同一天宣布开工的智算中心是多大规模？"
    earlier = [Turn("同一天宣布开工的智算中心是多大规模？", scale, (HAIZHU,))]
    built = resolver.resolve("它最终要建到多大？", earlier)
    assert built.question == "智算中心最终要建到多大？"
    assert built.doc_id == HAIZHU
    opened = "海珠区人工智能发展局是哪天挂牌的？"
    assert "海珠区人工智能发展局" in resolver.resolve("它联合哪个部门发布了措施？",
                                                [Turn(opened, opened, (HAIZHU,))]).question


def test_a_chinese_bare_noun_the_last_turn_named_reads_on_in_its_document(
        index: PlaceIndex) -> None:
    """Regression (fresh chain f7-03): "通知是什么时候印发的？" after "它联合哪些部门印发了通知？"
    was asked of every document (another city's plan has a release date) when the lexical
    check found its words stated as well elsewhere. Chinese has no article: a bare noun the last
    turn named is the one it named, and the question reads on in its document. A question of a
    topic of its own is still asked as written."""
    never = Resolver(lambda: index, lambda question, doc_id: False)
    issued = "湛江市政务服务和数据管理局联合哪些部门印发了通知？"
    earlier = [Turn(issued, issued, (ZHANJIANG,), "… issued a notification in November 2025.")]
    resolution = never.resolve("通知是什么时候印发的？", earlier)
    assert resolution.doc_id == ZHANJIANG
    assert never.resolve("鹏城云脑III项目什么时候开工？", earlier).doc_id is None


def test_a_locative_pronoun_before_a_part_of_the_document_stands_for_the_last_subject(
        resolver: Resolver) -> None:
    """Regression (held-out chain y-06): "其中融合基础设施那部分有几项？" was "漳州其中融合基础设施
    那部分有几项？": "那部分" named a part of the cited document, so the question was asked there
    of the last place, and 其中 (among them) pointed at nothing."""
    tasks = "漳州新型基础设施行动方案一共有多少项任务？"
    earlier = [Turn(tasks, tasks, (ZHANGZHOU,), "The Action Plan contains five parts, including "
                    "29 tasks. [1]")]
    resolution = resolver.resolve("其中融合基础设施那部分有几项？", earlier)
    assert resolution.question == "漳州新型基础设施行动方案中融合基础设施那部分有几项任务？"
    assert resolution.doc_id == ZHANGZHOU


def test_a_do_question_s_verb_tagged_a_noun_ends_no_noun_phrase(resolver: Resolver) -> None:
    """Regression (brief of round 7): "And Guangzhou's digital transformation pilot plan?"
    after "How many tasks does the Zhangzhou plan list?" asked "How many digital transformation
    pilot plan does …": spaCy tags "list" a noun, so "plan list" had no head of the plan's kind
    and the thing took the place of the tasks counted. A do-question's main verb follows its
    subject: with no verb tagged after "does", the last noun is it. The count asked is kept."""
    count = "How many tasks does the Zhangzhou plan list?"
    resolution = resolver.resolve("And Guangzhou's digital transformation pilot plan?",
                                  [Turn(count, count, (ZHANGZHOU,))])
    assert resolution.question == \
        "How many tasks does the Guangzhou digital transformation pilot plan list?"


def test_with_no_pronoun_the_body_beside_the_subject_is_still_carried(
        resolver: Resolver) -> None:
    """Regression (held-out chain v-06, round 7): after "海珠区人工智能发展局是和哪个部门
    联合发布支持措施的？", "一共有几条？" was asked of "支持措施" alone: the rule that a
    pronoun stands for the subject without the body beside it dropped the bureau from a
    follow-up with no pronoun, and the next turn ("这些措施支持的是什么方向？") lost whose
    measures they were and was refused."""
    issued = "海珠区人工智能发展局是和哪个部门联合发布支持措施的？"
    counted = resolver.resolve("一共有几条？", [Turn(issued, issued, (HAIZHU,))])
    assert "海珠区人工智能发展局" in counted.question and "几条" in counted.question


@pytest.mark.parametrize("follow_up", ["时间范围是哪几年？", "深圳人工智能行动计划是哪天印发的？",
                                       "持续几天？"])
def test_which_ones_or_a_span_of_time_takes_no_counted_noun(
        resolver: Resolver, follow_up: str) -> None:
    """Regression (dev chains f5-14, ch-31): "时间范围是哪几年？" became "…哪几年任务？" and "是哪天
    印发的" "是哪天任务印发的" after a question counting tasks: 哪几年 asks which years, and a
    unit of time is the noun it counts."""
    before = "漳州新型基础设施行动方案一共有多少项任务？"
    assert "任务" not in resolver.resolve(follow_up, _after(before)).question


@pytest.mark.parametrize(("follow_up", "thing"), [
    ("鹏城云脑三期呢？", "鹏城云脑三期"), ("那人工智能基金群的规模呢？", "人工智能基金群的规模")])
def test_a_thing_named_alone_is_not_joined_to_the_last_subject(
        resolver: Resolver, follow_up: str, thing: str) -> None:
    """Regression (held-out chain h8-07): "鹏城云脑三期呢？" after "深圳公共数据开放管理办法由哪些
    单位负责？" was "深圳公共数据开放管理办法鹏城云脑三期呢？", two names run together, and was
    answered with the data measure. A clause-less follow-up whose phrase holds a name of its own
    (LAC's LOC for 鹏城云脑三期, no place the index knows) or a possessor (…的规模) is its own
    topic: asked as written, in the conversation's document. A bare attribute ("牵头单位呢？")
    still carries the subject."""
    before = "深圳公共数据开放管理办法由哪些单位负责？"
    resolution = resolver.resolve(follow_up, _after(before))
    assert "办法" not in resolution.question and thing in resolution.question
    assert resolution.doc_id == SHENZHEN
    attribute = resolver.resolve("牵头单位呢？", _after("深圳的人工智能基金群由哪些单位负责？"))
    assert "基金群" in attribute.question


def test_a_noun_inside_a_relative_clause_is_not_the_subject(resolver: Resolver,
                                                          index: PlaceIndex) -> None:
    """Regression (held-out chain h8-08): "是跟哪个部门联合发布的？" after "海珠区人工智能发展局当天
    发布了几条支持AI终端集聚发展的措施？" carried "AI终端", the longest noun run, though it is the
    object of 支持 in the clause modifying 措施: a noun inside a modifier is not what the question
    is about; the noun 的 leads to is."""
    before = "海珠区人工智能发展局当天发布了几条支持AI终端集聚发展的措施？"
    found = words(before)
    assert subject(before, found, place_spans(before, found, index)) == "措施"
    carried = resolver.resolve("是跟哪个部门联合发布的？", [Turn(before, before, (HAIZHU,))])
    assert "AI终端是" not in carried.question and "措施" in carried.question


@pytest.mark.parametrize(("before", "follow_up", "expected"), [
    ("In how many key fields is Zhanjiang prioritizing AI applications?",
     "And what joint innovation center is the city establishing with Shenzhen?",
     "And what joint innovation center is Zhanjiang establishing with Shenzhen?"),
    ("海珠区每年安排多少专项资金？", "该区要建多大规模的智算中心？",
     "海珠区要建多大规模的智算中心？"),
])
def test_the_city_points_back_at_the_last_place(
        resolver: Resolver, before: str, follow_up: str, expected: str) -> None:
    """Regression (fresh chain f9-02): "And what joint innovation center is the city establishing
    with Shenzhen?" after a question about Zhanjiang was asked as written, of Shenzhen, the one
    place it names, and answered from Shenzhen's plan. "The city", 该区 (a demonstrative or
    definite article before a level's name) point back at the last question's place; a place
    named beside them is another one (a partner)."""
    resolution = resolver.resolve(follow_up, [Turn(before, before, (ZHANJIANG,))])
    assert resolution.question == expected
    assert resolution.doc_id == ZHANJIANG


def test_a_clause_less_follow_up_carries_the_whole_plan_not_only_its_place(
        resolver: Resolver) -> None:
    """Regression (chain h9-06.3): "分成几大领域？" after "它覆盖哪几年？" was asked "广州分成几大
    领域？" and refused. "覆盖哪几年" was read as measuring the plan (which years is a kind asked,
    not a measure of the subject), so the plan was no subject, and the subject carried before
    was cut at the adverbial adjective 全面 and at 的: "城市全面数字化转型试点的实施方案" is one
    noun phrase."""
    first = "广州城市全面数字化转型试点的实施方案是哪个部门印发的？"
    years = resolver.resolve("它覆盖哪几年？", [Turn(first, first, (GUANGZHOU,))])
    assert years.question == "广州城市全面数字化转型试点的实施方案覆盖哪几年？"
    areas = resolver.resolve("分成几大领域？", [Turn("它覆盖哪几年？", years.question,
                                                   (GUANGZHOU,))])
    assert areas.question == "广州城市全面数字化转型试点的实施方案分成几大领域？"
    assert areas.doc_id == GUANGZHOU


def test_this_clause_s_attribute_asks_about_the_clause_just_cited(resolver: Resolver) -> None:
    """Regression (chain h9-05.2): in "这条的责任单位都有谁？" the adverb 都 hid 责任单位 as the
    attribute its copula asks, so 责任单位 was taken for a topic of its own and the follow-up
    was not read beside the clause just cited (another measure's units answered it)."""
    cited = Cited(SHENZHEN, 509, 698)
    resolution = resolver.resolve("这条的责任单位都有谁？",
                                  [Turn("深圳打算把人工智能基金群做到多大规模？",
                                        "深圳打算把人工智能基金群做到多大规模？", (SHENZHEN,),
                                        "form an artificial intelligence fund group", (cited,))])
    assert resolution.near == (cited,)
    assert resolution.doc_id == SHENZHEN


def test_a_measure_word_counts_only_the_noun_it_agrees_with(resolver: Resolver) -> None:
    """Regression (chain h12-07.3): "保障措施一共有几条？" after a question counting 多少项任务
    had 任务 written after its 几条 ("保障措施一共有几条任务？"): 条 counts the measures it
    names itself; only the same measure word (几项) leaves the last count's noun out."""
    before = "漳州新基建行动计划一共有多少项任务？"
    measures = resolver.resolve("保障措施一共有几条？", [Turn(before, before, (ZHANGZHOU,))])
    assert "保障措施一共有几条？" in measures.question and "任务" not in measures.question
    part = resolver.resolve("其中第三部分有几项？", [Turn(before, before, (ZHANGZHOU,))])
    assert "几项任务" in part.question


def test_a_demonstrative_opening_before_another_is_the_link_then(resolver: Resolver) -> None:
    """Regression (chain h17-06.2): in "那这项工作由哪些单位负责？" both 那 and 这 were taken to
    point back, each filled with the last place: "深圳的深圳工作由哪些单位负责？"."""
    before = "深圳的鹏城云脑三期什么时候开工？"
    resolution = resolver.resolve("那这项工作由哪些单位负责？", [Turn(before, before, (SHENZHEN,))])
    assert resolution.question.count("深圳") == 1
    assert "那" not in resolution.question


def test_a_thing_alone_takes_the_place_of_the_last_question_s_thing_of_its_kind(
        resolver: Resolver) -> None:
    """Regression (fresh chain c19-02.2): "What about master's graduates?" after a question of
    what doctoral graduates get was asked as written and answered from another city's
    notice: an ellipsis keeps the last question and contrasts its graduates."""
    before = ("How much housing allowance per month do doctoral graduates get under Shenzhen's "
              "AI talent notice?")
    resolution = resolver.resolve("What about master's graduates?",
                                  [Turn(before, before, (SHENZHEN,))])
    assert resolution.question == before.replace("doctoral", "master's")
    assert resolution.doc_id == SHENZHEN


def test_a_hyphenated_compound_is_carried_whole(resolver: Resolver) -> None:
    """Regression (chain h17-04.3): spaCy splits "three-year" at its hyphen, and "it" was
    carried as "the year new infrastructure action plan in Zhangzhou"."""
    before = "How many tasks does Zhangzhou's three-year new infrastructure action plan contain?"
    resolution = resolver.resolve("Who can I phone about it?",
                                  [Turn(before, before, (ZHANGZHOU,))])
    assert "the three-year new infrastructure action plan" in resolution.question


def test_another_place_falls_back_to_the_kind_of_the_last_document(index: PlaceIndex) -> None:
    """Regression (chain ch-16.2): "那漳州呢？" after a question naming Guangzhou's plan by its
    title kept the title ("漳州城市全面数字化转型试点实施方案…"), which names nothing in
    Zhangzhou, and was refused: when that finds nothing, only the document's kind carries."""
    titles = {GUANGZHOU: "Implementation Plan for the Pilot of Guangzhou's Urban Comprehensive "
                         "Digital Transformation"}
    resolution = Resolver(lambda: index, title=titles.get).resolve(
        "那漳州呢？", [Turn(GUANGZHOU_TASKS_ZH, GUANGZHOU_TASKS_ZH, (GUANGZHOU,))])
    assert resolution.question == "漳州城市全面数字化转型试点实施方案提出了多少项重点任务？"
    fallback = resolution.fallback() if resolution.fallback is not None else None
    assert fallback is not None and fallback.question == "漳州方案提出了多少项重点任务？"


def test_a_follow_up_after_a_count_asks_of_the_things_counted(resolver: Resolver) -> None:
    """Regression (chains h17, h18, h24): after a count ("…提出了多少项重点任务？", "how many
    safeguard measures does the fifth part include?") a follow-up asking how they fall or the
    nth of them ("分布在几大领域？", "What is the first of them?") carried the plan alone, whose
    summary sentence states neither; the answer made the counted things the topic."""
    areas = resolver.resolve("分布在几大领域？",
                             [Turn(GUANGZHOU_TASKS_ZH, GUANGZHOU_TASKS_ZH, (GUANGZHOU,))])
    assert "重点任务" in areas.question and "试点实施方案" in areas.question
    assert areas.doc_id == GUANGZHOU
    safeguards = ("In Zhangzhou's new infrastructure action plan, how many safeguard measures "
                  "does the fifth part include?")
    first = resolver.resolve("What is the first of them?",
                             [Turn(safeguards, safeguards, (ZHANGZHOU,))])
    assert "safeguard measures" in first.question and "action plan" in first.question


def test_a_body_asked_after_a_count_is_the_documents(resolver: Resolver) -> None:
    """What a follow-up asks of the document (a body, a date) after a count stays the
    document's: "由哪些单位负责？" is not asked of the tasks counted."""
    units = resolver.resolve("由哪些单位负责？",
                             [Turn(GUANGZHOU_TASKS_ZH, GUANGZHOU_TASKS_ZH, (GUANGZHOU,))])
    assert "试点实施方案" in units.question and "重点任务" not in units.question


def test_a_modified_thing_replaces_the_old_thing_with_its_modifiers(resolver: Resolver) -> None:
    """Regression (chain chains35-03.2): "And at a third-level hospital?" after a question
    about "a first-level designated hospital" replaced the head alone ("… at a first-level
    designated third-level hospital"): a participle broke the run of nouns, so the old
    modifiers stayed beside the new ones."""
    before = ("In Shenzhen, what share of inpatient costs does the insurance reimburse at a "
              "first-level designated hospital?")
    resolution = resolver.resolve("And at a third-level hospital?",
                                  [Turn(before, before, (SHENZHEN,))])
    assert resolution.question == before.replace("first-level designated", "third-level")


def test_a_verb_before_a_contrasted_noun_phrase_stays(resolver: Resolver) -> None:
    """The modifiers replaced stop at a clause's verb: "firms that hire disabled workers" keeps
    "hire" when "older workers" is asked after it."""
    before = "How much does Shenzhen pay firms that hire disabled workers?"
    resolution = resolver.resolve("What about older workers?",
                                  [Turn(before, before, (SHENZHEN,))])
    assert resolution.question == "How much does Shenzhen pay firms that hire older workers?"


def test_a_complete_follow_up_after_a_refused_turn_keeps_the_place(resolver: Resolver) -> None:
    """Regression (chain chains35-06.2): after a first turn about Shenzhen that cited nothing,
    "补贴什么时候发到位？" was asked as written and answered from another city's notice: with no
    document to say whether it reads on, the place the conversation gave still holds."""
    before = "深圳市分散供养特困人员的取暖补贴是多少？"
    resolution = resolver.resolve("补贴什么时候发到位？", [Turn(before, before, ())])
    assert resolution.question.startswith("深圳") and "补贴什么时候发到位" in resolution.question
    assert resolution.doc_id is None
