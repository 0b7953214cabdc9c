"""Graph stores: a small protocol and its implementations, chosen by a store spec.

>>> store = open_store("memory:")
>>> store.name
'memory'
>>> len(store)
0
"""

from kg.store.base import GraphStore, StoreError, StoreLockedError
from kg.store.registry import default_store_path, open_store, register_store

__all__ = [
    "GraphStore",
    "StoreError",
    "StoreLockedError",
    "default_store_path",
    "open_store",
    "register_store",
]
