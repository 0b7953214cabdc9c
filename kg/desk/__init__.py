"""The analyst desk: review queue and decisions, grading and sources, conflicts, history and as-of, claims files.

Each module owns one concern: :mod:`kg.desk.records` the append-only decision records and the current
view's upkeep, :mod:`kg.desk.review` the queue and decisions, :mod:`kg.desk.grading` sources and grades,
:mod:`kg.desk.conflicts` disagreements, :mod:`kg.desk.history` status histories and as-of, and
:mod:`kg.desk.claims_file` bulk claims from CSV/YAML.

>>> import kg.desk.review
"""
