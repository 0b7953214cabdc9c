"""RDF mapping: ontology reading, assertion graphs, provenance and review records."""
