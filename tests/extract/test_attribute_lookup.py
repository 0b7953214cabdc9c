"""The looked-up attribute ruler gives exactly what the pipeline's own attribute ruler gives."""

from __future__ import annotations

import pytest

SENTENCES = [
    "Foreign Minister Penny Wong held talks in Canberra with her Indonesian counterpart Retno Marsudi.",
    "There is no plan for the two presidents to meet, and there were no calls between them.",
    "I ain't gonna say who let's them in, but y'all know it was nothin' special.",
    "The Treasury Department on Tuesday sanctioned Ivan Petrov, Olga Smirnova and Baltic Star Lines.",
    "She gets what she wants; he got the pardon he asked for in 2019.",
    "Did the envoy have talks with them? He does, and it was this one that mattered.",
    "Whether or not the summit goes ahead, that depends  on  Moscow.",
    "Chancellor Olaf Scholz said he was open to a meeting with Xi Jinping if the timing is right.",
]


@pytest.fixture(scope="module")
def model():
    from kg.extract.model import get_model

    return get_model()


def _view(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_lookup_equals_the_ruler(model):
    from kg.extract.attributes import LookupAttributeRuler

    ruler = model.get_pipe("attribute_ruler")
    lookup = LookupAttributeRuler(ruler)
    lemmatizer = model.get_pipe("lemmatizer")
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        mine = list(model.pipe(SENTENCES))
        theirs = list(model.pipe(SENTENCES))
    for a, b in zip(mine, theirs):
        assert _view(lemmatizer(lookup(a))) == _view(lemmatizer(ruler(b)))
    assert lookup._memo  # the one-token rules were looked up


def test_the_loaded_pipeline_runs_the_lookup(model):
    assert "kg_attribute_lookup" in model.pipe_names and "attribute_ruler" in model.disabled
    doc = model("The prisoners were freed on Sunday.")
    assert [(t.pos_, t.lemma_) for t in doc][2:4] == [("AUX", "be"), ("VERB", "free")]
