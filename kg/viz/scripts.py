"""The pages' own JavaScript and CSS (kept in Python so they ship inside the package).

One module each: :mod:`kg.viz.scripts_timeline` (the shared helpers and the timeline, JavaScript and CSS)
and :mod:`kg.viz.scripts_network` (the network page); this module is their public entry point.

Invariant, as in :mod:`kg.viz.template`: no data value reaches ``innerHTML``
(text goes through ``textContent``), and a link's ``href`` is set only to an
``http:``/``https:`` address, with ``rel="noopener noreferrer"``.

>>> "innerHTML" in NETWORK_JS + TIMELINE_JS, "outerHTML" in NETWORK_JS + TIMELINE_JS
(False, False)
"""

from kg.viz.scripts_network import NETWORK_JS
from kg.viz.scripts_timeline import TIMELINE_CSS, TIMELINE_JS

__all__ = ["NETWORK_JS", "TIMELINE_CSS", "TIMELINE_JS"]
