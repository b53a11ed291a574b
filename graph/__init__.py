"""The core of xborder: knowledge-base sources → rdflib graph → validated → compiled indexes.

Knows nothing of HTTP, terminals or pyvis.
"""
