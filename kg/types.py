"""Records passed between the pipeline's stages.

ingest -> Article; extract -> ArticleExtraction (Sentence, Mention, Event, Fact);
resolve -> Entity. All character offsets are into `Article.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article, cleaned, with what is known about it."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    source: str | None = None  # path or URL the article came from
    place: str | None = None  # dateline place ("LIMA"), not part of `text`
    author: str | None = None
    # Spans of `text` that are boilerplate kept for offsets but never a source of facts.
    excluded: tuple[tuple[int, int], ...] = ()

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text: decides what is new in --update runs and finds duplicates."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input that could not become an article, and why."""

    source: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


# Entity kinds: the closed set every mention and entity is typed with.
PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
COUNTRY = "country"
GROUP = "group"  # nationalities, religious or political groups (spaCy NORP)
OFFICE = "office"  # a title or position ("Foreign Minister")
CONCEPT = "concept"  # a common-noun argument ("talks", "a road checkpoint")
OTHER = "other"  # named things of no kind above (events, laws, products, works)
KINDS = (PERSON, ORGANIZATION, PLACE, COUNTRY, GROUP, OFFICE, CONCEPT, OTHER)

# Factuality of a fact or event.
ASSERTED = "asserted"
NEGATED = "negated"
PLANNED = "planned"  # future or intended: "will visit"
HYPOTHETICAL = "hypothetical"  # expected, possible, conditional: "was expected to", "would"
REPORTED = "reported"  # attributed to a source: "sources said"
FACTUALITIES = (ASSERTED, NEGATED, PLANNED, HYPOTHETICAL, REPORTED)


@dataclass(frozen=True)
class Mention:
    """A stretch of article text that names something; `name` is `text` less titles."""

    text: str
    start: int
    end: int
    kind: str
    name: str
    title: str | None = None  # "Foreign Minister" in "Foreign Minister Ana Ruiz"
    affiliation: str | None = None  # a country or organisation named by a demonym or modifier


@dataclass(frozen=True)
class TimeExpr:
    text: str
    date: str | None = None  # ISO date when it could be normalised


@dataclass(frozen=True)
class Event:
    """One predicate occurrence with its arguments (n-ary): who did what to whom, where and when."""

    relation: str  # lemma-based label: "meet", "call on", "visit"
    event_type: str | None  # closed class name ("Meeting") when the relation maps to one
    trigger: str
    start: int  # trigger offsets
    end: int
    sentence: Sentence
    agents: tuple[Mention, ...]
    patients: tuple[Mention, ...] = ()
    topics: tuple[Mention, ...] = ()
    place: Mention | None = None
    time: TimeExpr | None = None
    factuality: str = ASSERTED
    content: str | None = None  # what was said, for reported speech
    # A prepositional complement ("died in Tarija", "rallied outside parliament"): the object of the
    # event's fact when it has no direct object, as open information extraction does; with one, where
    # a movement ended ("sent troops to Chad": a fact of its own, "send to").
    oblique: Mention | None = None
    oblique_prep: str | None = None
    passive: bool = False  # grammatical subject is the patient ("X was killed")


@dataclass(frozen=True)
class Fact:
    """A binary statement subject-relation-object, traced to its sentence (and event, if any)."""

    subject: Mention
    relation: str
    object: Mention | None
    sentence: Sentence
    factuality: str = ASSERTED
    event: Event | None = None
    content: str | None = None  # literal object (what was said) when there is no object mention
    qualifier: Mention | None = None  # the country/organisation of an office held


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything the extractor found in one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    facts: tuple[Fact, ...]


@dataclass
class Entity:
    """One real-world thing, with every mention merged into it."""

    key: str  # stable identity key: decides the IRI
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)  # (article id, start, end)
    code: str | None = None  # ISO 3166 alpha-2 for countries
    same_as: tuple[str, ...] = ()  # external identifiers (GeoNames, ...)
    lat: float | None = None
    lon: float | None = None
    # How each mention of a capital was read ("government" / "location"), by (article id, start, end).
    readings: dict[tuple[str, int, int], str] = field(default_factory=dict)
    affiliations: set[str] = field(default_factory=set)  # entity keys of countries read from demonyms
