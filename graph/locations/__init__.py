"""What a user types as a location → a jurisdiction code, offline; see :mod:`.index`.

The public names live here: ``from xborder.graph.locations import LocationIndex, ParsedLocation``.
"""

from __future__ import annotations

from xborder.graph.locations.index import MAX_INPUT_LENGTH, Alias, LocationIndex, ParsedLocation

__all__ = ["MAX_INPUT_LENGTH", "Alias", "LocationIndex", "ParsedLocation"]
