"""SPARQL helpers: prefixes, named queries, result rendering."""
