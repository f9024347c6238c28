"""Ingest: files, folders, JSON Lines or stdin -> cleaned `Article` records, and `Skipped` for the rest.

    for item in read_articles(["news/", "export.jsonl"], default_date="2024-05-01"):
        ...  # Article or Skipped, in a fixed order

One bad file never stops the run: it becomes a `Skipped(source, reason, line)`. Only an input path
that does not exist raises (KGError INPUT_MISSING), when `read_articles` is called.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from kg.clean import clean, parse_date
from kg.errors import E, KGError
from kg.ingest.formats import READERS, RECORD_SUFFIXES, Draft, reader_for
from kg.ingest.language import english_ratio, guess_language, is_english
from kg.ingest.meta import Manifests, read_sidecar, sidecar_path
from kg.ingest.sources import STDIN, Source, check_size, expand, is_binary
from kg.types import Article, Skipped

__all__ = ["read_articles", "SUPPORTED", "STDIN"]

SUPPORTED = tuple(READERS)


def read_articles(
    inputs: Sequence[str | Path],
    *,
    glob: str | None = None,
    default_date: str | None = None,
    max_bytes: int = 5_000_000,
    lang: str | None = None,
    seen_hashes: Collection[str] = (),
) -> Iterator[Article | Skipped]:
    """Read every input and yield its articles, cleaned, or why each one was skipped.

    inputs: files, folders (read recursively, sorted; `glob` filters relative paths), or "-" for stdin.
    default_date: ISO date for articles whose date is not known otherwise.
    max_bytes: larger files (and larger JSON records) are skipped.
    lang: None to skip text that is not English; a language code to process everything as that language.
    seen_hashes: content hashes already built (a mapping hash -> article id names them in messages);
        articles with these hashes, or the hash of an earlier article in this run, are skipped.
    """
    if default_date is not None and parse_date(default_date) != default_date:
        raise KGError(E.BAD_DATE, value=default_date)
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    sources = expand(inputs, SUPPORTED, glob)  # raises now, not on first iteration
    return _read(sources, default_date, max_bytes, lang, seen_hashes)


def _read(
    sources: list[Source],
    default_date: str | None,
    max_bytes: int,
    lang: str | None,
    seen_hashes: Collection[str],
) -> Iterator[Article | Skipped]:
    manifests = Manifests()
    known = dict(seen_hashes) if isinstance(seen_hashes, Mapping) else dict.fromkeys(seen_hashes)
    earlier: dict[str, str | None] = {h: (f"{i!r}, already built" if i else None) for h, i in known.items()}
    ids: set[str] = set()
    for source in sources:
        yield from manifests.problems(list(source.manifest_folders))
        for item in _drafts(source, max_bytes):
            if isinstance(item, Skipped):
                yield item
                continue
            meta = {**manifests.lookup(item.id, list(source.manifest_folders)), **item.meta}
            article = to_article(item, meta, default_date=default_date, max_bytes=max_bytes, lang=lang)
            if isinstance(article, Article):
                article = _checked(article, item, earlier, ids)
            yield article


def _drafts(source: Source, max_bytes: int) -> Iterator[Draft | Skipped]:
    """Read one file's bytes and hand them to its format's reader, after the checks every file gets."""
    # JSON exports hold many articles: their size limit applies to each record (in `to_article`).
    if source.suffix not in RECORD_SUFFIXES and (too_big := check_size(source, max_bytes)):
        yield too_big
        return
    data = source.path.read_bytes() if source.path else sys.stdin.buffer.read()
    if not data.strip():
        yield Skipped(source.name, "empty file")
        return
    if is_binary(data):
        yield Skipped(source.name, "binary file, not text")
        return
    sidecar: dict[str, str] = {}
    if source.path and (side := sidecar_path(source.path, source.suffix)).is_file():
        found = read_sidecar(side)
        if isinstance(found, Skipped):
            yield found  # the article is still read, without the sidecar's metadata
        else:
            sidecar = found
    for draft in reader_for(source, data)(source, data):
        if isinstance(draft, Draft) and sidecar:
            draft = replace(draft, meta={**draft.meta, **sidecar})
        yield draft


def to_article(
    draft: Draft, meta: Mapping[str, str], *, default_date: str | None, max_bytes: int, lang: str | None
) -> Article | Skipped:
    """Clean a draft and decide whether it is an article: big enough, not empty, in the right language."""
    size = len(draft.text.encode("utf-8"))
    if size > max_bytes:
        return Skipped(
            draft.origin,
            f"article text is {size:,} bytes, over the limit of {max_bytes:,}; raise --max-bytes to read it",
            draft.line,
        )
    text = draft.text.replace("\n", "\n\n") if draft.html else draft.text  # trafilatura: a block a line
    cleaned = clean(text, title=meta.get("title"))
    if not cleaned.text:
        return Skipped(draft.origin, "no article text left after removing boilerplate", draft.line)
    if lang is None and not is_english(cleaned.text):
        return Skipped(draft.origin, _not_english(cleaned.text), draft.line)
    date = parse_date(meta.get("date", "")) or cleaned.date or default_date
    return Article(
        id=draft.id,
        text=cleaned.text,
        title=cleaned.title,
        date=date,
        source=_url(meta.get("url")) or _url(meta.get("source")) or draft.origin,
        place=meta.get("place") or cleaned.place,
        author=meta.get("author") or cleaned.author,
    )


def _url(value: str | None) -> str | None:
    """The URL in a metadata value ("https://... (archived copy)"), if there is one."""
    m = re.search(r"\b[a-z][a-z0-9+.-]*://\S+", value or "")
    return m[0] if m else None


def _not_english(text: str) -> str:
    ratio, words = english_ratio(text)
    code = guess_language(text)
    language = f"looks like {code!r}" if code else "language unknown"
    hint = f"--lang {code}" if code else "--lang CODE"
    return (
        f"not English ({language}; {ratio:.0%} of {words} words are English function words); "
        f"pass {hint} to process it anyway"
    )


def _checked(
    article: Article, draft: Draft, earlier: dict[str, str | None], ids: set[str]
) -> Article | Skipped:
    """Skip a duplicate of an earlier article; give a reused id a numeric suffix (`x`, `x-2`, ...)."""
    digest = article.content_hash
    if digest in earlier:
        what = f"article {earlier[digest]}" if earlier[digest] else "an article already built"
        return Skipped(draft.origin, f"duplicate: same text as {what}", draft.line)
    article_id, n = article.id, 1
    while article_id in ids:
        n += 1
        article_id = f"{article.id}-{n}"
    ids.add(article_id)
    earlier[digest] = repr(article_id)
    if article_id != article.id:
        article = replace(article, id=article_id)
    return article
