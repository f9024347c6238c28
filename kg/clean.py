"""Cleaning: raw article text -> repaired, normalised paragraphs with the boilerplate removed.

Each step is a small function over a string or a list of paragraphs; `clean` runs them in order.
Boilerplate is *removed* (not kept as `Article.excluded` spans), so every offset downstream refers
to the cleaned text, which is what gets parsed and stored.

The rules look at line features only: position in the article, length, markers ("More like
this", "All rights reserved", an upper-case place before a dash), run-together menu words, and
repetition. None of them names a person, place or sentence of any particular article.

Output shape: paragraphs joined by one blank line, no newline inside a paragraph. Headings stay
as their own paragraphs, and the headline (when the text has one) is the first paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import ftfy


@dataclass(frozen=True)
class Cleaned:
    """What cleaning found: the text to parse, and the metadata lifted out of it."""

    text: str
    title: str | None = None
    place: str | None = None  # dateline place, as written ("LIMA", "WASHINGTON, D.C.")
    author: str | None = None  # from a "By ..." byline
    date: str | None = None  # from a "Published on <date>" line


# ftfy's defaults also straighten curly quotes; we keep the publisher's typography and only
# repair encoding damage. Normalisation is a separate step (`normalize_unicode`).
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, normalization=None, explain=False)


def repair_text(text: str) -> str:
    """Undo mojibake (UTF-8 read as Windows-1252/1250, ...) and HTML entities left in text.

    ftfy restores the encoding layer only: "CĂ©journe" (UTF-8 "é" read as Windows-1250) becomes
    "Céjourne"; letters the publisher dropped are not invented.
    """
    return ftfy.fix_text(text, _FTFY)


def normalize_unicode(text: str) -> str:
    """NFC-compose, unify line breaks, and turn odd spaces (NBSP, tabs, zero-width) into plain ones."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return re.sub(r"[^\S\n]+", " ", text)


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_MDY = re.compile(r"^(?:\w+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"^(?:\w+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def parse_date(value: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from "2024-05-03", "2024-05-03T10:00Z", "May 3, 2024" or "3 May 2024"."""
    value = value.strip()
    if m := _ISO_DATE.match(value):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _MDY.match(value):
        mo, d, y = _MONTHS.get(m[1][:3].lower(), 0), int(m[2]), int(m[3])
    elif m := _DMY.match(value):
        d, mo, y = int(m[1]), _MONTHS.get(m[2][:3].lower(), 0), int(m[3])
    else:
        return None
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Paragraphs


_TERMINAL = ('.', '!', '?', '"', '”', '’', "'", ')', ':')


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per non-blank line, except hard-wrapped blocks, which are joined back up."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _is_hard_wrapped(lines):
            paragraphs.append(_join_wrapped(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Lines of near-equal width (40-100 chars) that mostly stop mid-sentence: a wrapped paragraph."""
    body = [len(line) for line in lines[:-1]]
    if not body or min(body) < 40 or max(body) > 100 or max(body) - min(body) > 30:
        return False
    open_ends = sum(not line.endswith(_TERMINAL) for line in lines[:-1])
    return open_ends * 2 >= len(body)


def _join_wrapped(lines: Sequence[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        # A word hyphenated at the line end ("negoti-\nations") is rejoined without the hyphen.
        if re.search(r"[a-z]-$", out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def is_headline(line: str) -> bool:
    """A short line that starts with a capital or digit and does not end like a sentence."""
    words = line.split()
    return (
        2 <= len(words) <= 20
        and len(line) <= 160
        and (line[0].isupper() or line[0].isdigit() or line[0] in "'\"‘“")
        and not line.endswith((".", ",", ";", ":"))
    )


# ---------------------------------------------------------------------------------------------
# Line predicates: each says whether one paragraph is boilerplate of one kind.

# A short line that is just a site widget, label or press-office heading.
_STUB = re.compile(
    r"^(more|read more|continue reading|show more|load more|(published|updated|posted)( on| at)?|share|"
    r"share this( article| story)?|print|e-?mail|tweet|whatsapp|facebook|twitter|linkedin|"
    r"advertisement|advertising|sponsored( content)?|comments?|\d+ comments?|menu|home|search|"
    r"close|skip to (main )?content|subscribe|sign in|log ?in|sign up|follow us|loading\.*|"
    r"breaking( news)?|exclusive|analysis|opinion|watch|listen|video|photos?|gallery|"
    r"listen to this article|begin text|end text|press (statement|release|briefing)|"
    r"media (note|advisory)|readout|for immediate release|"
    r"office of the (spokes(person|man|woman)|press secretary|press office|spokesperson for [\w ]+))"
    r"\W*$",
    re.IGNORECASE,
)
_DATE_STUB = re.compile(
    r"^(published|updated|last updated|posted|first published)( on| at)?\s*:?\s*(?P<rest>.*)$", re.I
)
_CAPTION = re.compile(r"^(file )?(photo|image|picture|video)( credit)?s?\s*:", re.I)
# Two lower-case letters run into a capital ("HomeMicro NewsPolitics"): menu items pasted together.
_MENU_JOIN = re.compile(r"[a-z]{2}(?=[A-Z])")
_CRUMB_SEP = re.compile(r"\s(?:\||›|»|>|/|•|·)\s")
_LEGAL = re.compile(
    r"^\W*(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4})|legal (warning|notice)|disclaimer\s*:|"
    r"terms (of|and) (use|service|conditions)|privacy policy)"
    r"|\ball rights\b.{0,80}\breserved\b"
    r"|\bwithout (a |the |our )?(prior )?written (permission|consent|contract|authori[sz]ation)",
    re.IGNORECASE,
)
_PUBLICATION_NOTE = re.compile(
    r"^(this|the) (story|article|report|piece|post|content)\b.{0,40}?\b(was|is|has been)?\s*"
    r"(first |originally )?(published|appeared|posted|produced)\b"
    r"|^(originally|first) (published|appeared|posted)\b"
    r"|^((additional )?reporting|writing|editing|compiled|translated|produced) by\b"
    r"|^(source|via|credit)s?\s*:\s*\S+(\s\S+){0,4}$",
    re.IGNORECASE,
)
# "The below is attributable to Spokesperson X:" -- not "The rise was attributable to oil prices."
_ATTRIBUTION = re.compile(
    r"^(the )?(following|below|above)\b.{0,30}\battributable to\b|\battributable to\b.*:$", re.I
)
_TEASER_MARKER = re.compile(
    r"^(more like this|related|related (articles?|stories|news|posts|content|coverage|topics|links|reading)|"
    r"read (more|also|next)|also read|see also|you (may|might) also (like|be interested in)|"
    r"recommended( for you| stories| articles)?|more (stories|news|articles|from [\w .'-]+)|"
    r"most (read|popular|viewed)|trending( now| stories)?|latest (news|stories)|top stories|"
    r"editor'?s'? picks|what to read next|don'?t miss|popular (now|stories))\W*$",
    re.IGNORECASE,
)
# "Related: <headline>" or "Read more: <headline>" inside the body: a link, not text.
_INLINE_TEASER = re.compile(r"^(related|read (more|also)|also read|see also|recommended)\s*:\s*\S", re.I)
_BYLINE = re.compile(
    r"^(?:[Ww]ritten |[Rr]eported )?[Bb][Yy]:?\s+"
    r"(?P<name>[A-Z][\w.'’-]*(\s+([A-Z][\w.'’-]*|and|&|de|van|von|da|al|bin|el)){0,6})"
    r"\s*([,|]\s*[\w .'’&-]{0,40}|\([\w .'’&-]{0,40}\))?$"
)


def is_navigation(line: str) -> bool:
    """Menu words run together or separated by breadcrumb marks, never a sentence."""
    if len(line) > 200 or line.endswith((".", "!", "?")):
        return False
    if len(_MENU_JOIN.findall(line)) >= 2:
        return True
    parts = _CRUMB_SEP.split(line)
    return len(parts) >= 3 and all(len(part.split()) <= 4 for part in parts)


def is_stub(line: str) -> bool:
    """A widget label ("More", "Share"), a bare "Published on <date>" line or a photo caption label."""
    if len(line) > 80:
        return False
    return bool(_STUB.match(line) or _CAPTION.match(line) or stub_date(line) is not None)


def stub_date(line: str) -> str | None:
    """The date of a "Published on 3 May 2024" / "Updated: 2024-05-03" line, else None."""
    m = _DATE_STUB.match(line) if len(line) <= 80 else None
    return parse_date(m["rest"]) if m and m["rest"] else None


def is_legal_notice(line: str) -> bool:
    """A copyright or reuse notice ("All rights reserved", "LEGAL WARNING: ...", "© 2024 ...")."""
    return len(line) <= 800 and bool(_LEGAL.search(line))


def is_publication_note(line: str) -> bool:
    """"This story was first published on ...", "Reporting by ...", "Source: ..."."""
    return len(line) <= 250 and bool(_PUBLICATION_NOTE.search(line))


def is_attribution(line: str) -> bool:
    """A press readout's "The below is attributable to Spokesperson X:" line."""
    return len(line.split()) <= 20 and bool(_ATTRIBUTION.search(line))


def attributed_to(line: str) -> str | None:
    """Who a readout's attribution line names ("... attributable to Spokesperson Tom Hale:")."""
    if not is_attribution(line):
        return None
    from kg.extract.lexicon import TITLE_HEADS

    words = line.split("attributable to", 1)[-1].strip(" :").split()
    heads = [i for i, w in enumerate(words) if w.lower() in TITLE_HEADS]
    words = words[heads[-1] + 1:] if heads else words  # the name follows the last title word
    name = " ".join(words)
    return name if name and all(w[:1].isupper() for w in words) and len(words) <= 4 else None


def is_teaser_marker(line: str) -> bool:
    """A heading that starts a block of links to other stories ("More like this", "Related")."""
    return len(line.split()) <= 6 and bool(_TEASER_MARKER.match(line))


def is_inline_teaser(line: str) -> bool:
    return len(line.split()) <= 25 and not line.endswith(".") and bool(_INLINE_TEASER.match(line))


def byline(line: str) -> str | None:
    """The author's name in a "By Jane Doe, Reuters" line, else None."""
    m = _BYLINE.match(line) if len(line) <= 100 and not line.endswith(".") else None
    return m["name"].strip() if m else None


def is_boilerplate(line: str) -> bool:
    """Any line that is boilerplate wherever it stands."""
    return (
        is_navigation(line)
        or is_stub(line)
        or is_publication_note(line)
        or is_attribution(line)
        or is_inline_teaser(line)
    )


# ---------------------------------------------------------------------------------------------
# Paragraph-list steps


def cut_tail(paragraphs: Sequence[str]) -> list[str]:
    """Drop a teaser marker or legal notice; in the article's second half, drop all that follows too.

    Publishers put "More like this" blocks and copyright notices at the end of the story; what comes
    after them is other stories' teasers and site chrome, never the article.
    """
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        if is_teaser_marker(para) or is_legal_notice(para):
            if i * 2 >= len(paragraphs):
                break
            continue
        kept.append(para)
    return kept


def drop_repeats(paragraphs: Iterable[str]) -> list[str]:
    """Keep the first of paragraphs that repeat (a headline printed twice, a pasted block)."""
    seen: set[str] = set()
    kept = []
    for para in paragraphs:
        key = re.sub(r"\W+", " ", para).casefold().strip()
        if key in seen:
            continue
        seen.add(key)
        kept.append(para)
    return kept


# Reader calls to comment: "Welcome to leave a message", "Let us know in the comments".
_READER_CALL = re.compile(
    r"\b(leave|post|drop) (us )?(a |your )?(comments?|messages?|reply|replies|thoughts)\b"
    r"|\blet us know\b|\b(share|tell us) your (thoughts|views|opinions?|comments)\b"
    r"|\bcomment below\b|\bin the comments\b|\bjoin the (conversation|discussion|debate)\b"
    r"|\bwhat do you think\b|\bsubscribe to our\b|\bfollow us on\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def strip_reader_calls(paragraphs: Sequence[str], *, tail: int = 2) -> list[str]:
    """Remove reader calls to comment from the last `tail` paragraphs, with the question before them."""
    head, last = list(paragraphs[:-tail]), paragraphs[-tail:]
    for para in last:
        sentences = _split_sentences(para)
        calls = [i for i, s in enumerate(sentences) if _is_reader_call(s)]
        if not calls:
            head.append(para)
            continue
        # The call and what follows go; so does a rhetorical question put to readers before it.
        kept = sentences[: calls[0]]
        while kept and kept[-1].endswith("?"):
            kept.pop()
        if kept:
            head.append(" ".join(kept))
    return head


def _is_reader_call(sentence: str) -> bool:
    """A short, unquoted sentence addressed to the reader (a quoted speaker's words never are)."""
    return (
        len(sentence.split()) <= 20
        and not re.search(r"[\"“”]|\bsaid\b|\bsays\b", sentence)
        and bool(_READER_CALL.search(sentence))
    )


def _split_sentences(para: str) -> list[str]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(para)]
    return [para[a:b].strip() for a, b in zip(starts, starts[1:] + [len(para)])]


def strip_agency_credit(para: str) -> str:
    """Drop a news agency's credit closing a paragraph: "... will continue. (ILKHA)"."""
    return re.sub(r"(?<=[.!?\"”])\s*\([A-Z][A-Z&./ -]{1,20}\)$", "", para)


# Where a person stands in a photo: "Senators Ana Ruiz, left, and Tom Hale", "Envoy
# Eva Sol (R)". A caption's stage direction breaks the parse of the names around it.
_PLACE_IN_PHOTO = r"(?:(?:second|third|far)\s+(?:from\s+)?)?(?:left|right|center|centre|front|back|top|bottom)"
_POSITION_IN_LIST = re.compile(rf"(\b[A-Z][\w.'’-]*),\s*{_PLACE_IN_PHOTO}\s*,(?=\s+[A-Z])")  # "X, left, Y, right, and Z"
_POSITION = re.compile(rf"(\b[A-Z][\w.'’-]*),\s*{_PLACE_IN_PHOTO}\s*,")
_POSITION_LETTER = re.compile(r"(\b[A-Z][\w.'’-]*)\s+\((?:L|R|C|left|right|center)\)")


# An archive photo's caption opens with "FILE -" (or "FILE PHOTO:"): no part of what it says.
_FILE_PHOTO = re.compile(r"^FILE(?: PHOTO)?\s*(?:[-\u2013\u2014]+|:)\s*(?=\S)", re.I)
# ... and so does one run into the text after a sentence, in capitals: "... said. FILE - Ana Ruiz ...".
_FILE_PHOTO_INLINE = re.compile(r"(?<=[.!?\"\u201d\u2019)] )FILE(?: PHOTO)?\s*(?:[-\u2013\u2014]+|:)\s*(?=[A-Z])")


def strip_photo_positions(para: str) -> str:
    """Drop a caption's "FILE -", and its ", left," or "(R)" after a name; the names and their
    commas stay."""
    para = _FILE_PHOTO_INLINE.sub("", _FILE_PHOTO.sub("", para))
    para = _POSITION_IN_LIST.sub(r"\1,", para)
    para = _POSITION.sub(r"\1", para)
    return _POSITION_LETTER.sub(r"\1", para)


# ---------------------------------------------------------------------------------------------
# Datelines

_CAPS_WORD = r"[A-Z][A-Z.'’&-]*"
_PLACE = (
    rf"(?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD})*"  # LIMA, NEW YORK, WASHINGTON/DALLAS
    r"(?:,\s*[A-Z][A-Za-z.'’&-]*(?:\s[A-Z][A-Za-z.'’&-]*){0,3})?)"  # , D.C. / , Italy
)
# "LONDON, March 3 (Reuters) -", "WASHINGTON, Feb. 5, 2024 -": wire datelines may carry the day.
_DAY = r"(?:,?\s*(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
_AGENCY = _DAY + r"(?:\s*\([A-Z][A-Za-z]{1,14}(?:[ /,]+[A-Z][A-Za-z]{1,14}){0,2}\))?"
_LONE_DATELINE = re.compile(rf"^{_PLACE}{_AGENCY}\W*$")
_LEAD_DATELINE = re.compile(rf"^{_PLACE}{_AGENCY}(?P<dash>\s*[—–]+|\s+--?)\s*-?\s*(?P<body>\S.*)$")
# Headline, dateline and body run together on one line: "Headline-SEOUL — -Body".
_INLINE_DATELINE = re.compile(
    rf"^(?P<head>.{{3,200}}?)[\s-]*(?<![A-Za-z]){_PLACE}{_AGENCY}\s*[—–]+\s*-?\s*(?P<body>\S.*)$"
)


# Upper-case words that open a line before a dash but are labels, not places ("FILE - A photo ...").
_NOT_PLACES = {"FILE", "PHOTO", "PHOTOS", "VIDEO", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH",
               "LIVE", "ANALYSIS", "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "EDITOR'S NOTE", "AUDIO"}


def _is_place(place: str) -> bool:
    head = place.split(",")[0].strip()
    return (
        sum(c.isupper() for c in head) >= 2
        and not any(c.islower() for c in head)
        and len(place.split()) <= 6
        and head not in _NOT_PLACES
    )


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= 8 and text.endswith((".", '"', "”"))


def take_dateline(paragraphs: Sequence[str], *, within: int = 3) -> tuple[str | None, list[str]]:
    """Find the dateline among the first paragraphs: return its place and the paragraphs without it.

    Three forms: a lone upper-case place line ("LIMA"), a place opening the lead paragraph
    ("WASHINGTON (AP) — The ..."), and a place between headline and lead on one line
    ("Headline-SEOUL — -The ..."), which is split into headline and lead paragraphs.
    """
    paras = list(paragraphs)
    for i, para in enumerate(paras[:within]):
        m = _LONE_DATELINE.match(para)
        if m and _is_place(m["place"]) and not any(c.islower() for c in para) and not is_stub(para):
            return m["place"].rstrip(" ,"), paras[:i] + paras[i + 1 :]
        m = _LEAD_DATELINE.match(para)
        # After a plain hyphen ("NATO - Russia Council") only a whole sentence makes it a dateline.
        if m and _is_place(m["place"]) and ("-" not in m["dash"] or _is_sentence(m["body"])):
            return m["place"].rstrip(" ,"), paras[:i] + [m["body"]] + paras[i + 1 :]
        m = _INLINE_DATELINE.match(para) if i == 0 else None
        if m and _is_place(m["place"]) and len(m["head"].split()) <= 25 and not m["head"].endswith("."):
            head = m["head"].rstrip(" -–—")
            return m["place"].rstrip(" ,"), [head, m["body"]] + paras[1:]
    return None, paras


def dateline_date(paragraphs: Sequence[str], *, within: int = 3) -> str | None:
    """The ISO date a dateline gives with its year ("WASHINGTON, Feb. 5, 2024 - ..."), else None."""
    for para in paragraphs[:within]:
        m = _LEAD_DATELINE.match(para) or _LONE_DATELINE.match(para) or _INLINE_DATELINE.match(para)
        if m and m["day"] and _is_place(m["place"]) and (found := parse_date(m["day"])):
            return found
    return None


# A headline run into the lead with a bare hyphen: "Rebels Take Key Town-The rebels said ...".
_GLUE = re.compile(r"(?<=[A-Za-z0-9'\u2019)])-(?=[A-Z\"\u201c])")


def split_glued_headline(paragraphs: Sequence[str]) -> list[str]:
    """Split a first paragraph that is a Title Case headline joined to the lead by a hyphen
    (no space on either side) into headline and lead. A hyphen inside the headline
    ("Anti-Government Marchers ...") is no split: the headline must read as one, the rest as prose."""
    paras = list(paragraphs)
    if not paras:
        return paras
    for m in _GLUE.finditer(paras[0], 0, 160):
        head, body = paras[0][: m.start()], paras[0][m.end():]
        words = [w for w in head.split() if len(w) > 3 and w[0].isalpha()]
        if len(head.split()) >= 3 and is_headline(head) and words \
                and sum(w[0].isupper() for w in words) / len(words) > 0.6 and _is_sentence(body):
            return [head, body] + paras[1:]
    return paras


# ---------------------------------------------------------------------------------------------


def clean(text: str, *, title: str | None = None) -> Cleaned:
    """Run every cleaning step; `title` is a known headline (from metadata), else one is looked for."""
    paras = split_paragraphs(normalize_unicode(repair_text(text)))
    author = next((name for p in paras[:6] if (name := byline(p) or attributed_to(p))), None)
    published = next((d for p in paras if (d := stub_date(p))), None)
    paras = [p for i, p in enumerate(paras) if not is_boilerplate(p) and not (i < 6 and byline(p))]
    paras = drop_repeats(cut_tail(paras))
    published = published or dateline_date(paras)
    place, paras = take_dateline(paras)
    if not title:
        paras = split_glued_headline(paras)
    paras = strip_reader_calls(paras)
    paras = [p for p in map(strip_agency_credit, map(strip_photo_positions, paras)) if p]
    if title:
        title = " ".join(normalize_unicode(repair_text(title)).split())
    elif paras and is_headline(paras[0]):
        title = paras[0]
    return Cleaned("\n\n".join(paras), title or None, place, author, published)
