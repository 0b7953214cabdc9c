"""The relation frames as data: :class:`Frame`, read from ``frames.yaml`` (and ``KG_FRAMES`` files), checked
against the ontology, indexed by trigger, and the cheap pass that selects sentences to parse.

Matching them over a parse is :mod:`kg.extract.frames`.

>>> sorted({f.kind for f in all_frames()})
['act', 'encounter']
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FRAMES_FILE = Path(__file__).with_name("frames.yaml")
#: environment variable naming extra frames files (YAML, as frames.yaml; ``os.pathsep``-separated), read after it
FRAMES_ENV = "KG_FRAMES"

@dataclass(frozen=True)
class Frame:
    """One relation frame read from ``frames.yaml``."""

    relation: str
    kind: str  # encounter | act
    lemmas: frozenset[str]
    pos: frozenset[str]
    event_type: str | None = None
    with_dobj: frozenset[str] = frozenset()
    needs_particle: frozenset[str] = frozenset()
    counterpart: tuple[str, ...] = ()
    patient: tuple[str, ...] = ()
    host: str | None = None
    persons: bool = False
    remote: frozenset[str] = frozenset()
    #: lemmas one of which must be the object of a preposition on the trigger ("added X to its sanctions list")
    needs_pobj: frozenset[str] = frozenset()
    #: words one of which the sentence or the two before it must contain ("targeted" is a sanction only there)
    context: tuple[str, ...] = ()
    #: a preposition that must hang on the trigger ("swapped X for Y": for)
    needs_prep: frozenset[str] = frozenset()
    #: true when two named agents say nothing of who did what ("A and B exchanged X for Y"): no finding
    one_agent: bool = False
    #: the status the trigger itself states, when its clause says no other ("invited X for talks": planned)
    status: str | None = None
    #: true when a pair named only as the trigger's subjects ("A and B discussed the war") retells an encounter:
    #: the finding stands only where the document tells no other encounter of the pair
    restates: bool = False
    #: true when the trigger says nothing of how the sides met ("exchanged views"): said of "the two sides", it is
    #: the mode of their last encounter (a call's views are exchanged on the call)
    continues: bool = False
    confidence: float = 0.85



@lru_cache(maxsize=1)
def load_frames(path: str | None = None) -> tuple[Frame, ...]:
    """The frames of ``frames.yaml`` (or ``path``); a malformed entry fails with its index and field.

    >>> sorted({f.relation for f in load_frames()})
    ['advises', 'meets', 'pardons', 'releases', 'sanctions', 'talksWith']
    """
    import yaml

    src = Path(path) if path else FRAMES_FILE
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's reader when PyYAML was built with it
    raw = yaml.load(src.read_text(encoding="utf-8"), Loader=loader) or []
    frames = []
    for k, entry in enumerate(raw):
        try:
            frames.append(Frame(
                relation=str(entry["relation"]), kind=str(entry["kind"]),
                lemmas=frozenset(str(x).lower() for x in entry["lemmas"]), pos=frozenset(entry["pos"]),
                event_type=entry.get("event_type"), with_dobj=frozenset(entry.get("with_dobj", ())),
                needs_particle=frozenset(entry.get("needs_particle", ())),
                needs_pobj=frozenset(str(x).lower() for x in entry.get("needs_pobj", ())),
                counterpart=tuple(entry.get("counterpart", ())), patient=tuple(entry.get("patient", ())),
                host=entry.get("host"), persons=bool(entry.get("persons", False)),
                remote=frozenset(entry.get("remote", ())), context=tuple(str(w).lower() for w in entry.get("context", ())),
                needs_prep=frozenset(str(x).lower() for x in entry.get("needs_prep", ())),
                one_agent=bool(entry.get("one_agent", False)), status=entry.get("status"),
                restates=bool(entry.get("restates", False)),
                continues=bool(entry.get("continues", False)),
                confidence=float(entry.get("confidence", 0.85))))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{src}: frame {k} is malformed ({exc})") from None
        if frames[-1].kind not in ("encounter", "act"):
            raise ValueError(f"{src}: frame {k} has kind {frames[-1].kind!r}; expected encounter or act")
        _check_against_ontology(frames[-1], f"{src}: frame {k}")
    return tuple(frames)


@lru_cache(maxsize=1)
def meeting_verbs() -> frozenset[str]:
    """The verbs the encounter frames read alone: whoever is their subject met or spoke.

    >>> {"meet", "speak", "confer"} <= meeting_verbs()
    True
    """
    return frozenset(w for f in all_frames() if f.kind == "encounter" and "VERB" in f.pos and not f.with_dobj
                     and not f.needs_prep and not f.needs_particle for w in f.lemmas)


@lru_cache(maxsize=1)
def all_frames() -> tuple[Frame, ...]:
    """The frames of ``frames.yaml`` and of the files named by ``KG_FRAMES`` (the trigger data of relation
    types added to the ontology); a missing file is a one-line error.

    >>> all_frames() == load_frames() or bool(os.environ.get(FRAMES_ENV))
    True
    """
    extra = [p for p in os.environ.get(FRAMES_ENV, "").split(os.pathsep) if p.strip()]
    missing = next((p for p in extra if not Path(p).is_file()), None)
    if missing is not None:
        raise FileNotFoundError(f"{FRAMES_ENV}: no frames file {missing!r}")
    return load_frames() + tuple(f for p in extra for f in load_frames(p))


def _check_against_ontology(frame: Frame, where: str) -> None:
    """A frame's relation must be a projection of ``dip.ttl`` and its event type a class of that relation's events.

    The ontology is the single source of truth for relation types: a frame only says how text states one.
    """
    from kg.model.relation_types import relation_types

    found = relation_types().get(frame.relation)
    if found is None:
        raise ValueError(f"{where}: relation {frame.relation!r} is not declared in ontology/dip.ttl "
                         f"(declared: {', '.join(sorted(relation_types()))})")
    if (frame.kind == "encounter") != found.symmetric:
        raise ValueError(f"{where}: relation {frame.relation!r} is {'' if found.symmetric else 'not '}symmetric in "
                         f"ontology/dip.ttl, so its frame kind must be {'encounter' if found.symmetric else 'act'}")
    if frame.event_type is not None:
        if frame.event_type not in found.event_types:
            raise ValueError(f"{where}: event type {frame.event_type!r} is not a kind of "
                             f"{found.event_class.rsplit('#', 1)[-1]} in ontology/dip.ttl")


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], tuple[Frame, ...]]:
    out: dict[tuple[str, str], list[Frame]] = {}
    for f in all_frames():
        for lemma in f.lemmas:
            for pos in f.pos:
                out.setdefault((lemma, pos), []).append(f)
    return {k: tuple(v) for k, v in out.items()}


#: past forms a lemma's stem does not cover ("met" for "meet")
_IRREGULAR = {"meet": ("met",), "speak": ("spoke",), "sit": ("sat",), "freeze": ("froze",), "ring": ("rang", "rung"),
              "bar": ("barred",), "ban": ("banned",), "shake": ("shook",)}


@lru_cache(maxsize=1)
def gate_pattern() -> "re.Pattern[str]":
    """The cheap pass that selects sentences to parse: a stem of every trigger word of the frames.

    A light verb ("hold", "impose") is selected through its object ("talks", "sanctions"), "added X to its
    list" through the list.

    >>> bool(gate_pattern().search("Trump met Putin")), bool(gate_pattern().search("It rained in Oslo"))
    (True, False)
    """
    words: set[str] = set()
    for f in all_frames():
        typed = any(w.startswith("@") for w in f.needs_pobj)  # "invited X to Riga": the verb itself selects
        for w in (f.with_dobj or (f.lemmas if typed else f.needs_pobj) or f.lemmas):  # the rarer word of a pair
            words.add(w[:-1] if len(w) >= 5 else w)
            words.update(_IRREGULAR.get(w, ()))
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")", re.IGNORECASE)
