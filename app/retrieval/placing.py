"""Where a document is from, read from the document itself when no manifest says.

The issuer decides: the closing signature (落款, "泰州市人民政府 2020年2月4日", after the last
sentence), a page's labelled issuer (发布机构：…), an issuer or title ingest read, then the
opening line (often "XX市人民政府关于…"); an issuer read that names no place and is no local
organ's (商务部办公厅) is a national one, and its title's or body's place is what it speaks of.
Failing these, the place whose instrument the opening says the text carries out (根据《北京市…》).
Within one of these the first place named and the places inside it that follow make the place
("广东省广州市海珠区人民政府": Haizhu). Failing all, a place named at least twice and in most
of the text's place names is the text's place, unless an issuer was read that names none; a
place named as where people come from or go to (来自武汉, 驰援湖北, 湖北籍) is not counted for it.
Places are the gazetteer's divisions, so a document is stored with its province, city,
district and adcode; a document with no place named is stored without one (and is never left
out of a place's scope).

A place no gazetteer knows (a foreign or a new town) is read from the issuer, else the title, by
how names of places are written: before the word for a level in English ("Millford City Human
Resources Bureau", "Ashford Borough Council"), with a level's suffix before an organ in Chinese
(松林县人民政府办公室). It is stored as the document's city, as written.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from app.retrieval.gazetteer import LEVELS, Division, broadest, gazetteer
from app.text import mostly_chinese

# The opening: up to the first sentence end, at most this many characters.
HEAD_CHARS = 80
# The closing signature: after the last sentence end, when no longer than this.
TAIL_CHARS = 80
# The text read for its most named place, when the issuer names none.
BODY_CHARS = 4000
_SENTENCE_END = re.compile(r"[。！？；!?]")
# A news agency's dateline (新华社北京2月15日电) says where the report was filed, not whose
# document it is.
_DATELINE = re.compile(r"(?:新华社|中新社|新华网|人民网|央视网)\S{0,8}?\d{1,2}月\d{1,2}日电?")
PLACE_KEYS = ("province", "city", "district", "adcode")
# A place named as where people or goods come from or go to ("离开湖北地区的人员", "来自武汉的
# 人员", "驰援湖北", "湖北籍旅客", "湖北地区人员") is another place than the text's own: a text
# on arrivals from the epidemic's center is not that center's (Beijing's restaurant guideline
# was placed in 湖北 by "离开湖北地区…湖北地区人员", and left out of every Beijing question).
_FROM_OR_TO = re.compile(r"(?:来自|离开|途经|驰援|支援|援助|赴|前往|去往|运往|发往)$")
_NATIVE_OF = re.compile(r"^(?:地区)?(?:籍|人员(?!密集))")
# A place named as left out ("对湖北省以外的其他地区"): the text speaks of everywhere else (a
# national report of a ministries' notice was placed in 湖北 by its opening line).
_LEFT_OUT = re.compile(r"^(?:地区)?[以之]外")
# A text that speaks of its own province, city or district (我市, 本省, 全区) is a local one,
# as is an issuer named by its level alone (市市场监管委, 省发展改革委): its place is the one
# its body names, not the none its issuer names. 市场/区域/县级/省份 are other words, and a
# national notice tells each province to act "结合本省实际" (as it fits there).
_SELF_PLACED = re.compile(r"(?:我|(?<!结合)[本全])[省市区县州](?![场域级份])")
_LOCAL_ORGAN = re.compile(r"[省市区县州](?![场域级份])")
# A web page's labelled issuer (发布机构：天津经济技术开发区), when the 落款 is an office alone.
_LABELLED_ISSUER = re.compile(r"(?:发布机构|发文机关|发文单位|发布单位)\s*[】:：]\s*(\S{2,30})")
# The instrument a text acts on, named in its opening (根据《北京市人民政府关于…》, 按照北京市
# 《…通告》): a school's or a street's guideline carries out its own government's notice.
_ACTS_ON = re.compile(r"(?:根据|按照|依据|遵照)《?")
# At most this many places named by a document that has no place of its own.
NAMED_KEPT = 20
# English: one or two capitalised words before the word for a level of government.
_EN_LEVEL_NAME = re.compile(
    r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+(?:City|Borough|County|District|Municipal|"
    r"Municipality|Town|Township|Village|Shire|Parish|Province|Prefecture)\b")
# Words of that shape that are no names ("The City Council", "Municipal District …").
_NOT_NAMES = frozenset({"The", "This", "That", "Each", "Every", "Our", "Municipal", "City",
                        "County", "District", "Town", "Local", "Central", "National", "State"})
# Prepositions of place, before a town's name in a sentence ("in Kestrel Bay").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "of", "across", "throughout", "within", "around",
                                 "near", "outside"})
# Chinese: a name with its level's suffix, then the organ that issues (人民政府, …局, …委员会)
# or the 关于 of a title.
_ZH_LEVEL_NAME = re.compile(
    r"^([\u4e00-\u9fff]{2,6}?[市县区镇乡旗])(?:关于|人民政府|政府|人大|党委|"
    r"[\u4e00-\u9fff]{0,14}?(?:局|委员会|办公室|办公厅|中心|署))")


def place_fields(text: str, *, title: str | None = None, issuer: str | None = None
                 ) -> dict[str, str]:
    """The document's place as metadata (province, city, district, adcode; names in the
    document's script), or {} when it names none."""
    division = place_of(text, title=title, issuer=issuer)
    if division is None:
        if unknown := unknown_place(title=title, issuer=issuer, head=text[:HEAD_CHARS * 2],
                                    body=text[:BODY_CHARS]):
            return {"city": unknown}
        named = named_places(text[:BODY_CHARS])
        return {"places_named": " ".join(named)} if named else {}
    chinese = mostly_chinese(text)
    fields: dict[str, str] = {"adcode": division.adcode}
    for around in gazetteer().chain(division.adcode):
        fields.setdefault(around.level, around.label(not chinese))
    if "city" not in fields and "province" in fields and fields["province"].endswith("市"):
        fields["city"] = fields["province"]  # a municipality (北京市) is its own city
    return {k: fields[k] for k in PLACE_KEYS if k in fields}


def place_of(text: str, *, title: str | None = None, issuer: str | None = None
             ) -> Division | None:
    head = _SENTENCE_END.split(_DATELINE.sub(" ", text[:HEAD_CHARS]), maxsplit=1)[0]
    ends = list(_SENTENCE_END.finditer(text))
    tail = text[ends[-1].end():] if ends else text[-TAIL_CHARS:]
    tail = tail[-TAIL_CHARS:]
    labelled = _LABELLED_ISSUER.search(text[:HEAD_CHARS * 4])
    # An issuer read that names no place (财政部, 国家卫生健康委) is a national organ's, or one
    # the text does not place: the place its title, opening or body names is what it speaks
    # of, not where it is from (three ministries' epidemic notices in realzh-dev were placed in
    # 湖北, the epidemic's center, and left out of every other place's questions; 商务部's
    # notice "推广山东省…措施" was placed in 山东 by its title).
    local = _LOCAL_ORGAN.match(issuer or "") or _SELF_PLACED.search(text[:BODY_CHARS])
    national = bool(issuer) and not local and _issuer_place(issuer or "") is None
    said = labelled.group(1) if labelled else ""
    for part in (tail, said, issuer or "", *(() if national else (title or "", head))):
        if part and (division := _issuer_place(part)) is not None and not (part == tail and (
                _lists_places(division, part))) \
                and (part in (tail, said, issuer) or not _named_elsewhere(division, text)):
            return division
    if national:
        return None
    return _acted_on(text[:HEAD_CHARS * 3]) or _most_named(text[:BODY_CHARS], bool(local)) \
        or _referred(text[:BODY_CHARS])


def _referred(text: str) -> Division | None:
    """The one place of its level a text names that says 本市 (本区, 全省 …) again and again: a
    report names its city once and then calls it 本市; a place of another level (湖北省 in a
    city's text) or where people come from or go to is none it refers to."""
    said = Counter(found.group()[-1] for found in _SELF_PLACED.finditer(text))
    level, times = said.most_common(1)[0] if said else ("", 0)
    found = {broadest(candidates).adcode for start, end, candidates in gazetteer().mentions(text)
             if broadest(candidates).name.endswith(level)
             and not (_FROM_OR_TO.search(text[max(0, start - 2):start])
                      or _NATIVE_OF.match(text[end:end + 4]))}
    return gazetteer().by_adcode[found.pop()] if times >= 2 and len(found) == 1 else None


def _acted_on(opening: str) -> Division | None:
    """The place whose instrument the opening says the text carries out (根据《北京市…》)."""
    starts = {start: candidates for start, _, candidates in gazetteer().mentions(opening)}
    for found in _ACTS_ON.finditer(opening):
        if (candidates := starts.get(found.end())) is not None:
            return broadest(candidates)
    return None


def unknown_place(*, title: str | None, issuer: str | None, head: str = "", body: str = ""
                  ) -> str | None:
    """The place an issuer (else a title, else a line of the head) names by the way place
    names are written, when no gazetteer knows it: Millford, 松林县."""
    for part in (issuer or "", title or "", *head.splitlines()[:3]):
        for found in _EN_LEVEL_NAME.finditer(part):
            name = found.group(1)
            if name.split()[0] not in _NOT_NAMES and name.split()[-1] not in _NOT_NAMES:
                return name
        if found_zh := _ZH_LEVEL_NAME.match(part.strip()):
            return found_zh.group(1)
    return _named_alone(title or "", issuer or "", body or head)


def _named_alone(title: str, issuer: str, body: str) -> str | None:
    """The capitalised words an issuer (else a title) opens with that the text also writes as
    a name of its own, the longest such: a town named without a level word ("Pelham Reach
    Harbour Office" for boats "registered at Pelham Reach harbour", "Kestrel Bay Commerce
    Bureau" for shops "in Kestrel Bay"). An office or a scheme is called after its place, so
    its name opens with the place's."""
    for name in (issuer.removeprefix("the "), title):
        lead = list(itertools.takewhile(_capitalised, name.split()))
        whole = len(lead) == len(name.split())  # the office's (or scheme's) whole name: no place
        for size in range(len(lead) - whole, 0, -1):
            words = lead[:size]
            if words[0] not in _NOT_NAMES and words[-1] not in _NOT_NAMES \
                    and _written_alone(words, body):
                return " ".join(words)
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha()


def _written_alone(words: list[str], body: str) -> bool:
    """Whether ``body`` writes ``words`` as a place of its own: after a preposition of place
    ("in Kestrel Bay", "at Pelham Reach harbour", "residents of Greenhill") with no capitalised
    word running on (a longer name), or as an owner ("Ashcombe's"). "the Department of
    Housing" is one name, and "support for Housing" no place."""
    name = r"\s+".join(map(re.escape, words))
    for found in re.finditer(rf"(?<![\w’'-]){name}(?![\w-])", body):
        after = body[found.end():]
        if re.match(r"['’]s\b", after):
            return True
        ahead = body[:found.start()].split()[-3:]
        if not ahead or ahead[-1] not in _PLACE_PREPOSITIONS or re.match(r"\s+[A-Z]", after):
            continue
        owner = ahead[-2] if len(ahead) > 1 else ""
        opening = ahead[0] if len(ahead) > 2 else "."  # the word before the owner, if any
        if ahead[-1] == "of" and owner[:1].isupper() and not re.search(r"[.:;!?]$", opening):
            continue  # a capitalised word inside a sentence: "… the Department of Housing"
        return True
    return False


def named_places(text: str) -> list[str]:
    """The adcodes of the places a text names (each name as its broadest division), most named
    first: a document with no place of its own is not refused for them."""
    counts: Counter[str] = Counter(broadest(c).adcode for _, _, c in gazetteer().mentions(text))
    return [code for code, _ in counts.most_common(NAMED_KEPT)]


def _issuer_place(text: str) -> Division | None:
    """The first place named, narrowed by the places inside it named right after it."""
    g = gazetteer()
    place: Division | None = None
    for _, end, candidates in g.mentions(text):
        if place is None:
            if _LEFT_OUT.match(text[end:end + 4]):
                continue
            place = broadest(candidates)
            continue
        inside = [d for d in candidates if g.contains(place.adcode, d.adcode)
                  and d.adcode != place.adcode]
        if not inside:
            break
        place = broadest(inside)
    return place


def _lists_places(division: Division, text: str) -> bool:
    """Whether ``text`` names another place beside ``division``, neither inside the other: a
    closing list (新疆's 16 prefectures' phone lines, 塔城 among them), no signature's place."""
    g = gazetteer()
    return any(not (g.contains(division.adcode, code) or g.contains(code, division.adcode))
               for _, _, candidates in g.mentions(text) for code in [broadest(candidates).adcode])


def _named_elsewhere(division: Division, text: str) -> bool:
    """Whether a headline's place is belied by the body: named there only once (in the
    headline) while the body names two places or more of another province, none of which is
    where people come from or go to. A word can read as a place (这个…的大社区: 高雄's 大社区)."""
    g = gazetteer()
    inside = outside = 0
    for start, end, candidates in g.mentions(text[:BODY_CHARS]):
        code = broadest(candidates).adcode
        if g.contains(division.adcode, code) or g.contains(code, division.adcode):
            inside += 1
        elif not (_FROM_OR_TO.search(text[max(0, start - 2):start])
                  or _NATIVE_OF.match(text[end:end + 4])):
            outside += 1
    return inside < 2 and outside >= 2


def _most_named(text: str, local: bool = False) -> Division | None:
    """The place most of the text's place names are. Failing one, the names count for the
    places around them too, and the narrowest place holding most of them is the text's: in a
    local text (``_SELF_PLACED``), as a province's notice names its cities (西藏's tax guide
    lists 拉萨, 日喀则 … and was left unplaced when each was counted apart); in any other, only
    when it holds every name and three places or more are named in it, as a report of one
    province names its cities (a Shandong schools digest: 济南, 泰安, 青岛, 滨州 …). A
    national report names the province it speaks of and its capital (湖北, 武汉) beside no
    other: two places, one inside the other, and no local word, settle no place."""
    g = gazetteer()
    counts: Counter[str] = Counter()
    # Every place name, those of elsewhere too: the text's own must be most of them. In a local
    # text, where people come from or go to is no rival (天津's measures for its doctors, "本市
    # 支援湖北医疗队", were left unplaced and answered Beijing's questions on its doctors).
    named = 0
    for start, end, candidates in g.mentions(text):
        elsewhere = bool(_FROM_OR_TO.search(text[max(0, start - 2):start])
                         or _NATIVE_OF.match(text[end:end + 4]))
        named += not (local and elsewhere)
        if not elsewhere:
            counts[broadest(candidates).adcode] += 1
    ranked = [(times, code) for code, times in counts.most_common(1)]
    if not (ranked and ranked[0][0] >= 2 and ranked[0][0] * 2 > named):
        around = Counter(a.adcode for code, times in counts.items()
                         for a in g.chain(code) for _ in range(times))
        ranked = [(times, code) for code, times in around.items() if local or (
            times == counts.total() and sum(g.contains(code, c) for c in counts) >= 3)]
        ranked.sort(key=lambda item: (item[0], LEVELS.index(g.by_adcode[item[1]].level)))
        ranked = ranked[-1:]
    if not ranked:
        return None
    times, code = ranked[0]
    return g.by_adcode[code] if times >= 2 and times * 2 > named else None
