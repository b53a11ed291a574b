"""The faces of xborder, thin over :class:`xborder.KnowledgeBase`: the CLI, the HTTP API, the
pyvis maps and the web page."""
