"""The kind a question asks, read from the languages' question words, over a new city's notice.

Regressions (round 14, the cities probes' Chinese false refusals and newcity14's fresh batch,
documents without a manifest): each answering sentence was refused as lacking the kind asked
(``kind_not_stated``) because the question table read the kind wrong or the sentence's entity
was not seen — "开到几点" was read as a count (几), "投诉处理时限是多少" as a figure though a
time limit is a span (24小时), "向哪里提交申请" as a place though one applies to a body
(街道办事处), "哪个部门负责解释" found no body where LAC tagged none (市工业和信息化局),
"费率是多少" no share in "0.1‰", "见习补贴提高到多少" no sum in "补贴标准提高到80%", and
"有效期到什么时候" no date in "有效期至疫情结束后3个月". The other way, a fee (送餐费) answered
a question asking the subsidy of the same service, and a sentence naming an escort, with no sum,
answered "What is the monthly salary of a school bus escort". The documents are the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.background import stop_warms
from app.models import AskRequest
from app.services import Services
from ingest.pipeline import ingest
from tests.conftest import make_settings

NOTICE = """鄂州市人民政府办公室关于做好便民服务若干工作的通知
鄂政办发〔2025〕5号
各区人民政府，市政府各部门：
为方便群众生活，经市政府同意，现就有关事项通知如下。
一、夏季（6月至9月）市区公交线路延长运营至23时。
二、市民对公交服务的投诉处理时限不超过24小时。
三、加装电梯的申请人向所在街道办事处提交申请。
四、设立2亿元应急转贷资金，转贷费率按日0.1‰收取。
五、对组织青年参加就业见习的单位，按当地最低工资标准的70%给予见习补贴，见习期满留用率达到50%以上的，补贴标准提高到80%。
六、对行动不便的老年人提供送餐上门服务，送餐费每次不超过3元。
七、本通知自印发之日起施行，有效期至疫情结束后3个月。
本通知由市工业和信息化局负责解释。

鄂州市人民政府办公室
2025年3月2日
"""

PROGRAMME = """Ezhou Rural School Bus Programme (2025-2027)
1. The city will run no fewer than 120 dedicated school buses by the end of 2027.
2. Every school bus will carry at least one trained escort, who checks the pupils on the bus.
3. Parents pay no more than 2 yuan per pupil per one-way trip.
Ezhou Municipal People's Government
12 March 2025
"""


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("new-city")
    docs = root / "docs"
    docs.mkdir()
    (docs / "ezhou-2025-services.txt").write_text(NOTICE, encoding="utf-8")
    (docs / "ezhou-2025-school-bus.txt").write_text(PROGRAMME, encoding="utf-8")
    settings = make_settings(root / "data")
    report = ingest([Path(docs)], settings)
    assert not report.failed, report.failed
    yield Services.build(settings)
    stop_warms()


@pytest.mark.parametrize(("question", "fact"), [
    ("鄂州夏季市区公交线路运营延长到几点？", "23时"),  # a time of day, not a count
    ("鄂州公交服务的投诉处理时限是多少？", "24小时"),  # a time limit is a span
    ("鄂州加装电梯的申请人向哪里提交申请？", "街道办事处"),  # to a body, not a place
    ("鄂州这份通知由哪个部门负责解释？", "市工业和信息化局"),  # a body LAC did not tag
    ("鄂州应急转贷资金的转贷费率是多少？", "0.1‰"),  # per mille is a share
    ("鄂州见习期满留用率达到50%以上的，见习补贴提高到多少？", "80%"),  # a sum set as a share
    ("鄂州这份通知的有效期到什么时候？", "疫情结束后3个月"),  # an end set after an event
])
def test_the_kind_asked_is_read_from_the_question_and_found(services: Services, question: str,
                                                            fact: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert not answer.refused, answer.refusal_code
    assert fact in answer.answer


@pytest.mark.parametrize("question", [
    "鄂州老年人送餐上门每次补贴多少钱？",  # the 3元 is a fee the elderly pay, not a subsidy
    "What is the monthly salary of a school bus escort in Ezhou?",  # no sum of any salary
])
def test_a_sentence_without_the_sum_asked_does_not_answer(services: Services,
                                                          question: str) -> None:
    answer = services.ask(AskRequest(question=question, mode="extractive"))
    assert answer.refused, answer.answer
