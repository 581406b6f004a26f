"""Where a notice is from when neither its issuer nor its headline says (app/retrieval/placing.py).

Regressions, from realzh-dev's notices: 西藏's tax guide ("我区…服务指南", listing 拉萨, 日喀则 …)
and 贵州's "省发展改革委印发…" were stored with no place, since each city was counted apart and
none was most of the names; "这个地处三区交界的大社区…", a Shanghai street's report, was placed in
高雄's 大社区 district (a word of its headline read as a place) and left out of every Shanghai
question.
"""

from __future__ import annotations

from app.retrieval.placing import place_fields

# A region's own guide: it says 我区, names itself twice and lists its cities, none of them
# (nor the region) most of the names.
REGION_GUIDE = (
    "我区预约办税服务指南。为减少人员聚集，请纳税人通过宁夏回族自治区电子税务局办理业务。"
    "银川市纳税人可拨打0951-12366预约，银川市兴庆区设有自助办税网点；石嘴山市纳税人可拨打"
    "0952-12366预约，吴忠市纳税人可拨打0953-12366预约，固原市纳税人可拨打0954-12366预约。"
    "全区办税服务厅实行错峰办税，宁夏回族自治区税务局提供咨询。"
)


def test_a_local_guide_is_placed_in_the_region_its_cities_lie_in() -> None:
    assert place_fields(REGION_GUIDE).get("province") == "宁夏回族自治区"


def test_an_issuer_named_by_its_level_alone_is_placed_by_its_body() -> None:
    """A city's bureau names itself 市市场监管委: the body's 天津 is its place."""
    text = ("市市场监管委关于服务企业复工复产的通知。各区局：现提出如下措施。"
            "一、天津市特种设备检验机构减免检验费用。二、天津市计量机构免收检定费。"
            "三、企业可登陆天津市市场监管委网站办理。 市市场监管委 2020年2月20日")
    assert place_fields(text, issuer="市市场监管委").get("province") == "天津市"


def test_a_national_notice_telling_provinces_to_act_stays_unplaced() -> None:
    """"结合本省实际" is said to every province: the 湖北 it names twice is not its place."""
    text = ("关于阶段性减免企业社会保险费的通知 各省、自治区、直辖市人民政府："
            "现就阶段性减免企业社会保险费有关问题通知如下。一、湖北省可免征各类参保单位三项社会"
            "保险单位缴费部分。二、湖北省以外各省份可减半征收，具体办法结合本省实际确定。"
            " 人力资源社会保障部 财政部 2020年2月20日")
    fields = place_fields(text, issuer="人力资源社会保障部 财政部")
    assert "province" not in fields


def test_a_headline_word_is_no_place_when_the_body_names_another_provinces() -> None:
    text = ("这个地处三区交界的大社区，如何守住居民区出入口 上海市临汾路街道地处静安区、宝山区、"
            "虹口区三区交界处，为纯居民居住区。街道按上海市要求对居民区出入口实行分类管理。")
    fields = place_fields(text, title=text.split(" ")[0])
    assert fields.get("province") != "台湾省"
    assert "大社区" not in fields.values()


def test_a_headline_place_the_body_bears_out_is_kept() -> None:
    text = ("信丰县2026年早稻集中育秧补助实施方案 县级财政每亩增加15元。"
            "咨询电话：0797-3322158。")
    assert place_fields(text, title=text.split(" ")[0]).get("district") == "信丰县"


def test_a_local_text_is_not_unplaced_by_where_its_people_go() -> None:
    """Regression (realzh-dev 天津's "关于保障和关爱…一线医务人员的若干措施"): "本市支援湖北
    医疗队" named 湖北 as often as 天津, the text was stored with no place, and ranked first for
    Beijing's question on its doctors' allowances."""
    text = ("关于保障和关爱一线医务人员的若干措施。为进一步做好本市一线医务人员保障工作，制定如下"
            "措施。一、对支援湖北省一线医务人员发放补助。二、为赴湖北省医疗队人员购买保险。"
            "三、对天津市有突出贡献的人员予以表彰。四、天津市卫生健康委负责落实。"
            "医务人员范围为本市支援湖北医疗队人员、发热门诊的医务人员。")
    assert place_fields(text).get("province") == "天津市"


def test_a_national_report_on_aid_to_a_province_stays_unplaced() -> None:
    """Only a local text (本市) leaves out where people go: a national report on the aid to
    湖北 is not 湖北's."""
    text = ("国务院联防联控机制召开新闻发布会。对口支援湖北省武汉以外地市，切实保障湖北特别是"
            "武汉应急物资运输。各地要做好返程客流疫情防控。")
    assert "province" not in place_fields(text)


def test_a_place_named_as_left_out_is_not_the_texts_place() -> None:
    """Regression (round 26): a news agency's report of ministries' notice, opening "要求对湖北省
    以外的其他地区…有序恢复交通运输服务", was placed in 湖北 by its opening line, the one province
    it leaves out, and a national question on it was answered from the ministries' own copy."""
    text = ("交通运输部等部门：有序恢复已暂停运营的交通运输服务 新华社北京2月3日电 交通运输部等部门"
            "3日联合印发通知，要求对湖北省以外的其他地区，有序逐渐恢复已暂停运营的交通运输服务。"
            "通知指出，各地交通运输部门要合理优化运营班次。")
    assert "province" not in place_fields(text)
    assert place_fields("湖北省交通运输厅关于恢复交通运输服务的通知。各市州交通运输局：现通知如下。"
                        )["province"] == "湖北省"


def test_a_labelled_issuer_places_a_notice_signed_by_an_office() -> None:
    """realzh-dev's 天津 development zone notice, signed "开发区党建工作部" (no place) under a page
    labelled "发布机构：天津经济技术开发区", was stored with no place."""
    text = ("关于在疫情防控中充分发挥基层党组织战斗堡垒作用和共产党员先锋模范作用的通知 索引号："
            "50-6392-2020-00001 时效：主题分类：预警与处理 附加码：/2020-00001 发布机构：天津经济"
            "技术开发区 发文日期：2020-01-29 各基层党组织：现就疫情防控工作通知如下。一、各基层党"
            "组织要通过微信群宣传防护知识。二、党员要带头值守。 开发区党建工作部 2020年1月28日")
    assert place_fields(text, issuer="开发区党建工作部").get("province") == "天津市"


def test_a_guideline_acting_on_its_governments_notice_is_placed_there() -> None:
    """realzh-dev's school guideline opens "根据《北京市人民政府关于…》" and names no other place;
    it was stored with no place, and three questions on 北京's schools were answered from
    another Beijing notice. Without that opening it names no place and stays unplaced."""
    body = ("落实四方责任，制定完善本校传染病防控应急预案。二、教室每日开窗通风3次，每次20至30"
            "分钟。三、毛巾被褥用含氯消毒剂浸泡消毒。")
    opening = ("中小学校防控指引 本指引适用于中小学校。一、根据《北京市人民政府关于加强预防控制"
               "工作的通知》文件精神，")
    assert place_fields(opening + body, title="中小学校防控指引").get("province") == "北京市"
    assert "province" not in place_fields("中小学校防控指引 本指引适用于中小学校。一、" + body,
                                          title="中小学校防控指引")


def test_a_national_organs_notice_is_not_placed_by_the_province_its_title_names() -> None:
    """商务部办公厅's notice on the nine provinces' supply pact names 湖北 in its title and body and
    was placed there, out of every other province's questions on it."""
    title = "商务部办公厅关于进一步保障湖北省生活必需品供应的通知"
    text = (f"{title} 各省、自治区、直辖市商务主管部门：为保障湖北省特别是武汉市生活必需品供应，"
            "现通知如下。一、各地要建立联保联供机制，优先向湖北省调运蔬菜。二、武汉市商务局要"
            "及时上报缺口。 商务部办公厅 2020年2月10日")
    assert "province" not in place_fields(text, title=title, issuer="商务部办公厅")


def test_a_report_naming_only_one_provinces_cities_is_placed_in_that_province() -> None:
    """Regression (realzh-dev): a provincial news digest with no issuer and no local word (山东's
    schools, naming 济南, 泰安, 青岛 …; 江西's banks, naming its cities) was stored with no place,
    each city counted apart, and stayed in every other place's scope."""
    text = ("春耕备耕有序推进。农业部门介绍，齐齐哈尔已备足种子，佳木斯的化肥到位率超过九成，"
            "牡丹江的农资门店恢复营业，哈尔滨的农技人员通过网络指导农户。")
    assert place_fields(text).get("province") == "黑龙江省"


def test_a_national_report_on_a_province_and_its_capital_stays_unplaced() -> None:
    """Two places, one inside the other, with no local word, settle no place: a national
    report speaks of the province it is about (湖北, 武汉) without being that province's."""
    text = ("国家部门召开会议部署物资保障。会议指出，要全力保障湖北的防护物资供应，"
            "优先向武汉调拨口罩和防护服。物资生产企业要尽快复工，各部门要加强统筹。")
    assert "province" not in place_fields(text)


def test_a_town_named_like_a_district_elsewhere_is_no_place_of_that_district() -> None:
    """Regression (round 40 batch): a street office's news, "珲春市新安街道…（新安街道办事处供稿）",
    was placed in 洛阳's 新安县, the street's name read as the county's."""
    text = ("街道开展助浴服务 近日，珲春市新安街道在辖区社区启动上门助浴服务。"
            "服务对象为辖区独居老人，每次收费15元。（新安街道办事处供稿）")
    fields = place_fields(text)
    assert fields.get("district") == "珲春市", fields
    assert place_fields("城关镇卫生院开展义诊。城关镇居民可免费体检。").get("district") is None


def test_a_text_saying_this_city_is_placed_in_the_one_city_it_names() -> None:
    """A city's report names itself once and then says 本市; a province it names (for another
    place's firms) is of another level, not the place 本市 refers to."""
    text = ("企业服务措施出台 为支持企业复工，本市出台十项措施。对在湖北省设有分支机构的企业，"
            "本市给予补贴。企业可登录福州市政务服务网申报，本市各区同步受理。")
    assert place_fields(text).get("city") == "福州市"
