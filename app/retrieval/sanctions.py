"""Sanctions: what befalls one who breaks a rule, in the words the two languages have for it.

A question asking the penalty ("what penalty …", "what happens to … if", "会受到什么处罚", "会怎么
样") is answered only by a sentence stating one: a fine, a recovery of funds, a refusal or
cancellation, a suspension, disciplinary action (罚款, 追回, 不予, 取消, 暂停, 追究责任). A notice
often states the rule alone ("project units are required to include a … Plan"); quoting it
answers no question about breaking it. "What happens at the exhibition hall" asks no sanction.
"""

from __future__ import annotations

import re

ASKS = re.compile(r"\b(?:penalt(?:y|ies)|sanctions?|punish(?:ed|ment)?|consequences?|fined)\b"
                  r"|\bwhat fines?\b|\bwhat (?:happens|will happen|would happen) (?:to|if)\b"
                  r"|处罚|惩罚|处分|后果|会怎(?:么)?样", re.I)
STATES = re.compile(
    r"\b(?:penal|fine[sd]?\b|sanction|punish|disciplin|accountab|revok|revocation|disqualif|suspen"
    r"|cancel|withdraw|recover|reclaim|refund|blacklist|prosecut|liab|ban(?:ned)?\b|repay"
    r"|(?:not|no longer) be (?:approved|accepted|funded|included|eligible|granted|considered))"
    r"|处罚|罚款|罚金|处分|惩戒|追回|收回|退回|返还|取消|撤销|暂停|停止|不予|不得|责令|通报|问责|追究"
    r"|黑名单|失信|滞纳金|加收|依法|定罪"
    r"|视为|失效|作废", re.I)  # deemed so, void: "逾期未报到的，视为自动放弃学位"
