"""`kg import` through the bulk loader (kg.bulkload): checked, undone on failure, errors naming file and line."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from kg.api import KnowledgeGraph
from kg.bulkload import is_empty
from kg.importer import ImportRefused, import_file
from tests.conftest import KG, REPO, run_kg

DIP = "https://w3id.org/diplomacy-kg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
GRAPH = "https://w3id.org/diplomacy-kg/id/assertion/"


def _good_lines(n: int, start: int = 0) -> list[str]:
    return [f'<https://example.org/s{i}> <https://example.org/p> "value {i}" <{GRAPH}{i // 10:032x}> .\n'
            for i in range(start, start + n)]


def _named_graphs(graph: KnowledgeGraph) -> int:
    return len(list(graph.store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")))


def test_a_bad_value_late_in_a_file_leaves_an_empty_store_empty(tmp_path: Path) -> None:
    lines = _good_lines(3000)
    lines.insert(2500, f'<https://example.org/ev> <{DIP}endOffset> "-7"^^<{XSD}integer> .\n')
    path = tmp_path / "late.nq"
    path.write_text("".join(lines), encoding="utf-8")
    with KnowledgeGraph.open(str(tmp_path / "store")) as graph:
        with pytest.raises(ImportRefused) as refused:
            import_file(graph, path, bulk=True)
        assert str(refused.value).startswith(f"{path}:2501: dip:endOffset '-7' is out of range")
        assert len(graph.store) == 0 and _named_graphs(graph) == 0 and is_empty(graph.store)
        good = tmp_path / "good.nq"
        good.write_text("".join(_good_lines(3000)), encoding="utf-8")
        report = import_file(graph, good, bulk=True)  # the undone graphs left no trace ("already exists")
        assert (report.quads, report.graphs, report.mode) == (3000, 300, "bulk beside the check")
        assert len(graph.store) == 3000


def test_a_syntax_error_names_file_line_and_column_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "broken.nq"
    path.write_text("".join(_good_lines(2000)) + "<https://example.org/a> <https://example.org/p> oops .\n",
                    encoding="utf-8")
    store = tmp_path / "store"
    proc = run_kg("import", "--bulk", str(path), store=store)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().startswith(f"error: {path}:2001:") and len(proc.stderr.strip().splitlines()) == 1
    assert run_kg("stats", "--format", "json", store=store, check=True).stdout.count('"quads": 0') == 1


def test_a_store_with_data_is_checked_first_and_the_line_of_a_clash_is_named(tmp_path: Path) -> None:
    with KnowledgeGraph.open(str(tmp_path / "store")) as graph:
        first = tmp_path / "first.nq"
        first.write_text("".join(_good_lines(100)), encoding="utf-8")
        import_file(graph, first, bulk=True)
        more = tmp_path / "more.trig"  # new graphs, then one the store holds, on line 6 of a TriG file
        more.write_text(f"@prefix e: <https://example.org/> .\n<{GRAPH}{'f' * 32}> {{\n  e:x e:p \"1\" ;\n"
                        f"     e:q \"2\" .\n}}\n<{GRAPH}{0:032x}> {{ e:y e:p \"3\" . }}\n", encoding="utf-8")
        with pytest.raises(ImportRefused, match=rf"^{more}:6: graph <{GRAPH}{0:032x}> already exists"):
            import_file(graph, more, bulk=True)
        assert len(graph.store) == 100 and not graph.store.contains_graph(NamedNode(f"{GRAPH}{'f' * 32}"))
        extra = tmp_path / "extra.nq"
        extra.write_text("".join(_good_lines(100, start=100)), encoding="utf-8")
        report = import_file(graph, extra, bulk=True)
        assert report.mode == "bulk after the check" and len(graph.store) == 200


def test_the_progress_bar_shows_on_a_terminal_only(tmp_path: Path) -> None:
    path = tmp_path / "many.nq"
    path.write_text("".join(_good_lines(250_000)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    leader, follower = pty.openpty()
    shown = b""
    try:
        proc = subprocess.Popen([*KG, "import", "--bulk", str(path), "--store", str(tmp_path / "tty")], cwd=REPO,
                                env={**env, "TERM": "xterm", "COLUMNS": "120"}, stdout=subprocess.PIPE,
                                stderr=follower)
        os.close(follower)
        while True:  # read the terminal as it is written (a full pty would block the child)
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            shown += chunk
        out = proc.stdout.read().decode() if proc.stdout else ""
        proc.wait(timeout=300)
    finally:
        os.close(leader)
    assert proc.returncode == 0 and "imported 250000 quads" in out
    assert b"quads" in shown and b"checking" in shown  # the bar, with its phase
    piped = run_kg("import", "--bulk", str(path), store=tmp_path / "pipe")
    assert piped.returncode == 0 and piped.stderr == ""


@pytest.mark.parametrize("suffix", ["trig", "nq", "jsonld"])
def test_a_dump_bulk_loads_into_an_empty_store_unchanged(tmp_path: Path, suffix: str) -> None:
    from pyoxigraph import RdfFormat

    from kg.model.inputs import ClaimInput

    fmt = RdfFormat.from_extension(suffix)
    assert fmt is not None
    dump = tmp_path / f"dump.{suffix}"
    with KnowledgeGraph.open("memory:") as source:
        for subject, obj in (("Donald Trump", "Vladimir Putin"), ("Emmanuel Macron", "Olaf Scholz")):
            source.assert_claim(ClaimInput(subject=subject, relation="meets", object=obj, date="2024-03-04",
                                           source="https://example.org/bulk", quote=f"{subject} met {obj}."))
        dump.write_bytes(source.export(fmt))
        expected = sorted(source.export(RdfFormat.N_QUADS).decode().splitlines())
    with KnowledgeGraph.open(str(tmp_path / "store")) as graph:
        report = import_file(graph, dump, bulk=True)
        assert report.mode == "bulk beside the check" and report.graphs == 2
        assert sorted(graph.export(RdfFormat.N_QUADS).decode().splitlines()) == expected


class _FullDisk:
    """A real store whose bulk loader writes the whole file, then fails as a full disk would."""

    def __init__(self, store: object) -> None:
        self.inner = store

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def bulk_load(self, path: Path, fmt: object, *, lenient: bool = False) -> None:
        self.inner.bulk_load(path, fmt, lenient=lenient)  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("with_data", [False, True])
def test_a_loader_failure_takes_back_what_it_wrote(tmp_path: Path, with_data: bool) -> None:
    from kg.bulkload import load_checked
    from kg.importer import scan
    from pyoxigraph import RdfFormat

    with KnowledgeGraph.open(str(tmp_path / "store")) as graph:
        if with_data:
            first = tmp_path / "first.nq"
            first.write_text("".join(_good_lines(50)), encoding="utf-8")
            import_file(graph, first, bulk=True)
        before = sorted(graph.export(RdfFormat.N_QUADS).decode().splitlines())
        path = tmp_path / "more.nq"
        path.write_text("".join(_good_lines(500, start=1000)), encoding="utf-8")
        store = _FullDisk(graph.store)
        with pytest.raises(ImportRefused, match="No space left on device"):
            load_checked(store, path, RdfFormat.N_QUADS, lambda phase: scan(store, path, RdfFormat.N_QUADS))
        assert sorted(graph.export(RdfFormat.N_QUADS).decode().splitlines()) == before
        assert _named_graphs(graph) == (5 if with_data else 0)
