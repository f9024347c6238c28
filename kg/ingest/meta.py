"""Metadata that travels beside an article: front matter, `NAME.meta.json` sidecars, `meta.jsonl` manifests.

All three give the same keys: `title`, `date`, `url`, `source`, `author`, `place`. Precedence for
one article, strongest first: sidecar, front matter, the nearest manifest, then what the content
itself says (HTML metadata, a "Published on" line), then `--date`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from kg.types import Skipped

META_KEYS = ("title", "date", "url", "source", "author", "place")
SIDECAR_SUFFIX = ".meta.json"
MANIFEST_NAME = "meta.jsonl"

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


def pick(record: Mapping[str, object]) -> dict[str, str]:
    """The known metadata keys of a record, as non-empty strings ("url" also read from "link")."""
    out = {}
    for key in (*META_KEYS, "link"):
        value = record.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            out["url" if key == "link" else key] = str(value).strip()
    return out


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading `---\\nkey: value\\n---` block off the text; other lines in it are ignored."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields = {}
    for line in m["body"].splitlines():
        if kv := _KEY_VALUE.match(line):
            fields[kv["key"].lower()] = kv["value"].strip("'\"")
    return pick(fields), text[m.end() :]


def sidecar_path(path: Path, suffix: str) -> Path:
    """`NAME.meta.json` beside `NAME<suffix>`."""
    return path.with_name(path.name[: len(path.name) - len(suffix)] + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str] | Skipped:
    """The metadata in one sidecar file, or why it cannot be used."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return Skipped(str(path), "metadata sidecar is not UTF-8; re-save it as UTF-8")
    except json.JSONDecodeError as err:
        detail = f"metadata sidecar is not valid JSON: {err.msg} (column {err.colno})"
        return Skipped(str(path), detail, err.lineno)
    if not isinstance(record, dict):
        return Skipped(str(path), "metadata sidecar must hold one JSON object")
    return pick(record)


def read_manifest(path: Path) -> tuple[dict[str, dict[str, str]], list[Skipped]]:
    """Metadata by article id from a `meta.jsonl` manifest (one `{"id": ..., "date": ...}` a line)."""
    by_id: dict[str, dict[str, str]] = {}
    problems = []
    for number, record in _json_lines(path):
        if isinstance(record, Skipped):
            problems.append(record)
        elif not isinstance(record, dict) or not record.get("id"):
            problems.append(Skipped(str(path), "manifest line needs a JSON object with an 'id'", number))
        else:
            by_id[str(record["id"])] = pick(record)
    return by_id, problems


def _json_lines(path: Path) -> Iterator[tuple[int, object]]:
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            yield number, Skipped(str(path), f"malformed JSON line: {err}", number)


class Manifests:
    """Finds and caches the `meta.jsonl` manifests that apply to a file."""

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[dict[str, dict[str, str]], list[Skipped]]] = {}

    def problems(self, folders: list[Path]) -> list[Skipped]:
        """Bad lines in the manifests of these folders, each reported once (on first lookup)."""
        found = []
        for folder in folders:
            if folder not in self._cache:
                manifest = folder / MANIFEST_NAME
                self._cache[folder] = read_manifest(manifest) if manifest.is_file() else ({}, [])
                found.extend(self._cache[folder][1])
        return found

    def lookup(self, article_id: str, folders: list[Path]) -> dict[str, str]:
        """Merged metadata for an id; `folders` run from the farthest to the nearest."""
        merged: dict[str, str] = {}
        for folder in folders:
            merged.update(self._cache.get(folder, ({}, []))[0].get(article_id, {}))
        return merged
