"""Entity resolution: every mention to one Entity, deterministically and auditable.

Identity keys decide the IRI, so they never depend on processing order:
- countries, their short forms, demonyms and "the Government of X": the ISO 3166 code ("iso-tr");
- a capital read as its government ("Lima has long called on Santiago"): its country's key;
  read as a place ("meetings in Washington"): the city. Each mention's reading is kept;
- names: the name without titles, possessive, middle initials, case and diacritics;
- an acronym the article defines ("the European Union (EU)"), or that the corpus defines one way
  only, takes the key of its expansion;
- a one-word name bound to the unique full name of a person in the same article ending with it, else
  to the unique such full name in the corpus; an ambiguous one stays on its own (never guessed);
- a bare title ("the Secretary") bound to the one person in the article holding it, else the office;
- "the Tarija Valley", "the Atacama Desert": the bare name ("Tarija"), the form news mostly uses;
- a place that GeoNames names unambiguously: its GeoNames name ("Kyiv" and "Kiev" -> "kiev");
- offices and concepts: their folded text.
The kind of an entity is a vote over its mentions, so one wrong NER label does not split it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg import gazetteer, places
from kg.extract.lexicon import COMPANY_NAME_ENDS, EVENT_NOUNS, HONORIFICS, PARTY_WORDS, TITLE_HEADS, TITLE_MODIFIERS
from kg.extract.roles import HOLDS_OFFICE
from kg.extract.static import BASED_IN, FROM, LOCATED_IN
from kg.gazetteer import fold
from kg.types import (CONCEPT, COUNTRY, GROUP, OFFICE, ORGANIZATION, OTHER, PERSON, PLACE,
                      ArticleExtraction, Entity, Mention)

MentionKey = tuple[str, int, int, bool]  # (article id, start, end, is_office)
GOVERNMENT, LOCATION = "government", "location"  # readings of a capital's name
_KIND_PRIORITY = {COUNTRY: 6, PERSON: 5, ORGANIZATION: 4, PLACE: 3, GROUP: 2, OTHER: 1}
_INITIAL = re.compile(r"[A-Z]\.?")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# "the Governments of the United States", "the Turkish government": the state as an actor.
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?governments?\s+of\s+(.+)$|^(.+?)\s+(?:government|administration)s?$",
                            re.IGNORECASE)
# "(EU)", "(U.S.)", "(NGOs)": a parenthesised acronym after its expansion.
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&]*[A-Z]s?|(?:[A-Z]\.){2,})\s*\)")
_ACRONYM_GLUE = frozenset("of for and the on in to de des du la le al".split())
# Generic heads of place names whose bare form names the same place ("Atacama" for "the Atacama Desert").
# Not "region" or "oblast": "Tarija" is a city, "Tarija Department" the province around it.
_PLACE_HEADS = frozenset("strip heights".split())
# Words before a name that make it the place, not its government ("meetings in Washington").
_LOCATIVE = frozenset("in at to into near outside inside around across".split())
# Events whose patient is a destination or target place rather than an addressee.
_PLACE_PATIENT_EVENTS = frozenset({"Visit", "Attack", "Attendance"})
_ACTOR_ROLES = frozenset({"agent", "addressee", "qualifier"})
_PLACE_ROLES = frozenset({"place", "destination"})
_CITY_BEFORE = re.compile(r"([A-Z][\w'-]*(?: [A-Z][\w'-]*)*), $")  # "Port Hope, " before a region
_SITE_RELATIONS = frozenset({LOCATED_IN, BASED_IN, FROM})


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The identity form of a name: no possessive, middle initials, case or diacritics.

    Memoised, as `fold` is: resolution asks it of every mention, twice, and a corpus names the same
    people and places over and over."""
    name = _POSSESSIVE.sub("", name.strip())
    tokens = [t for t in name.split() if not _INITIAL.fullmatch(t)] or name.split()
    return fold(" ".join(tokens))


def _bare_title(name: str) -> str | None:
    """The folded title when a name is only title words ("the Secretary" -> "secretary")."""
    words = fold(name).split()
    if words and words[-1] in TITLE_HEADS and all(w in TITLE_HEADS or w in TITLE_MODIFIERS or w == "of"
                                                 for w in words):
        return " ".join(words)
    return None


def acronym_definitions(text: str) -> Iterator[tuple[str, str]]:
    """(acronym, expansion) for every "Expansion (ACR)" whose capitalised words spell the acronym."""
    for match in _ACRONYM.finditer(text):
        letters = re.sub(r"[^A-Z]", "", match.group(1))
        words = re.findall(r"[\w.'\u2019&-]+", text[max(0, match.start() - 200):match.start()])
        initials, start = "", None
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if word.lower() in _ACRONYM_GLUE:
                continue
            if not word[:1].isupper():
                break
            initials = (re.sub(r"[^A-Z]", "", word) if "." in word else word[0]) + initials
            start = i
            if len(initials) >= len(letters):
                break
        if len(letters) > 1 and initials == letters and start is not None:
            yield match.group(1), " ".join(words[start:])


class Resolver:
    """Accumulates mentions from any number of articles, then resolves them all at once."""

    def __init__(self) -> None:
        self.mentions: list[tuple[str, Mention]] = []
        self.known_full_names: set[str] = set()  # keys of people already in the graph (--update)
        self.texts: dict[str, str] = {}  # article id -> text: acronym definitions and context cues
        self.roles: dict[tuple[str, int, int], set[str]] = defaultdict(set)  # what a mention does

    def seed(self, names: Iterable[str]) -> None:
        """Full names of people already in the graph, for binding surnames in new articles."""
        self.known_full_names |= {key for key in map(name_key, names) if len(key.split()) > 1}

    def add(self, extraction: ArticleExtraction) -> None:
        aid = extraction.article.id
        self.texts[aid] = extraction.article.text
        seen = set()
        for m in _all_mentions(extraction):
            if (m.start, m.end, m.kind == OFFICE) not in seen:
                seen.add((m.start, m.end, m.kind == OFFICE))
                self.mentions.append((aid, m))
        for span, role in _roles(extraction):
            self.roles[(aid, *span)].add(role)

    def resolve(self) -> tuple[dict[str, Entity], dict[MentionKey, str]]:
        """(entities by key, mention -> entity key); mention keys are (article, start, end, is_office)."""
        country_codes = self._codes_read_as_countries()
        keys: dict[MentionKey, str] = {}
        readings: dict[tuple[str, int, int], str] = {}
        for aid, m in self.mentions:
            key, reading = self._base_key(aid, m, country_codes[aid])
            keys[mention_key(aid, m)] = key
            if reading:
                readings[(aid, m.start, m.end)] = reading
        self._bind_acronyms(keys)
        self._bind_shorter_names(keys)
        self._bind_surnames(keys)
        self._bind_company_names(keys)
        self._bind_titles(keys)
        self._bind_places(keys, readings)
        return self._entities(keys, readings), keys

    # --- keys -------------------------------------------------------------------------------------

    def _base_key(self, aid: str, m: Mention, country_codes: set[str]) -> tuple[str, str | None]:
        if m.kind == OFFICE:
            return "office:" + fold(m.name), None
        if m.kind == CONCEPT:
            return "concept:" + fold(m.name), None
        if not m.name.strip():  # a title with no name left ("Assistant Secretary of State")
            return "office:" + fold(m.title or m.text), None
        if m.kind == PERSON:
            return name_key(m.name), None
        gaz = gazetteer.load()
        if government := _GOVERNMENT_OF.match(m.name.strip()):
            country = _country(government.group(1) or government.group(2), True, demonym=True)
            if country:
                return f"iso-{country.lower()}", GOVERNMENT
        if self._region_after_city(aid, m):
            return name_key(m.name), LOCATION
        allow_code = m.kind in {COUNTRY, PLACE} or "." in m.name or fold(m.name) in country_codes
        demonym = m.kind == COUNTRY or m.kind == GROUP and not _nationals(m.name)
        if code := _country(m.name, allow_code, demonym=demonym):
            return f"iso-{code.lower()}", None
        if m.kind != GROUP and (capital := gaz.capital_of(_POSSESSIVE.sub("", m.name.strip()))):
            if self._reading(aid, m) == GOVERNMENT:
                return f"iso-{capital.code.lower()}", GOVERNMENT
            return name_key(m.name), LOCATION
        return name_key(m.name), None

    def _region_after_city(self, aid: str, m: Mention) -> bool:
        """"Tulsa, Okla.", "Eugene, Ore.": a short form after "City," names the city's state or
        province, not the country that has the same ISO code. Country codes are capitals only; a
        dotted capital pair is a region when the city lies in a region so coded (GeoNames)."""
        name = m.name.strip()
        if "." not in name:
            return False
        before = _CITY_BEFORE.search(self.texts.get(aid, "")[max(0, m.start - 40):m.start])
        if before is None:
            return False
        letters = name.replace(".", "")
        # "N.C." and "Ga." as written are AP's state abbreviations, never New Caledonia or Gabon
        return not letters.isupper() or name in gazetteer.load().abbreviations \
            or places.in_region_coded(before.group(1), letters)

    def _codes_read_as_countries(self) -> dict[str, set[str]]:
        """Per article, the short forms ("US") it uses as countries: tagged as places, or dotted, as
        often as not. An acronym that happens to be an ISO code ("IS") stays an acronym. Decided per
        article, so an --update run reads an article as a full build does."""
        gaz = gazetteer.load()
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for aid, m in self.mentions:
            if m.kind not in {PERSON, OFFICE, CONCEPT} and gaz.is_code(m.name):
                votes[aid][fold(m.name)] += 1 if m.kind in {COUNTRY, PLACE} or "." in m.name else -1
        return defaultdict(set, {aid: {form for form, vote in v.items() if vote >= 0} for aid, v in votes.items()})

    def _reading(self, aid: str, m: Mention) -> str:
        """How a capital's name is read: the government when it acts, is addressed or owns something;
        the place when it is where something happens, the text says "in", "to"... before it, or it
        names where an event was held ("the Lima talks")."""
        roles = self.roles.get((aid, m.start, m.end), set())
        text = self.texts.get(aid, "")
        before = text[max(0, m.start - 12):m.start].split()
        after = re.findall(r"\w+", text[m.end:m.end + 16])
        if after and after[0].lower() in EVENT_NOUNS:
            return LOCATION
        if roles & _PLACE_ROLES or (before and before[-1].lower() in _LOCATIVE and not roles & _ACTOR_ROLES):
            return LOCATION
        if roles & _ACTOR_ROLES or _POSSESSIVE.search(m.text) or _POSSESSIVE.match(text[m.end:m.end + 2]):
            return GOVERNMENT
        return LOCATION

    def _bind_acronyms(self, keys: dict[MentionKey, str]) -> None:
        local: dict[tuple[str, str], str] = {}
        corpus: dict[str, set[str]] = defaultdict(set)
        for aid, text in self.texts.items():
            for acronym, expansion in acronym_definitions(text):
                local[(aid, fold(acronym))] = corpus_key = name_key(expansion)
                corpus[fold(acronym)].add(corpus_key)
        for (aid, start, end, office), key in keys.items():
            if office or ":" in key or key.startswith("iso-"):
                continue
            bound = local.get((aid, key)) or (next(iter(corpus[key])) if len(corpus.get(key, ())) == 1 else None)
            if bound and bound != key:
                keys[(aid, start, end, office)] = bound

    def _bind_shorter_names(self, keys: dict[MentionKey, str]) -> None:
        """A person's name that is a shorter form of one fuller name, in the same article, else in
        the whole corpus: "Maria Ferraz" or "Ana Ferraz" after "Ana Maria Ferraz" (a first name
        dropped, or a middle one). Two fuller names it could shorten leave it alone."""
        by_article = self._full_names(keys)
        fuller: dict[str, set[str]] = defaultdict(set)  # shorter form -> the fuller names it shortens
        for key in set().union(self.known_full_names, *by_article.values()):
            words = key.split()
            if len(words) > 2 and all(_given_name(w) for w in words[:-1]):
                for k in range(1, len(words) - 1):
                    fuller[" ".join(words[k:])].add(key)  # a first name (or more) dropped
                fuller[f"{words[0]} {words[-1]}"].add(key)  # the middle names dropped
        for mkey, key in list(keys.items()):
            if not mkey[3] and key in fuller:
                _bind_unambiguous(keys, mkey, fuller[key] & by_article.get(mkey[0], set()), fuller[key])

    def _full_names(self, keys: dict[MentionKey, str]) -> dict[str, set[str]]:
        """Each article's people named by a full name (two words or more), as entity keys."""
        by_article: dict[str, set[str]] = defaultdict(set)
        for aid, m in self.mentions:
            key = keys[mention_key(aid, m)]
            if m.kind == PERSON and len(key.split()) > 1 and ":" not in key and not key.startswith("iso-"):
                by_article[aid].add(key)
        return by_article

    def _bind_surnames(self, keys: dict[MentionKey, str]) -> None:
        full_names: dict[str, set[str]] = defaultdict(set)  # surname -> full-name keys in the corpus
        by_article: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key in self.known_full_names:
            full_names[key.split()[-1]].add(key)
        for aid, names in self._full_names(keys).items():
            for key in names:
                full_names[key.split()[-1]].add(key)
                by_article[(aid, key.split()[-1])].add(key)
        # An acronym is no surname: "UN" and "U.N." fold to the "un" of "Park Min Un". (The kind
        # is not checked: NER often tags a lone surname as an organisation.)
        acronyms = {mention_key(aid, m) for aid, m in self.mentions if _is_acronym(m.text)}
        for (aid, start, end, office), key in list(keys.items()):
            if office or len(key.split()) != 1 or ":" in key or key.startswith("iso-") \
                    or (aid, start, end, office) in acronyms:
                continue
            _bind_unambiguous(keys, (aid, start, end, office), by_article.get((aid, key), set()),
                              full_names.get(key, set()))

    def _bind_company_names(self, keys: dict[MentionKey, str]) -> None:
        """"Kestrel" for "Kestrel Systems" or "Orbis Motors Inc." in the same article: a company's
        name without the words that say it is a company (whatever NER made of the short form)."""
        full: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, short key) -> company keys
        for aid, m in self.mentions:
            key = keys[mention_key(aid, m)]
            words = key.split()
            if m.kind != ORGANIZATION or ":" in key:
                continue
            while len(words) > 1 and words[-1] in _COMPANY_ENDINGS:
                words.pop()
            if (short := " ".join(words)) != key:
                full[(aid, short)].add(key)
        for (aid, start, end, office), key in list(keys.items()):
            if not office and len(found := full.get((aid, key), ())) == 1:
                keys[(aid, start, end, office)] = next(iter(found))

    def _bind_titles(self, keys: dict[MentionKey, str]) -> None:
        holders: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # article -> title -> people
        for aid, m in self.mentions:
            if m.kind == PERSON and m.title and m.name.strip():
                holders[aid][fold(m.title)].add(keys[mention_key(aid, m)])
        for aid, m in self.mentions:
            title = _bare_title(m.name) if m.kind not in {OFFICE, CONCEPT} else None
            if m.kind == PERSON and not m.name.strip() and m.title:
                title = fold(m.title)
            if not title:
                continue
            # "the Secretary" for the "Secretary of State", "Assistant Secretary of State" for an
            # "Assistant Secretary": one title the other extends, held by one person in the article.
            found = {k for t, ks in holders[aid].items()
                     if t == title or t.startswith(title + " ") or title.startswith(t + " ") for k in ks}
            keys[mention_key(aid, m)] = next(iter(found)) if len(found) == 1 else "office:" + title

    def _bind_places(self, keys: dict[MentionKey, str], readings: dict[tuple[str, int, int], str]) -> None:
        """"The Atacama Desert" to "Atacama"; names GeoNames settles without context to one key per city.
        Both are decided by the name alone, so a place keeps its IRI whatever else the corpus holds."""
        kinds = _kind_votes(self.mentions, keys, readings, self.roles)
        place_keys = {k for k, votes in kinds.items() if _kind(k, votes) == PLACE}
        canonical = {}
        for key in place_keys:
            head, _, last = key.rpartition(" ")
            if head and last in _PLACE_HEADS:
                canonical[key] = head
            elif (city := _city(key)) is not None and name_key(city.name) not in kinds.keys() - place_keys:
                canonical[key] = name_key(city.name)
        for mkey, key in keys.items():
            if key in canonical:
                keys[mkey] = canonical[key]

    # --- entities ---------------------------------------------------------------------------------

    def _entities(self, keys: dict[MentionKey, str], readings) -> dict[str, Entity]:
        gaz = gazetteer.load()
        grouped: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
        for aid, m in self.mentions:
            grouped[keys[mention_key(aid, m)]].append((aid, m))
        votes = _kind_votes(self.mentions, keys, readings, self.roles)
        context = self._context(keys)
        entities = {}
        for key, items in sorted(grouped.items()):
            if key.startswith("iso-"):
                entity = _country_entity(gaz.countries[key[4:].upper()], key)
            else:
                kind = _kind(key, votes[key])
                label = _preferred_label((m.name for _, m in items), fullest=kind in {PERSON, ORGANIZATION})
                if kind == PLACE and label.isupper() and len(label) > 4:
                    label = label.title()  # only ever seen in a dateline: "NIAMEY" is Niamey
                entity = Entity(key=key, kind=kind, label=label)
                if entity.kind == PLACE:
                    _locate(entity, {m.name for _, m in items}, *context(aid for aid, _ in items))
            for aid, m in items:
                entity.aliases.add(_POSSESSIVE.sub("", m.name.strip()))
                if m.text != m.name and m.kind != OFFICE:
                    entity.aliases.add(_POSSESSIVE.sub("", m.text.strip()))
                entity.mentions.append((aid, m.start, m.end))
                if (reading := readings.get((aid, m.start, m.end))) is not None:
                    entity.readings[(aid, m.start, m.end)] = reading
                if m.kind == PERSON and m.affiliation and (code := _country(m.affiliation, True, demonym=True)):
                    entity.affiliations.add(f"iso-{code.lower()}")
            entity.aliases.discard(entity.label)
            entity.aliases.discard("")
            entity.mentions.sort()
            entities[key] = entity
        for entity in entities.values():
            # Only keys that are entities, never itself: O(affiliations), not O(entities²).
            entity.affiliations = {a for a in entity.affiliations if a in entities and a != entity.key}
        return entities

    def _context(self, keys: dict[MentionKey, str]):
        """Countries and first-level divisions named in each article: they settle which city is meant."""
        gaz = gazetteer.load()
        countries: dict[str, set[str]] = defaultdict(set)
        regions: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for aid, m in self.mentions:
            key = keys[mention_key(aid, m)]
            if key.startswith("iso-"):
                countries[aid].add(key[4:].upper())
            elif m.kind == PLACE:
                regions[aid] |= gaz.division(m.name)

        def around(article_ids: Iterable[str]) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
            ids = set(article_ids)
            return (frozenset(c for a in ids for c in countries[a]),
                    frozenset(r for a in ids for r in regions[a]))
        return around


def _nationals(name: str) -> bool:
    """A plural demonym, which names people, not their country: "Zambians fled", "Malawians voted"
    (but "Zambian", "Malawian airstrikes" and "the French" are the country's)."""
    gaz = gazetteer.load()
    name = name.strip()
    return name.endswith("s") and bool(gaz.demonym(name[:-1]) or name.endswith("es") and gaz.demonym(name[:-2]))


def _country(text: str, allow_code: bool, *, demonym: bool = False) -> str | None:
    gaz = gazetteer.load()
    country = gaz.country(text, allow_code=allow_code) or (gaz.demonym(text) if demonym else None)
    return country.code if country else None


def _city(name: str) -> places.City | None:
    """The city a name stands for from the data alone (no context): stable across corpora."""
    gaz = gazetteer.load()
    capital = gaz.capital_of(name)
    divisions = gaz.division(name)
    return places.lookup(name, capital_of=capital.code if capital else None,
                         within=frozenset(c for c, _ in divisions) if divisions else None)


def _locate(entity: Entity, names: set[str], countries: frozenset[str],
            regions: frozenset[tuple[str, str]]) -> None:
    """GeoNames identifier and coordinates of a place, when its name settles the city."""
    gaz = gazetteer.load()
    for name in [entity.label, *sorted(names - {entity.label})]:
        capital = gaz.capital_of(name)
        divisions = gaz.division(name)
        city = places.lookup(name, capital_of=capital.code if capital else None, countries=countries,
                             within=frozenset(c for c, _ in divisions) if divisions else None,
                             regions=regions)
        if city is not None:
            entity.same_as = (city.iri,)
            entity.lat, entity.lon = city.lat, city.lon
            return


def _country_entity(country: gazetteer.Country, key: str) -> Entity:
    geonameid = places.country_ids().get(country.code)
    return Entity(key=key, kind=COUNTRY, label=country.name, code=country.code,
                  same_as=(places.GEONAMES.format(geonameid),) if geonameid else (),
                  lat=country.latlng[0] if country.latlng else None,
                  lon=country.latlng[1] if country.latlng else None)


# Words a company's name may be shortened by ("Voltan Energy", "Orbis Group": "Voltan", "Orbis").
_COMPANY_ENDINGS = COMPANY_NAME_ENDS | {
    "group", "energy", "bank", "foods", "media", "telecom", "petroleum", "oil", "airways", "capital", "partners",
    "securities", "resources", "electronics", "software", "networks", "solutions", "labs", "automotive", "company",
    "corporation", "incorporated", "limited"}


def _kind_votes(mentions, keys, readings, roles) -> dict[str, Counter[str]]:
    """Per key, the kinds its mentions were tagged with; a capital read as a place votes place; a
    titled person mention, or one holding an office ("striker Mateus Costa"), settles that it is
    a person (its vote outweighs all others)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    titled = set()
    for aid, m in mentions:
        kind = PLACE if readings.get((aid, m.start, m.end)) == LOCATION else m.kind
        key = keys[mention_key(aid, m)]
        # a short form bound to a fuller name ("Ruiz", "Kestrel") says less of what it names
        votes[key][kind] += 1 if name_key(m.name) == key else 0.25
        if kind == PERSON and (m.title or "holder" in roles.get((aid, m.start, m.end), ())):
            titled.add(key)
    for key in titled:  # "Chadian President X" settles it, however NER tagged the bare "X" later
        votes[key][PERSON] = sum(votes[key].values())
    return votes


def _vote(kinds: Counter[str]) -> str:
    """The kind most mentions were tagged with; a name NER left untyped ("Ruiz said") has no say
    once any mention of it is typed ("Foreign Minister Ana Ruiz")."""
    typed = Counter({k: n for k, n in kinds.items() if k != OTHER}) or kinds
    return max(typed, key=lambda k: (typed[k], _KIND_PRIORITY.get(k, 0), k))


def _kind(key: str, kinds: Counter[str]) -> str:
    """Offices and concepts are what their key says; names take the vote of their mentions."""
    if key.startswith("office:"):
        return OFFICE
    return CONCEPT if key.startswith("concept:") else _vote(kinds)


def _bind_unambiguous(keys: dict[MentionKey, str], mention: MentionKey, local: set[str], corpus: set[str]) -> None:
    """Bind a mention to the one fuller name its article has, else, when its article has none, to
    the one the corpus has; with two or more to choose from it is left alone."""
    if len(local) == 1:
        keys[mention] = next(iter(local))
    elif not local and len(corpus) == 1:
        keys[mention] = next(iter(corpus))


def _given_name(word: str) -> bool:
    """Whether a word of a name key may be a given or middle name, not a title, an honorific or a
    party NER left in the name ("rev.", "corporal", "republican"): only such words are dropped
    when a shorter form is bound to a fuller one."""
    return word.replace("-", "").isalpha() and word not in TITLE_HEADS and word not in HONORIFICS \
        and word not in PARTY_WORDS and word not in _NOT_GIVEN_NAMES


# Words before a name that are no given name, though not titles the extractor splits off.
_NOT_GIVEN_NAMES = frozenset("rev reverend corporal private father brother sister".split())


def _preferred_label(names: Iterable[str], *, fullest: bool = True) -> str:
    """The most used of the fullest forms: "Ana Ruiz" over "Ruiz" and "A. Ruiz", an
    expansion over its acronym; "Lima" over "LIMA". Places and things (fullest=False) take the
    most used form: "Atacama" over the rarer "Atacama Desert"."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for n, count in Counter(names).items():  # a much-named entity has few distinct names
        n = _POSSESSIVE.sub("", n.strip())
        spellings[fold(n)][n] += count
    forms = {}
    for variants in spellings.values():
        cased = [v for v in variants if not v.isupper()] or list(variants)
        best = max(cased, key=lambda v: (variants[v], sum(not c.isascii() for c in v), v))
        forms[best] = sum(variants.values())
    words = {f: sum(not _INITIAL.fullmatch(t) for t in f.split()) for f in forms}
    longest = max(words.values())
    candidates = [f for f in forms if not fullest or words[f] >= min(longest, 2)] or list(forms)
    return max(candidates, key=lambda f: (forms[f], -len(f.split()) + words[f], len(f), f))


def _all_mentions(extraction: ArticleExtraction) -> Iterator[Mention]:
    yield from extraction.mentions
    for fact in extraction.facts:
        yield fact.subject
        if fact.object is not None:
            yield fact.object
        if fact.qualifier is not None:
            yield fact.qualifier
    for event in extraction.events:
        yield from event.agents
        yield from event.patients
        yield from event.topics
        if event.place is not None:
            yield event.place
    for m in list(extraction.mentions):
        # "Chilean President Ana Ruiz": the demonym is a mention of the country too.
        if m.kind == PERSON and m.affiliation and m.text.startswith(m.affiliation):
            yield Mention(m.affiliation, m.start, m.start + len(m.affiliation), GROUP, m.affiliation)


def _roles(extraction: ArticleExtraction) -> Iterator[tuple[tuple[int, int], str]]:
    """What each mention does in the article's events and facts (for reading metonymy)."""
    for event in extraction.events:
        for m in event.agents:
            yield (m.start, m.end), "agent"
        for m in event.patients:
            yield (m.start, m.end), "destination" if event.event_type in _PLACE_PATIENT_EVENTS else "addressee"
        if event.place is not None:
            yield (event.place.start, event.place.end), "place"
    for fact in extraction.facts:
        if fact.relation == HOLDS_OFFICE:
            yield (fact.subject.start, fact.subject.end), "holder"
        # "Arica, Chile", "a company of Tulsa", "a native of Lima": where things are, not who acts
        sited = fact.relation in _SITE_RELATIONS and fact.event is None
        yield (fact.subject.start, fact.subject.end), "place" if sited and fact.relation == LOCATED_IN else "agent"
        if fact.qualifier is not None:
            yield (fact.qualifier.start, fact.qualifier.end), "qualifier"
        if fact.object is not None and fact.event is None:
            yield (fact.object.start, fact.object.end), "place" if sited else "addressee"


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "").strip()
    return letters.isupper() and len(letters) <= 4


def mention_key(article_id: str, m: Mention) -> MentionKey:
    return (article_id, m.start, m.end, m.kind == OFFICE)
