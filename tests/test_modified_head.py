"""Where a Chinese answer stands when the sentence words its question otherwise: before the noun
the question word asks of (``app.in_situ.modified_head``)."""

from __future__ import annotations

from app.in_situ import asked_clauses, asked_gap, modified_head


def _quoted(text: str, question: str) -> str | None:
    span = asked_clauses(text, question)
    return text[span[0]:span[1]] if span else None


def test_an_enumeration_naming_the_noun_asked_of_is_the_answer() -> None:
    """Regression (realzh-dev dev "…“暖企十六条”涵盖哪些方面？", "…登记哪些信息？"): the sentence
    said 覆盖 where the question said 涵盖, so no stretch stood where the question word does and
    the answer ran on past its sentence (too long); the enumeration before 方面 names them."""
    text = "某区发布《支持中小企业的措施》，覆盖金融支持、稳定就业等三大方面，帮助企业渡过难关。"
    assert _quoted(text, "某区的措施涵盖哪些方面？") == "覆盖金融支持、稳定就业等三大方面"
    text = "店员会要求顾客告知姓名、年龄、手机号码等相关信息，由工作人员上传。"
    assert _quoted(text, "药店都登记哪些信息？") == text[:text.index("，")]


def test_a_quoted_name_before_the_noun_is_the_answer_a_compounds_head_found() -> None:
    """A name in quotes before the noun asked of names it ("按照什么原则" of "按照“…”原则"), and a
    compound's head stands for it ("哪个电视频道" of "…台4频道" is no enumeration: no answer)."""
    text = "按照“横向到边、纵向到底”原则，做到不留死角。"
    assert _quoted(text, "某区严格按照什么原则执行？") == "按照“横向到边、纵向到底”原则"
    assert modified_head("某台4频道传输有关课程。", "哪个电视频道可以观看课程？") is None


def test_a_noun_modified_otherwise_or_by_the_questions_words_is_no_answer() -> None:
    """A quantifier or a count before the noun ("各项措施", "1项政策") names no instance, nor do
    the question's own words ("对…等企业"), nor a lead-in announcing a list after a colon."""
    assert modified_head("可参考某市的各项措施。", "社会组织做了哪些措施？") is None
    assert modified_head("涉及企业所得税1项政策。", "涉及企业所得税哪项政策？") is None
    text = "对住宿、餐饮等企业，免征增值税。"
    assert modified_head(text, "对住宿、餐饮等企业有什么政策？") is None


def test_a_kind_the_sentence_leaves_unsaid_is_the_rest_of_the_clause() -> None:
    """Regression (fresh batch "…验放地点前置于什么地方？"): the sentence says no 地方, so no
    stretch was found and the answer ran on past its sentence; the clause going on after the
    question's words before its question word answers."""
    text = "某海关将机场海关验放地点前置于停机坪，全天候轮班上岗。"
    assert _quoted(text, "某海关将验放地点前置于什么地方？") == text[:text.index("，")]


def test_of_several_clauses_the_unsaid_kind_is_answered_by_the_one_the_question_leads_to() -> None:
    """Regression (zhspan15 "…县级人力资源社会保障部门…负责什么工作？"): with only the question's
    last two words (负责) to place it, the shortest clause holding them (乡镇…负责…) was quoted;
    the clause saying the question's words before its question word answers."""
    text = "县级人社部门负责收集务工人员信息，县级卫健部门负责指定服务机构，乡镇负责组织候检。"
    assert _quoted(text, "县级人社部门在健康申报服务中负责什么工作？") == text[:text.index("，")]


def test_a_list_of_others_ending_in_the_noun_asked_is_no_answer_when_its_verb_differs() -> None:
    """Bug (fresh batch zhkind29 "金华家庭农场这块工作由哪个部门牵头？"): "…等部门配合" ends in
    the noun asked of, so its list was quoted as the lead, though the question's next word (牵头)
    follows another department in the sentence; asked who 配合, the list still answers."""
    text = "（一）由市农业农村局牵头，市财政局、市自然资源和规划局等部门配合，建立联席会议制度。"
    assert modified_head(text, "家庭农场这块工作由哪个部门牵头？") is None
    assert _quoted(text, "家庭农场工作有哪些部门配合？") == "市财政局、市自然资源和规划局等部门配合"


def test_the_place_body_or_person_a_question_names_is_not_asked_of_its_sentence() -> None:
    """Regression (realzh-rzspan33 tune "西藏税务局局长郭顺民要求抓好哪个…重要时间节点？"): the
    question named the issuer and its head, which the sentence did not say again, so the
    sentence seemed to restate too little of the question for the stretch where its question
    word stands, and the whole sentence ran on as the answer (LAC finds the names)."""
    text = "要认真抓好春节后返乡上班这个疫情防控工作的重要时间节点，继续加强防控措施。"
    question = "江西省税务局局长李明要求抓好哪个疫情防控的重要时间节点？"
    assert _quoted(text, question) == text[:text.index("，")]
    # Without the names the share is what it was: a sentence saying little else frames nothing.
    assert _quoted("要认真做好各项工作，继续加强防控措施。", question) is None


def test_a_modal_verb_the_question_adds_before_its_verb_is_not_asked_of_the_sentence() -> None:
    """Regression (realzh-rzspan33 tune "河北的医院污泥要按什么处置？"): the question's 要 stood
    between its subject and 按, where the sentence says none, so no stretch stood after the
    question's last two characters and the answer ran on through the next sentence."""
    text = "医院污泥按危险废物进行集中处置，基层医疗卫生机构要因地制宜采取消毒杀菌措施。"
    assert _quoted(text, "山西省的医院污泥要按什么处置？") == "医院污泥按危险废物进行集中处置"
    assert _quoted(text, "山西省的医院污泥需要按什么处置？") == "医院污泥按危险废物进行集中处置"


def test_an_anaphoric_the_said_where_the_question_word_stands_answers_nothing() -> None:
    """Regression (rzrepo-tune "贵州省工信厅要求推动哪些企业从2月10日起复工复产？", once the
    names no longer counted against the sentence): "推动相关企业2月10起…" framed 相关 where 哪些
    stands, which points back at the enterprises described before; the clause naming them is
    the answer, so 相关, 有关, 上述 (as 这, 该) frame no stretch."""
    text = "对以本地员工为主的企业，积极抓好帮扶，推动相关企业2月10起及时复工复产。"
    assert asked_gap(text, "江西省工信厅要求推动哪些企业从2月10日起复工复产？") is None
    text = "对以本地员工为主的企业，积极抓好帮扶，推动制造企业2月10起及时复工复产。"
    gap = asked_gap(text, "江西省工信厅要求推动哪些企业从2月10日起复工复产？")
    assert gap is not None and text[gap[0]:gap[1]] == "制造企业"
