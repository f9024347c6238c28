"""kg.components: the stand-ins for the model's attribute ruler and lemmatizer annotate exactly as
the model's own components do, on real articles, and fall back to them where they must."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from kg import components
from kg import nlp as nlp_stage

ROOT = Path(__file__).resolve().parent.parent
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
# Invented text that reaches the model's rarer rules: regular expressions ("ain't", "nothin'",
# "y'all"), two-token patterns ("there are"), irregular forms ("got"), and line breaks.
RARE = ("Y'all ain't seen nothin' yet, Mr. Tembo said.\n\nThere are two ferries and there were "
        "three. She got the papers that Phiri gets each week; they're leaving Lusaka's harbour.")


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load(nlp_stage.model_name())
    stock.add_pipe("kg_paragraphs", before="parser")
    return stock, nlp_stage.load()


def _texts() -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    corpus = sorted((ROOT / "tests" / "corpus" / "good").glob("*.txt"))
    return [RARE, *(p.read_text(encoding="utf-8") for p in [*seeds, *corpus])]


def test_kg_pipeline_replaces_the_two_components(pipelines):
    _, fast = pipelines
    assert "kg_attribute_ruler" in fast.pipe_names and "kg_lemmatizer" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert fast.pipe_names.index("kg_attribute_ruler") < fast.pipe_names.index("kg_lemmatizer")


def test_annotations_are_those_of_the_model_as_spacy_loads_it(pipelines):
    stock, fast = pipelines
    texts = _texts()
    assert len(texts) > 5
    for expected, got in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert (expected.to_array(ATTRS) == got.to_array(ATTRS)).all(), expected.text[:60]
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]


def test_the_models_rules_all_take_the_indexed_path(pipelines):
    _, fast = pipelines
    fast("There are two ferries.")
    assert fast.get_pipe("kg_attribute_ruler")._compiled is not None
    assert fast.get_pipe("kg_lemmatizer").cache  # answers are kept per (word, tag, morphology)


def test_rare_rules_apply_through_the_index(pipelines):
    _, fast = pipelines
    doc = fast(RARE)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["nothin'"] == "nothing" and lemmas["got"] == "get"


def test_a_pattern_the_index_cannot_read_runs_the_rulers_own_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"TAG": "JJ"}, index=-1)
    stand_in = components.IndexedAttributeRuler(ruler)
    doc = stand_in(nlp.make_doc("a very very big ship"))
    assert stand_in._compiled is None
    assert [t.tag_ for t in doc] == ["", "", "", "JJ", ""]


def test_patterns_added_later_are_indexed():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ship"}]], {"TAG": "NN"})
    stand_in = components.IndexedAttributeRuler(ruler)
    assert [t.tag_ for t in stand_in(nlp.make_doc("the ship docked"))] == ["", "NN", ""]
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}, {"LOWER": "ship"}]], {"TAG": "DT"}, index=0)
    ruler.add([[{"ORTH": {"REGEX": "ed$"}}]], {"TAG": "VBD"})
    assert [t.tag_ for t in stand_in(nlp.make_doc("the ship docked"))] == ["DT", "NN", "VBD"]


def test_patterns_given_again_after_a_clear_replace_the_old_ones():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ship"}]], {"TAG": "NN"})
    stand_in = components.IndexedAttributeRuler(ruler)
    assert [t.tag_ for t in stand_in(nlp.make_doc("the ship"))] == ["", "NN"]
    ruler.clear()  # as when the ruler is initialised again: as many groups, other patterns
    ruler.add([[{"LOWER": "the"}]], {"TAG": "DT"})
    assert [t.tag_ for t in stand_in(nlp.make_doc("the ship"))] == ["DT", ""]


def test_later_patterns_take_precedence_as_in_the_model():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ship"}]], {"TAG": "NN"})
    ruler.add([[{"IS_ALPHA": True, "LOWER": {"NOT_IN": ["the"]}}]], {"TAG": "XX"})
    expected = [t.tag_ for t in ruler(nlp.make_doc("the ship docked"))]
    got = [t.tag_ for t in components.IndexedAttributeRuler(ruler)(nlp.make_doc("the ship docked"))]
    assert got == expected == ["", "XX", "XX"]


def test_a_full_lemma_cache_starts_again_with_the_same_answers(pipelines, monkeypatch):
    stock, fast = pipelines
    monkeypatch.setattr(components, "CACHE_SIZE", 5)
    other = "The ferries docked at Lusaka's harbour on Monday."
    for expected, got in zip(stock.pipe([RARE, other]), fast.pipe([RARE, other]), strict=True):
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]
    kept = {orth for orth, _, _ in fast.get_pipe("kg_lemmatizer").cache}
    assert fast.vocab.strings["ferries"] in kept and fast.vocab.strings["nothin'"] not in kept


def test_a_component_of_another_kind_under_the_name_is_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", name="lemmatizer")
    components.speed_up(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
