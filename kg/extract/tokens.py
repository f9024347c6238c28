"""A Doc's tokens, made once per article.

spaCy makes a new Token object each time a Doc or Span is indexed or iterated, and the
extractor's rules each walk every sentence: without this, a quarter of extraction time went to
making the same Token objects again. The lists live in `doc.user_data` while the article is
extracted; `release` drops them so that the Doc is freed as soon as it is done with. The Doc's
entity spans are kept the same way.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

_TOKENS = "kg_tokens"
_STARTS = "kg_token_starts"
_ENTS = "kg_ents"
_TEXT = "kg_text"
_CHILDREN = "kg_children"


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


def children(token: Token) -> tuple[Token, ...]:
    """`token.children` (in order), from a table made once per Doc: spaCy makes a generator and a
    new Token per child on every call, and the rules ask for a word's dependents again and again."""
    table = token.doc.user_data.get(_CHILDREN)
    if table is None:
        table = _children_table(token.doc)
    return table[token.i]


def _children_table(doc: Doc) -> list[tuple[Token, ...]]:
    tokens = doc_tokens(doc)
    found: dict[int, list[Token]] = {}
    for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
        if offset:
            found.setdefault(i + offset, []).append(tokens[i])
    table: list[tuple[Token, ...]] = [()] * len(tokens)
    for head, dependents in found.items():
        table[head] = tuple(dependents)
    doc.user_data[_CHILDREN] = table
    return table


def doc_text(doc: Doc, parsed_from: str | None = None) -> str:
    """The Doc's text (Doc.text joins every token's text on each call). `parsed_from`: the text the
    Doc was made of, taken as it is when its length agrees."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        text = parsed_from if parsed_from is not None and len(parsed_from) == end else doc.text
        doc.user_data[_TEXT] = text
    return text


def doc_ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The Doc's entity spans and their start tokens, made once (Doc.ents and Span.ents rebuild
    every span on each call)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        spans = tuple(doc.ents)
        ents = doc.user_data[_ENTS] = (spans, [e.start for e in spans])
    return ents


def subtree_where(token: Token, keep: Callable[[Token], bool]) -> list[Token]:
    """The token and its descendants, not descending into a child `keep` refuses."""
    out, stack = [], [token]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in children(tok) if keep(c))
    return out


def memo(doc: Doc, name: str) -> dict:
    """A dictionary kept with the Doc while its article is extracted, for a rule's results that
    other rules ask for again (a verb's clause)."""
    key = f"kg_memo_{name}"
    table = doc.user_data.get(key)
    if table is None:
        table = doc.user_data[key] = {}
    return table


def release(doc: Doc) -> None:
    """Drop the lists and memos: Tokens and Spans refer to their Doc, so keeping them in it would
    make a cycle that only the cycle collector frees (every Doc, with its arrays, would wait for a
    full collection); released, a Doc is freed as soon as it is done with."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("kg_")]:
        del doc.user_data[key]
