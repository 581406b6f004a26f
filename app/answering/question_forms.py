"""What kind of detail a question asks for, read from its form in English or Chinese.

The question words of the two languages and their grammar (a measure word after 几, a rate
asked with 多少), never words of particular questions; ``app.answering.asked`` says whether a
sentence holds the kind asked.
"""

from __future__ import annotations

import re
from enum import Enum


class Asks(Enum):
    WHO = "who"
    QUANTITY = "quantity"
    DATE = "date"
    PENALTY = "penalty"
    PLACE = "place"
    WHERE = "where"
    DAY = "day"
    PERSON = "person"
    MONEY = "money"
    SHARE = "share"
    DURATION = "duration"
    PHONE = "phone"
    CONTACT = "contact"
    DEADLINE = "deadline"
    FREQUENCY = "frequency"
    AREA = "area"
    CONDITION = "condition"
    PROCEDURE = "procedure"
    PER_PERIOD = "per_period"
    HOURS = "hours"
    ADDRESS = "address"
    WEEKDAY = "weekday"
    PER_EACH = "per_each"


# "多久发布一次", "how often": a frequency, which no span of time answers.
_FREQUENCY_ASKED = re.compile(
    r"\bhow (often|frequently)\b|\bat what (interval|frequency)\b|\bhow many times a\b"
    r"|(多久|多长时间|隔多久|多少天|几天|几个月|几年)[^，。？?]{0,6}一[次回趟]|频率|频次|每隔多久"
    # "一年一次还是半年一次", "每月几次"; "yearly or quarterly": a rate of repeats, named.
    r"|(年|季度?|月|周|星期|天|日)[一两几][次回趟]|\b(annually|yearly|quarterly|monthly|weekly"
    r"|daily)\b",
    re.IGNORECASE,
)
# An address asked ("the address of", 地址): a street address, and a place (both kinds read it).
_ADDRESS_ASKED = r"地址|\baddress(es)?\s*(of\b|for\b|[?？]|$)|'s address\b"
_QUESTION = {
    Asks.WHO: re.compile(
        r"\b(who|whom|whose|which (?:[\w-]+ ){0,2}?(department|agency|organi[sz]ation|unit"
        r"|bureau|body|office"
        r"|institution|company|enterprise|authority|official|person)s?)\b"
        r"|谁|哪个部门|哪些部门|哪个单位|哪些单位|哪家|哪几家|哪个机构|哪些机构|什么机构|什么部门"
        r"|什么单位|哪级|负责人|姓名|名字|叫什么",
        re.IGNORECASE,
    ),
    Asks.QUANTITY: re.compile(
        r"\b(how (much|many|large|big|high|long)|what (share|percentage|percent|proportion"
        r"|ratio|scale|amount|number|size|minimum|maximum|rate|level|sum|budget)|minimum"
        r"|at least|no less than)\b"
        r"|多少|(?<!哪)几[个名位项家座条台所批类种次件款只支套处间栋辆架张份篇部]|几成|百分之几"
        r"|比例|占比|规模|多大|多高|多长|金额|数额|数量"
        r"|税率|费率|额度|标准是",
        re.IGNORECASE,
    ),
    Asks.DATE: re.compile(
        # "when" asking, not "when drawing up" (a conjunction).
        r"\bwhen(?=\s+(?:did|does|do|will|would|was|were|is|are|has|have|had|should|must|can"
        r"|could|shall)\b|\s*[?？]|\s*$)|^when\b(?!\s+\w+ing\b)"  # not "When preparing …,"
        r"|\b(what (date|year|day|month|deadline)s?|which (date|year|day|month)s?"
        r"|by what (date|year)|deadline)\b|(?<![\w-])(?<!to )dates?\b"  # "opening date?"
        r"|何时|什么时候|啥时候|什么时间|几时|哪一年|哪年|哪几年|哪天|哪一天|哪个月|几月|几号|日期|期限|时限"
        r"|截止(?!目前|到目前|至目前|现在|当前|今)",
        re.IGNORECASE,
    ),
    # A day, not only a year: "on which day", "what date".
    Asks.DAY: re.compile(
        r"\b(what|which|on what) (date|day)s?\b|\bwhat day\b"
        r"|哪天|哪一天|几号|几月几日|几月几号|具体日期|哪日",
        re.IGNORECASE,
    ),
    Asks.PENALTY: re.compile(
        r"\b(penalt(y|ies)|fines?|sanctions?|punish(ment|ed)?|liabilit(y|ies))\b"
        r"|处罚|罚款|惩罚|处分|罚则|追究|追责|罚多少|法律责任|后果|罚得?(多|几|怎|什么)"
        r"|(违反|违规|违法|未按|不按)[^？?]{0,20}(怎么|如何)(处理|处置|办)"
        # What follows not complying: "没按要求…的话，会怎么样", "what happens if they fail to".
        r"|(没|未|不)[^？?]{0,30}(会怎么样|会怎样|会如何|怎么办|有什么影响)"
        r"|\bwhat happens\b[^?]*\b(not|\w+n't|fail\w*|without|violat\w*|breach\w*|break\w*"
        r"|ignor\w*|refus\w*|skip\w*|omit\w*|leaves? out|miss\w*)\b",
        re.IGNORECASE,
    ),
    # A person holding an office (not "who is responsible", which a unit answers).
    Asks.PERSON: re.compile(
        r"\bwho (heads|leads|chairs|directs|runs|manages)\b"
        r"|\b(director|head|chief|chair(man|woman|person)?|president|mayor|governor|minister"
        r"|secretary|leader|commissioner|manager|CEO)s? (of|at)\b"
        r"|\b(contact(?! (details|information|info|numbers?|address|phone|e-?mail)\b)|interpreter"
        r"|spokes(man|woman|person))\b|\bcontact person\b"
        r"|主任|局长|处长|主席|市长|区长|书记|部长|院长|负责人|董事长|总经理|由谁|谁担任|谁领导"
        r"|[组队会校所厅科社行]长|联系人|发言人|经办人|人(的)?(是谁|叫什么|姓名|名字)|姓名|哪位"
        r"|分管领导|主要领导|领导是谁|法定代表人|一把手|带头人"
        r"|\bname of the (person|official|director|head)\b",
        re.IGNORECASE,
    ),
    # A sum of money: a budget, a price, a subsidy or grant, an amount invested.
    Asks.MONEY: re.compile(
        r"\b(budget|cost|price|fee|subsid(y|ies)|grant|salary|bonus|reward|allowance"
        r"|how much (money|funding|did|does|will|is|was)"
        r"|(investment|funding|subsidy|grant) amount)s?\b"
        r"|预算|费用|成本|价格|补贴|补助|奖励|奖金|金额|投资额|拨款|多少钱|资助|经费|奖补"
        r"|花费|开支|造价|收费|租金|薪酬|工资|罚多少|[月年]费|资费|费[是为]?多少"
        r"|\bhow much (can|could|may|might|should|would|do)\b"
        r"|(多少|几)[万亿千百]*元|(多少|几)(万|亿)|投资总额|总投资[是为有]?(多少|几)"
        r"|(资金|投资|出资)[^，。？?]{0,4}(多少|多大|几)",
        re.IGNORECASE,
    ),
    # A share of a whole: a percentage, a proportion.
    Asks.SHARE: re.compile(
        r"\b(what|which) (share|percentage|percent|proportion|fraction|ratio)\b|\bwhat per ?cent"
        r"|\bhow (big|large) (a|is the) (share|proportion|percentage)\b"
        r"|(?:^|[^\d\s])\s*%"  # "what % of": the sign asked, no figure before it
        r"|\b(tax|interest|subsidy|growth|coverage|utili[sz]ation|discount|loan) rates?\b"
        r"|百分之几|百分之多少|百分点|百分比|多大比例|什么比例|比例|占比|比重|几成|税率|利率|费率"
        r"|贴息率|增长率|覆盖率|(?<![效频])率[^，。？?]{0,5}(多少|几)|占(?!地)[^，。？?]{0,8}多少"
        # "不低于总投资的多少", "至少是预算的几成": a part of a whole the question names
        # (against "总投资是多少", the whole itself).
        r"|(总|全部|整体)[\u4e00-\u9fff]{0,6}的(多少|几)"
        r"|(不低于|不少于|不高于|不超过|低于|高于|至少|最少|最多)[^，。？?]{0,10}的(多少|几)",
        re.IGNORECASE,
    ),
    # A span of time: "within how many working days", "how long".
    Asks.DURATION: re.compile(
        r"\bhow (many|much) (working |business |calendar )?(days|weeks|months|years|time)\b"
        r"|\bhow long\b|\bwithin what (time|period)\b"
        r"|多少个?(工作)?(日|天|周)|多少个月|几个(工作)?(日|天|周|月)|几天|多长时间|多久|期限|时限"
        r"|(?<!哪)几年|多少年",
        re.IGNORECASE,
    ),
    Asks.PHONE: re.compile(
        r"\b(phone|telephone|tel|fax|hotline number|phone number)s?\b|电话|手机|传真|热线号码",
        re.IGNORECASE,
    ),
    Asks.CONTACT: re.compile(
        r"\b(e-?mail|contact (details|information|info|number|address))\b"
        r"|\b(website|web address|url)\b|邮箱|电子邮件|联系方式|联系电话|联系地址|网址|官网",
        re.IGNORECASE,
    ),
    # A time limit: "by when", "最迟", "截止".
    Asks.DEADLINE: re.compile(
        r"\b(deadline|by when|by what (date|time|year|month)|due (date|by|when)|no later than"
        r"|latest (date|by))\b|截止(?!目前|到目前|至目前|现在|当前|今)|最迟|最晚|之前完成",
        re.IGNORECASE,
    ),
    Asks.FREQUENCY: _FREQUENCY_ASKED,
    # An extent of land or floor: "how many square kilometres", "占地多少亩".
    Asks.AREA: re.compile(
        r"\b(how (many|much) (square|sq\.?) |how (large|big) (is )?(an? |the )?(land |floor "
        r"|planned |total |site )?area\b|(land|floor|planned|site|built-up|covered) area"
        r"|how many (hectares|acres)\b)"
        r"|面积|平方公里|平方千米|平方米|多少亩|几亩|公顷|占地(多少|多大|多广)"
        r"|(区|园|范围|用地|地块)[^，。？?的]{0,6}有?多(大|广)",  # "集聚区范围有多大"
        re.IGNORECASE,
    ),
    # Who may apply, on what terms: "who is eligible", "需要具备什么条件".
    Asks.CONDITION: re.compile(
        r"\bwho (is|are) (eligible|entitled)\b|\bwho (qualifies|can apply|may apply)\b"
        r"|\bwho (gets?|is allowed|are allowed) to\b"
        r"|\bwho (can|may) (join|enter|register|take part)\b"
        r"|\beligib(le|ility)\b|\bqualif(y|ies|ications?)\b|\b(criteria|prerequisites?)\b"
        r"|\bwhat (conditions|requirements|qualifications)\b"
        r"|(什么|哪些)条件|条件是什么|资格|门槛|(申报|申请|准入|入选|认定)(条件|标准)|符合(什么|哪些)"
        r"|(谁|哪些[^，。？?]{0,8})(可以|能|能够|有资格)(申请|申报|享受|入选)",
        re.IGNORECASE,
    ),
    # How to get something approved: "the approval process", "要走哪些审批手续".
    Asks.PROCEDURE: re.compile(
        r"\b(approval|application|registration|filing|permit|licen[cs]ing) (process|procedures?"
        r"|steps?)\b|\bwhat (are the )?(steps|procedures?)\b|\bprocedures?\b"
        r"|\bhow (do|does|can|should) (i|we|you|one|they|[\w-]+(?: [\w-]+)?) (apply|register"
        r"|get (?:\w+ )?approv\w*|obtain approval|seek approval)\b"
        r"|审批|手续|流程|报批|(怎么|如何|怎样)(申请|申报|办理|报批|备案)",
        re.IGNORECASE,
    ),
    # An amount for each period: "每年投多少", "how much a year" (a total is no yearly sum).
    Asks.PER_PERIOD: re.compile(
        r"每(一)?(年|季度?|个?月|周|星期|天|日)[^，。？?]{0,12}(多少|几)|年均|(多少|几)[^，。？?]{0,12}每(年|月)"
        r"|\b(per|a|each|every) (year|quarter|month|week|day)\b|\bannually\b|\byearly\b",
        re.IGNORECASE,
    ),
    # A day of the week: "星期几", "what day of the week".
    Asks.WEEKDAY: re.compile(r"\bday of the week\b|\bwhich weekday\b|星期几|周几|礼拜几",
                             re.IGNORECASE),
    # An amount for each one: "per company", "每家企业补多少" (a fund's total is no such sum).
    Asks.PER_EACH: re.compile(
        r"\b(per|each|every|a single) (?!(year|quarter|month|week|day|time)s?\b|of\b|one\b)"
        r"[a-z]+\b(?! of\b)"
        r"|每(家|个|户|项|名|位|所|台|人)|单(家|个|户|项|名)(?!单)",  # not 单位, an organization
        re.IGNORECASE,
    ),
    # A time of day: opening or office hours, "几点".
    Asks.HOURS: re.compile(
        r"\b(office|opening|business|working|visiting|service) hours\b|\bwhat time\b"
        r"|几点|(办公|开放|营业|上班|服务|接待)时间",
        re.IGNORECASE,
    ),
    # A street address, finer than a place: "哪条路", "门牌号", "the street address".
    Asks.ADDRESS: re.compile(
        r"\b(street address|which (road|street|avenue)|what (road|street))\b"
        r"|哪条(路|街|马路|大道)|什么(路|街)|门牌|" + _ADDRESS_ASKED,
        re.IGNORECASE,
    ),
    # A named place: a site, a district, an address ("which district", "located", 选址).
    Asks.PLACE: re.compile(
        r"\b(what (location|site|address)|which (location|site|address|district|county|park"
        r"|street|building|city|area)|venues?|located|location|where exactly)\b"
        r"|何处|什么位置|选址|位于|具体在哪|" + _ADDRESS_ASKED +
        r"|哪个(区|县|镇|街道|园区|城市|省|地方|场馆|场地|会场|地点|片区)|哪座城市",
        re.IGNORECASE,
    ),
    # Where, in everyday words: a platform, a field or a venue may answer as well as a name.
    Asks.WHERE: re.compile(
        r"\bwhere\b|哪里|在哪(?!些|个(?:领域|方面|环节|行业|阶段|部门|单位|方向))|哪些地方"
        r"|什么地方|哪儿|何地",
        re.IGNORECASE,
    ),
}

_ONE_RECIPIENT = re.compile(r"\bone (?!of\b|(year|quarter|month|week|day|time)s?\b)[a-z]+\b",
                            re.IGNORECASE)
_ONLINE = re.compile(r"\be-?mail\b|\bweb(site)? address\b|\burl\b|邮箱|网址|电子邮件",
                     re.IGNORECASE)
_NAME_ASKED = re.compile(r"\bname of\b|\bcalled\b|叫什么|名称|名字", re.IGNORECASE)


def asks(question: str) -> set[Asks]:
    """What the question asks for (empty: nothing a sentence's form could tell)."""
    question = _everyday(question)
    kinds = {kind for kind, pattern in _QUESTION.items() if pattern.search(question)}
    if Asks.FREQUENCY in kinds:  # "how long between two releases" is no span to hold
        kinds -= {Asks.DURATION, Asks.QUANTITY, Asks.DATE}
    if Asks.PHONE in kinds or Asks.CONTACT in kinds:  # "电话是多少": digits, not an amount
        kinds -= {Asks.QUANTITY}
    if Asks.SHARE in kinds:  # "占总投资的百分之几": a share of a sum, not a sum
        kinds -= {Asks.MONEY}
    if Asks.MONEY in kinds and _ONE_RECIPIENT.search(question):  # "how much can one firm get"
        kinds.add(Asks.PER_EACH)
    if _NAME_ASKED.search(question):  # "the name of the venue": a named body answers it
        kinds -= {Asks.PLACE}
    if _ONLINE.search(question):  # "the e-mail address": no street, no place
        kinds -= {Asks.PLACE, Asks.ADDRESS}
    if Asks.PLACE in kinds:  # "where exactly", "在哪个区": the named place is what is asked
        kinds -= {Asks.WHERE}
    if Asks.HOURS in kinds:  # "what time does it open": a time of day, no date
        kinds -= {Asks.DATE}
    return kinds


def _everyday(question: str) -> str:
    """Everyday Chinese in the written forms the patterns read: 啥 is 什么, 咋 is 怎么."""
    return question.replace("啥", "什么").replace("咋", "怎么")


# "多少名行政编制", "几个5G基站": a count of things, the measure word between number and noun
# (not "哪几家", which asks which ones).
_COUNTED_ZH = re.compile(
    r"(?<!哪)(?:多少|几)(?:个|名|位|项|家|座|条|台|所|批|类|种|次|件|款|只|支|套|处|间|栋|辆|架"
    r"|张|份|篇|部|座)([A-Za-z0-9]*[\u4e00-\u9fff][^，。？?、；;！!\s]*)"
)


def counted_noun(question: str) -> str:
    """What a Chinese question counts ("行政编制" of "多少名行政编制"), or ""."""
    match = _COUNTED_ZH.search(question)
    return match.group(1) if match else ""
