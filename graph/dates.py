"""Dates and validity intervals.

Every membership, decision, rule and document has an :class:`Interval` (closed, day precision,
either end open). Every question has an ``at`` date; :func:`parse_date` turns user input into one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from xborder.graph.errors import InvalidDate

__all__ = ["MAX_DATE", "MIN_DATE", "Interval", "parse_date", "today"]

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2999, 12, 31)


def today() -> dt.date:
    return dt.date.today()


def parse_date(value: str | dt.date | None) -> dt.date:
    """An ISO ``YYYY-MM-DD`` date (default: today); anything else is :class:`InvalidDate`."""
    if value is None or value == "":
        return today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise InvalidDate(f"{value!r} is not a date of the form YYYY-MM-DD", value=str(value))
        try:
            day = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise InvalidDate(f"{value!r} is not a valid date: {exc}", value=text) from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise InvalidDate(
            f"{day.isoformat()} is outside the range xborder answers for "
            f"({MIN_DATE.isoformat()} to {MAX_DATE.isoformat()})",
            value=day.isoformat(),
        )
    return day


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of days; ``None`` at either end means open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"interval ends ({self.end}) before it begins ({self.start})")

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def breakpoints(self) -> list[dt.date]:
        """The first days on which membership of the interval may change."""
        points = []
        if self.start is not None:
            points.append(self.start)
        if self.end is not None and self.end < MAX_DATE:
            points.append(self.end + dt.timedelta(days=1))
        return points

    def to_dict(self) -> dict[str, str | None]:
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }

    def describe(self) -> str:
        if self.start and self.end:
            return f"from {self.start.isoformat()} to {self.end.isoformat()}"
        if self.start:
            return f"since {self.start.isoformat()}"
        if self.end:
            return f"until {self.end.isoformat()}"
        return "at all dates"
