"""The service layer: components built once, and the operations the API and CLI share.

    components  the parts every operation shares, a request's checks, the readable documents
    composite   the answers read beyond one retrieval: by parts, across documents, about a
                document, where the last answer stood; the answer in a mode
    asking      the ask path: validate, complete a follow-up, retrieve, answer, finish
    core        Services: built once per process, with the operations on documents
    warm        what loads in the background, and numpy's thread limit

May import: store, retrieval, answering, briefing, conversation, llm (and the base).
"""

from app.services.asking import AnswerStream
from app.services.core import Services
from app.services.warm import _warm_crosslingual, numpy_blas_single_threaded

__all__ = ["AnswerStream", "Services", "_warm_crosslingual", "numpy_blas_single_threaded"]
