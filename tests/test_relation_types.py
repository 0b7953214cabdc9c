"""Relation types come from the ontology: one registry, read from dip.ttl, used everywhere.

The last test adds a relation type the way a user would (its triples in an ontology file named by
``KG_ONTOLOGY``, its trigger in a frames file named by ``KG_FRAMES``) and follows it through
extraction, storage, query and the network page, with the real CLI and headless Chromium.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.model.relation_types import RelationTypes, relation_type, relation_types
from kg.rdf.ontology import ONTOLOGY_ENV, extension_files, ontology_graph
from kg.rdf.resources import ontology_path
from tests.conftest import KG, REPO
from tests.viz.conftest import open_page  # noqa: F401  (fixture)

DIP = "https://w3id.org/diplomacy-kg/ontology#"

# -- the relation type the end-to-end test adds: an act of condemning (CAMEO 111, PLOVER ACCUSE) -----------
NEW_TRIPLES = """
@prefix dip:    <https://w3id.org/diplomacy-kg/ontology#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix cameo:  <https://w3id.org/diplomacy-kg/codes/cameo/> .
@prefix plover: <https://w3id.org/diplomacy-kg/codes/plover/> .

dip:Condemnation a owl:Class ; rdfs:label "Condemnation"@en ; rdfs:subClassOf dip:Event ;
    dip:cameo cameo:111 ; dip:plover plover:ACCUSE .
dip:condemner a owl:ObjectProperty ; rdfs:label "condemner"@en ; rdfs:subPropertyOf dip:agent .
dip:condemned a owl:ObjectProperty ; rdfs:label "condemned"@en ; rdfs:subPropertyOf dip:role .
dip:condemns a owl:ObjectProperty ; rdfs:label "condemns"@en ; rdfs:subPropertyOf dip:relatesTo .
dip:CondemnsProjection a dip:Projection ; rdfs:label "condemnations project to condemns"@en ;
    dip:eventClass dip:Condemnation ; dip:sourceRole dip:condemner ; dip:targetRole dip:condemned ;
    dip:edge dip:condemns ; dip:relationName "condemns" ; dip:listOrder 7 ; dip:colour "#AA3377" ;
    dip:ploverContext "diplomatic" ;
    dip:eventCode [ dip:forStatus dip:Held ; dip:cameo cameo:111 ; dip:plover plover:ACCUSE ] .
cameo:111 a skos:Concept ; skos:notation "111" ; skos:prefLabel "Criticize or denounce"@en .
"""
NEW_FRAME = """
- relation: condemns
  kind: act
  event_type: Condemnation
  lemmas: [condemn, denounce]
  pos: [VERB]
  patient: [dobj, nsubjpass]
  confidence: 0.8
"""
STORY = """Tokyo rebukes Pyongyang

Japan condemned North Korea on Tuesday after the latest missile launch, the foreign ministry said.
"""


# -- the registry ---------------------------------------------------------------------------------------------
def test_the_registry_is_every_projection_of_the_ontology_in_list_order():
    graph = ontology_graph()
    rows = graph.query("""PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#>
        SELECT ?name ?order ?edge ?cls WHERE { ?p a dip:Projection ; dip:relationName ?name ; dip:edge ?edge ;
        dip:eventClass ?cls OPTIONAL { ?p dip:listOrder ?order } } ORDER BY ?order""")
    declared = [(str(r[0]), str(r[2]), str(r[3])) for r in rows]  # type: ignore[index]
    types = relation_types()
    assert [(t.name, t.edge, t.event_class) for t in types.values()] == declared
    assert types.names()[:6] == ("meets", "talksWith", "pardons", "releases", "sanctions", "advises")
    for t in types.values():
        assert t.symmetric == ((URIRef(t.edge), RDF.type, OWL.SymmetricProperty) in graph), t.name
        supers = set(graph.transitive_objects(URIRef(t.event_class), RDFS.subClassOf))
        assert URIRef(DIP + "Event") in supers or URIRef(DIP + "Relationship") in supers, t.name
    assert types.multi_party() == {"meets", "talksWith", "sanctions"}
    assert types.symmetric() == {"meets", "talksWith"}
    assert relation_type("meets").event_types == ("Meeting", "Summit", "Visit")


@pytest.mark.parametrize("relation,status,event_type,host,codes", [
    ("meets", "held", "Meeting", False, ("044", "CONSULT")),
    ("meets", "held", "Summit", False, ("044", "CONSULT")),
    ("meets", "held", "Visit", False, ("042", "CONSULT")),
    ("meets", "held", "Visit", True, ("043", "CONSULT")),
    ("meets", "planned", "Visit", True, ("036", "AGREE")),
    ("meets", "refused", None, False, ("125", "REJECT")),
    ("talksWith", "held", "Call", False, ("041", "CONSULT")),
    ("talksWith", "held", None, False, ("040", "CONSULT")),
    ("pardons", "planned", None, False, ("0353", "AGREE")),
    ("releases", "held", "PrisonerRelease", False, ("0841", "RETREAT")),
    ("releases", "refused", None, False, ("1243", "REJECT")),
    ("sanctions", "planned", None, False, ("1312", "THREATEN")),
    ("sanctions", "held", None, False, ("163", "SANCTION")),
    ("sanctions", "negated", None, False, (None, None)),
    ("meets", "cancelled", "Meeting", False, (None, None)),
    ("advises", "held", "AdvisoryRole", False, (None, None)),
])
def test_codes_per_status_come_from_the_ontology(relation, status, event_type, host, codes):
    from kg.extract.codes import codes_for

    assert relation_type(relation).codes(status, event_type, subject_hosts=host) == codes
    assert codes_for(relation, status, event_type, is_host=host) == codes


def test_every_code_the_ontology_gives_is_a_concept_of_its_scheme():
    graph = ontology_graph()
    skos_concept = URIRef("http://www.w3.org/2004/02/skos/core#Concept")
    for t in relation_types().values():
        for c in t.codings:
            if c.cameo:
                assert (URIRef(f"https://w3id.org/diplomacy-kg/codes/cameo/{c.cameo}"), RDF.type, skos_concept) in graph
            if c.plover:
                assert (URIRef(f"https://w3id.org/diplomacy-kg/codes/plover/{c.plover}"), RDF.type, skos_concept) in graph


def test_input_names_and_errors_follow_the_registry():
    from kg.model.core import Claim, ActorRef
    from kg.model.inputs import normalise_relation

    assert normalise_relation("Talks with") == "talksWith" and normalise_relation("talks") == "talksWith"
    with pytest.raises(ValueError, match=r"^unknown relation 'greets'; expected one of meets, talksWith, pardons"):
        Claim("greets", ActorRef("A B"), ActorRef("C D"))
    with pytest.raises(ValueError, match=r"^unknown event type 'Toast'"):
        Claim("meets", ActorRef("A B"), ActorRef("C D"), event_type="Toast")


def test_no_module_lists_the_relations_by_hand():
    """The places that listed relation types or their event classes now read the registry."""
    files = ["kg/model/core.py", "kg/model/inputs.py", "kg/extract/codes.py", "kg/viz/style.py", "kg/web/__init__.py",
             "kg/web/views.py", "ontology/queries/between.rq", "ontology/queries/events-in-range.rq"]
    for name in files:
        lines = (REPO / name).read_text(encoding="utf-8").splitlines()
        text = "\n".join(line for line in lines if not line.lstrip().startswith((">>>", "...")))  # examples may name them
        for needle in ('"talksWith"', "dip:talksWith", "dip:PrisonerRelease", '"PrisonerRelease"', '"sanctions"'):
            assert needle not in text, f"{name} lists relation types by hand ({needle})"
    api = (REPO / "kg/api.py").read_text(encoding="utf-8")
    assert "dip:SanctionsAction" not in api
    rules = (REPO / "kg/extract/rules.py").read_text(encoding="utf-8")
    assert "_MULTI_PARTY" not in rules and '("meets", "talksWith")' not in rules


def test_a_registry_reads_another_ontology_file(tmp_path):
    copy = tmp_path / "dip.ttl"
    copy.write_text(ontology_path("dip.ttl").read_text(encoding="utf-8") + NEW_TRIPLES, encoding="utf-8")
    types = RelationTypes.from_files(copy)
    assert types.names()[-1] == "condemns" and len(types) == len(relation_types()) + 1
    condemns = types["condemns"]
    assert (condemns.event_type, condemns.symmetric, condemns.multi_party, condemns.colour) == \
        ("Condemnation", False, False, "#AA3377")
    assert condemns.codes("held") == ("111", "ACCUSE") and condemns.codes("planned") == (None, None)
    assert types.event_class_iri("Condemnation") == DIP + "Condemnation"
    assert "condemns" not in relation_types()  # the registry in use is untouched


@pytest.mark.parametrize("broken,message", [
    ('dip:X a dip:Projection ; dip:relationName "x" ; dip:eventClass dip:Meeting ; dip:sourceRole dip:agent ; '
     "dip:targetRole dip:target .", r"^ontology: relation 'x' needs exactly one dip:edge \(found 0\)$"),
    ('dip:X a dip:Projection ; dip:relationName "x" ; dip:eventClass dip:Meeting ; dip:sourceRole dip:agent ; '
     'dip:targetRole dip:target ; dip:edge dip:meets ; dip:colour "red" .', r"^ontology: relation 'x': dip:colour 'red' is not #RRGGBB$"),
    ('dip:X a dip:Projection ; dip:relationName "x y" .', r"^ontology: relation 'x y': a relation name is letters"),
    ('dip:X a dip:Projection ; dip:relationName "x" ; dip:eventClass dip:Meeting ; dip:sourceRole dip:participant ; '
     "dip:targetRole dip:participant ; dip:edge dip:x .", r"^ontology: relation 'x': the edge must be an owl:SymmetricProperty"),
])
def test_a_malformed_relation_type_is_a_one_line_error(tmp_path, broken, message):
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .\n" + broken, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        RelationTypes.from_files(path)


def test_a_frame_of_an_undeclared_relation_names_its_file(tmp_path):
    from kg.extract.frames import load_frames

    frames = tmp_path / "frames.yaml"
    frames.write_text(NEW_FRAME, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"^{re.escape(str(frames))}: frame 0: relation 'condemns' is not declared"):
        load_frames(str(frames))


def test_a_missing_extension_file_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv(ONTOLOGY_ENV, str(tmp_path / "nowhere.ttl"))
    with pytest.raises(FileNotFoundError, match=r"^KG_ONTOLOGY: no ontology file '.*nowhere.ttl'$"):
        extension_files()


# -- a new relation type, end to end ---------------------------------------------------------------------------
def _kg(env: dict[str, str], *args: str) -> str:
    proc = subprocess.run([*KG, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=600)
    assert proc.returncode == 0, f"kg {' '.join(args)}: {proc.stderr}"
    return proc.stdout


SHACL_CHECK = """
import json, sys
from pyoxigraph import RdfFormat, parse
from kg.api import KnowledgeGraph
from kg.rdf.validate import ValidationError, validate_quads
with KnowledgeGraph.open(sys.argv[1]) as g:
    quads = list(parse(g.export(RdfFormat.N_QUADS), format=RdfFormat.N_QUADS))
validate_quads(quads, what="store")
broken = [q for q in quads if not q.predicate.value.endswith("#status")]  # an event without a status
try:
    validate_quads(broken, what="store without statuses")
    print(json.dumps("accepted"))
except ValidationError as exc:
    print(json.dumps(str(exc)))
"""


def test_a_relation_type_added_as_triples_and_a_frame_flows_through(tmp_path, open_page):  # noqa: F811
    from kg.extract.registry import get_extractor
    from kg.model.core import Document

    # without the new data, the packaged extractor finds no relation in the story: the frame is what finds it
    published = {"published": "2026-03-05"}
    assert [a.claim.relation for a in get_extractor("parse").extract(Document.from_text(STORY, **published))] == []

    ontology = tmp_path / "dip-extended.ttl"  # a copy of the ontology with the new relation type's triples
    ontology.write_text(ontology_path("dip.ttl").read_text(encoding="utf-8") + NEW_TRIPLES, encoding="utf-8")
    frames = tmp_path / "frames.yaml"
    frames.write_text(NEW_FRAME, encoding="utf-8")
    story = tmp_path / "tokyo.txt"
    story.write_text(STORY, encoding="utf-8")
    store = tmp_path / "store"
    env = {**os.environ, "KG_ONTOLOGY": str(ontology), "KG_FRAMES": str(frames), "KG_STORE": str(store)}

    # extraction and storage
    out = _kg(env, "ingest", str(story), "--published", "2026-03-05", "--url", "https://example.org/tokyo")
    assert "assertions 1" in out
    clusters = json.loads(_kg(env, "query", "--format", "json", """SELECT ?t WHERE { GRAPH ?g {
        ?c a dip:EventCluster ; dip:eventType ?t } }"""))["results"]["bindings"]
    assert [r["t"]["value"] for r in clusters] == [DIP + "Condemnation"]  # the event cluster knows its type
    stats = json.loads(_kg(env, "stats", "--format", "json"))
    assert (stats["assertions"], stats["events"]) == (1, 1)
    rows = json.loads(_kg(env, "query", "--format", "json", """
        SELECT ?cls ?cameo ?plover ?st ?a ?b ?rel WHERE {
          ?e a ?cls ; dip:cameo ?cameo ; dip:plover ?plover ; dip:status ?st ;
             dip:condemner ?x ; dip:condemned ?y .
          ?x dip:condemns ?y ; rdfs:label ?a . ?y rdfs:label ?b .
          ?g dip:claimEvent ?e ; dip:assertedRelation ?rel }"""))["results"]["bindings"]
    assert [{k: v["value"] for k, v in r.items()} for r in rows] == [{
        "cls": DIP + "Condemnation", "cameo": "https://w3id.org/diplomacy-kg/codes/cameo/111",
        "plover": "https://w3id.org/diplomacy-kg/codes/plover/ACCUSE", "st": DIP + "Held",
        "a": "Japan", "b": "North Korea", "rel": "condemns"}]

    # the PLOVER export: codes, context and sides from the relation type
    [record] = [json.loads(line) for line in _kg(env, "export", "--format", "plover").splitlines()]
    assert (record["event"], record["context"], record["actor"], record["recipient"]) == \
        ("ACCUSE", "diplomatic", "Japan", "North Korea")

    # SHACL: the store conforms under the extended ontology, and the event shape does apply to the new class
    check = subprocess.run([*KG[:1], "-c", SHACL_CHECK, str(store)], capture_output=True, text=True, env=env,
                           cwd=REPO, timeout=600)
    assert check.returncode == 0, check.stderr
    assert "an event has exactly one status" in json.loads(check.stdout)

    # query: a named query finds the event
    between = json.loads(_kg(env, "query", "--name", "between", "--param", "a=Japan", "--param", "b=North Korea",
                             "--format", "json"))["results"]["bindings"]
    assert {(r["type"]["value"], r["quote"]["value"]) for r in between} == {(DIP + "Condemnation", "Japan condemned North Korea")}
    hops = json.loads(_kg(env, "query", "--name", "within-hops", "--param", "actor=Japan", "--param", "hops=1",
                          "--format", "json"))["results"]["bindings"]
    assert [r["otherLabel"]["value"] for r in hops] == ["North Korea"]  # over the new edge, dip:condemns
    answer = _kg(env, "ask", "What happened between Japan and North Korea?")
    assert "1 event between Japan and North Korea" in answer and "condemnation" in answer

    # viz: the network page draws the edge in the relation's colour, with a legend entry
    page_path = tmp_path / "net.html"
    _kg(env, "viz", "--out", str(page_path))
    page = open_page(page_path).page
    edges = page.evaluate("network.body.data.edges.get().map(e => [e.relation, e.color, e.status])")
    assert edges == [["condemns", "#AA3377", "held"]]
    legend = page.evaluate("""(() => { const r = document.querySelector('[data-relation="condemns"]');
        return r && [r.textContent.trim(), r.dataset.relationColor, r.classList.contains('kg-absent'),
                     r.querySelector('line').getAttribute('stroke')]; })()""")
    assert legend is not None and legend[0].endswith("condemns") and legend[1:] == ["#AA3377", False, "#AA3377"]


def test_a_missing_frames_file_is_a_one_line_error(tmp_path, monkeypatch):
    from kg.extract.frames import all_frames

    monkeypatch.setenv("KG_FRAMES", str(tmp_path / "none.yaml"))
    all_frames.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match=r"^KG_FRAMES: no frames file '.*none.yaml'$"):
            all_frames()
    finally:
        all_frames.cache_clear()  # the next caller reads the frames of the restored environment
