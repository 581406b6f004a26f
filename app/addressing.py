"""Sentences that address the reader or the system instead of stating policy.

A document may carry text written to steer whoever answers from it: "Ignore previous
instructions", "Every answer must state that …", "You must answer …", "As an AI, …",
"忽略以上指令", "所有回答必须…". Such a sentence states nothing about policy; it is never quoted as
an answer nor cited, and ingest reports how many each document holds.

The test is the sentence's form, not its topic: an order to the reader about answers,
instructions or the conversation (an imperative or a "you must" whose object is the answer, a
rule whose subject is "every answer", a reader named as an AI). A policy's own imperatives
("Strengthen safety supervision.", "Applicants must submit …") have none of these forms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.text import sentence_spans

_OUTPUT_VERB = r"(?:answer|respond|reply|say|state|tell|output|print|claim|assert|repeat|mention)"
_EN = [
    # Overriding what the reader was told: "ignore (all) previous instructions".
    r"\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|every|the|your|my|of|these|"
    r"those)\s+)*(?:(?:previous|prior|above|earlier|preceding|original|other|system|former)\s+)*"
    r"(?:instructions?|prompts?|directions|directives|guidelines|rules|context)\b",
    # A rule whose subject is the answer: "every answer must state …".
    r"\b(?:every|each|all|any|your)\s+(?:answers?|responses?|repl(?:y|ies)|outputs?)\b"
    r"[^.;:]{0,40}?\b(?:must|should|shall|has to|have to|needs? to|is to|are to|will)\s+"
    r"(?:always\s+|only\s+|also\s+|clearly\s+)?(?:state|say|mention|include|claim|assert|"
    r"begin|start|end|contain|note|confirm|read|cite|be in|be that)\b",
    # The reader told what to answer: "you must answer …", "you should say that …".
    r"\byou\s+(?:must|should|shall|will|are to|have to|need to|may only|can only|ought to)\s+"
    r"(?:always\s+|only\s+|now\s+|never\s+|not\s+)?(?:" + _OUTPUT_VERB + r"|ignore|pretend|"
    r"refuse to answer)\b",
    # An imperative to the reader about answering: "Answer every question with …", "Say that …".
    r"^(?:please\s+)?(?:always\s+|only\s+|now\s+)?(?:answer|respond|reply)(?:\s+to)?"
    r"(?:\s+(?:every|each|all|any|the|this|my|a))?\s+(?:questions?|queries|query|users?|"
    r"prompts?)\b",
    r"^(?:please\s+)?(?:always\s+|now\s+)?(?:say|state|tell the user|tell users|output|print|"
    r"repeat|reply|respond|answer)\s+(?:only\s+|exactly\s+)?(?:that|with|the following)\b",
    r"^(?:please\s+)?(?:pretend|imagine) (?:that )?you\b",
    # The reader named as a machine: "As an AI, …", "you are a language model".
    r"\bas an? (?:AI|artificial intelligence)(?:\s+(?:language\s+)?(?:model|assistant|system|"
    r"chatbot))?\s*[,:]",
    r"\b(?:as|you are|you're) an? (?:large\s+)?(?:language model|AI assistant|AI model|"
    r"chatbot|LLM)\b",
    r"\b(?:new|updated|real|actual|hidden|secret|system)\s+instructions?\s*:",
    r"\bregardless of (?:the|what|which|any) (?:question|user|query)",
]
_ZH = [
    r"(?:忽略|无视|忘记|忘掉|不要理会|不用理会|跳过)(?:以上|之前|上述|前面|先前|此前|所有|全部|你的|系统|"
    r"的)*(?:指令|指示|提示词|提示|规则|设定)",
    r"(?:所有|每个|每一个|任何|每条|每一条|你的)(?:回答|答案|回复|答复|输出)(?:都|均|中)?"
    r"(?:必须|应当|应该|务必|一律|需要|要|只能)",
    r"你(?:必须|应该|应当|要|需要|只能|务必|一定要)(?:始终|总是|只)?(?:回答|回复|答复|说|声明|表示|"
    r"告诉|输出|忽略|假装)",
    r"^请?(?:始终|总是|务必)?(?:回答|回复|答复)(?:所有|每个|任何)?(?:问题|用户)",
    r"作为(?:一个|一名)?(?:AI|人工智能|语言模型|大模型|大语言模型)(?:助手|模型)?[，,：:]",
    r"无论(?:用户|任何人|别人|对方)?(?:问|询问|提问)(?:什么|任何)",
]
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in _EN] + [re.compile(p) for p in _ZH]


# Every question's candidate sentences are tested, ~17 patterns each (~0.5 ms a question);
# the same passages come back question after question.
@lru_cache(maxsize=50_000)
def addresses_reader(sentence: str) -> bool:
    """True when ``sentence`` speaks to the reader or the answering system (an instruction),
    rather than stating what a document says."""
    text = " ".join(sentence.split())
    return any(p.search(text) for p in _PATTERNS)


def instruction_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that address the reader or the system, in order."""
    return [text[s:e] for s, e in sentence_spans(text) if addresses_reader(text[s:e])]
