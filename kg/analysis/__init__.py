"""Network analysis of the current view: projection to networkx, centrality, brokers, communities, paths.

>>> import networkx as nx
>>> sorted(communities(nx.barbell_graph(3, 0)).values())
[0, 0, 0, 1, 1, 1]
"""

from kg.analysis.metrics import brokers, centrality, communities, interaction_graph, pagerank
from kg.analysis.paths import change, evidence_path
from kg.analysis.projection import ego_network, find_node, project, weighted_graph

__all__ = [
    "brokers", "centrality", "change", "communities", "ego_network", "evidence_path", "find_node",
    "interaction_graph", "pagerank", "project", "weighted_graph",
]
