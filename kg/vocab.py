"""Namespaces, our closed vocabulary, and the one place IRIs are minted.

The RDF model (documented for users in README.md, declared in kg/ontology.ttl):

- Entity  `<base>entity/<slug of identity key>`: a schema:Person / schema:Organization / schema:Place /
  schema:Country / kg:Group / kg:Office / kg:Concept, with rdfs:label (preferred), skos:prefLabel,
  skos:altLabel (every alias seen) and kg:mentionCount.
- Article `<base>article/<id>`: schema:NewsArticle with schema:headline, schema:datePublished,
  schema:url, kg:contentHash.
- Sentence `<base>article/<id>#char=<b>,<e>` (RFC 5147 fragment, as NIF does): nif:Sentence with
  nif:anchorOf (its text), nif:beginIndex, nif:endIndex, nif:referenceContext (the article).
- Event `<base>event/<id>/<offset>`: kg:Event (plus a class such as kg:Meeting) with rdfs:label
  (its trigger, where and when: "died in Tarija, 2024-03-05"), kg:relation, kg:agent, kg:patient,
  kg:topic, kg:place, kg:timeText, kg:date, kg:factuality, kg:content,
  kg:evidence (the sentence), prov:wasDerivedFrom (the article), kg:trigger and its offsets.
- Fact `<base>fact/<id>/<hash>`: kg:Fact with kg:subject, kg:predicate, kg:object (or
  kg:content), kg:event, kg:evidence, kg:factuality, prov:wasDerivedFrom; and the direct triple
  `subject <relation> object` for simple queries.
- Mention `<base>article/<id>#char=<b>,<e>`: nif:Phrase with nif:anchorOf (the name as written),
  nif:beginIndex, nif:endIndex, nif:referenceContext and itsrdf:taIdentRef (the entity it names);
  kg:reading for a capital's name ("government" or "location").
- Relation `<REL><slug>`: rdf:Property with rdfs:label ("meet", "call on").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

DEFAULT_BASE = "https://example.org/kg/"



class _Namespace(Namespace):
    """An rdflib Namespace that mints each term once: `NIF.anchorOf` is looked up for every
    triple of a build, and a new URIRef (validated character by character) each time was a fifth
    of the graph stage."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # as rdflib's Namespace: no dunder is a term
            raise AttributeError(name)
        found = self.__dict__[name] = self.term(name)  # the next lookup is a plain attribute
        return found

    def term(self, name: str) -> URIRef:
        key = (str(self), name)
        found = _TERMS.get(key)
        if found is None:
            found = _TERMS[key] = super().term(name)
        return found


_TERMS: dict[tuple[str, str], URIRef] = {}

SCHEMA = _Namespace("https://schema.org/")
PROV = _Namespace("http://www.w3.org/ns/prov#")
NIF = _Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = _Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = _Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ITSRDF = _Namespace("http://www.w3.org/2005/11/its/rdf#")  # itsrdf:taIdentRef: what a mention names
REL = _Namespace("https://example.org/kg/relation/")
KG_NS = "https://example.org/kg/ns#"


class KG(DefinedNamespace):
    """Terms of our own namespace; a typo raises AttributeError instead of minting a new term."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    Event: URIRef
    Fact: URIRef
    Relation: URIRef
    Group: URIRef
    Office: URIRef
    Concept: URIRef
    Thing: URIRef  # a named thing of no more specific kind
    Factuality: URIRef
    Meeting: URIRef
    PhoneCall: URIRef
    Visit: URIRef
    Statement: URIRef
    Appeal: URIRef
    Accusation: URIRef
    Attack: URIRef
    Agreement: URIRef
    Support: URIRef
    Condemnation: URIRef
    Discussion: URIRef
    Attendance: URIRef
    OfficeHolding: URIRef
    # factuality values
    asserted: URIRef
    negated: URIRef
    planned: URIRef
    hypothetical: URIRef
    reported: URIRef
    # event and fact properties
    relation: URIRef
    trigger: URIRef
    triggerBegin: URIRef
    triggerEnd: URIRef
    agent: URIRef
    patient: URIRef
    topic: URIRef
    place: URIRef
    timeText: URIRef
    date: URIRef
    factuality: URIRef
    content: URIRef
    evidence: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    event: URIRef
    officeOf: URIRef
    # entity and article properties
    mentionCount: URIRef
    affiliation: URIRef
    countryCode: URIRef
    reading: URIRef
    contentHash: URIRef
    dateline: URIRef


# Each term minted once, as a plain class attribute: a closed namespace's lookup otherwise checks
# the name and builds a new URIRef on every use (over 200,000 times in a 200,000-word build).
for _name in KG.__annotations__:
    type.__setattr__(KG, _name, KG._NS[_name])


# Entity kind -> RDF class.
KIND_CLASSES = {
    "person": SCHEMA.Person,
    "organization": SCHEMA.Organization,
    "place": SCHEMA.Place,
    "country": SCHEMA.Country,
    "group": KG.Group,
    "office": KG.Office,
    "concept": KG.Concept,
    "other": KG.Thing,
}

# Closed event classes: relation lemma -> class name (extraction decides the lemma).
EVENT_CLASSES = {
    "Meeting": KG.Meeting,
    "PhoneCall": KG.PhoneCall,
    "Visit": KG.Visit,
    "Statement": KG.Statement,
    "Appeal": KG.Appeal,
    "Accusation": KG.Accusation,
    "Attack": KG.Attack,
    "Agreement": KG.Agreement,
    "Support": KG.Support,
    "Condemnation": KG.Condemnation,
    "Discussion": KG.Discussion,
    "Attendance": KG.Attendance,
}

PREFIXES = {
    "kg": Namespace(KG_NS),
    "rel": REL,
    "schema": SCHEMA,
    "prov": PROV,
    "nif": NIF,
    "sem": SEM,
    "geo": GEO,
    "itsrdf": ITSRDF,
}


def slug(text: str, *, max_len: int = 60) -> str:
    """An IRI-safe, readable, lower-case ASCII slug; never empty, stable for the same text."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not s or len(s) > max_len or s != ascii_text.lower().replace(" ", "-"):
        # Lossy slugs (non-ASCII, punctuation, truncation) get a hash so distinct texts stay distinct.
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        s = f"{s[:max_len]}-{digest}" if s else digest
    return s


_SAFE = "-._~"  # unreserved characters (RFC 3986) besides letters and digits


class IRIs:
    """Mints every instance IRI under one base, so each is valid for any input text."""

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self._minted: dict[tuple[str, ...], URIRef] = {}  # a graph names the same nodes many times
        self._entities: dict[str, URIRef] = {}  # entity key -> IRI, without re-slugging the key
        self._quoted: dict[str, str] = {}  # article id -> its IRI path segment

    def _iri(self, *parts: str) -> URIRef:
        iri = self._minted.get(parts)
        if iri is None:
            iri = self._minted[parts] = URIRef(self.base + "/".join(quote(p, safe=_SAFE) for p in parts))
        return iri

    def article(self, article_id: str) -> URIRef:
        return self._iri("article", article_id)

    def sentence(self, article_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.article(article_id)}#char={start},{end}")

    def mention(self, article_id: str, start: int, end: int) -> URIRef:
        """A name's occurrence: the same RFC 5147 fragment as sentences, so one span is one node."""
        return self.sentence(article_id, start, end)

    def entity(self, key: str) -> URIRef:
        """Entities are keyed by identity, not kind, so a changed type vote keeps the IRI."""
        iri = self._entities.get(key)
        if iri is None:
            iri = self._entities[key] = self._iri("entity", slug(key))
        return iri

    def _segment(self, article_id: str) -> str:
        segment = self._quoted.get(article_id)
        if segment is None:
            segment = self._quoted[article_id] = quote(article_id, safe=_SAFE)
        return segment

    # Events and facts are many and each is minted once or twice: no memo, and the article's
    # segment is quoted once (a number and a hex digest need no quoting).
    def event(self, article_id: str, start: int) -> URIRef:
        return URIRef(f"{self.base}event/{self._segment(article_id)}/{start}")

    def fact(self, article_id: str, *identity: str) -> URIRef:
        digest = hashlib.sha1("\x1f".join(identity).encode("utf-8")).hexdigest()[:12]
        return URIRef(f"{self.base}fact/{self._segment(article_id)}/{digest}")


def relation_iri(label: str) -> URIRef:
    """The property IRI of a relation label ("call on" -> rel:call-on)."""
    return REL[slug(label)]
