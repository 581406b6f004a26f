"""Conversations: follow-up questions completed from the turns before them, and the turns kept.

    words      the taggers' reading of a question (LAC, spaCy)
    places     the places a question names
    phrases    a question's subject and asked attribute; the rewrite's edits
    resolve    the general rule that completes a follow-up
    condense   the model's standalone question, checked
    storage    the conversations' SQL tables
    continuity whether a complete question naming no place reads on in the last document
    nearby     where the last answer stood: its quotes found, the passages around them
    service    what app.services calls

May import: the base, db, store, retrieval (places), answering, llm (the model client).
"""

from app.conversation.resolve import Resolver
from app.conversation.service import Conversations
from app.conversation.turns import Resolution, Turn

__all__ = ["Conversations", "Resolution", "Resolver", "Turn"]
