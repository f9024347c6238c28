"""A Doc's tokens, made once per article.

spaCy makes a new Token object each time a Doc or Span is indexed or iterated, and the
extractor's rules each walk every sentence: without this, a quarter of extraction time went to
making the same Token objects again. The lists live in `doc.user_data` while the article is
extracted; `release` drops them so that the Doc is freed as soon as it is done with.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_TOKENS = "kg_tokens"
_STARTS = "kg_token_starts"


def doc_tokens(doc: Doc) -> list[Token]:
    """Every token of the Doc, as one list."""
    tokens = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


def sentence_tokens(sent: Span) -> list[Token]:
    """The sentence's tokens, from the Doc's list."""
    return doc_tokens(sent.doc)[sent.start:sent.end]


def tokens_in(sent: Span, start: int, end: int) -> list[Token]:
    """The sentence's tokens that start inside the character range [start, end): a mention's
    tokens (found by bisection: this runs for every mention of every rule)."""
    doc = sent.doc
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = [t.idx for t in doc_tokens(doc)]
    lo = max(bisect.bisect_left(starts, start), sent.start)
    hi = min(bisect.bisect_left(starts, end), sent.end)
    return doc_tokens(doc)[lo:hi] if lo < hi else []


def release(doc: Doc) -> None:
    """Drop the lists: Tokens refer to their Doc, so keeping them would keep the Doc alive."""
    doc.user_data.pop(_TOKENS, None)
    doc.user_data.pop(_STARTS, None)
