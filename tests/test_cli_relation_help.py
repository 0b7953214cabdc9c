"""``kg assert --help`` names the relation types the ontology in use declares (no list kept by hand), reads them
only when help is shown, and still shows help when an extension cannot be read."""

from __future__ import annotations

import re
import subprocess
import sys

from kg.model.relation_types import relation_types
from tests.conftest import REPO, run_kg

EXTENSION = """@prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
dip:Salute rdfs:subClassOf dip:Event .
dip:salutes a owl:ObjectProperty ; rdfs:label "salutes"@en .
dip:SalutesProjection a dip:Projection ; dip:eventClass dip:Salute ; dip:sourceRole dip:agent ;
    dip:targetRole dip:target ; dip:edge dip:salutes ; dip:relationName "salutes" .
"""


def _relation_help(monkeypatch) -> str:
    """The RELATION argument's help text of ``kg assert --help``, rich's box and wrapping taken out."""
    monkeypatch.setenv("COLUMNS", "300")  # no long path cut short
    out = run_kg("assert", "--help", check=True).stdout
    flat = " ".join(re.sub(r"[│╭╮╰╯─]", " ", out).split())
    found = re.search(r"relation <str> (.+?) OBJECT <str>", flat)
    assert found, out
    return found[1]


def test_assert_help_names_every_relation_type_in_list_order(monkeypatch):
    monkeypatch.delenv("KG_ONTOLOGY", raising=False)
    names = relation_types().names()
    assert len(names) >= 6
    assert _relation_help(monkeypatch) == f"{', '.join(names[:-1])} or {names[-1]}."


def test_a_relation_type_added_by_an_extension_is_in_the_help(tmp_path, monkeypatch):
    extension = tmp_path / "salutes.ttl"
    extension.write_text(EXTENSION, encoding="utf-8")
    monkeypatch.setenv("KG_ONTOLOGY", str(extension))
    text = _relation_help(monkeypatch)
    assert text.startswith("meets, talksWith,") and text.endswith(", advises or salutes.")


def test_help_shows_when_the_extension_cannot_be_read(tmp_path, monkeypatch):
    missing = tmp_path / "nowhere.ttl"
    monkeypatch.setenv("KG_ONTOLOGY", str(missing))
    text = _relation_help(monkeypatch)
    assert text.startswith("A relation type of the ontology (which cannot be read now: KG_ONTOLOGY: no ontology file")
    assert "nowhere.ttl" in text


def test_starting_the_cli_does_not_read_the_relation_types():
    probe = "import sys, kg.cli.main; print('kg.model.relation_types' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120, check=True)
    assert proc.stdout.strip() == "False"


def test_the_cli_docs_name_the_packaged_relation_types():
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc.split("## kg assert\n", 1)[1].split("\n## ", 1)[0]
    listed = " ".join(section.split()).split("Relations: ", 1)[1].split(")", 1)[0]
    assert re.findall(r"\b(" + "|".join(relation_types().names()) + r")\b", listed) == list(relation_types().names())
