"""Is this text English? A deterministic function-word test, with langdetect to name the language."""

from __future__ import annotations

import re

# The commonest English function words. Running English prose has 35-50 % of its words in this
# list; French, German, Spanish or Turkish prose has under 10 % (only loans like "a", "in", "die").
_FUNCTION_WORDS = frozenset(
    """a about after against all also an and are as at be been before between but by can could
    did do does for from had has have he her his how i if in into is it its more most my no not
    of on or our out over said says she should so some such than that the their them then there
    these they this those through to under up was we were what when where which while who will
    with would you""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

MIN_WORDS = 20  # below this the test cannot tell; short texts pass
MIN_RATIO = 0.15


def english_ratio(text: str) -> tuple[float, int]:
    """Share of words that are English function words, and the number of words counted."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if not words:
        return 0.0, 0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words), len(words)


def is_english(text: str) -> bool:
    ratio, count = english_ratio(text)
    return count < MIN_WORDS or ratio >= MIN_RATIO


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code from langdetect (seeded, so repeatable), or None when it cannot say."""
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        return detect(text[:5_000])
    except LangDetectException:
        return None
