"""Ingest: read articles (text, HTML, JSON/JSONL, folders, stdin), extract, store.

>>> from kg.ingest.readers import MAX_BYTES
>>> MAX_BYTES // (1024 * 1024)
10
"""
