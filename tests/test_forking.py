"""kg.forking: work in a forked copy of the process gives back its result, or its error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.forking import forked


def _write_marker(path: Path) -> str:
    path.write_text("drawn", encoding="utf-8")
    return path.read_text(encoding="utf-8")


def _fail(path: Path) -> None:
    raise PermissionError(f"cannot write {path}")


def test_a_forked_writer_writes_its_file_and_its_error_reaches_the_parent(tmp_path):
    done = forked(_write_marker, tmp_path / "page.html")
    if done is None:
        pytest.skip("this platform cannot fork")
    assert done() == "drawn"
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == "drawn"
    failed = forked(_fail, tmp_path / "other.html")
    with pytest.raises(PermissionError, match="other.html"):
        failed()
