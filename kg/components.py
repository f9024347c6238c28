"""Faster stand-ins for two of the model's rule-based components, with the same output.

The model's attribute ruler and lemmatizer are rules, not networks, yet on 50k words of news they
took 0.9 s each of a 9.3 s `nlp.pipe` (measured): the attribute ruler runs spaCy's Matcher, which
tries all of its ~180 token patterns at every token, and the lemmatizer makes a Token object and
a morphology object per word to look up its cache. The stand-ins below wrap the model's own
components and keep their rules, tables and precedence:

- `IndexedAttributeRuler` finds the same matches by looking up each token's tag, lowercase form
  and dependency label in an index of the patterns' first tokens, then lets the model's ruler set
  the attributes as it would;
- `CachedLemmatizer` asks the model's lemmatizer once per (word, part of speech, morphology) and
  writes a Doc's lemmas in one array.

Where a model's rules use what the index does not cover (operators, regular expressions, custom
attributes, another lemmatizer mode), the stand-in calls the model's component as it is.
tests/test_components.py checks on real articles that every attribute comes out the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# Token attributes a pattern may test, as Doc.to_array reads them (string ids and flags).
_STRING_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA")
_FLAG_ATTRS = ("IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER")
# The order in which a first token's tests are tried as the index key: the most selective first.
_KEY_PREFERENCE = ("ORTH", "LOWER", "NORM", "LEMMA", "TAG", "DEP", "POS", *_FLAG_ATTRS)
_EQ, _IN, _NOT_IN, _REGEX = 0, 1, 2, 3
# Entries the lemma cache and a REGEX test's answers keep before they start again (their keys
# grow with the vocabulary).
CACHE_SIZE = 200_000

# One test of one token: (column in the Doc array, kind, the id or the set of ids).
Check = tuple[int, int, object]


class IndexedAttributeRuler:
    """The model's attribute ruler with its Matcher replaced by an index of its patterns."""

    def __init__(self, ruler) -> None:
        self.ruler = ruler
        # What the index was made from: the ruler's Matcher (a new one after `clear`, as when the
        # ruler is initialised again) and its number of pattern groups (more after `add`).
        self._source: tuple[object, int] | None = None
        self._compiled: _CompiledPatterns | None = None

    def __call__(self, doc: Doc) -> Doc:
        compiled = self._patterns(doc)
        if compiled is None:
            return self.ruler(doc)
        self.ruler.set_annotations(doc, compiled.match(doc))
        return doc

    def _patterns(self, doc: Doc) -> _CompiledPatterns | None:
        source = self._source
        if source is None or source[0] is not self.ruler.matcher or source[1] != len(self.ruler.attrs):
            self._source = (self.ruler.matcher, len(self.ruler.attrs))
            self._compiled = _CompiledPatterns.of(self.ruler.patterns, doc.vocab.strings)
        return self._compiled


class _CompiledPatterns:
    """Fixed-length token patterns, indexed by one test of their first token."""

    def __init__(self, columns: list[int], index: dict[tuple[int, int], list], unindexed: list) -> None:
        self.columns = columns  # attribute ids, in the order of the Doc array's columns
        self.index = index  # (column, id) -> [(group, match id, tests per token)]
        self.unindexed = unindexed
        self.keyed_columns = sorted({column for column, _ in index})

    @classmethod
    def of(cls, groups: Sequence[dict], strings) -> _CompiledPatterns | None:
        """The ruler's pattern groups compiled, or None if one uses what this matcher lacks."""
        columns: list[int] = []
        index: dict[tuple[int, int], list] = {}
        unindexed: list = []
        for group, entry in enumerate(groups):
            match_id = strings[str(group)]
            for pattern in entry["patterns"]:
                tests = [_token_tests(spec, columns, strings) for spec in pattern]
                if not tests or any(t is None for t in tests):
                    return None
                key = _index_key(tests[0], columns)
                item = (group, match_id, tests)
                if key is None:
                    unindexed.append(item)
                else:
                    column, values = key
                    for value in values:
                        index.setdefault((column, value), []).append(item)
        return cls(columns, index, unindexed)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What AttributeRuler.match returns: (group, match id, start, end), sorted."""
        if not len(doc) or not self.columns:
            return []
        rows = doc.to_array(self.columns).reshape(len(doc), -1).tolist()
        n = len(rows)
        found = set()
        index, keyed, unindexed = self.index, self.keyed_columns, self.unindexed
        for start, row in enumerate(rows):
            candidates = [item for column in keyed for item in index.get((column, row[column]), ())]
            for group, match_id, tests in candidates + unindexed if unindexed else candidates:
                end = start + len(tests)
                if end <= n and _all_pass(rows, start, tests):
                    found.add((group, match_id, start, end))
        return sorted(found)


def _token_tests(spec: dict, columns: list[int], strings) -> list[Check] | None:
    """One token's pattern as tests on Doc array columns; None if it uses anything else."""
    tests: list[Check] = []
    for name, want in spec.items():
        name = name.upper()
        if name not in _STRING_ATTRS and name not in _FLAG_ATTRS:
            return None
        attr = IDS[name]
        if attr not in columns:
            columns.append(attr)
        column = columns.index(attr)
        as_id = (lambda v: int(bool(v))) if name in _FLAG_ATTRS else (lambda v: strings[v])
        if isinstance(want, dict):
            if len(want) != 1 or not ({"IN", "NOT_IN", "REGEX"} & set(want)):
                return None
            (kind, values), = want.items()
            if kind == "REGEX":
                if name in _FLAG_ATTRS or not isinstance(values, str):
                    return None
                tests.append((column, _REGEX, _Regex(values, strings)))
                continue
            if not isinstance(values, (list, tuple, set)) or not all(isinstance(v, (str, bool)) for v in values):
                return None
            tests.append((column, _IN if kind == "IN" else _NOT_IN, frozenset(as_id(v) for v in values)))
        elif isinstance(want, (str, bool)):
            tests.append((column, _EQ, as_id(want)))
        else:
            return None
    return tests


def _index_key(tests: list[Check], columns: list[int]) -> tuple[int, Iterable[int]] | None:
    """The column and ids under which a pattern is filed: one of its first token's equality or
    IN tests, the most selective; None when it has none (the pattern is tried everywhere)."""
    usable = {column: (values if kind == _IN else (values,)) for column, kind, values in tests
              if kind in (_EQ, _IN)}
    for name in _KEY_PREFERENCE:
        column = columns.index(IDS[name]) if IDS[name] in columns else -1
        if column in usable:
            return column, usable[column]
    return None


def _all_pass(rows: list[list[int]], start: int, tests: list[list[Check]]) -> bool:
    for offset, token_tests in enumerate(tests):
        row = rows[start + offset]
        for column, kind, want in token_tests:
            value = row[column]
            if kind == _EQ:
                if value != want:
                    return False
            elif kind == _REGEX:
                if not want(value):
                    return False
            elif (value in want) != (kind == _IN):
                return False
    return True


class _Regex:
    """A REGEX test, as the Matcher makes it (`re.search` on the attribute's string), with its
    answer kept per string id."""

    def __init__(self, pattern: str, strings) -> None:
        self.regex = re.compile(pattern)
        self.strings = strings
        self.answers: dict[int, bool] = {}

    def __call__(self, value: int) -> bool:
        answer = self.answers.get(value)
        if answer is None:
            if len(self.answers) > CACHE_SIZE:
                self.answers.clear()
            answer = self.answers[value] = bool(self.regex.search(self.strings[value]))
        return answer


class CachedLemmatizer:
    """The model's lemmatizer, asked once per (word, part of speech, morphology).

    Its rule and lookup modes read nothing else of a token (spaCy's own cache has the same key),
    so the answer is the same; other modes run the model's lemmatizer as it is.
    """

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], str] = {}
        _index_as_sets(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        inner = self.lemmatizer
        if getattr(inner, "mode", None) not in {"rule", "lookup"} or not getattr(inner, "_validated", False):
            return inner(doc)  # the first Doc also lets the model's component check its tables
        if len(self.cache) > CACHE_SIZE:
            self.cache.clear()
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()  # spaCy's own array type, written back in one call
        strings, cache, overwrite = doc.vocab.strings, self.cache, inner.overwrite
        ids: dict[tuple[int, int, int], int] = {}  # this Doc's lemma ids (strings may be per zone)
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            lemma_id = ids.get(key)
            if lemma_id is None:
                text = cache.get(key)
                if text is None:
                    text = cache[key] = inner.lemmatize(doc[i])[0]
                lemma_id = ids[key] = strings.add(text)
            lemmas[i] = lemma_id
        doc.from_array([LEMMA], lemmas)
        return doc


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer's word lists (lemma_index) as sets: its rules ask whether a candidate
    form is a known word, and in the model's lists of up to 57,000 words each question was a scan
    (78 us per new word, most of the lemmatizer's time). Only membership is asked of them."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


@Language.factory("kg_attribute_ruler")
def make_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("kg_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def speed_up(nlp: Language) -> None:
    """Put the stand-ins in place of the model's attribute ruler and lemmatizer (which stay
    loaded, disabled, and do the work the stand-ins hand them). A component of another kind under
    either name (a trainable lemmatizer, say) is left as it is."""
    for original, stand_in, kind in (("attribute_ruler", "kg_attribute_ruler", AttributeRuler),
                                     ("lemmatizer", "kg_lemmatizer", Lemmatizer)):
        if original in nlp.pipe_names and isinstance(nlp.get_pipe(original), kind):
            nlp.add_pipe(stand_in, after=original)
            nlp.disable_pipe(original)
