"""A company name found in a text, and the keys two names of one company share."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Mention", "entity_key", "name_key"]


@dataclass(frozen=True)
class Mention:
    name: str  # the name with its legal form, as a register would write it
    written: str  # as the policy writes it
    start: int
    end: int
    form: str
    candidates: tuple[str, ...]
    base: str = ""  # the name without its legal form

    @property
    def key(self) -> str:
        return entity_key(self.name)


_LONG_FORMS = [(re.compile(r"\blimited\b", re.I), "ltd"),
               (re.compile(r"\bincorporated\b", re.I), "inc"),
               (re.compile(r"\bcorporation\b", re.I), "corp")]
_THE = re.compile(r"^\s*the\s+(?=\S)", re.I)


def entity_key(name: str) -> str:
    """Two names of one company: as :func:`name_key`, and "Limited"/"Ltd", "Incorporated"/
    "Inc", "Corporation"/"Corp" as one, with or without a leading "The" ("The Walt Disney
    Company Limited")."""
    for pattern, short in _LONG_FORMS:
        name = pattern.sub(short, name)
    return name_key(_THE.sub("", name))


def name_key(name: str) -> str:
    """Names compared without case, punctuation or spacing ("Co., Ltd." = "Co Ltd")."""
    return re.sub(r"[\W_]+", "", name.casefold())
