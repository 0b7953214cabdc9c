"""Refresh persons and positions from Wikidata (or any endpoint shaped like it).

:func:`update_from_endpoint` asks a SPARQL 1.1 endpoint who held each office of
``offices.csv`` that carries an office QID (P39 "position held", qualifiers
P580 start / P582 end, ``rdfs:label`` and ``skos:altLabel`` in English;
deprecated statements skipped), merges the answer into ``persons.csv`` and
``positions.csv`` and writes them atomically.  :func:`import_file` does the
same from a saved SPARQL JSON result or CSV.  On any error the files are left
as they were and :class:`WikidataError` carries a one-line message.

Merge rules (docs/actors.md): for refreshed offices Wikidata is the authority,
so their position rows are replaced (hand notes on identical terms are kept);
other offices are untouched.  A person already known by QID gains new
aliases; a person known by a slug whose name and office match is re-keyed to
the QID; anyone else is added.

>>> rows = parse_sparql_json({"head": {"vars": ["person", "office"]}, "results": {"bindings": [
...     {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q7747"},
...      "office": {"type": "uri", "value": "http://www.wikidata.org/entity/Q218295"},
...      "start": {"type": "literal", "value": "2012-05-07T00:00:00Z"}}]}})
>>> rows[0].person, rows[0].office, rows[0].start
('Q7747', 'Q218295', '2012-05-07')
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.rdf.ids import is_qid
from kg.resolve.csvio import GazetteerError, read_file
from kg.resolve.gazetteer import default_dir, load_dir
from kg.resolve.normalize import norm

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
ENTITY = "http://www.wikidata.org/entity/"
PERSON_FIELDS = ("id", "name", "aliases", "surname", "country")
POSITION_FIELDS = ("person", "office", "start", "end", "source", "note")
MIN_YEAR = 2000

QUERY = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?personLabel ?altLabel ?office ?start ?end WHERE {
  VALUES ?office { %s }
  ?person p:P39 ?st .
  ?st ps:P39 ?office .
  FILTER NOT EXISTS { ?st wikibase:rank wikibase:DeprecatedRank }
  OPTIONAL { ?st pq:P580 ?start }
  OPTIONAL { ?st pq:P582 ?end }
  OPTIONAL { ?person rdfs:label ?personLabel FILTER(LANG(?personLabel) = "en") }
  OPTIONAL { ?person skos:altLabel ?altLabel FILTER(LANG(?altLabel) = "en") }
}"""


class WikidataError(RuntimeError):
    """A refresh or import that failed; nothing was written."""


@dataclass
class HeldRow:
    """One P39 statement: person QID, office QID, dates (YYYY-MM-DD or blank), labels."""

    person: str
    office: str
    start: str = ""
    end: str = ""
    label: str = ""
    alt: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh changed."""

    persons_added: int
    persons_rekeyed: int
    positions: int
    offices: tuple[str, ...]


def _qid_of(value: str, where: str) -> str:
    qid = value.rsplit("/", 1)[-1].strip()
    if not is_qid(qid):
        raise WikidataError(f"{where}: not a Wikidata item: {value!r}")
    return qid


def _day(value: str, where: str) -> str:
    day = value.strip()[:10]
    if day and not (len(day) == 10 and day[4] == "-" and day[7] == "-" and day.replace("-", "").isdigit()):
        raise WikidataError(f"{where}: not a date: {value!r}")
    return day


def _collect(records: Iterable[tuple[str, Mapping[str, str]]]) -> list[HeldRow]:
    """Fold flat result rows (one per altLabel) into one :class:`HeldRow` per statement."""
    merged: dict[tuple[str, str, str, str], HeldRow] = {}
    for where, rec in records:
        if not rec.get("person") or not rec.get("office"):
            raise WikidataError(f"{where}: 'person' and 'office' are required")
        key = (_qid_of(rec["person"], where), _qid_of(rec["office"], where),
               _day(rec.get("start", ""), where), _day(rec.get("end", ""), where))
        row = merged.setdefault(key, HeldRow(*key))
        row.label = row.label or rec.get("personLabel", "").strip()
        if rec.get("altLabel", "").strip():
            row.alt.add(rec["altLabel"].strip())
    return list(merged.values())


def parse_sparql_json(doc: Any, name: str = "result") -> list[HeldRow]:
    """Rows of a SPARQL 1.1 JSON result with variables person, office (+ start, end, labels)."""
    try:
        variables = set(doc["head"]["vars"])
        bindings = doc["results"]["bindings"]
    except (KeyError, TypeError):
        raise WikidataError(f"{name}: not a SPARQL JSON result (head.vars, results.bindings)") from None
    if not {"person", "office"} <= variables or not isinstance(bindings, list):
        raise WikidataError(f"{name}: the result needs variables 'person' and 'office'")
    return _collect((f"{name}: binding {i + 1}", {k: v.get("value", "") for k, v in b.items()})
                    for i, b in enumerate(bindings))


def parse_csv(text: str, name: str = "result.csv") -> list[HeldRow]:
    """Rows of a CSV result (header person, office, optional start, end, personLabel, altLabel)."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"person", "office"} <= {f.strip() for f in reader.fieldnames}:
        raise WikidataError(f"{name}: CSV header needs 'person' and 'office'")
    return _collect((f"{name}:{reader.line_num}", {k.strip(): (v or "") for k, v in r.items() if k})
                    for r in reader)


def build_query(office_qids: Iterable[str]) -> str:
    """The SPARQL query for these offices.

    QIDs are validated before they are spliced into ``VALUES`` (they come from
    our own offices.csv, never from article text).

    >>> "wd:Q11696" in build_query(["Q11696"])
    True
    """
    qids = sorted(set(office_qids))
    if not all(is_qid(q) for q in qids):
        raise ValueError("office QIDs must be well-formed")
    return QUERY % " ".join(f"wd:{q}" for q in qids)


def fetch(endpoint_url: str, query: str, timeout: float = 60.0) -> list[HeldRow]:
    """POST ``query`` to a SPARQL endpoint and parse the JSON answer."""
    import httpx  # only the refresh needs it

    try:
        resp = httpx.post(endpoint_url, data={"query": query}, timeout=timeout, headers={
            "Accept": "application/sparql-results+json",
            "User-Agent": "diplomacy-kg/0.1 (actor gazetteer refresh)"})
        resp.raise_for_status()
        return parse_sparql_json(resp.json(), endpoint_url)
    except WikidataError as exc:
        raise WikidataError(f"cannot refresh from {endpoint_url}: {exc}") from None
    except (httpx.HTTPError, ValueError) as exc:
        raise WikidataError(f"cannot refresh from {endpoint_url}: {type(exc).__name__}: {exc}") from None


def update_from_endpoint(endpoint_url: str = WIKIDATA_SPARQL, out_dir: str | Path | None = None,
                         base_dir: str | Path | None = None) -> RefreshReport:
    """Refresh persons.csv/positions.csv in ``out_dir`` (default: the packaged gazetteer)."""
    base = Path(base_dir) if base_dir else default_dir()
    offices = _office_qids(base)
    if not offices:
        raise WikidataError(f"cannot refresh from {endpoint_url}: no office in offices.csv has a qid")
    rows = fetch(endpoint_url, build_query(offices))
    return merge_and_write(rows, base, Path(out_dir) if out_dir else base, endpoint_url)


def import_file(path: str | Path, out_dir: str | Path | None = None,
                base_dir: str | Path | None = None) -> RefreshReport:
    """Import a saved Wikidata SPARQL result (``.json``, or CSV otherwise) into the gazetteer."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise WikidataError(f"cannot read {p}: {exc.strerror}") from None
    if p.suffix.lower() in (".json", ".srj") or text.lstrip().startswith("{"):
        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise WikidataError(f"{p.name}: invalid JSON: {exc}") from None
        rows = parse_sparql_json(doc, p.name)
    else:
        rows = parse_csv(text, p.name)
    base = Path(base_dir) if base_dir else default_dir()
    return merge_and_write(rows, base, Path(out_dir) if out_dir else base, str(p))


def _office_qids(base: Path) -> dict[str, str]:
    return {r["qid"]: r["id"] for r in read_file(base / "offices.csv", ("id",)) if r.get("qid")}


def merge_and_write(rows: list[HeldRow], base: Path, out_dir: Path, origin: str) -> RefreshReport:
    """Merge ``rows`` into the persons/positions of ``base`` and write them into ``out_dir``."""
    office_by_qid = _office_qids(base)
    holder = {r["id"]: r["holder"] for r in read_file(base / "offices.csv", ("id",))}
    persons = [dict(r) for r in read_file(base / "persons.csv", ("id", "name"))]
    positions = [dict(r) for r in read_file(base / "positions.csv", ("person", "office"))]
    rows = [r for r in rows if r.office in office_by_qid and not (r.end and int(r.end[:4]) < MIN_YEAR)]
    refreshed = {office_by_qid[r.office] for r in rows}
    by_id = {p["id"]: p for p in persons}
    rekey: dict[str, str] = {}
    added = 0
    for r in rows:
        office = office_by_qid[r.office]
        if r.person in by_id or r.person in rekey.values():
            continue
        label = r.label or r.person
        match = next((p for p in persons if not is_qid(p["id"]) and norm(p["name"]) == norm(label)
                      and any(q["person"] == p["id"] and q["office"] == office for q in positions)), None)
        if match is not None:
            rekey[match["id"]] = r.person
            match["id"] = r.person
            by_id[r.person] = match
        else:
            country = holder.get(office, "")
            by_id[r.person] = {"id": r.person, "name": label, "aliases": "", "surname": "",
                               "country": country if len(country) == 2 else ""}
            persons.append(by_id[r.person])
            added += 1
    for r in rows:
        p = by_id[r.person]
        known = {norm(a) for a in [p["name"], *p.get("aliases", "").split("|")] if a}
        new = sorted(a for a in r.alt if norm(a) not in known and "|" not in a)
        if new:
            p["aliases"] = "|".join([a for a in p.get("aliases", "").split("|") if a] + new)
    notes = {(rekey.get(q["person"], q["person"]), q["office"], q.get("start", "")): q.get("note", "") for q in positions}
    kept = [dict(q, person=rekey.get(q["person"], q["person"])) for q in positions if q["office"] not in refreshed]
    fresh = [{"person": r.person, "office": office_by_qid[r.office], "start": r.start, "end": r.end,
              "source": f"wd:{r.person}", "note": notes.get((r.person, office_by_qid[r.office], r.start), "")}
             for r in rows if r.start]
    fresh.sort(key=lambda q: (q["office"], q["start"]))
    _write_validated(base, out_dir, persons, kept + fresh, origin)
    return RefreshReport(added, len(rekey), len(fresh), tuple(sorted(refreshed)))


def _csv_text(fields: tuple[str, ...], rows: list[dict[str, str]], header: str) -> str:
    buf = io.StringIO()
    buf.write(header)
    writer = csv.DictWriter(buf, fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: r.get(k, "") for k in fields} for r in rows)
    return buf.getvalue()


def _write_validated(base: Path, out_dir: Path, persons: list[dict[str, str]],
                     positions: list[dict[str, str]], origin: str) -> None:
    """Validate the new files as a whole gazetteer, then replace both files atomically."""
    texts = {
        "persons.csv": _csv_text(PERSON_FIELDS, persons, f"# Persons; refreshed from {origin}. See docs/actors.md.\n"),
        "positions.csv": _csv_text(POSITION_FIELDS, positions,
                                   f"# Positions held; refreshed from {origin}. end blank = current.\n"),
    }
    with tempfile.TemporaryDirectory() as scratch:
        for f in base.glob("*.csv"):
            shutil.copy(f, Path(scratch) / f.name)
        for name, text in texts.items():
            (Path(scratch) / name).write_text(text, encoding="utf-8")
        try:
            load_dir(Path(scratch))
        except GazetteerError as exc:
            raise WikidataError(f"refresh from {origin} gives invalid data, nothing written: {exc}") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    temps: list[tuple[str, Path]] = []
    try:
        for name, text in texts.items():
            fd, tmp_name = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            temps.append((name, Path(tmp_name)))
        for name, tmp_path in temps:
            os.replace(tmp_path, out_dir / name)
    finally:
        for _, leftover in temps:
            leftover.unlink(missing_ok=True)


__all__ = ["WikidataError", "RefreshReport", "update_from_endpoint", "import_file", "build_query",
           "parse_sparql_json", "parse_csv", "WIKIDATA_SPARQL"]
