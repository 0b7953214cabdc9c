"""The generated vocabulary module and ontology doc must match ontology/dip.ttl."""

from kg.rdf import vocab_gen


def test_vocab_module_matches_turtle():
    expected = vocab_gen.render_vocab_module(vocab_gen.load_ontology())
    assert vocab_gen.VOCAB_MODULE.read_text(encoding="utf-8") == expected, "run: python -m kg.rdf.vocab_gen"


def test_ontology_doc_matches_turtle():
    expected = vocab_gen.render_ontology_doc(vocab_gen.load_ontology())
    assert vocab_gen.ONTOLOGY_DOC.read_text(encoding="utf-8") == expected, "run: python -m kg.rdf.vocab_gen"


def test_unknown_term_fails_loudly():
    import pytest

    from kg.rdf.vocab import DIP

    assert str(DIP.Summit).endswith("#Summit")
    with pytest.raises(AttributeError):
        DIP.Sumit  # noqa: B018  (a typo must not mint a new term)
