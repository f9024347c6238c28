"""Time expressions normalised to ISO dates against the article's date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kg.types import TimeExpr

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
# Day and month names, as words other stages recognise ("to Lima Monday").
WEEKDAYS = frozenset(_WEEKDAYS)
MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name if name)
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _weekday(ref: date, weekday: int, *, future: bool) -> date:
    """The named weekday nearest the reference: the past one for past tense, else the next."""
    delta = (weekday - ref.weekday()) % 7
    if future:
        return ref + timedelta(days=delta)
    return ref - timedelta(days=(7 - delta) % 7)


def _month_day(text: str, ref: date | None) -> date | None:
    m = re.search(r"\b([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", text) or None
    d = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)(?:,?\s+(\d{4}))?\b", text)
    for match, month_group, day_group in ((m, 1, 2), (d, 2, 1)):
        if not match or match.group(month_group).lower() not in _MONTHS:
            continue
        year = int(match.group(3)) if match.group(3) else (ref.year if ref else None)
        if year is None:
            return None
        try:
            return date(year, _MONTHS[match.group(month_group).lower()], int(match.group(day_group)))
        except ValueError:
            return None
    return None


def normalise(text: str, reference: str | None, *, future: bool = False) -> TimeExpr:
    """A TimeExpr with an ISO date when `text` names a day that the reference date pins down."""
    ref = _parse_iso(reference)
    words = text.lower().replace(",", " ").split()
    found: date | None = None
    if iso := re.search(r"\b(\d{4}-\d{2}-\d{2})\b", text):
        found = _parse_iso(iso.group(1))
    elif ref and (rel := next((w for w in words if w in _RELATIVE_DAYS), None)):
        found = ref + timedelta(days=_RELATIVE_DAYS[rel])
    elif ref and (wd := next((w for w in words if w in _WEEKDAYS), None)) and not _month_day(text, ref):
        found = _weekday(ref, _WEEKDAYS[wd], future=future or "next" in words)
        if "last" in words and found == ref:
            found -= timedelta(days=7)
    else:
        found = _month_day(text, ref)
    return TimeExpr(text=text, date=found.isoformat() if found else None)
