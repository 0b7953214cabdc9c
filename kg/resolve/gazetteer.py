"""The gazetteer: actors, aliases, offices and positions loaded from CSV.

Files (all in one directory, see docs/actors.md): ``countries.csv`` (generated
by :mod:`kg.resolve.build_countries`), ``organizations.csv``, ``persons.csv``,
``offices.csv``, ``positions.csv`` and ``ambiguous_aliases.csv``.  Every index
the resolver needs is built once here, so resolving a mention is a handful of
dict lookups.

>>> gaz = Gazetteer.load()
>>> gaz.get("Q7747").name
'Vladimir Putin'
>>> ("the Kremlin", "RU", "metonym") in gaz.alias_index()
True
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from kg.rdf.ids import is_qid
from kg.resolve.csvio import GazetteerError, Row, read_file
from kg.resolve.normalize import norm
from kg.resolve.records import ALIAS_KINDS, ActorRecord, Alias, Office, Position, parse_bound

OFFICE_KINDS = (
    "head_of_state", "head_of_government", "foreign_minister", "defense_minister", "finance_minister",
    "national_security_adviser", "secretary_general", "party_leader", "deputy_head_of_government",
    "high_representative", "head_of_organization", "vice_president", "crown_prince", "other",
)
_ISO2 = re.compile(r"^[A-Z]{2}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "xiv", "xvi"}


def default_dir() -> Path:
    """The packaged gazetteer directory (``kg/gazetteer`` or the checkout's ``data/gazetteer``)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "gazetteer", here.parent / "data" / "gazetteer"):
        if (candidate / "persons.csv").exists():
            return candidate
    return here / "gazetteer"


def _qid(row: Row, field: str) -> str:
    value = row.get(field, "")
    if value and not is_qid(value):
        raise row.fail(field, f"not a Wikidata QID: {value!r}")
    return value


def _surname(name: str) -> str:
    tokens = [t for t in norm(name).split() if t not in _NAME_SUFFIXES]
    return tokens[-1] if tokens else ""


def _person_surname(row: Row) -> str:
    """Explicit ``surname`` column, ``-`` for none, else the last word of the name."""
    given = row.get("surname", "")
    if given == "-":
        return ""
    return norm(given) if given else _surname(row["name"])


class Gazetteer:
    """Actors and offices with precomputed lookup indexes (load with :meth:`load`)."""

    def __init__(self, actors: Iterable[ActorRecord], offices: Iterable[Office],
                 ambiguous: dict[str, str] | None = None, path: Path | None = None) -> None:
        self.path = path
        self.actors: dict[str, ActorRecord] = {}
        for a in actors:
            self.actors[a.id] = a
        self.offices: dict[str, Office] = {o.id: o for o in offices}
        self.ambiguous: dict[str, str] = dict(ambiguous or {})
        keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        surnames: dict[str, list[str]] = defaultdict(list)
        self._index: list[tuple[str, str, str]] = []
        for a in self.actors.values():
            for al in a.alias_kinds:
                self._index.append((al.text, a.id, al.kind))
                if al.kind == "surname":  # surnames have their own index and rules
                    continue
                key = norm(al.text)
                if key and (a.id, al.kind) not in keys[key]:
                    keys[key].append((a.id, al.kind))
            if a.type == "Person" and a.surname and a.id not in surnames[a.surname]:
                surnames[a.surname].append(a.id)
        self.keys = {k: tuple(v) for k, v in keys.items()}
        self.surnames = {k: tuple(v) for k, v in surnames.items()}
        titles: dict[str, list[str]] = defaultdict(list)
        by_holder: dict[str, list[str]] = defaultdict(list)
        for o in self.offices.values():
            by_holder[o.holder].append(o.id)
            for t in o.titles:
                if o.id not in titles[norm(t)]:
                    titles[norm(t)].append(o.id)
        self.titles = {k: tuple(v) for k, v in titles.items()}
        self.offices_by_holder = {k: tuple(v) for k, v in by_holder.items()}
        self.max_title_words = max((len(k.split()) for k in self.titles), default=0)
        held: dict[str, list[Position]] = defaultdict(list)
        for a in self.actors.values():
            for p in a.positions:
                held[p.office].append(p)
        self.terms = {k: tuple(sorted(v, key=lambda p: p.start_date, reverse=True)) for k, v in held.items()}

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """Load (once per directory, cached) the gazetteer from ``path`` or the packaged data.

        >>> Gazetteer.load() is Gazetteer.load()
        True
        """
        return _load_cached(str(Path(path).resolve()) if path else str(default_dir()))

    def get(self, actor_id: str) -> ActorRecord | None:
        """The record with this id, or None.

        >>> Gazetteer.load().get("RU").name
        'Russia'
        """
        return self.actors.get(actor_id)

    def alias_index(self) -> list[tuple[str, str, str]]:
        """``(alias as written, actor_id, kind)`` for every alias, for a spaCy PhraseMatcher.

        Kinds are those of :data:`~kg.resolve.records.ALIAS_KINDS` plus ``surname``
        (derived for persons; resolve such matches with the resolver, which
        disambiguates by date and context).

        >>> ("Putin", "Q7747", "surname") in Gazetteer.load().alias_index()
        True
        """
        return list(self._index)

    def lookup(self, mention: str) -> tuple[tuple[str, str], ...]:
        """``(actor_id, kind)`` pairs whose alias normalises like ``mention``.

        >>> Gazetteer.load().lookup("Moscow's")
        (('RU', 'metonym'),)
        """
        return self.keys.get(norm(mention), ())

    def search(self, text: str, limit: int = 10) -> list[ActorRecord]:
        """Actors whose aliases equal, then contain, ``text`` (for the CLI).

        >>> Gazetteer.load().search("Lukashenko")[0].id
        'alexander-lukashenko'
        """
        key = norm(text)
        found: dict[str, None] = {}
        for actor_id, _ in self.keys.get(key, ()):
            found[actor_id] = None
        for actor_id in self.surnames.get(key, ()):
            found[actor_id] = None
        if key:
            for k, pairs in self.keys.items():
                if len(found) >= limit:
                    break
                if key in k:
                    for actor_id, _ in pairs:
                        found[actor_id] = None
        return [self.actors[i] for i in list(found)[:limit]]


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> Gazetteer:
    return load_dir(Path(path))


def load_dir(path: Path) -> Gazetteer:
    """Parse every file of a gazetteer directory (uncached; raises :class:`GazetteerError`)."""
    actors: dict[str, ActorRecord] = {}
    aliases: dict[str, list[Alias]] = defaultdict(list)

    def add(rec: ActorRecord, row: Row) -> None:
        if rec.id in actors:
            raise row.fail("id", f"duplicate actor id {rec.id!r}")
        actors[rec.id] = rec

    country_rows: dict[str, list[Row]] = defaultdict(list)
    for row in read_file(path / "countries.csv", ("id", "alias", "kind")):
        if not _ISO2.match(row["id"]):
            raise row.fail("id", f"country id must be ISO 3166 alpha-2: {row['id']!r}")
        if row["kind"] not in ALIAS_KINDS:
            raise row.fail("kind", f"unknown alias kind {row['kind']!r} (one of {', '.join(ALIAS_KINDS)})")
        _qid(row, "qid")
        country_rows[row["id"]].append(row)
    for cid, rows in country_rows.items():
        names = [r["alias"] for r in rows if r["kind"] == "name"]
        if not names:
            raise rows[0].fail("kind", f"country {cid} has no row of kind 'name'")
        qids = {r["qid"] for r in rows if r.get("qid")}
        if len(qids) > 1:
            raise rows[0].fail("qid", f"country {cid} has several QIDs {sorted(qids)}")
        add(ActorRecord(cid, names[0], "Country", qid=next(iter(qids), "")), rows[0])
        aliases[cid] = [Alias(r["alias"], r["kind"]) for r in rows]

    for row in read_file(path / "organizations.csv", ("id", "name")):
        if not _SLUG.match(row["id"]):
            raise row.fail("id", f"organization id must be a lower-case slug: {row['id']!r}")
        add(ActorRecord(row["id"], row["name"], "Organization", qid=_qid(row, "qid"),
                        country=row.get("country", ""), note=row.get("note", "")), row)
        aliases[row["id"]] = [Alias(row["name"], "name")] + [
            Alias(v, kind) for field, kind in (("acronyms", "acronym"), ("aliases", "alias"), ("metonyms", "metonym"))
            for v in row.split(field)]

    for row in read_file(path / "persons.csv", ("id", "name")):
        pid = row["id"]
        if pid.startswith("Q") and not is_qid(pid):
            raise row.fail("id", f"not a Wikidata QID: {pid!r}")
        if not is_qid(pid) and not _SLUG.match(pid):
            raise row.fail("id", f"person id must be a QID or a lower-case slug: {pid!r}")
        add(ActorRecord(pid, row["name"], "Person", qid=pid if is_qid(pid) else "",
                        country=row.get("country", ""), surname=_person_surname(row),
                        note=row.get("note", "")), row)
        aliases[pid] = [Alias(row["name"], "name")] + [Alias(v, "alias") for v in row.split("aliases")]

    offices: dict[str, Office] = {}
    for row in read_file(path / "offices.csv", ("id", "label", "holder", "kind", "single_holder")):
        if row["id"] in offices:
            raise row.fail("id", f"duplicate office id {row['id']!r}")
        if row["holder"] not in actors:
            raise row.fail("holder", f"unknown country/organization {row['holder']!r}")
        if row["kind"] not in OFFICE_KINDS:
            raise row.fail("kind", f"unknown office kind {row['kind']!r}")
        if row["single_holder"] not in ("true", "false"):
            raise row.fail("single_holder", "must be true or false")
        offices[row["id"]] = Office(row["id"], row["label"], row["holder"], row["kind"],
                                    row["single_holder"] == "true", tuple(row.split("titles")), _qid(row, "qid"))

    positions: dict[str, list[Position]] = defaultdict(list)
    for row in read_file(path / "positions.csv", ("person", "office", "start")):
        if row["person"] not in actors:
            raise row.fail("person", f"unknown person {row['person']!r}")
        if row["office"] not in offices:
            raise row.fail("office", f"unknown office {row['office']!r}")
        for field in ("start", "end"):
            try:
                parse_bound(row.get(field, ""), end=field == "end")
            except ValueError as exc:
                raise row.fail(field, str(exc)) from None
        pos = Position(row["person"], row["office"], row["start"], row.get("end", ""),
                       row.get("source", ""), row.get("note", ""))
        lo, hi = pos.strict_interval()
        if row.get("end") and hi < lo:
            raise row.fail("end", f"end {pos.end} before start {pos.start}")
        positions[row["person"]].append(pos)

    ambiguous: dict[str, str] = {}
    for row in read_file(path / "ambiguous_aliases.csv", ("alias",)):
        if row.get("prefer") and row["prefer"] not in actors:
            raise row.fail("prefer", f"unknown actor {row['prefer']!r}")
        ambiguous[norm(row["alias"])] = row.get("prefer", "")

    records = []
    for rec in actors.values():
        kinds = list(aliases[rec.id])
        if rec.type == "Person" and len(rec.surname) >= 3 and rec.surname not in {norm(a.text) for a in kinds}:
            written = next((w for w in reversed(rec.name.split()) if norm(w) == rec.surname), rec.surname.title())
            kinds.append(Alias(written, "surname"))
        records.append(ActorRecord(
            rec.id, rec.name, rec.type, rec.qid, tuple(dict.fromkeys(a.text for a in kinds if a.kind != "surname")),
            rec.country, tuple(sorted(positions.get(rec.id, ()), key=lambda p: p.start_date)), tuple(kinds),
            rec.surname, rec.note))
    return Gazetteer(records, offices.values(), ambiguous, path)


__all__ = ["Gazetteer", "GazetteerError", "default_dir", "load_dir", "OFFICE_KINDS"]
