"""Where articles come from: expanding input paths, and a file's bytes into text (or a reason not to)."""

from __future__ import annotations

import codecs
import fnmatch
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kg.errors import E, KGError
from kg.ingest.meta import MANIFEST_NAME, SIDECAR_SUFFIX
from kg.types import Skipped

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One file to read, with the folders whose `meta.jsonl` manifests apply (farthest first)."""

    path: Path | None  # None for stdin
    suffix: str  # the known extension, lower-cased ("" when none is known)
    manifest_folders: tuple[Path, ...] = ()

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "<stdin>"

    @property
    def id(self) -> str:
        """File name less its known extension, stripped once: `AG_2016.04.19.3291980.txt` keeps its dots."""
        if self.path is None:
            return "stdin"
        name = self.path.name
        return name[: len(name) - len(self.suffix)] if self.suffix else name


def known_suffix(name: str, suffixes: Sequence[str]) -> str:
    """The longest registered extension `name` ends with (case-insensitive), else ""."""
    lowered = name.lower()
    return max((s for s in suffixes if lowered.endswith(s) and len(lowered) > len(s)), key=len, default="")


def expand(inputs: Sequence[str | Path], suffixes: Sequence[str], glob: str | None) -> list[Source]:
    """Every file to read, in a fixed order: inputs as given, each folder's files sorted by relative path.

    Raises KGError(INPUT_MISSING) for a path that does not exist, before anything is read. In folders,
    hidden files, sidecars, manifests and files of other types are passed over; a file named
    explicitly is read whatever its extension (as plain text when it has none we know).
    """
    missing = [str(i) for i in inputs if str(i) != STDIN and not Path(i).exists()]
    if missing:
        raise KGError(E.INPUT_MISSING, path=missing[0])
    sources: list[Source] = []
    seen: set[Path] = set()
    for item in inputs:
        if str(item) == STDIN:
            sources.append(Source(None, ""))
            continue
        root = Path(item)
        for source in _walk(root, suffixes, glob) if root.is_dir() else [_file(root, suffixes)]:
            if source.path.resolve() not in seen:  # the same file named twice is read once
                seen.add(source.path.resolve())
                sources.append(source)
    return sources


def _file(path: Path, suffixes: Sequence[str]) -> Source:
    return Source(path, known_suffix(path.name, suffixes), (path.parent,))


def _walk(root: Path, suffixes: Sequence[str], glob: str | None) -> Iterator[Source]:
    files = sorted((p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())
    for path in files:
        rel = PurePosixPath(path.relative_to(root).as_posix())
        if any(part.startswith(".") for part in rel.parts) or _is_metadata(path.name):
            continue
        if glob and not (fnmatch.fnmatch(str(rel), glob) or rel.match(glob)):
            continue
        suffix = known_suffix(path.name, suffixes)
        if suffix:
            # Manifests apply from the input folder's parent down to the file's own folder.
            chain = [root.parent, root, *(root / Path(*rel.parts[:i]) for i in range(1, len(rel.parts)))]
            yield Source(path, suffix, tuple(chain))


def _is_metadata(name: str) -> bool:
    return name.lower().endswith(SIDECAR_SUFFIX) or name.lower() == MANIFEST_NAME


# ---------------------------------------------------------------------------------------------
# Bytes -> text

_BINARY_SAMPLE = 8192


def check_size(source: Source, max_bytes: int) -> Skipped | None:
    size = source.path.stat().st_size if source.path else 0
    if size > max_bytes:
        limit = f"over the limit of {max_bytes:,}; raise --max-bytes to read it"
        return Skipped(source.name, f"file is {size:,} bytes, {limit}")
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # all but tab, LF, FF, CR


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (UTF-16 text with a BOM is not binary)."""
    sample = data[:_BINARY_SAMPLE]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted in C, not per byte in Python
    return controls > len(sample) * 0.05


def decode(data: bytes, name: str, *, line: int | None = None, fallback: str | None = None) -> str | Skipped:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16 text; otherwise say which byte is bad and where."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Skipped(name, "file starts with a UTF-16 byte-order mark but is not valid UTF-16", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if fallback:
            return data.decode(fallback, errors="replace")
        bad_line = line if line is not None else 1 + data.count(b"\n", 0, err.start)
        return Skipped(
            name,
            f"not UTF-8 text: byte 0x{data[err.start]:02X} cannot be decoded (probably Latin-1 or "
            f"Windows-1252); re-save the file as UTF-8",
            bad_line,
        )


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` tag, when Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m[1].decode("ascii")).name
    except LookupError:
        return None
