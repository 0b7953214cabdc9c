"""Docs cannot rot: every CLI command has help and a section in docs/cli.md; README opens with the two commands."""

from pathlib import Path

import typer

from kg.cli.main import app

REPO = Path(__file__).resolve().parent.parent


def _commands() -> list[tuple[str, str | None]]:
    found = [(c.name or c.callback.__name__, c.callback.__doc__) for c in app.registered_commands]
    found += [(g.name, g.help or (g.typer_instance.info.help if g.typer_instance else None)) for g in app.registered_groups]
    return found


def test_every_command_has_help_and_a_doc_section():
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = _commands()
    assert len(commands) >= 9
    for name, help_text in commands:
        assert help_text and help_text.strip(), f"kg {name} has no help"
        assert f"## kg {name}\n" in doc, f"kg {name} is missing from docs/cli.md"


def test_readme_opens_with_the_two_commands():
    lines = [l for l in (REPO / "README.md").read_text(encoding="utf-8").splitlines() if l.strip()]
    block = lines[lines.index("```sh") + 1: lines.index("```sh") + 3]
    assert block[0].startswith("make demo") and block[1].startswith("make test")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
