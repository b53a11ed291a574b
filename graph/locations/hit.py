"""One entry of the location tables (:class:`Hit`), shared by the compiler and the index."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Hit"]


class Hit(NamedTuple):
    """One table entry. Stored as a plain tuple in the cache (fast to unpickle)."""

    codes: tuple[str, ...]
    how: str  # how it matched, or the locale of a translation
    translated: bool = False
    subdivision: str | None = None
    subdivision_name: str | None = None
    others: tuple[str, ...] = ()
    flag: str = ""  # "group" or "none": not a place
