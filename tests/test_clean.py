"""Cleaning steps, each on pinned inputs, and the whole cleaner on the seed articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.clean import (
    attributed_to,
    byline,
    clean,
    cut_tail,
    drop_repeats,
    is_attribution,
    is_headline,
    is_legal_notice,
    is_navigation,
    is_publication_note,
    is_stub,
    is_teaser_marker,
    normalize_unicode,
    parse_date,
    repair_text,
    split_paragraphs,
    strip_agency_credit,
    strip_photo_positions,
    strip_reader_calls,
    stub_date,
    take_dateline,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EVAL = Path("/work/shared/eval")


# --- repair and normalisation -----------------------------------------------------------------


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("TÃ¼rkiye", "Türkiye"),  # UTF-8 read as Windows-1252
        ("Minister CĂ©journe said", "Minister Céjourne said"),  # UTF-8 read as Windows-1250
        ("the president’s", "the president’s"),  # correct text is left alone
        ("â€œquotedâ€\x9d", "“quoted”"),  # curly quotes repaired and kept curly
        ("Tom &amp; Jerry", "Tom & Jerry"),
    ],
)
def test_repair_text_undoes_mojibake(broken, fixed):
    assert repair_text(broken) == fixed


def test_normalize_unicode_composes_and_unifies_spaces():
    decomposed = "Cafe\u0301\u00a0au\tlait\r\nnext\u200bline"
    assert normalize_unicode(decomposed) == "Café au lait\nnextline"


# --- paragraphs -----------------------------------------------------------------------------


def test_split_paragraphs_keeps_one_line_paragraphs():
    text = "Headline Here\n\nFirst paragraph ends here.\nSecond paragraph on the next line.\n"
    assert split_paragraphs(text) == ["Headline Here", "First paragraph ends here.", "Second paragraph on the next line."]


def test_split_paragraphs_joins_hard_wrapped_lines():
    text = (
        "The committee met on Tuesday to discuss the budget for the\n"
        "coming year, and agreed after a long debate to raise spending\n"
        "on schools by four percent.\n"
        "\n"
        "A second paragraph follows."
    )
    assert split_paragraphs(text) == [
        "The committee met on Tuesday to discuss the budget for the coming year, and agreed after a "
        "long debate to raise spending on schools by four percent.",
        "A second paragraph follows.",
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Ministers Agree on Trade Deal", True),
        ("Can the Truce Hold?", True),
        ("The ministers agreed on a trade deal on Monday.", False),
        ("Word", False),
        ("which starts in lower case", False),
    ],
)
def test_is_headline(line, expected):
    assert is_headline(line) is expected


# --- line predicates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("HomeWorld NewsSportsMinisters Agree on Trade Deal", True),  # menu words run together
        ("Home | World | Business | Sport", True),
        ("Home › Europe › Politics", True),
        ("McDonald's Opens First Store in the Capital", False),  # one join is a name, not a menu
        ("The YouTube and PayPal deal was signed on Monday.", False),  # a sentence
    ],
)
def test_is_navigation(line, expected):
    assert is_navigation(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("More", True),
        ("Published on", True),
        ("Share this article", True),
        ("Advertisement", True),
        ("Office of the Spokesperson", True),
        ("Begin text:", True),
        ("Updated: 2024-05-03 10:15", True),
        ("Photo: AFP", True),
        ("More than 40 people were hurt in the blast.", False),
        ("Published reports said the talks had failed.", False),
    ],
)
def test_is_stub(line, expected):
    assert is_stub(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Published on 3 May 2024", "2024-05-03"),
        ("Updated: May 3, 2024", "2024-05-03"),
        ("Posted 2024-05-03T10:00:00Z", "2024-05-03"),
        ("Published on", None),
        ("Published reports said so.", None),
    ],
)
def test_stub_date(line, expected):
    assert stub_date(line) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-07-25", "2022-07-25"),
        ("2022/7/5", "2022-07-05"),
        ("Monday, July 25, 2022", "2022-07-25"),
        ("25th Jul. 2022", "2022-07-25"),
        ("2022-02-30", None),
        ("yesterday", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("© 2024 Example Media Group. All rights reserved.", True),
        ("Copyright 2023 The Daily Planet", True),
        ("LEGAL NOTICE: Articles may not be republished without a written contract.", True),
        ("All rights to the photos and texts on this site are reserved by the agency.", True),
        ("The court ruled that the copyright holder had been harmed.", False),
        ("He reserved the right to respond later.", False),
        ("The documents may not be published until the trial ends, the judge ruled.", False),
    ],
)
def test_is_legal_notice(line, expected):
    assert is_legal_notice(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("This story was first published on example.com.", True),
        ("This article originally appeared in The Harbour Times.", True),
        ("Originally published at example.org", True),
        ("Reporting by Jane Doe; Editing by John Roe", True),
        ("Source: Reuters", True),
        ("The story of the siege was first told by survivors.", False),
    ],
)
def test_is_publication_note(line, expected):
    assert is_publication_note(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("The below is attributable to Spokesperson Jane Doe:", True),
        ("The following is attributable to the Press Secretary:", True),
        ("The rise was attributable to higher oil prices.", False),
    ],
)
def test_is_attribution(line, expected):
    assert is_attribution(line) is expected


@pytest.mark.parametrize("line", ["More like this", "Related", "Related Articles:", "You may also like", "Most read"])
def test_is_teaser_marker(line):
    assert is_teaser_marker(line)


def test_is_teaser_marker_rejects_prose():
    assert not is_teaser_marker("Related talks will be held in June.")


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Anna de Vries | Harbour Daily", "Anna de Vries"),
        ("BY JOHN SMITH (Reuters)", "JOHN SMITH"),
        ("By Monday, the ministry had evacuated 200 people.", None),
    ],
)
def test_byline(line, name):
    assert byline(line) == name


# --- paragraph-list steps -------------------------------------------------------------------

BODY = [f"Sentence number {i} of the story is here." for i in range(6)]


def test_cut_tail_drops_teaser_block_at_the_end():
    paras = BODY + ["More like this", "Other Story Headline", "Teaser text of another story."]
    assert cut_tail(paras) == BODY


def test_cut_tail_drops_legal_notice_and_what_follows_at_the_end():
    paras = BODY + ["© 2024 Example News. All rights reserved.", "Lead of an unrelated story."]
    assert cut_tail(paras) == BODY


def test_cut_tail_keeps_the_body_after_an_early_marker():
    paras = ["Related", *BODY]
    assert cut_tail(paras) == BODY


def test_drop_repeats_keeps_the_first_copy():
    paras = ["Ministers Agree on Trade Deal", "Ministers agree on trade deal", *BODY]
    assert drop_repeats(paras) == ["Ministers Agree on Trade Deal", *BODY]


def test_strip_reader_calls_removes_call_and_question_before_it():
    paras = [*BODY, "The talks will resume next month. What do you make of the deal? Leave a comment below!"]
    assert strip_reader_calls(paras) == [*BODY, "The talks will resume next month."]


def test_strip_reader_calls_keeps_quoted_speech():
    quote = '"I send a message to all of you: leave a message for my son," his father said.'
    assert strip_reader_calls([*BODY, quote]) == [*BODY, quote]


def test_strip_agency_credit():
    assert strip_agency_credit("Talks will continue next week. (XYZA)") == "Talks will continue next week."
    assert strip_agency_credit("The agency (UNHCR) said so.") == "The agency (UNHCR) said so."


@pytest.mark.parametrize(
    "paras, place, rest",
    [
        (["Headline Here", "OSLO", "Body text."], "OSLO", ["Headline Here", "Body text."]),
        (["WASHINGTON (AP) — The Senate voted on Friday."], "WASHINGTON", ["The Senate voted on Friday."]),
        (["NEW DELHI, India — Talks began."], "NEW DELHI, India", ["Talks began."]),
        (
            ["Flood Waters Recede-BELGRADE, SERBIA — -Flood waters began to recede."],
            "BELGRADE, SERBIA",
            ["Flood Waters Recede", "Flood waters began to recede."],
        ),
        (["FILE - A photo caption of a street."], None, ["FILE - A photo caption of a street."]),
        (["NATO allies met on Tuesday."], None, ["NATO allies met on Tuesday."]),
        (["NATO - Russia Council Meets"], None, ["NATO - Russia Council Meets"]),
        (["ROME - The talks opened on Monday in the Italian capital."], "ROME", ["The talks opened on Monday in the Italian capital."]),
        (["Body one.", "Body two.", "Body three.", "Body four.", "ROME"], None, None),  # too far down
    ],
)
def test_take_dateline(paras, place, rest):
    found, remaining = take_dateline(paras)
    assert found == place
    assert remaining == (rest if rest is not None else paras)


def test_clean_collects_metadata_and_keeps_paragraphs():
    text = (
        "Home | World | Europe\n"
        "Ministers Agree on Trade Deal\n\n"
        "Ministers Agree on Trade Deal\n"
        "By Jane Doe\n"
        "Published on 3 May 2024\n"
        "ROME\n\n"
        "The trade ministers agreed on a deal on Friday.\n\n"
        "Exports are expected to grow.\n\n"
        "Related\n"
        "Another Story\n"
    )
    result = clean(text)
    assert result.text == (
        "Ministers Agree on Trade Deal\n\nThe trade ministers agreed on a deal on Friday.\n\nExports are expected to grow."
    )
    assert (result.title, result.place, result.author, result.date) == (
        "Ministers Agree on Trade Deal",
        "ROME",
        "Jane Doe",
        "2024-05-03",
    )


# --- the seeds ------------------------------------------------------------------------------

# Lines (by their start) that cleaning removes from each seed; every other line must survive whole.
SEED_REMOVED = {
    "000_8e44427e95b5aeea": ["PRAGUE"],  # dateline -> place (the repeated title is dropped too)
    "001_dc37307de06deca4": [],
    "002_eb2a339d77c1cb0d": ["What do we think about this challenge?", "Welcome to leave a message"],
    "003_0d1f7e7e4da08d96": [
        "(ILKHA)",
        "LEGAL WARNING",
        "Trade A.Ş.",
        "Under no circumstances",
        "The European Union's foreign policy chief",
        "The General Secretariat of the Supreme Defense Council",
        "Six high-ranking officials",
        "Turkish President Recep",
    ],
    "004_5a301db595364d0c": [
        "More",
        "HomeMicro",
        "Published on",
        "This story was first published",
        "More like this",
        "Netanyahu’s Testimony",
        "Netanyahu defends",
        "Walmart Faces",
        "Walmart criticized",
        "Public demands action.",
        "Israel Bolsters",
        "Israel's Shin Bet",
    ],
}


def _seed(doc: str) -> tuple[str, str]:
    raw = (SEEDS / f"{doc}.txt").read_text(encoding="utf-8")
    return normalize_unicode(repair_text(raw)), clean(raw).text


@pytest.mark.parametrize("doc", sorted(SEED_REMOVED))
def test_seed_keeps_every_line_but_boilerplate(doc):
    fixed, cleaned = _seed(doc)
    flat = " ".join(cleaned.split())
    lost = []
    for line in fixed.split("\n"):
        # Compare sentence-sized pieces: a paragraph may lose a trailing credit or reader call.
        lost += [part for part in re.split(r"(?<=[.!?])\s+", " ".join(line.split())) if part and part not in flat]
    expected = SEED_REMOVED[doc]
    assert len(lost) == len(expected), lost
    assert all(part.startswith(start) for part, start in zip(lost, expected)), lost


def test_seed_metadata():
    results = {doc: clean((SEEDS / f"{doc}.txt").read_text(encoding="utf-8")) for doc in SEED_REMOVED}
    assert results["000_8e44427e95b5aeea"].place == "PRAGUE"
    assert results["000_8e44427e95b5aeea"].title == "Turkish, US top diplomats discuss Gaza,Caucasus"
    assert results["000_8e44427e95b5aeea"].text.count("Turkish, US top diplomats") == 1
    assert results["004_5a301db595364d0c"].title == "US-Israel Talks Aim for Peace and Security in Gaza"
    assert results["001_dc37307de06deca4"].title is None  # the first line is a paragraph, not a headline
    assert "Céjourne" in results["002_eb2a339d77c1cb0d"].text


@pytest.mark.skipif(not EVAL.is_dir(), reason="needs /work/shared/eval")
@pytest.mark.parametrize(
    "noise, docs",
    [("gold/seeds_noise.jsonl", SEEDS), ("benchmarks/state/noise.jsonl", EVAL / "benchmarks/state/docs")],
)
def test_noise_spans_are_removed(noise, docs):
    for line in (EVAL / noise).read_text(encoding="utf-8").splitlines():
        span = json.loads(line)
        cleaned = clean((docs / f"{span['doc']}.txt").read_text(encoding="utf-8")).text
        assert span["text"] not in cleaned, span


@pytest.mark.skipif(not EVAL.is_dir(), reason="needs /work/shared/eval")
@pytest.mark.parametrize(
    "gold, docs",
    [
        ("gold/seeds.jsonl", SEEDS),
        ("benchmarks/state/gold.jsonl", EVAL / "benchmarks/state/docs"),
        ("benchmarks/m2e2/gold.jsonl", EVAL / "benchmarks/m2e2/docs"),
        ("benchmarks/conll04/gold.jsonl", EVAL / "benchmarks/conll04/docs"),
    ],
)
def test_gold_fact_arguments_survive_cleaning(gold, docs):
    """Every subject and object a gold fact names in the raw text is still in the cleaned text."""
    cache: dict[str, tuple[str, str]] = {}
    missing = []
    for line in (EVAL / gold).read_text(encoding="utf-8").splitlines():
        fact = json.loads(line)
        if fact["doc"] not in cache:
            raw = (docs / f"{fact['doc']}.txt").read_text(encoding="utf-8")
            result = clean(raw)
            kept = " ".join(f"{result.title or ''} {result.text}".split())
            cache[fact["doc"]] = (" ".join(normalize_unicode(repair_text(raw)).split()), kept)
        raw, kept = cache[fact["doc"]]
        for aliases in (fact["subj"], fact["obj"]):
            names = [a for a in aliases if a != "*"]
            if any(a in raw for a in names) and not any(a in kept for a in names):
                missing.append((fact["doc"], names))
    assert missing == []


@pytest.mark.parametrize("line, name", [
    ("The below is attributable to Spokesperson Ned Price:", "Ned Price"),
    ("The following is attributable to State Department Spokesperson Jane Roe:", "Jane Roe"),
    ("The talks were attributable to bad weather.", None),
])
def test_attribution_line_names_the_person_it_attributes_to(line, name):
    assert attributed_to(line) == name


def test_wire_dateline_with_a_day_is_the_place_not_text():
    place, paras = take_dateline(["Bank agrees deal", "LONDON, March 3 (Reuters) - The bank said it agreed to buy a rival."])
    assert place == "LONDON"
    assert paras[1] == "The bank said it agreed to buy a rival."


def test_a_dateline_with_its_year_dates_the_article():
    cleaned = clean("Envoy to visit Lusaka next week\n\nWASHINGTON, Feb. 5, 2024 - Envoy Ada Quill will travel to "
                    "Zambia next week, the State Department said on Monday.")
    assert (cleaned.place, cleaned.date) == ("WASHINGTON", "2024-02-05")
    assert cleaned.text.split("\n\n")[1].startswith("Envoy Ada Quill will travel")
    # without a year there is no date to take
    assert clean("Bank agrees deal\n\nLONDON, March 3 (Reuters) - The bank said it agreed to buy a rival "
                 "for a large sum.").date is None


@pytest.mark.parametrize("text, expected", [
    ("Senators Ana Ruiz, left, and Tom Hale, right, after a meeting.", "Senators Ana Ruiz and Tom Hale after a meeting."),
    ("Minister Ana Ruiz, second from left, greets Tom Hale.", "Minister Ana Ruiz greets Tom Hale."),
    ("Ana Ruiz, left, Tom Hale, center, and Eva Sol, right, pose.", "Ana Ruiz, Tom Hale and Eva Sol pose."),
    ("Envoy Tom Hale (R) arrives for talks.", "Envoy Tom Hale arrives for talks."),
    # only after a name: prose keeps its words
    ("the left, right, and center of the party", "the left, right, and center of the party"),
])
def test_photo_positions_are_dropped_after_names(text, expected):
    assert strip_photo_positions(text) == expected


def test_an_archive_photos_file_mark_is_dropped():
    from kg.clean import strip_photo_positions

    assert strip_photo_positions("FILE - Foreign Minister Ana Ruiz speaks in Lima.") == "Foreign Minister Ana Ruiz speaks in Lima."
    assert strip_photo_positions("FILE PHOTO: Tom Berg, left, and Eva Sol") == "Tom Berg and Eva Sol"
    assert strip_photo_positions("Filed papers show the deal.") == "Filed papers show the deal."


def test_a_file_mark_run_into_the_text_after_a_sentence_is_dropped():
    from kg.clean import strip_photo_positions

    text = "Talks ended on Monday. FILE - Chilean Navy Admiral Ana Ruiz (R) greets Tom Berg."
    assert strip_photo_positions(text) == "Talks ended on Monday. Chilean Navy Admiral Ana Ruiz greets Tom Berg."
    assert strip_photo_positions("The FILE - format stays.") == "The FILE - format stays."


def test_a_headline_run_into_the_lead_with_a_hyphen_is_split_off():
    from kg.clean import clean

    text = ("Anti-Government Marchers Defy Ban in Lima-Marchers who rallied on Monday vowed to return "
            "next week, organisers said.\n\nThe police made no arrests.")
    cleaned = clean(text)
    assert cleaned.title == "Anti-Government Marchers Defy Ban in Lima"
    assert cleaned.text.split("\n\n")[1].startswith("Marchers who rallied")
    # a hyphenated word at the start of a lead sentence is no headline
    assert clean("Jean-Paul Roth won the prize in Lima on Monday, officials said.").title is None
