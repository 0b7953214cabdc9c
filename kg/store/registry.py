"""Open a store from a spec string; stores register by name with lazy imports.

Specs: ``memory:`` (in memory), a directory path (embedded pyoxigraph, the
default), and, once registered, ``http(s)://`` SPARQL endpoints.  The default
location is ``$KG_STORE`` or ``~/.local/share/diplomacy-kg/store``.

>>> open_store("memory:").name
'memory'
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from kg.store.base import GraphStore, StoreError

#: scheme -> "module:factory"; the factory takes the spec string.
_FACTORIES: dict[str, str] = {
    "memory": "kg.store.registry:_memory",
    "file": "kg.store.registry:_embedded",
    "http": "kg.store.remote:RemoteStore.from_spec",
    "https": "kg.store.remote:RemoteStore.from_spec",
    "sparql+http": "kg.store.remote:RemoteStore.from_spec",
    "sparql+https": "kg.store.remote:RemoteStore.from_spec",
    "virtuoso+http": "kg.store.virtuoso:VirtuosoStore.from_spec",
    "virtuoso+https": "kg.store.virtuoso:VirtuosoStore.from_spec",
}


def register_store(scheme: str, factory: str) -> None:
    """Register ``factory`` ("module:callable") for specs starting with ``scheme:``."""
    _FACTORIES[scheme] = factory


def default_store_path() -> str:
    """``$KG_STORE`` when set, else ``$XDG_DATA_HOME/diplomacy-kg/store``."""
    env = os.environ.get("KG_STORE")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "diplomacy-kg" / "store")


def _resolve(target: str) -> Callable[[str], GraphStore]:
    module_name, _, attr = target.partition(":")
    obj: object = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj  # type: ignore[return-value]


def open_store(spec: str | None = None) -> GraphStore:
    """Open the store named by ``spec`` (None: the default location)."""
    spec = spec or default_store_path()
    scheme = spec.split(":", 1)[0].lower() if ":" in spec and not spec.startswith("/") else "file"
    if scheme not in _FACTORIES or len(scheme) == 1:  # "C:" style or plain relative paths
        scheme = "file"
    try:
        factory = _resolve(_FACTORIES[scheme])
    except (ImportError, AttributeError) as exc:
        raise StoreError(f"store {spec}: no store implementation for '{scheme}:' ({exc})") from None
    return factory(spec)


def _memory(spec: str) -> GraphStore:
    from kg.store.oxigraph_store import OxigraphStore

    return OxigraphStore(None)


def _embedded(spec: str) -> GraphStore:
    from kg.store.oxigraph_store import OxigraphStore

    path = spec[len("file://"):] if spec.startswith("file://") else spec
    return OxigraphStore(os.path.expanduser(path))
