"""``kg actors`` commands through typer's CliRunner on a local app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kg.cli.actors import register


@pytest.fixture(autouse=True)
def wide_console() -> Iterator[None]:
    """Rich wraps table cells to the terminal width; make it wide so text stays on one line."""
    from kg.cli.common import console

    old = console.width
    console.width = 250
    yield
    console.width = old


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def main() -> None:
        """Test root."""

    return app


def run(app: typer.Typer, *args: str) -> str:
    res = CliRunner().invoke(app, ["actors", *args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def test_search_lukashenko(app: typer.Typer) -> None:
    out = run(app, "search", "Lukashenko")
    assert "Lukashenko" in out and "President of Belarus" in out


def test_search_role_by_date(app: typer.Typer) -> None:
    assert "Medvedev" in run(app, "search", "the Russian President", "--on", "2010-06-01")


def test_show_positions_since_1994(app: typer.Typer) -> None:
    out = run(app, "show", "Lukashenka")
    assert "President of Belarus" in out and "1994-07-20" in out and "(current)" in out
    assert "Lukashenka" in out


def test_show_unknown_fails(app: typer.Typer) -> None:
    res = CliRunner().invoke(app, ["actors", "show", "Nobody Atall"])
    assert res.exit_code != 0 and isinstance(res.exception, KeyError)


def test_import_command(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "a.json"
    src.write_text(json.dumps({"head": {"vars": ["person", "office", "start"]}, "results": {"bindings": [
        {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q7747"},
         "office": {"type": "uri", "value": "http://www.wikidata.org/entity/Q218295"},
         "start": {"type": "literal", "value": "2012-05-07"}}]}}), encoding="utf-8")
    assert "imported 1 positions" in run(app, "import", str(src), "--out", str(tmp_path / "out"))


def test_every_command_has_help(app: typer.Typer) -> None:
    for cmd in ("search", "show", "update", "import"):
        res = CliRunner().invoke(app, ["actors", cmd, "--help"])
        assert res.exit_code == 0 and len(res.output) > 80
