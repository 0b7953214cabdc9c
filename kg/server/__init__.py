"""The HTTP server: a SPARQL 1.1 endpoint over a :class:`~kg.api.KnowledgeGraph` (``kg serve``).

>>> ServerSettings().token is None
True
"""

from kg.server.app import ServerSettings, create_app

__all__ = ["ServerSettings", "create_app"]
