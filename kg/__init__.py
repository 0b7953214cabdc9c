"""diplomacy-kg: a knowledge graph of diplomatic relations with sourced assertions.

Importing :mod:`kg` does nothing observable; the facade lives in :mod:`kg.api`.

>>> import kg
>>> kg.__version__
'0.1.0'
"""

__version__ = "0.1.0"
