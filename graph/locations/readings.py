"""Caveats that go with a reading, and the names of groups a user cannot live in.

Caveats are the ``note`` of an alias (``graph/kb/places/locations.yaml``: Kyrenia → CY, the
acquis suspended there under Protocol 10; Simferopol → UA, under Russian occupation …), kept by
the build as ``skos:note`` and read into the model's aliases; the index keys them by the folded
alias text and applies them only when the knowledge base reads the text as the same code. An
alias whose text is an ISO 3166-2 name (GB-NIR "Northern Ireland") also gives its caveat to that
subdivision, whichever name or code reached it.

Groups: CLDR names regions and unions (``150`` Europe, ``EU``, ``UN``) in every locale; a few
groups CLDR does not name are listed here.
"""

from __future__ import annotations

from collections.abc import Iterable

from xborder.graph.locations.text import key

__all__ = ["GROUP_CODES", "GROUP_WORDS", "is_group_code", "notes_of"]

#: Groups and business regions that CLDR does not name (key → what it is).
GROUP_WORDS = {
    key(text): name for text, name in [
        ("EEA", "the European Economic Area"),
        ("European Economic Area", "the European Economic Area"),
        ("EFTA", "the European Free Trade Association"), ("Schengen", "the Schengen area"),
        ("Schengen Area", "the Schengen area"), ("EMEA", "Europe, the Middle East and Africa"),
        ("APAC", "Asia-Pacific"), ("Asia Pacific", "Asia-Pacific"), ("LATAM", "Latin America"),
        ("Middle East", "the Middle East"), ("Worldwide", "the world"), ("Global", "the world"),
        ("International", "the world"), ("Scandinavia", "Scandinavia"), ("Nordics", "the Nordics"),
    ]
}
_CLDR_GROUPS = frozenset({"EU", "EZ", "UN", "QO"})
#: Group codes typed as codes (CLDR's, and the EU's EEA): code → what it is.
GROUP_CODES = {"EU": "the European Union", "EZ": "the euro area", "UN": "the United Nations",
               "EEA": "the European Economic Area", "EFTA": "the European Free Trade Association"}


def is_group_code(code: str) -> bool:
    """A CLDR territory code that is a region or a union, not a place (``150``, ``EU``)."""
    return code.isdigit() or code in _CLDR_GROUPS


def notes_of(aliases: Iterable[tuple[str, str | None, str | None]]
             ) -> dict[str, tuple[str, str]]:
    """Folded alias text → (code, caveat), from the ``(text, code, note)`` of the aliases that
    name one code and carry a note."""
    return {key(text): (code, " ".join(note.split())) for text, code, note in aliases
            if code and note}
