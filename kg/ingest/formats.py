"""Input readers by file type: each turns one file's bytes into drafts (raw article text + metadata).

Registry `READERS` maps an extension to its reader. Supported:

- `.txt`: the whole file is one article; optional front matter.
- `.md` / `.markdown`: as `.txt`, with Markdown marks removed; a leading `# Heading` is the title.
- `.html` / `.htm`: trafilatura extracts the main text, title, date and author.
- `.jsonl`: one JSON object a line: `text` (required; or `html`), `id`, `title`, `date`, `url`,
  `source`, `author`. A record without `id` gets `<file id>-<line number>`.
- `.json`: one such object, or an array of them (`<file id>-<index>` from 1 when `id` is missing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from kg.ingest.meta import pick, split_front_matter
from kg.ingest.sources import Source, declared_charset, decode
from kg.types import Skipped


@dataclass(frozen=True)
class Draft:
    """One article's raw text before cleaning, with the metadata its file carried."""

    id: str
    text: str
    origin: str  # the file to name in messages
    line: int | None = None  # line of a JSON Lines record
    meta: Mapping[str, str] = field(default_factory=dict)
    html: bool = False  # text came out of trafilatura: one paragraph a line


Reader = Callable[[Source, bytes], Iterator["Draft | Skipped"]]


def read_text(source: Source, data: bytes) -> Iterator[Draft | Skipped]:
    text = decode(data, source.name)
    if isinstance(text, Skipped):
        yield text
        return
    meta, body = split_front_matter(text)
    yield Draft(source.id, body, source.name, meta=meta)


def read_markdown(source: Source, data: bytes) -> Iterator[Draft | Skipped]:
    for draft in read_text(source, data):
        if isinstance(draft, Skipped):
            yield draft
            continue
        meta = dict(draft.meta)
        if not meta.get("title") and (m := re.match(r"\s*#\s+(.+?)\s*#*\s*\n", draft.text)):
            meta["title"] = strip_markdown(m[1]).strip()
        yield Draft(draft.id, strip_markdown(draft.text), draft.origin, meta=meta)


_MD_RULES = [
    (re.compile(r"^```.*?^```[ \t]*$", re.M | re.S), ""),  # code blocks are not prose
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M), ""),  # link reference definitions
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M), r"\n\1\n"),  # headings: own paragraph
    (re.compile(r"^(.+)\n[=-]{3,}\s*$", re.M), r"\n\1\n"),  # setext headings
    (re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.M), ""),  # horizontal rules
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),  # list bullets
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
]


def strip_markdown(text: str) -> str:
    """Markdown to plain text: marks removed, link text kept, each heading its own paragraph."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def read_html(source: Source, data: bytes) -> Iterator[Draft | Skipped]:
    text = decode(data, source.name, fallback=declared_charset(data))
    if isinstance(text, Skipped):
        yield text
        return
    yield _html_draft(source.id, text, source.name, None, {})


def _html_draft(
    article_id: str, html: str, origin: str, line: int | None, meta: Mapping[str, str]
) -> Draft | Skipped:
    import trafilatura  # slow to import; only pages need it

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # trafilatura 2 returns a Document, 1.x a dict.
    fields = doc if isinstance(doc, dict) or doc is None else doc.as_dict()
    if not fields or not (fields.get("text") or "").strip():
        return Skipped(origin, "no article text found in the HTML page", line)
    found = pick({key: fields.get(key) for key in ("title", "date", "author", "url")})
    return Draft(article_id, fields["text"], origin, line, {**found, **meta}, html=True)


def read_jsonl(source: Source, data: bytes) -> Iterator[Draft | Skipped]:
    yield from _not_an_export(_jsonl_records(source, data), source.name)


def _jsonl_records(source: Source, data: bytes) -> Iterator[Draft | Skipped]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        text = decode(raw, source.name, line=number)
        if isinstance(text, Skipped):
            yield text
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as err:
            yield Skipped(source.name, f"malformed JSON line: {err.msg} at column {err.colno}", number)
            continue
        yield _record_draft(record, f"{source.id}-{number}", source.name, number)


def read_json(source: Source, data: bytes) -> Iterator[Draft | Skipped]:
    text = decode(data, source.name)
    if isinstance(text, Skipped):
        yield text
        return
    try:
        records = json.loads(text)
    except json.JSONDecodeError as err:
        yield Skipped(source.name, f"malformed JSON: {err.msg} at column {err.colno}", err.lineno)
        return
    if isinstance(records, dict):
        yield _record_draft(records, source.id, source.name, None)
        return
    if not isinstance(records, list):
        yield Skipped(source.name, "a .json input must hold an article object or an array of them")
        return
    drafts = (
        _record_draft(record, f"{source.id}-{index}", source.name, None, where=f"record {index}: ")
        for index, record in enumerate(records, start=1)
    )
    yield from _not_an_export(drafts, source.name)


_NO_TEXT = "has no 'text'"


def _not_an_export(items: Iterator[Draft | Skipped], origin: str) -> Iterator[Draft | Skipped]:
    """Report a JSON file none of whose records has text once, not once a record.

    Folders often hold other JSON Lines files (gold data, entity lists) beside the articles.
    """
    held: list[Skipped] = []
    seen_text = False
    for item in items:
        if not seen_text and isinstance(item, Skipped) and _NO_TEXT in item.reason:
            held.append(item)
            continue
        if isinstance(item, Draft) and not seen_text:
            seen_text = True
            yield from held  # an export after all: report its text-less records one by one
        yield item
    if held and not seen_text:
        yield Skipped(origin, f"not an article export: none of its {len(held)} records has a 'text' field")


def _record_draft(
    record: object, fallback_id: str, origin: str, line: int | None, where: str = ""
) -> Draft | Skipped:
    """A JSON record as a draft; `fallback_id` when it has no `id`."""
    if not isinstance(record, dict):
        found = type(record).__name__
        return Skipped(origin, f"{where}expected a JSON object with a 'text' field, found {found}", line)
    article_id = str(record.get("id") or "").strip() or fallback_id
    meta = pick(record)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return Draft(article_id, text, origin, line, meta)
    if isinstance(html, str) and html.strip():
        return _html_draft(article_id, html, origin, line, meta)
    return Skipped(origin, f"record {article_id!r} {_NO_TEXT} field (a non-empty string)", line)


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".json": read_json,
}
RECORD_SUFFIXES = (".jsonl", ".json")


def reader_for(source: Source, data: bytes) -> Reader:
    """The reader for a file's extension; stdin and unknown extensions are sniffed from the first byte."""
    if source.suffix in READERS:
        return READERS[source.suffix]
    head = data.lstrip()[:1]
    return {b"{": read_jsonl, b"[": read_json, b"<": read_html}.get(head, read_text)
