"""Benchmark: extraction quality on the project's own labelled set (prints figures; not a test).

Runs the installed ``kg extract FILES --format jsonl`` over ``bench/quality/articles/`` (gold in
``bench/quality/gold.jsonl``) and over the single sentences of ``bench/quality/sentences.jsonl`` (each
written to a temporary JSON article), and prints, for articles and sentences separately: precision,
recall and F1 per relation type and overall; the F1 when the status (held, planned, negated) must
agree too; and how many stated dates, times, places and counts the status-matched findings get right.

    python bench/bench_quality.py [--extractor parse|rules] [--articles N] [--sentences N] [--verbose]

Conventions (the same as the development set's): per document each (relation, subject, object) counts
once, whatever its status; ``meets`` and ``talksWith`` are symmetric; a gold person matches a label that
is one of its names or aliases, or that contains its family name (its last word, or a one-word
alias: "Han" for "Han Seung-woo"); another actor matches a label
containing one of its names or contained in one (names of 4+ characters); a group object ("prisoners")
matches on relation and subject alone; a negated gold relation reported as held or planned is a false
finding; ``optional`` gold relations are neither rewarded nor penalised, and neither are findings of a
pair already matched. The set was written for this benchmark (docs/quality.md).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent / "quality"
KINDS = ("meets", "talksWith", "pardons", "releases", "sanctions", "advises")
ALIASES = {k.lower(): k for k in KINDS} | {"talks": "talksWith"}
SYMMETRIC = frozenset({"meets", "talksWith"})
GROUPS = frozenset({"prisoners", "detainees", "political prisoners", "inmates", "hostages"})
ATTRIBUTES = ("date", "time", "place", "count")


def fold(text: object) -> str:
    """Lower-case ASCII words separated by single spaces.

    >>> fold("  Mr. Ruiz-Tagle, São Paulo ")
    'mr ruiz tagle sao paulo'
    """
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def kind_of(name: object) -> str | None:
    """The relation type a gold or predicted relation name stands for, or None."""
    return ALIASES.get(str(name or "").lower())


@dataclass(frozen=True)
class GoldActor:
    """An entity of the gold: its name, type and every form it may be written in."""

    name: str
    type: str = ""
    forms: frozenset[str] = frozenset()

    @classmethod
    def of(cls, spec: dict) -> "GoldActor":
        forms = {fold(spec["name"])} | {fold(a) for a in spec.get("aliases", [])}
        return cls(spec["name"], spec.get("type", ""), frozenset(f for f in forms if f))

    def matches(self, label: str) -> bool:
        """Whether a predicted label names this actor.

        >>> GoldActor.of({"name": "Amara Kovac", "type": "Person"}).matches("President Kovac")
        True
        >>> treasury = GoldActor.of({"name": "U.S. Treasury", "type": "Organization"})
        >>> treasury.matches("Treasury"), treasury.matches("US")
        (True, False)
        """
        got = fold(label)
        if not got:
            return False
        if got in self.forms:
            return True
        if self.type == "Person":
            # a family name: the name's last word, or a one-word alias ("Han" for "Han Seung-woo")
            family = set(fold(self.name).split()[-1:]) | {f for f in self.forms if " " not in f}
            return any(len(f) > 2 and f in got.split() for f in family)
        return any(len(f) > 3 and (f in got or got in f) for f in self.forms if len(got) > 3)


@dataclass(frozen=True)
class GoldRelation:
    kind: str
    subject: GoldActor
    object: GoldActor | None  # None: a group ("prisoners"), matched on relation and subject alone
    status: str
    optional: bool
    attrs: dict = field(default_factory=dict, hash=False, compare=False)

    def pair(self) -> tuple:
        ends = (self.subject.name, self.object.name if self.object else "")
        return (self.kind,) + (tuple(sorted(ends)) if self.kind in SYMMETRIC else ends)

    def fits(self, pred: dict) -> bool:
        """Whether a prediction is this relation (any status)."""
        if kind_of(pred.get("relation")) != self.kind:
            return False
        s, o = label(pred.get("subject")), label(pred.get("object"))
        ok = lambda a, b: self.subject.matches(a) and (self.object is None or self.object.matches(b))  # noqa: E731
        return ok(s, o) or (self.kind in SYMMETRIC and ok(o, s))


def label(end: object) -> str:
    if isinstance(end, dict):
        return str(end.get("label") or end.get("name") or "")
    return str(end or "")


def gold_of(record: dict) -> list[GoldRelation]:
    """The relations of one gold record (an article's line of gold.jsonl or a sentence)."""
    actors = {e["name"]: GoldActor.of(e) for e in record.get("entities", [])}
    actor = lambda n: actors.get(n) or GoldActor.of({"name": n})  # noqa: E731
    out = []
    for r in record.get("relations", []):
        kind = kind_of(r["type"])
        if kind is None:
            raise ValueError(f"{record.get('doc') or record.get('id')}: unknown relation type {r['type']!r}")
        obj = None if fold(r["object"]) in GROUPS else actor(r["object"])
        out.append(GoldRelation(kind, actor(r["subject"]), obj, r.get("status", "held"), bool(r.get("optional")),
                                {k: r.get(k) for k in ATTRIBUTES if r.get(k) not in (None, "")}))
    return out


def pred_key(pred: dict, with_status: bool) -> tuple:
    kind = kind_of(pred.get("relation")) or str(pred.get("relation"))
    ends = (fold(label(pred.get("subject"))), fold(label(pred.get("object"))))
    key = (kind,) + (tuple(sorted(ends)) if kind in SYMMETRIC else ends)
    return key + ((pred.get("status"),) if with_status else ())


def unique(items, key) -> list:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def attribute_right(name: str, want: object, got: object) -> bool:
    """Whether a predicted date/time/place/count agrees with the gold's.

    >>> attribute_right("place", "Nairobi", "State House, Nairobi"), attribute_right("date", "2026-03", "2026-03-04")
    (True, True)
    """
    if name == "place":
        return bool(set(fold(want).split()) & set(fold(got).split()))
    if name == "count":
        return str(got) == str(want)
    return str(got or "").startswith(str(want))


@dataclass
class Tally:
    """Counts over a set: relaxed and status-aware true/false positives and misses, attributes."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    stp: Counter = field(default_factory=Counter)
    sfp: Counter = field(default_factory=Counter)
    sfn: Counter = field(default_factory=Counter)
    attrs: dict = field(default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES})
    notes: list = field(default_factory=list)

    def add(self, doc: str, gold: list[GoldRelation], preds: list[dict]) -> None:
        """Score one document's predictions against its gold.

        >>> t = Tally(); g = gold_of({"entities": [{"name": "Ana Ruiz", "type": "Person"}],
        ...     "relations": [{"type": "meets", "subject": "Ana Ruiz", "object": "Li Wei", "status": "held"}]})
        >>> t.add("d", g, [{"relation": "meets", "subject": {"label": "Li Wei"}, "object": {"label": "Ruiz"},
        ...                 "status": "held"}])
        >>> t.tp["meets"], t.fp["meets"], t.stp["meets"]
        (1, 0, 1)
        """
        optional = [g for g in gold if g.optional]
        scored = [g for g in gold if not g.optional]
        # relaxed: a pair found at all, whatever its status; negated gold must not be asserted
        # a group ("prisoners") fits any object of its subject: named relations take their predictions first
        wanted = sorted(unique([g for g in scored if g.status != "negated"], GoldRelation.pair), key=_group_last)
        found = unique([p for p in preds if p.get("status") != "negated"], lambda p: pred_key(p, False))
        used: set[int] = set()
        for g in wanted:
            hit = next((i for i, p in enumerate(found) if i not in used and g.fits(p)), None)
            if hit is None:
                self.fn[g.kind] += 1
                self.notes.append(f"  miss  {doc}: {_show(g)}")
            else:
                used.add(hit)
                self.tp[g.kind] += 1
        for i, p in enumerate(found):
            if i in used or any(g.fits(p) for g in wanted + optional):
                continue
            self.fp[kind_of(p.get("relation")) or str(p.get("relation"))] += 1
            negated = any(g.fits(p) for g in scored if g.status == "negated")
            self.notes.append(f"  false {doc}: {_show_pred(p)}{'  (gold: negated)' if negated else ''}")
        # status-aware: every scored pair and status, negated ones too
        wanted = sorted(unique(scored, lambda g: g.pair() + (g.status,)), key=_group_last)
        found = unique(preds, lambda p: pred_key(p, True))
        used = set()
        for g in wanted:
            hit = next((i for i, p in enumerate(found)
                        if i not in used and p.get("status") == g.status and g.fits(p)), None)
            if hit is None:
                self.sfn[g.kind] += 1
                continue
            used.add(hit)
            self.stp[g.kind] += 1
            same = [p for p in preds if p.get("status") == g.status and g.fits(p)]
            for name, want in g.attrs.items():
                self.attrs[name][1] += 1
                self.attrs[name][0] += any(attribute_right(name, want, p.get(name)) for p in same)
        for i, p in enumerate(found):
            if i in used or any(g.fits(p) and (g.optional or g.status == p.get("status")) for g in gold):
                continue
            self.sfp[kind_of(p.get("relation")) or str(p.get("relation"))] += 1


def _group_last(g: GoldRelation) -> bool:
    """Sort key: named relations before group ones (a group may take any prediction of its subject)."""
    return g.object is None


def _show(g: GoldRelation) -> str:
    return f"{g.kind}({g.subject.name}, {g.object.name if g.object else 'group'}) {g.status}"


def _show_pred(p: dict) -> str:
    return f"{p.get('relation')}({label(p.get('subject'))}, {label(p.get('object'))}) {p.get('status')}"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined).

    >>> [round(x, 3) for x in prf(3, 1, 2)]
    [0.75, 0.6, 0.667]
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(title: str, t: Tally) -> str:
    """The printed figures of one set."""
    lines = [f"== {title}", f"{'relation':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'rec':>5} {'f1':>5}"]
    for kind in [k for k in KINDS if t.tp[k] + t.fp[k] + t.fn[k]] + sorted(set(t.fp) - set(KINDS)):
        p, r, f = prf(t.tp[kind], t.fp[kind], t.fn[kind])
        lines.append(f"{kind:<10} {t.tp[kind]:>4} {t.fp[kind]:>4} {t.fn[kind]:>4} {p:5.2f} {r:5.2f} {f:5.2f}")
    tp, fp, fn = (sum(c.values()) for c in (t.tp, t.fp, t.fn))
    p, r, f = prf(tp, fp, fn)
    lines.append(f"{'overall':<10} {tp:>4} {fp:>4} {fn:>4} {p:5.2f} {r:5.2f} {f:5.2f}")
    p, r, f = prf(*(sum(c.values()) for c in (t.stp, t.sfp, t.sfn)))
    lines.append(f"with status: precision {p:.2f} recall {r:.2f} f1 {f:.2f}")
    lines.append("attributes on status-matched pairs: "
                 + ", ".join(f"{a} {t.attrs[a][0]}/{t.attrs[a][1]}" for a in ATTRIBUTES))
    return "\n".join(lines)


def kg_command() -> list[str]:
    """The installed CLI beside this interpreter (else on PATH)."""
    local = Path(sys.executable).parent / "kg"
    found = str(local) if local.exists() else shutil.which("kg")
    if not found:
        sys.exit("bench_quality: the `kg` command is not installed (run `make setup`)")
    return [found]


def extract(files: list[Path], extractor: str | None) -> dict[str, list[dict]]:
    """Run ``kg extract FILES --format jsonl`` once; findings by file name."""
    cmd = kg_command() + ["extract", *map(str, files), "--format", "jsonl"]
    if extractor:
        cmd += ["--extractor", extractor]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench_quality: kg extract exited {proc.returncode}: {proc.stderr.strip()[-1500:]}")
    out: dict[str, list[dict]] = {f.name: [] for f in files}
    for n, line in enumerate(proc.stdout.splitlines(), 1):
        if line.strip():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                sys.exit(f"bench_quality: kg extract printed line {n} that is not JSON: {line[:120]}")
            out.setdefault(Path(str(rec.get("source", ""))).name, []).append(rec)
    return out


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_articles(root: Path, extractor: str | None, limit: int | None) -> Tally:
    docs = read_jsonl(root / "gold.jsonl")[:limit]
    preds = extract([root / "articles" / d["doc"] for d in docs], extractor)
    tally = Tally()
    for d in docs:
        tally.add(d["doc"], gold_of(d), preds.get(d["doc"], []))
    return tally


def score_sentences(root: Path, extractor: str | None, limit: int | None) -> Tally:
    items = read_jsonl(root / "sentences.jsonl")[:limit]
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as tmp:
        files = []
        for item in items:
            path = Path(tmp) / f"{item['id']}.json"
            record = {"text": item["text"]} | ({"published": item["published"]} if item.get("published") else {})
            path.write_text(json.dumps(record), encoding="utf-8")
            files.append(path)
        preds = extract(files, extractor)
        for item, path in zip(items, files):
            tally.add(item["id"], gold_of(item), preds.get(path.name, []))
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extractor", default=None, help="passed to kg extract (default: its default)")
    ap.add_argument("--articles", type=int, default=None, metavar="N", help="score only the first N articles")
    ap.add_argument("--sentences", type=int, default=None, metavar="N", help="score only the first N sentences")
    ap.add_argument("--set", type=Path, default=HERE, help="folder with articles/, gold.jsonl, sentences.jsonl")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list misses and false findings")
    args = ap.parse_args(argv)
    name = args.extractor or "default"
    for title, scorer, limit in (("articles", score_articles, args.articles),
                                 ("sentences", score_sentences, args.sentences)):
        if limit == 0:
            continue
        tally = scorer(args.set, args.extractor, limit)
        print(report(f"{title} (extractor: {name})", tally))
        if args.verbose:
            print("\n".join(tally.notes))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
