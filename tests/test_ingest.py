"""Reading inputs: every format, metadata source and kind of bad file, on the corpus in tests/corpus/."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kg.errors import E, KGError
from kg.ingest import read_articles
from kg.types import Article, Skipped

CORPUS = Path(__file__).parent / "corpus"
GOOD, BAD = CORPUS / "good", CORPUS / "bad"


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def _by_id(articles):
    return {a.id: a for a in articles}


def _skipped(skipped):
    """(file name, line, reason) of each Skipped, for comparison."""
    return [(Path(s.source).name, s.line, s.reason) for s in skipped]


@pytest.fixture(scope="module")
def corpus():
    return _split(read_articles([GOOD, BAD]))


def test_corpus_articles_in_sorted_order(corpus):
    articles, _ = corpus
    assert [a.id for a in articles] == [
        "rail-2020-001",  # good/export.jsonl
        "export-2",  # a record without id: <file id>-<line>
        "harbour_talks",
        "AGENCY_EN_NW_2016.04.19.3291980",  # good/nested/: the dots are part of the id
        "port_strike",
        "wheat_prices",
        "n1",  # bad/notes.json holds one good record
    ]


def test_corpus_skipped_with_file_line_and_reason(corpus):
    _, skipped = corpus
    assert _skipped(skipped) == [
        ("export.jsonl", 3, "malformed JSON line: Unterminated string starting at at column 26"),
        ("export.jsonl", 4, "duplicate: same text as article 'rail-2020-001'"),
        ("export.jsonl", 5, "record 'no-text' has no 'text' field (a non-empty string)"),
        ("blank.txt", None, "empty file"),
        ("broken.json", 1, "malformed JSON: Expecting value at column 1"),
        ("empty.txt", None, "empty file"),
        (
            "french.txt",
            None,
            "not English (looks like 'fr'; 2% of 46 words are English function words); "
            "pass --lang fr to process it anyway",
        ),
        (
            "german.md",
            None,
            "not English (looks like 'de'; 8% of 40 words are English function words); "
            "pass --lang de to process it anyway",
        ),
        ("harbour_talks_copy.txt", None, "duplicate: same text as article 'harbour_talks'"),
        ("image.txt", None, "binary file, not text"),
        (
            "latin1.txt",
            1,
            "not UTF-8 text: byte 0xE9 cannot be decoded (probably Latin-1 or Windows-1252); re-save the file as UTF-8",
        ),
        ("notes.json", None, "record 'n2' has no 'text' field (a non-empty string)"),
        ("notes.json", None, "record 3: expected a JSON object with a 'text' field, found str"),
        ("only_boilerplate.txt", None, "no article text left after removing boilerplate"),
    ]


def test_reading_is_deterministic():
    assert list(read_articles([GOOD, BAD])) == list(read_articles([GOOD, BAD]))


def test_txt_with_sidecar(corpus):
    article = _by_id(corpus[0])["harbour_talks"]
    assert article.title == "Harbour Ministers Agree on Shipping Corridor"
    assert article.date == "2023-03-16"
    assert article.source == "https://news.example.org/world/harbour-ministers-corridor"
    assert (article.place, article.author) == ("OSLO", "Maria Lindqvist")
    assert article.text == (
        "Harbour Ministers Agree on Shipping Corridor\n\n"
        "The transport ministers of Norway and Denmark agreed on Thursday to open a joint shipping corridor "
        "through the Skagerrak, according to a statement released after their meeting in Oslo.\n\n"
        "The corridor will shorten the route for container ships by about six hours, officials said. "
        "Work on new navigation buoys is expected to start in the spring.\n\n"
        'Danish Transport Minister Lars Holm said the agreement "shows what neighbours can do together." '
        "He will visit the port of Aarhus next week."
    )


def test_markdown_with_front_matter(corpus):
    article = _by_id(corpus[0])["wheat_prices"]
    assert (article.title, article.date, article.author) == ("Wheat Prices Climb After Poor Harvest", "2022-08-09", "Tom Baker")
    assert article.source == "https://farm.example.com/wheat-prices"
    assert article.place == "CHICAGO"
    assert article.text.split("\n\n") == [
        "Wheat Prices Climb After Poor Harvest",
        "Wheat futures rose for a third straight day on Tuesday after the Agriculture Department cut its "
        "forecast for the spring harvest.",
        "Traders said the drought in the northern plains had hurt yields more than expected.",
        "What comes next",
        "Exporters expect higher prices through the autumn.",
        "Millers are looking for supplies in Canada and Australia.",
    ]


def test_html_page(corpus):
    article = _by_id(corpus[0])["port_strike"]
    assert (article.title, article.date, article.author) == (
        "Dock Workers End Strike at Rotterdam Port",
        "2021-11-04",
        "Anna de Vries",
    )
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Dock Workers End Strike at Rotterdam Port"
    assert paragraphs[1].startswith("Dock workers at the port of Rotterdam ended a five-day strike")
    assert len(paragraphs) == 4
    for chrome in ("Home", "Privacy", "All rights reserved", "Antwerp", "By Anna"):
        assert chrome not in article.text


def test_jsonl_records(corpus):
    articles = _by_id(corpus[0])
    rail = articles["rail-2020-001"]
    assert (rail.title, rail.date, rail.source) == (
        "New Rail Link Opens Between Two Cities",
        "2020-06-01",
        "https://rail.example.net/rail-link",
    )
    assert rail.text.count("\n\n") == 1  # the record's newline became a paragraph break
    council = articles["export-2"]
    assert council.source == str(GOOD / "export.jsonl")  # "source" that is not a URL: the file is named
    assert council.date is None


def test_manifest_and_inline_dateline(corpus):
    article = _by_id(corpus[0])["AGENCY_EN_NW_2016.04.19.3291980"]
    assert (article.date, article.source, article.place) == ("2016-04-19", "https://agency.example.com/3291980", "BELGRADE")
    assert article.title == "Flood Waters Recede in River Valley"
    assert article.text.startswith("Flood Waters Recede in River Valley\n\nFlood waters began to recede on Sunday")


def test_default_date_only_where_no_date_is_known():
    articles = _by_id(_split(read_articles([GOOD / "export.jsonl"], default_date="2001-02-03"))[0])
    assert articles["export-2"].date == "2001-02-03"
    assert articles["rail-2020-001"].date == "2020-06-01"


def test_oversize_file_is_skipped():
    articles, skipped = _split(read_articles([GOOD / "harbour_talks.txt"], max_bytes=100))
    assert articles == []
    assert _skipped(skipped) == [
        ("harbour_talks.txt", None, "file is 897 bytes, over the limit of 100; raise --max-bytes to read it")
    ]


def test_oversize_jsonl_record_is_skipped():
    articles, skipped = _split(read_articles([GOOD / "export.jsonl"], max_bytes=200))
    assert [a.id for a in articles] == ["export-2"]
    assert ("export.jsonl", 1, "article text is 228 bytes, over the limit of 200; raise --max-bytes to read it") in _skipped(skipped)


def test_lang_processes_other_languages():
    articles, skipped = _split(read_articles([BAD / "french.txt"], lang="fr"))
    assert skipped == []
    assert articles[0].text.startswith("Le ministre des Affaires étrangères")


def test_seen_hashes_name_the_earlier_article():
    first = _by_id(_split(read_articles([GOOD / "harbour_talks.txt"]))[0])["harbour_talks"]
    _, skipped = _split(read_articles([GOOD / "harbour_talks.txt"], seen_hashes={first.content_hash: "harbour_talks"}))
    assert _skipped(skipped) == [("harbour_talks.txt", None, "duplicate: same text as article 'harbour_talks', already built")]
    _, skipped = _split(read_articles([GOOD / "harbour_talks.txt"], seen_hashes=[first.content_hash]))
    assert _skipped(skipped) == [("harbour_talks.txt", None, "duplicate: same text as an article already built")]


def test_glob_filters_folder_files():
    articles, skipped = _split(read_articles([CORPUS], glob="*.md"))
    assert [a.id for a in articles] == ["wheat_prices"]
    assert [Path(s.source).name for s in skipped] == ["german.md"]


def test_missing_input_raises_at_call_time():
    with pytest.raises(KGError) as err:
        read_articles([GOOD, CORPUS / "no-such-folder"])
    assert err.value.code is E.INPUT_MISSING
    assert str(err.value) == f"[INPUT_MISSING] input {str(CORPUS / 'no-such-folder')!r} does not exist."


def test_bad_default_date_raises():
    with pytest.raises(KGError) as err:
        read_articles([GOOD], default_date="03/05/2024")
    assert err.value.code is E.BAD_DATE
    assert "'03/05/2024' is not a valid date; give it as YYYY-MM-DD" in str(err.value)


def test_stdin_text_and_jsonl(monkeypatch):
    text = "Mayor Opens New Bridge\n\nThe mayor opened the new bridge over the river on Saturday, officials said.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    [article] = read_articles(["-"])
    assert (article.id, article.title, article.source) == ("stdin", "Mayor Opens New Bridge", "<stdin>")

    record = {"id": "r1", "text": "The river rose by two metres overnight, the water agency said on Sunday."}
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(record).encode())))
    [article] = read_articles(["-"])
    assert article.id == "r1"


def test_same_id_in_two_folders_gets_a_suffix(tmp_path):
    for folder, sentence in (("a", "The port reopened on Monday."), ("b", "The airport closed on Tuesday.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(sentence, encoding="utf-8")
    articles, _ = _split(read_articles([tmp_path]))
    assert [(a.id, a.text) for a in articles] == [
        ("story", "The port reopened on Monday."),
        ("story-2", "The airport closed on Tuesday."),
    ]


def test_a_file_named_twice_is_read_once():
    articles, skipped = _split(read_articles([GOOD / "wheat_prices.md", GOOD]))
    assert [a.id for a in articles].count("wheat_prices") == 1
    assert skipped[0].line == 3  # export.jsonl's malformed line, not a duplicate report


def test_bad_sidecar_is_reported_and_the_article_still_read(tmp_path):
    (tmp_path / "story.txt").write_text("The port reopened on Monday after the storm.", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"date": "2020-01-01",', encoding="utf-8")
    articles, skipped = _split(read_articles([tmp_path]))
    assert [a.id for a in articles] == ["story"] and articles[0].date is None
    assert _skipped(skipped) == [
        ("story.meta.json", 1, "metadata sidecar is not valid JSON: Expecting property name enclosed in double quotes (column 23)")
    ]


def test_utf16_with_bom_and_unknown_extension(tmp_path):
    path = tmp_path / "bulletin"
    path.write_bytes("\ufeffThe ferry service resumed on Monday, the operator said.".encode("utf-16-le"))
    [article] = read_articles([path])
    assert (article.id, article.text) == ("bulletin", "The ferry service resumed on Monday, the operator said.")


def test_folder_walk_skips_hidden_and_metadata_files(tmp_path):
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text("A cached copy of an old story.", encoding="utf-8")
    (tmp_path / "story.txt").write_text("The port reopened on Monday.", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"date": "2020-01-01"}', encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    articles, skipped = _split(read_articles([tmp_path]))
    assert [(a.id, a.date) for a in articles] == [("story", "2020-01-01")]
    assert skipped == []


def test_json_file_without_any_text_is_reported_once(tmp_path):
    lines = [json.dumps({"doc": f"d{i}", "rel": "meet"}) for i in range(5)]
    (tmp_path / "gold.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert _skipped(read_articles([tmp_path])) == [
        ("gold.jsonl", None, "not an article export: none of its 5 records has a 'text' field")
    ]


def test_seeds_read_as_articles():
    articles, skipped = _split(read_articles([Path(__file__).resolve().parents[1] / "seeds"]))
    assert skipped == []
    assert [a.id for a in articles] == [
        "000_8e44427e95b5aeea",
        "001_dc37307de06deca4",
        "002_eb2a339d77c1cb0d",
        "003_0d1f7e7e4da08d96",
        "004_5a301db595364d0c",
    ]
    assert articles[0].place == "PRAGUE" and "PRAGUE" not in articles[0].text
