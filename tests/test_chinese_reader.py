"""Answers from Chinese notices quote what answers: the clause holding the figure asked, the
sentences after a lead-in the question restates, the items under a matched heading; with exact
offsets, or a refusal (issue 22, item 4).

Regressions: on real Chinese notices the answer quoted the sentence the question restated
("此外，该区还推行……制度。") instead of what follows it, quoted a page's headline and dateline
run together with its first sentence, and took ~400 ms because a multilingual model encoded
the candidate sentences at query time. The notices here are written by the test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from tests.support.reading import read_passage
from tests.support.served import asked, serve_texts

if TYPE_CHECKING:
    from app.answering.citations import Sentence
    from app.services import Services

# A news page flattened into one line: headline, source and dateline apart only by spaces.
LINCHUAN = (
    "临川区 推行复工企业“白名单”制度 来源：抚州日报 时间： 2020-03-02 08:10:00 "
    "抚州日报讯 记者3月1日从临川区获悉，该区持续推进企业复工复产。此外，该区还推行复工企业"
    "“白名单”制度。对纳入白名单的企业，由区工信局派驻联络员全程帮办，优先保障防疫物资和用工需求。"
    "截至目前，全区已有126家企业纳入白名单。\n"
)
FUZHOU = (
    "抚州市关于支持小微企业渡过难关的若干措施\n"
    "一、减免房租。对承租市属国有企业经营用房的小微企业，免收2个月房租。\n"
    "二、加大金融支持。各银行机构对受疫情影响的小微企业不抽贷、不断贷。对到期还款困难的，可展期6个月。\n"
    "三、稳定就业。对不裁员的企业，返还上年度实际缴纳失业保险费的50%。\n"
    "抚州市人民政府\n2020年2月8日\n"
)
# Notices for the two questions issue 22 quotes (its real notices are not copied here).
BEIJING = (
    "关于做好疫情期间境外投资备案工作的通知\n各区商务主管部门、各有关企业：\n"
    "疫情防控期间，本市企业办理境外投资业务，可通过中国邮政EMS将申请材料邮寄至北京市商务局"
    "对外投资和经济合作处，无需到现场办理。\n北京市商务局\n2020年2月12日\n"
)
SUINING = (
    "遂宁市关于应对疫情支持中小微企业发展的若干措施\n"
    "一、减免房租。对承租国有资产类经营用房的中小微企业，免收2月、3月两个月房租，4月至6月房租减半收取。\n"
    "二、延期缴纳税款。因疫情影响不能按期申报纳税的企业，可依法办理延期申报。\n"
    "遂宁市人民政府\n2020年2月6日\n"
)

# A list item whose head states a condition with a figure of its own; the figure asked follows.
JIAXING = (
    "嘉兴市关于加快智能制造发展的若干政策\n一、支持项目落地\n"
    "（一）对新引进总投资超过3亿元的工业机器人制造项目，按设备投资额的12%给予补助，"
    "最高不超过3000万元。\n（二）对实施智能化改造的企业，按软件投入的20%给予奖励。\n"
    "嘉兴市人民政府\n2024年3月1日\n"
)

# Sentences and items holding several figures of one kind (issue 22: the clause quoted).
PINGHU = (
    "平湖市促进会展和人才发展的若干办法\n"
    "第一条 在平湖举办展览面积5000平方米以上的展会，按每平方米12元给予补助，单个展会最高60万元。\n"
    "第二条 全职引进的博士研究生，给予生活补贴每月2500元；硕士研究生每月1200元。\n"
    "第三条 个人购买新能源乘用车的，按每辆车4000元给予一次性消费补贴。\n"
    "第四条 个人报废燃油乘用车并购买新能源乘用车的，在消费补贴基础上再给予每辆车1500元置换奖励。\n"
    "第五条 新能源汽车在政府投资建设的公共停车场首1小时免费停放。\n"
    "（六）在平湖经济开发区建设科创孵化器，孵化面积不少于8万平方米。\n"
    "平湖市人民政府\n2025年3月1日\n"
)
# A page flattened into one line: its paragraphs apart only by spaces after a sentence's end.
SHAOXING = (
    "绍兴市税务局：疫情期间这些税费可延期缴纳 　　在延期缴纳税费方面，按月申报的纳税人，"
    "今年2月份纳税申报期限延长至2月24日。 　　在优化税费管理服务方面，纳税人原则上通过"
    "网上办理涉税事项，无需到办税服务厅现场办理。\n"
)
# Figures of one kind of a thing (境外 fairs, 省级 bases) and none of its sibling kinds (issue 23).
JINHUA = (
    "金华市促进外贸发展的若干措施\n"
    "一、对参加境外专业展会的企业，按展位费的50%给予补贴。\n"
    "二、对新认定为省级外贸转型升级基地的，一次性奖励40万元。\n"
    "金华市人民政府\n2025年2月1日\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    texts = {"linchuan": LINCHUAN, "fuzhou": FUZHOU, "beijing": BEIJING, "suining": SUINING,
             "jiaxing": JIAXING, "pinghu": PINGHU, "shaoxing": SHAOXING,
             "jinhua": JINHUA}
    with serve_texts(tmp_path_factory.mktemp("zh-reader"), texts) as served:
        yield served


def _quotes_exactly(client: TestClient, body: dict[str, object]) -> None:
    """Every citation's offsets open its quote in the stored document."""
    for cited in body["citations"]:  # type: ignore[attr-defined]
        text = client.get(f"/api/documents/{cited['doc_id']}").json()["text"]
        assert text[cited["start"] : cited["end"]] == cited["quote"]


def test_a_lead_in_the_question_restates_is_answered_by_what_follows(client: TestClient) -> None:
    body = asked(client, "临川区推行的复工企业“白名单”制度指什么？")
    assert not body["refused"], body
    assert "由区工信局派驻联络员全程帮办" in body["answer"]  # type: ignore[operator]
    assert "此外" not in body["answer"]  # type: ignore[operator]
    assert "抚州日报讯" not in body["answer"]  # type: ignore[operator]
    _quotes_exactly(client, body)


def test_a_figure_is_quoted_in_its_clause(client: TestClient) -> None:
    body = asked(client, "临川区已有多少家企业纳入白名单？")
    assert not body["refused"], body
    quote = body["citations"][0]["quote"]  # type: ignore[index]
    assert "126家" in quote and "截至目前" not in quote  # the clause, not the whole sentence
    _quotes_exactly(client, body)


def test_a_matched_heading_is_answered_by_its_items(client: TestClient) -> None:
    body = asked(client, "抚州市如何加大金融支持？")
    assert not body["refused"], body
    answer = str(body["answer"])
    assert "不抽贷、不断贷" in answer and "可展期6个月" in answer
    assert "失业保险费" not in answer  # the next heading's item is another measure
    _quotes_exactly(client, body)


def test_a_list_items_head_is_answered_with_the_rest_of_the_item(client: TestClient) -> None:
    """Regression: "绍兴对新引进的集成电路制造项目补助多少？" was answered with its item's head
    alone, "（一）对新引进总投资超过5亿元的集成电路制造项目": the head's own figure (the
    condition) was taken for the one asked, which the item goes on to state."""
    body = asked(client, "嘉兴对新引进的工业机器人制造项目补助多少？")
    assert not body["refused"], body
    assert "12%" in str(body["answer"])
    _quotes_exactly(client, body)


def test_a_sentence_saying_more_in_its_last_clause_is_not_a_restatement(
        client: TestClient) -> None:
    """Regression: an item the question restated for most of its characters was skipped for
    the next line (the issuer) although its last clause is the answer ("…，免征增值税。")."""
    body = asked(client, "嘉兴对实施智能化改造的企业，软件投入怎样奖励？")
    assert not body["refused"], body
    assert "按软件投入的20%给予奖励" in str(body["answer"])
    _quotes_exactly(client, body)


def test_an_open_answer_ends_with_its_paragraph_on_a_flattened_page(client: TestClient) -> None:
    """Regression (issue 22, extent): an open question's answer ran on past its paragraph's
    end into the next heading's ("。 　　在优化税费管理服务方面，…") on a page whose paragraphs
    are apart only by spaces, quoting what another question asks (realzh-dev: too long)."""
    body = asked(client, "绍兴在延期缴纳税费方面有什么措施？")
    assert not body["refused"], body
    assert "纳税申报期限延长至2月24日" in str(body["answer"])
    assert "网上办理" not in str(body["answer"])
    _quotes_exactly(client, body)


def test_a_figure_the_notice_never_states_is_refused(client: TestClient) -> None:
    body = asked(client, "抚州市对小微企业的贷款贴息每年多少万元？")
    assert body["refused"], body


def test_a_second_chinese_question_reads_its_own_clause(client: TestClient) -> None:
    """A second question after the one-off loading gets its own figure. (How fast is measured
    by ``policykb bench --languages``; a timed assertion here failed on loaded machines.)"""
    asked(client, "抚州市如何减免房租？")  # first question: one-off loading
    body = asked(client, "抚州市对不裁员的企业返还多少失业保险费？")
    assert "50%" in str(body["answer"])


@pytest.mark.parametrize(
    ("question", "doc_id", "clause"),
    [("北京市企业办理境外投资业务时，应如何邮寄申请材料？", "beijing", "中国邮政EMS"),
     ("遂宁市对承租国有资产用房的中小微企业有何政策？", "suining", "免收2月、3月两个月房租")],
)
def test_the_issue_questions_are_answered_from_their_notices(
    client: TestClient, question: str, doc_id: str, clause: str
) -> None:
    """Regression: both were refused ("no documents for Beijing", "no passage answers")."""
    body = asked(client, question)
    assert not body["refused"], body
    cited = body["citations"][0]  # type: ignore[index]
    assert cited["doc_id"] == doc_id and clause in cited["quote"]
    _quotes_exactly(client, body)


def test_the_notice_search_ranks_first_answers_unless_clearly_outdone() -> None:
    """Regression: the anchor was the best sentence of any of the five passages, so a sentence
    of the fifth notice that held one more of the question's bigrams than the first notice's
    beat it; on realzh-dev the answer cited another document than the one ranked first (and
    asked about) in about one question in six, and still in 7 of 305 dev questions after a near
    tie went to the better passage. Only twice the support crosses notices."""
    from app.answering.chinese_reader import read_chinese

    question = "小微企业承租国有房屋的房租怎样减免？"
    first = sentence("first", "对承租国有房屋的小微企业，房租免收三个月。", 0)
    near = sentence("second", "对承租国有房屋的小微企业，房租减免三个月。", 1)
    reading = read_chinese(question, [first, near])
    assert reading is not None
    assert reading.ranked[0].sentence.chunk.doc_id == "first"
    assert reading.ranked[0].support < reading.ranked[1].support  # the support is not bent
    better = sentence("second", "小微企业承租国有房屋的，房租减免一个月。", 1)
    reading = read_chinese(question, [first, better])
    assert reading is not None and reading.answer.sentence.chunk.doc_id == "first"
    vague = sentence("first", "对小微企业的房租给予优惠。", 0)
    reading = read_chinese(question, [vague, better])
    assert reading is not None and reading.answer.sentence.chunk.doc_id == "second"


def sentence(doc_id: str, text: str, rank: int) -> Sentence:
    """A one-sentence Chinese chunk of notice ``doc_id``, at search rank ``rank``."""
    from app.answering.citations import Sentence
    from app.store.records import Chunk

    chunk = Chunk(f"{doc_id}::0", doc_id, text, 0, len(text), {"language": "zh"})
    return Sentence(chunk, 0, len(text), text, rank)


def _two_sentences(title: str, text: str) -> tuple[Sentence, Sentence]:
    """The two sentences of one Chinese chunk of a notice titled `title` (cut at the first 。)."""
    from app.answering.citations import Sentence
    from app.store.records import Chunk

    chunk = Chunk("notice::0", "notice", text, 0, len(text), {"language": "zh", "title": title})
    cut = text.index("。") + 1
    return Sentence(chunk, 0, cut, text[:cut], 0), Sentence(chunk, cut, len(text), text[cut:], 0)


def test_a_notices_title_words_do_not_choose_its_sentence() -> None:
    """Regression: a news page's lead restating its title ("…出台…若干措施…") out-scored the
    sentence holding what the question asks of the notice; on realzh-dev such leads and
    headlines were most of the answers quoting the right notice's wrong sentence."""
    from app.answering.chinese_reader import read_chinese

    lead, rule = _two_sentences("某市出台十条措施支持中小企业共渡难关",
                                "某市近日出台十条措施支持中小企业共渡难关，涵盖房租、金融和用工。"
                                "复工企业员工集体宿舍每间不超过6人。")
    reading = read_chinese("某市支持中小企业共渡难关的措施对员工集体宿舍有何要求？", [lead, rule])
    assert reading is not None
    quote = reading.answer.sentence.text  # the rule's sentence, whole (round 21)
    assert quote.startswith("复工企业员工集体宿舍每间不超过6人") and "涵盖" not in quote, quote


def test_a_scene_the_question_sets_does_not_choose_the_sentence() -> None:
    """Regression (round 44, rzanchor45): a question setting its scene in a clause before the one
    asking ("…在楼宇调研时，对加强宣传提出了什么要求？") had the sentence restating that scene
    quoted, with the one answering the asking clause only run on into; on realzh-dev a news
    lead restating a question's opening clause beat the sentence answering it. The scene's words
    tell which notice, the asking clause's which of its sentences."""
    from app.answering.chinese_reader import read_chinese

    scene, rule = _two_sentences("", "某市市长在楼宇调研检查疫情防控工作时，详细了解了楼宇消毒"
                                 "和人员登记情况。他提出，要加强宣传，引导群众养成良好卫生习惯。")
    reading = read_chinese("某市市长在楼宇调研检查时，对加强宣传提出了什么要求？", [scene, rule])
    assert reading is not None
    quote = reading.answer.sentence.text
    assert quote.startswith("他提出，要加强宣传") and "调研" not in quote, quote


def test_a_sentence_negating_a_title_word_the_question_asks_does_not_answer() -> None:
    """Regression (round 17, newcity17): over a heating notice titled "…城区居民供热报停和收费工作的
    通知", "黑河市居民供热价格是多少？" quoted the non-residents' price (42元): the title's words do
    not choose a sentence, so 居民 counted for neither "居民住宅供热价格…31.5元" nor "非居民用户供热
    价格…42元", and the later, longer sentence won the tie although it negates 居民."""
    from app.answering.chinese_reader import read_chinese

    title = "黑河市住房和城乡建设局关于做好城区居民供热报停和收费工作的通知"
    residents, others = _two_sentences(
        title, "居民住宅供热价格按照建筑面积每平方米每采暖期31.5元执行。"
               "非居民用户供热价格按照建筑面积每平方米每采暖期42元执行。")
    for question, price in (("黑河市居民供热价格是多少？", "31.5元"),
                            ("黑河市非居民供热价格是多少？", "42元")):
        reading = read_chinese(question, [residents, others])
        assert reading is not None and price in reading.answer.sentence.text


@pytest.mark.parametrize(
    ("question", "quoted", "not_quoted"),
    [("平湖单个展会最高补助多少？", "60万元", "12元"),
     ("平湖举办5000平方米以上的展会每平方米补助多少？", "12元", "60万元"),
     ("平湖硕士研究生生活补贴每月多少？", "1200元", "2500元"),
     ("平湖博士研究生生活补贴每月多少？", "2500元", "1200元"),
     ("平湖个人买新能源乘用车能拿多少补贴？", "4000元", "1500元"),
     ("平湖科创孵化器的面积要求是多少？", "8万平方米", "（六）")],
)
def test_the_clause_of_the_figure_asked_is_quoted(
        client: TestClient, question: str, quoted: str, not_quoted: str) -> None:
    """Regressions (issue 22): the figure quoted was the one nearest the question's last words,
    not the one its subject words point to: "温州单个展会最高补助多少" quoted the per-m² clause,
    "德清县硕士研究生住房补贴每月多少" the 博士 clause; an item's number "（六）" was taken for
    the figure asked ("绵阳科技企业孵化器的面积要求" quoted the item's head); and a sentence
    whose sum is of another thing ("…再给予每辆车2000元置换奖励") answered "…能拿多少补贴"."""
    body = asked(client, question)
    assert not body["refused"], body
    quote = body["citations"][0]["quote"]  # type: ignore[index]
    assert quoted in quote and not_quoted not in quote, quote
    _quotes_exactly(client, body)


def test_a_quote_is_never_cut_inside_a_word(client: TestClient) -> None:
    """Regression: the restated start of a clause was skipped two characters at a time, so
    "柳州新能源车在公共停车场免费停多久" quoted "源汽车在市政府投资建设的…"."""
    body = asked(client, "平湖新能源车在公共停车场免费停多久？")
    assert not body["refused"], body
    quote = body["citations"][0]["quote"]  # type: ignore[index]
    # Whole words: the clause, or (zhspan12) from the word after the restated frame.
    assert quote.startswith(("新能源汽车", "首1小时")) and "首1小时" in quote, quote
    _quotes_exactly(client, body)


def test_an_open_answer_does_not_run_on_into_a_field_line() -> None:
    """Regression: an open question's answer ran on through its measure to the closing field
    line ("…最高不超过50万元。牵头单位：市人力资源和社会保障局。"), whose value says who carries the
    measure out, not how; on the cities batch zhspan7 six of ten quotes ended so, and on
    realzh-dev a contact line ("联系人：…") was quoted after the answer. A line holding clauses
    after its colon ("会议要求：要…，…") is a sentence and is read on."""
    from app.answering.sentence_forms import is_field
    from app.store.records import Chunk

    text = ("第二条 对企业招用青年并缴纳社会保险的，按每人2000元给予一次性吸纳就业补贴。"
            "同一企业每年补贴总额最高不超过50万元。牵头单位：市人力资源和社会保障局。")
    chunk = Chunk("notice::0", "notice", text, 0, len(text), {"language": "zh"})
    reading = read_passage("企业招用青年怎样领取吸纳就业补贴？", chunk)
    quote = reading.answer.sentence.text
    assert "按每人2000元" in quote and quote.endswith("最高不超过50万元。")
    assert "牵头单位" not in quote
    assert is_field("配合单位：市发展改革委、市财政局；")
    assert not is_field("会议要求：要把一网通办作为重要支撑，确保年底前落实。")


def test_a_clause_does_not_end_inside_brackets() -> None:
    """Regression: a clause mark inside brackets cut the quote there, so a realzh-dev answer
    ended "…至2月2日（农历正月初九" and a hotline's "0523-86195536（服务时间" with the bracket
    left open; a bracketed aside belongs to the clause it stands in."""
    from app.answering.chinese_reader import read_chinese
    from app.answering.citations import Sentence
    from app.store.records import Chunk
    from app.text import clause_spans

    text = "一、延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。"
    assert [text[a:b] for a, b in clause_spans(text)] == [
        "一、延长2020年春节假期至2月2日（农历正月初九，星期日），", "2月3日（星期一）起正常上班。"]
    chunk = Chunk("notice::0", "notice", text, 0, len(text), {"language": "zh"})
    reading = read_chinese("春节假期延长到哪天？", [Sentence(chunk, 0, len(text), text, 0)])
    assert reading is not None
    quote = reading.answer.sentence.text
    assert "2月2日（农历正月初九，星期日）" in quote and quote.count("（") == quote.count("）")
    # Nor at a full-width colon inside a time of day: "…00：00起" was quoted "自2020年2月17日00".
    timed = "自2020年2月17日00：00起至疫情防控工作结束，所有收费公路免收车辆通行费。"
    first = "自2020年2月17日00：00起至疫情防控工作结束，"
    assert next(timed[a:b] for a, b in clause_spans(timed)) == first
    line = "电话：0523-86195536（服务时间：9:00-17:00）。"
    assert [line[a:b] for a, b in clause_spans(line)] == [
        "电话：", "0523-86195536（服务时间：9:00-17:00）。"]


def test_a_question_closing_its_passage_is_answered_by_the_next_passage() -> None:
    """Regression: an FAQ's question line ("该怎么消毒？") or a lead-in the question restates
    ("现就…通知如下：") that closes its passage at ingest was quoted itself, its answer opening
    the next passage; on realzh-dev "…该怎么消毒？" was answered "该怎么消毒？" twice. A question
    line asked with another ("…是否有病毒？该怎么消毒？") is answered by what follows both."""
    from app.answering.chinese_reader import read_chinese
    from app.answering.citations import Sentence
    from app.store.records import Chunk
    from app.text import sentence_spans

    first = "消毒问答 门把手、按钮是否有病毒？该怎么消毒？"
    second = "摸了门把手以后及时洗手，就可以很好地解决这个问题。另外，电梯按钮每天消毒两次。"
    chunks = [Chunk("faq::0000", "faq", first, 0, len(first), {"language": "zh"}),
              Chunk("faq::0001", "faq", second, len(first) + 1, len(first) + 1 + len(second),
                    {"language": "zh"})]
    sentences = [Sentence(c, c.start + a, c.start + b, c.text[a:b], n)
                 for n, c in enumerate(chunks) for a, b in sentence_spans(c.text)]
    for question in ("门把手、按钮上该怎么消毒？", "门把手、按钮是否有病毒？"):
        reading = read_chinese(question, sentences)
        assert reading is not None
        quote = reading.answer.sentence
        assert quote.text.startswith("摸了门把手以后及时洗手"), quote.text
        assert quote.chunk is chunks[1] and second[quote.start - quote.chunk.start:].startswith(
            quote.text)


def test_a_heading_kept_out_of_its_passage_is_answered_by_its_section() -> None:
    """Regression: ingest keeps a section's heading out of its passage's text (in ``section``),
    so a question restating it ("…如何要求合理安排职工休息休假？" for "（二）合理安排职工休息休假")
    was answered by another item's sentence sharing its words, or by its section's last sentence
    alone; on realzh-dev five questions so. Neither the notice's title (its opening passage's
    section) nor a heading the text repeats counts."""
    from app.answering.chinese_reader import read_chinese
    from app.answering.citations import Sentence
    from app.store.records import Chunk
    from app.text import sentence_spans

    title = "某市关于做好疫情防控期间劳动关系工作的通知"
    parts = [(title, title + " 现就有关工作通知如下："),
             ("一、维护劳动关系 > （二）合理安排职工休息休假",
              "春节假期延长期间不能休假的职工，企业应当安排其同等时间的补休。"
              "不能安排补休的，按照不低于工资基数的200%支付加班工资。"),
             ("二、加强服务保障 > （一）各类用人单位应当落实劳动保护",
              "（一）各类用人单位应当落实劳动保护，合理安排工作时间和职工休息休假，维护劳动关系和谐。")]
    chunks, at = [], 0
    for n, (section, text) in enumerate(parts):
        chunks.append(Chunk(f"ld::{n:04d}", "ld", text, at, at + len(text),
                            {"language": "zh", "section": section, "title": title}))
        at += len(text) + 1
    sentences = [Sentence(c, c.start + a, c.start + b, c.text[a:b], n)
                 for n, c in enumerate(chunks) for a, b in sentence_spans(c.text)]
    reading = read_chinese("某市如何要求合理安排职工休息休假？", sentences)
    assert reading is not None
    quote = reading.answer.sentence.text
    assert quote.startswith("春节假期延长期间") and "200%" in quote, quote
    assert chunks[1].heading_at(chunks[1].start) == "（二）合理安排职工休息休假"
    assert chunks[0].heading_at(0) == "" and chunks[2].heading_at(chunks[2].start) == ""


def test_a_pages_opening_sentence_yields_to_the_detail_it_sums_up() -> None:
    """Regression: a news page's lead ("记者从…获悉，该区近日出台措施，支持…") and a notice's
    preamble hold most words of any question about the page, so they beat the sentence stating
    the detail asked; on realzh-dev leads were the largest kind of answers quoting the right
    notice's wrong sentence. The opening sentence is weighed as a headline is."""
    from app.store.records import Chunk

    text = ("某区出台措施助餐饮企业恢复经营\n"
            "记者从某区商务局获悉，该区近日出台措施，支持餐饮企业恢复经营，减轻企业负担。"
            "其中，对恢复堂食的餐饮企业，按每家5000元给予一次性补助；对承租区属国有房产的，免收1个月房租。\n")
    chunk = Chunk("news::0000", "news", text, 0, len(text), {"language": "zh", "title": ""})
    reading = read_passage("某区对恢复经营的餐饮企业有什么支持？", chunk)
    quote = reading.answer.sentence.text
    assert "按每家5000元给予一次性补助" in quote and "记者" not in quote, quote


def _read_as_stored(text: str, question: str) -> Any:
    """``read_chinese`` over one passage holding ``text``, with the entities ingest stores."""
    from app.store.records import Chunk
    from ingest.entities import entities_of

    (found,) = entities_of([text])  # as ingest stores them: the sum is what marks the answer
    chunk = Chunk("rules::0000", "rules", text, 0, len(text), {
        "language": "zh", "title": "", "entities": json.dumps([list(e) for e in found])})
    return read_passage(question, chunk)


def test_an_article_stating_the_figure_asked_is_not_a_lead_in() -> None:
    """Regression (round 8's merge of zhspan8): an article the question restates almost word
    for word ("…奖励楼宇运营方30万元。" for "…运营方能得到多少奖励？") was taken for a lead-in, and
    the article after it was quoted ("第四条 本办法自…起施行。"), though it states the sum asked."""
    text = ("某区促进楼宇经济发展扶持办法\n第一条 为促进楼宇经济发展，制定本办法。\n"
            "第三条 对年度纳税首次超过1000万元的商务楼宇，奖励楼宇运营方30万元。\n"
            "第四条 本办法自2024年6月1日起施行。\n")
    reading = _read_as_stored(text, "某区商务楼宇年度纳税首次超过1000万元，运营方能得到多少奖励？")
    quote = reading.answer.sentence.text
    assert "30万元" in quote and "施行" not in quote, quote


@pytest.mark.parametrize(("question", "said"), [
    ("在各区市场监督管理局登记的企业，档案查询按什么执行？", "按照各区市场监管部门的有关规定执行"),
    ("疫情期间个体工商户的定期定额能调整吗？", "合理调整疫情期间个体工商户的定期定额"),
])
def test_a_sentence_saying_more_than_the_question_is_no_lead_in(question: str, said: str) -> None:
    """Regression (round 34, rzsent35): a sentence a question restates but for a stretch of five
    or more characters ("…查询工作按照各区市场监管部门的有关规定执行。" for "…查询按什么执行？")
    was taken for a lead-in and the next item was quoted; the answer stood in the stretch the
    question leaves unsaid (rzrepo-tune: 8 such answers, all of another sentence)."""
    text = ("某市关于疫情期间企业登记和税费服务的通知\n"
            "一、在市市场监督管理局登记的企业，档案查询通过网上平台办理。\n"
            "二、在各区市场监督管理局登记企业的档案查询工作按照各区市场监管部门的有关规定执行。\n"
            "三、各地可根据疫情情况，合理调整疫情期间个体工商户的定期定额。\n"
            "四、本通知自2020年2月10日起施行。\n")
    quote = _read_as_stored(text, question).answer.sentence.text
    assert said in quote and "施行" not in quote, quote


def test_the_sum_asked_is_named_where_the_question_asks() -> None:
    """Regression (round 8's held-out validity set h8): "六安低保家庭分摊的加装电梯费用，每户最多
    补多少？" was refused: its first money word (费用) was taken for the sum asked, and the
    article's sum is a 补助, though the clause that asks (每户最多补多少) names no sum."""
    text = ("某市既有住宅加装电梯补助办法\n第三条 经验收的，每部电梯给予一次性补助20万元。\n"
            "第四条 低保家庭分摊的加装费用，每户给予最高5000元补助。\n")
    reading = _read_as_stored(text, "某市低保家庭分摊的加装电梯费用，每户最多补多少？")
    assert not reading.answer.lacking
    assert "5000元" in reading.answer.sentence.text


@pytest.mark.parametrize(("question", "figure"), [
    ("某市对企业以专利权质押方式获得贷款发生的专利评估费用补贴标准是多少？", "3万元"),
    ("某市中小微企业社会保险费补贴政策预计投入多少资金？", "30亿元"),
])
def test_a_sum_named_by_any_of_the_questions_money_words_is_the_one_asked(
        question: str, figure: str) -> None:
    """Regression (realzh16 r16-09): "…专利评估费用补贴标准是多少？" was refused as not stating
    the sum: only its first money word (评估费) was read as the thing asked, so the notice's
    补贴 of 3万元 counted as another thing's sum. Any of the question's money words names it
    (the second question's sum is named by its 社会保险费, not by the 资金 it asks)."""
    text = ("某市支持企业发展的若干措施\n"
            "一、对企业以发明专利权质押方式从金融机构获得贷款发生的专利评估费用，"
            "给予单笔补贴金额最高不超过3万元。\n"
            "二、根据测算，仅社会保险费补贴这一政策就要投入社会保险费30亿元，惠及职工120万人。\n")
    reading = _read_as_stored(text, question)
    assert not reading.answer.lacking
    assert figure in reading.answer.sentence.text


def test_the_first_notices_best_stands_in_for_a_sentence_not_twice_as_near() -> None:
    """Regression: a sentence of another notice with enough support went before the first
    notice's best when that best was below the refusal threshold, though not half as near: on
    zhread14 "北京的中小微企业遇到困难可以找哪个热线？" cited another notice than the asked one,
    which search ranked first. The first notice's best answers unless outdone twice over."""
    from app.answering.chinese_reader import REFUSAL_SUPPORT, read_chinese

    question = "企业欠缴的水电气费用什么时候补缴？"
    first = sentence("first", "欠缴的费用允许在疫情解除后3个月内补缴完毕。", 0)
    other = sentence("second", "对欠缴水电气费用的企业，疫情结束后3个月内补缴各项费用。", 1)
    filler = sentence("first", "鼓励企业多途径扩大招工规模。", 0)
    reading = read_chinese(question, [first, other, filler])
    assert reading is not None
    supports = {s.sentence.chunk.doc_id + s.sentence.text[:2]: s.support for s in reading.ranked}
    assert supports["first欠缴"] < REFUSAL_SUPPORT <= supports["second对欠"]  # as the case above
    assert reading.answer.sentence.chunk.doc_id == "first"
    assert reading.answer.support >= REFUSAL_SUPPORT  # answered, not refused


def test_a_sibling_kind_s_figure_is_refused(client: TestClient) -> None:
    """Regression (round 22, cities probes): asked the subsidy for 交流充电桩, Liuzhou's answer
    quoted the one for 直流充电桩; asked of 市级 events or 三类 zones, the figure of 国家级 events
    or 一类 zones: the sentence names the asked thing with a sibling kind's modifier only."""
    for question in ("金华企业参加境内专业展会，展位费补贴多少？",
                     "金华对新认定为国家级外贸转型升级基地的奖励多少？"):
        assert asked(client, question)["refused"], question
    for question, fact in (("金华企业参加境外专业展会，展位费补贴多少？", "50%"),
                           ("金华对新认定为省级外贸转型升级基地的奖励多少？", "40万元")):
        body = asked(client, question)
        assert fact in str(body["answer"]), body


def test_a_same_meaning_modifier_of_a_contact_is_no_sibling_kind() -> None:
    """Regression (realzh-dev test, round 21's ``sibling_named``): "…收信地址是什么？" over a notice
    writing "来信地址：…" was refused: 收信 and 来信 share 信, and an address was read like a figure
    of another kind. A sibling's figure is no answer (直流 for 交流); one office's address for
    letters, said from the other side, is."""
    text = ("某县信访局关于暂停接待来访的通知\n有诉求的群众可通过来信反映。"
            "来信地址：某县人民路12号县信访局，邮政编码：100000。\n")
    reading = _read_as_stored(text, "某县信访局的收信地址是什么？")
    assert reading.answer.support >= 0.14 and "人民路12号" in reading.answer.sentence.text
    figures = ("某县充电设施补贴办法\n对新建直流充电桩按每千瓦200元给予补贴。\n")
    reading = _read_as_stored(figures, "某县新建交流充电桩每千瓦补贴多少？")
    assert reading.answer.support < 0.14 or "200元" not in reading.answer.sentence.text


def _notice_with_entities(texts: list[str]) -> list[Sentence]:
    """One-sentence chunks of a notice, with the entities ingest's NER would store for them."""
    from app.answering.citations import Sentence
    from app.store.records import Chunk

    labels = [(r"\d{4}-\d{7}", "PHONE"), (r"\d+元", "MONEY"), (r"\d+月", "DATE")]
    sentences = []
    for i, text in enumerate(texts):
        found = [[m.start(), m.end(), label] for form, label in labels
                 for m in re.finditer(form, text)]
        chunk = Chunk(f"notice::{i}", "notice", text, 0, len(text),
                      {"language": "zh", "entities": json.dumps(found)})
        sentences.append(Sentence(chunk, 0, len(text), text, 0))
    return sentences


INSURANCE = ["一、本年度城乡居民个人缴费标准为每人每年400元。",
             "二、参保人员可在每年9月至12月集中缴费期内办理参保登记。",
             "三、参保缴费政策咨询可拨打医保服务热线0738-1234567。",
             "四、各乡镇要做好参保宣传动员工作。"]


def test_a_clear_lead_stating_a_phone_number_answers_below_the_threshold() -> None:
    """Regression (round 22, cities23): "娄底居民医保有问题打什么电话咨询？" was refused though the
    hotline's sentence, the only one holding a phone number, had 0.090 support against 0.024:
    a question in everyday words shares few bigrams with the sentence that answers it."""
    from app.answering.chinese_reader import REFUSAL_SUPPORT, read_chinese

    question = "医保有问题打什么电话咨询？"
    reading = read_chinese(question, _notice_with_entities(INSURANCE))
    assert reading is not None and reading.answer.support >= REFUSAL_SUPPORT
    assert "0738-1234567" in reading.answer.sentence.text
    # Without the hotline's sentence no sentence states a phone number: still refused.
    others = [text for text in INSURANCE if "热线" not in text]
    reading = read_chinese(question, _notice_with_entities(others))
    assert reading is not None and reading.answer.support < REFUSAL_SUPPORT


# A table of lines, each a body and its phone number, after a lead-in saying what they are for.
HOTLINES = ["为保障疫情防控应急运输车辆通行，各地交警支队公布了应急运输保障服务专线电话，"
            "24小时受理求助。",
            "附：各地保障服务电话", "1、甲市支队 0991-3682007", "2、乙州支队 0998-8888122",
            "3、丙县支队 0903-2522108"]


def test_a_phone_line_leading_the_other_phone_lines_answers_below_the_threshold() -> None:
    """Regression (rz2229: 新疆喀什地区交警支队的疫情应急运输保障电话是多少？ refused, and two
    more such field lines): a table's line says little of the question but its body's name, and
    the lead-in saying what the table is for, lacking any number, outscored it, so no clear lead
    was seen; a way to reach one is outdone only by another way (here, another phone line)."""
    from app.answering.chinese_reader import REFUSAL_SUPPORT, read_chinese

    question = "乙州交警支队的疫情应急运输保障电话是多少？"
    reading = read_chinese(question, _notice_with_entities(HOTLINES))
    assert reading is not None and reading.answer.support >= REFUSAL_SUPPORT
    assert reading.answer.sentence.text == "2、乙州支队 0998-8888122"
    # Without its line, the other bodies' lines tie: no lead, still refused.
    others = [text for text in HOTLINES if "乙州" not in text]
    reading = read_chinese(question, _notice_with_entities(others))
    assert reading is not None and reading.answer.support < REFUSAL_SUPPORT



SERVICES = ["一、市县两级政务服务中心实行“周末不打烊”，每周六上午提供延时服务。",
            "二、企业开办全流程时间压缩至1个工作日以内，免费为新开办企业发放一套公章，所需费用由市级财政承担。",
            "三、对行动不便的群众，可通过热线预约上门服务。",
            "四、每个镇便民服务中心可办理的政务服务事项不少于100项。",
            "五、推行“一件事一次办”，材料精简三成以上。",
            "六、政务服务中心设立“办不成事”反映窗口。"]


def test_a_clear_lead_the_multilingual_model_puts_first_answers(services: Services) -> None:
    """Regression (round 23, zhfr24): "在商洛开个公司，刻公章要自己掏钱吗？" was refused though the
    free seals' sentence led every other twice over (0.103 against 0.035): a question in everyday
    words shares few bigrams with its answer, and the multilingual model, by meaning, agrees."""
    from app.answering.chinese_reader import REFUSAL_SUPPORT, read_chinese
    from app.retrieval.shortened import nearest_in_meaning

    question = "在商洛开个公司，刻公章要自己掏钱吗？"
    ranker = services.answerers["extractive"].ranker  # type: ignore[attr-defined]
    nearest = nearest_in_meaning(ranker.crosslingual, ranker.crosslingual_vectors, question)
    reading = read_chinese(question, _notice_with_entities(SERVICES), nearest=nearest)
    assert reading is not None and reading.answer.support >= REFUSAL_SUPPORT
    assert "免费为新开办企业发放一套公章" in reading.answer.sentence.text
    # Without the second reader the lead under the threshold is refused, as before.
    reading = read_chinese(question, _notice_with_entities(SERVICES))
    assert reading is not None and reading.answer.support < REFUSAL_SUPPORT


# Items of a notice written for this test, after h30's 马鞍山 notice (one sum in each).
HIRING = ["（一）小微企业新招用毕业年度或离校2年内未就业高校毕业生，签订1年以上劳动合同并按月足额"
          "缴纳社会保险费的，按每人2000元给予一次性吸纳就业补贴。",
          "（二）个人创业者可申请最高30万元的创业担保贷款。",
          "（三）小微企业组织新招用人员开展以工代训的，按每人每月500元给予职业培训补贴。",
          "（四）市公共就业服务中心每月举办小微企业专场招聘会，全年不少于12场。",
          "（五）到2026年底建成社区就业服务站点200个。",
          "（六）对骗取补贴的，依法追回资金并纳入失信记录。"]


def test_a_sums_clear_lead_answers_when_the_question_names_its_noun(services: Services) -> None:
    """Regression (round 31, h30 马鞍山): "…新招了一个今年毕业的大学生，签了两年合同也交了社保，能拿
    多少补贴？" was refused though the hire subsidy's item led every other twice over and the
    multilingual model agreed: a sum's lead answered only when a bound was asked, yet the
    question's 补贴, which the lead's sum is of, narrows whose sum it is as a bound does."""
    from app.answering.chinese_reader import REFUSAL_SUPPORT, read_chinese
    from app.retrieval.shortened import nearest_in_meaning

    ranker = services.answerers["extractive"].ranker  # type: ignore[attr-defined]
    asked = "我开了个小公司，新招了一个今年毕业的大学生，签了两年合同也交了社保，能拿多少{}？"
    for noun, answered in (("补贴", True), ("钱", False)):  # 钱 names no sum's noun
        question = asked.format(noun)
        nearest = nearest_in_meaning(ranker.crosslingual, ranker.crosslingual_vectors, question)
        reading = read_chinese(question, _notice_with_entities(HIRING), nearest=nearest)
        assert reading is not None and (reading.answer.support >= REFUSAL_SUPPORT) is answered
        assert "2000元" in reading.answer.sentence.text


def test_a_sentence_pointing_back_at_the_restated_noun_answers() -> None:
    """Regression (round 23, sentence24): "…由哪六家医院组成？" quoted the sentence it restates
    ("由本市六家医院组成的新一批医疗队出发…"), not the next one, which says which they are
    ("这六家医院是…"): a demonstrative opening a sentence points at the noun before it."""
    text = ("某市医疗队驰援武汉\n"
            "昨天中午，由本市六家医院组成的新一批医疗队出发驰援武汉，支援雷神山医院。"
            "这六家医院是仁济医院、市第一人民医院、市第六人民医院、市第五人民医院、市第七人民医院、"
            "杨浦区中心医院。医疗队领队介绍，各医院在短短10小时内组建了医疗队。\n")
    reading = _read_as_stored(text, "某市新一批驰援武汉的医疗队由哪六家医院组成？")
    quote = reading.answer.sentence.text
    assert quote.startswith("这六家医院是仁济医院") and "出发" not in quote, quote


def test_of_several_details_the_one_the_questions_next_words_follow_is_quoted() -> None:
    """Bug (round 27, 丹棱 "…补贴从什么时候开始受理？"): the sentence's payment period ("60日内
    拨付") was quoted for the start of acceptance; a Chinese answer stands where the question word
    does, so the detail the question's next words follow ("4月1日起受理") answers, as does the
    department "牵头" follows, not the list of those that 配合."""
    text = "三、受理时间\n自2026年4月1日起受理申请，补贴资金在项目验收合格后60日内拨付。\n"
    quote = _read_as_stored(text, "某县增设电梯补贴从什么时候开始受理？").answer.sentence.text
    assert "4月1日" in quote and "60日" not in quote, quote
    text = ("四、保障措施\n（一）由市农业农村局牵头，市财政局、市自然资源和规划局等部门配合，"
            "建立联席会议制度。\n")
    quote = _read_as_stored(text, "某市家庭农场这块工作由哪个部门牵头？").answer.sentence.text
    assert "市农业农村局" in quote and "配合" not in quote, quote


def test_a_sentence_above_the_threshold_by_title_words_alone_does_not_push_back_the_answer(
        ) -> None:
    """Regression (round 35, rzrank36): a sentence restating the notice's title ("…出台支持中小微
    企业发展十二条措施。") passed the refusal threshold on the title's words alone, so the sentence
    holding the question's own words (执行期) fell behind every sentence above the threshold, and
    a neighbour was quoted; realzh-dev and rzrepo-tune: 9 answers of the right notice's wrong
    sentence (a headline, a news lead, a 联络人 line quoted for "明查暗访…在什么时间进行")."""
    from app.store.records import Chunk

    text = ("为帮助中小微企业应对疫情、共渡难关，某市出台支持中小微企业发展十二条措施。"
            "对承租国有资产类经营用房的中小微企业，免收2个月房租。"
            "对受疫情影响较大的中小微企业，给予贷款贴息支持。"
            "本政策执行期暂定为自发布之日起三个月。")
    chunk = Chunk("notice::0", "notice", text, 0, len(text),
                  {"language": "zh", "title": "某市支持中小微企业发展十二条措施"})
    reading = read_passage("某市支持中小微企业发展十二条措施的执行期是多长？", chunk)
    assert reading.answer.sentence.text == "本政策执行期暂定为自发布之日起三个月。"


def test_of_a_notices_sentences_the_one_saying_the_word_before_the_question_word_answers(
        ) -> None:
    """Regression (round 37, rzpick38): "浙江“五色图”对全省疫情工作开展提供了哪些帮助？" quoted the
    news lead saying the question's topic words (浙江, 全省, 疫情, 工作) over the sentence saying
    what the map 提供s, the word standing just before the question word: it frames the answer, and
    the topic's words say only what the notice is about (realzh dev 2 better, 1 worse;
    rzrepo-tune 5 better, none worse)."""
    from app.store.records import Chunk

    text = ("某省新版疫情风险“五色图”显示，截至2月12日，全省共有48个县显示为绿色，"
            "全省疫情低风险地区已过半。省卫生健康委相关负责人介绍，采用“五色图”进行动态评估，既为精准防控提供依据，"
            "也为全省复工复产提供宏观引导。")
    chunk = Chunk("notice::0", "notice", text, 0, len(text),
                  {"language": "zh", "title": "风险地图发布会"})
    reading = read_passage("某省疫情“五色图”对全省疫情工作开展提供了哪些帮助？", chunk)
    assert "提供依据" in reading.answer.sentence.text, reading.answer.sentence.text


def test_of_two_items_of_one_list_in_a_near_tie_the_one_the_question_tells_apart_answers(
        ) -> None:
    """Bug (round 39, sibling40; issue 22): a list's items share their frame and differ in the
    group ("（一）中小微企业…60%返还；（二）大型企业…30%返还。"), which the question says otherwise
    ("一家大企业"), so no bigram of it scores and the first item was quoted. Guards zhfr39's
    held losses too: a near tie of sentences that are no items of one list keeps its order."""
    from app.retrieval.question_focus import item_first

    text = ("八、落实失业保险稳岗返还\n（一）中小微企业上年度未裁员或裁员率不高于5.5%的，"
            "按企业上年度实际缴纳失业保险费的60%返还；\n（二）大型企业上年度未裁员或裁员率不高于"
            "5.5%的，按企业上年度实际缴纳失业保险费的30%返还。\n")
    quote = _read_as_stored(text, "某市一家大企业去年一个人都没裁，失业保险能返还多少？")
    assert "30%" in quote.answer.sentence.text and "60%" not in quote.answer.sentence.text
    quote = _read_as_stored(text, "某市一家小微企业去年没裁员，失业保险能返还多少？")
    assert "60%" in quote.answer.sentence.text, quote.answer.sentence.text
    couple = ("缴存职工购买首套住房的，夫妻双方缴存的最高贷款额度由60万元提高至80万元。", 1.0, 0)
    second_child = ("生育二孩及以上的家庭购买首套住房的，最高贷款额度在上述标准基础上上浮20%。",
                    0.99, 0)
    assert item_first("两口子都交公积金，买首套房最多能贷多少？", [couple, second_child]) == 0
    items = [(f"{m}{t}", 1.0, 0) for m, t in (("（一）", couple[0]), ("（二）", second_child[0]))]
    assert item_first("生了二孩，买首套房最多能贷多少？", items) == 0  # no frame shared by most
    one, two, three = (f"（{n}）{n}孩{more}家庭入托的，每孩每月补贴{s}元。" for n, more, s in (
        ("一", "", 300), ("二", "", 500), ("三", "及以上", 800)))
    ranked = [(one, 0.087, 0), (two, 0.087, 0), (three, 0.085, 0)]
    assert item_first("某市生了二胎，送托育每月补多少钱？", ranked) == 1
    ranked = [(three, 0.065, 0), (one, 0.066, 0), (two, 0.066, 0)]  # 一 of 一个月 tells 一孩 too
    assert item_first("某市孩子送托儿所，二胎一个月补多少钱？", ranked) == 0


def test_of_an_unnumbered_series_the_item_the_question_names_answers_with_its_condition(
        ) -> None:
    """Bug (round 40, zhseries41; issues 22/23): the items of an unnumbered "；" series ("生育一孩
    的，…；生育二孩的，…；生育三孩及以上的，…。") share their frame, and a question naming one
    otherwise ("生了三胎") or by its tier's figure ("80岁") got a sibling's sum, the item before it
    holding as many of its bigrams; and the figure was quoted without the item's condition
    ("每餐减免3元"), which alone says which item it is of."""
    text = ("某市支持家庭生育养育若干措施\n（一）生育一孩的，一次性发放育儿补贴1000元；"
            "生育二孩的，每孩每年发放育儿补贴3000元；生育三孩及以上的，每孩每年发放育儿补贴"
            "5000元。\n（二）年满65周岁的老年人在社区老年食堂就餐的，每餐减免1元；年满80周岁的，"
            "每餐减免3元；低保老年人每餐减免5元。\n")
    quote = _read_as_stored(text, "某市生了三胎，每年的育儿补贴有多少？").answer.sentence.text
    assert quote.startswith("生育三孩及以上的，") and "5000元" in quote, quote
    quote = _read_as_stored(text, "某市80岁的老人去社区老年食堂吃饭，每顿减多少？").answer.sentence
    assert quote.text.startswith("年满80周岁的，") and "3元" in quote.text, quote.text
    assert text[quote.start:quote.end] == quote.text  # a slice of its passage, as any quote


def test_series_items_are_siblings_and_a_figure_named_tells_one_apart() -> None:
    """The rule's parts on their own: items of one "；" run are told apart by a figure the question
    names that only one states; items of two runs, or outside any, are not siblings; the framing
    condition opens the quote of a series item only, its number left out."""
    from app.retrieval.question_focus import item_first, item_frame
    from app.text import clause_spans

    low, aged, poor = ("年满65周岁的老年人就餐的，每餐减免1元；", "年满80周岁的，每餐减免3元；",
                       "低保老年人每餐减免5元。")
    ranked = [(poor, 1.0, 0), (low, 0.95, 0), (aged, 0.9, 0)]
    assert item_first("某市80岁的老人每餐减多少？", ranked, [7, 7, 7]) == 2
    assert item_first("某市80岁的老人每餐减多少？", ranked, [7, 8, 9]) == 0  # other runs
    assert item_first("某市80岁的老人每餐减多少？", ranked) == 0  # no run: no list
    first, second = ("购买首套住房的，按实际缴纳契税的50%给予补贴；",
                     "购买第二套改善性住房的，按实际缴纳契税的30%给予补贴。")
    ranked = [(first, 1.0, 0), (second, 0.95, 0)]  # 第 of 第一次 is every ordinal's, no item's
    assert item_first("在某市第一次买房，交的契税能补多少？", ranked, [3, 3]) == 0
    start = clause_spans(aged)[-1][0]
    assert item_frame(aged, start, "；") == 0 and item_frame(aged, start, "") == start  # 1st
    assert item_frame("（二）年满80周岁的，每餐减免3元。", 11, "；") == 3  # after its number
    assert item_frame("年满80周岁的，每餐减免3元。", 8, "。") == 8  # no series: the figure's clause
