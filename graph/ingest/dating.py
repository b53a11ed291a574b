"""Dates in controller clauses and the policy's own date.

A clause's start is the date after "from", "as of", "effective", "starting", "beginning",
"since", "with effect from"; its end the date after "until", "through", "up to and including"
(that day) or "before", "prior to" (the day before). "Before that date", "until then",
"previously" and a controller in the past tense ("was the controller") end the day before the
last start date read in the same section. The policy's own date is the first "Last updated …" /
"Effective date …" phrase.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from xborder.graph.ingest.text import Document, Unit

__all__ = ["DATE", "Dating", "dates_in", "document_date", "parse_day"]

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE = (rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
        rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
        rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})")
_DATE = re.compile(DATE, re.I)
_FROM = re.compile(rf"\b(?:from|as\s+(?:of|from)|effective(?:\s+(?:from|on|as\s+of))?|starting"
                   rf"(?:\s+(?:on|from))?|beginning(?:\s+on)?|since|with\s+effect\s+from|on\s+"
                   rf"and\s+after|commencing(?:\s+on)?)\s+(?:the\s+)?({DATE})", re.I)
_UNTIL = re.compile(rf"\b(?:until|till|through|up\s+to(?:\s+and\s+including)?)\s+(?:the\s+)?"
                    rf"({DATE})", re.I)
_BEFORE = re.compile(rf"\b(?:before|prior\s+to)\s+(?:the\s+)?({DATE})", re.I)
_BEFORE_THAT = re.compile(r"\b(?:before\s+(?:that|this)\s+date|until\s+(?:then|that\s+date)|"
                          r"previously|prior\s+to\s+(?:that|this)(?:\s+date)?|formerly)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|has\s+been|had\s+been)\s+(?:the\s+|a\s+|your\s+)?(?:data\s+)?"
                   r"controllers?\b", re.I)
_VERSION = re.compile(rf"\b(?:last\s+(?:updated|modified|revised|amended)|updated|effective\s+"
                      rf"(?:date|from|as\s+of)|date\s+of\s+(?:last\s+)?(?:update|revision)|"
                      rf"version\s+(?:date|of)|in\s+force\s+(?:from|since))\b\s*(?:on\s*)?:?"
                      rf"\s*({DATE})", re.I)


@dataclass
class Dating:
    """What the dates of earlier clauses of the same section say about the next one."""

    last_start: dt.date | None = None

    def new_section(self) -> None:
        self.last_start = None


def parse_day(text: str) -> tuple[dt.date, str] | None:
    """(the day, ``day``/``month`` precision) of one date phrase, or None."""
    t = text.strip().lower().replace(",", " ").replace(".", " ")
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    t = re.sub(r"\bof\b", " ", t)
    words = t.split()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return dt.date.fromisoformat(text.strip()), "day"
        if m := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text.strip()):
            return dt.date(int(m[3]), int(m[2]), int(m[1])), "day"  # day first, as in Europe
        month = next(i + 1 for i, name in enumerate(_MONTHS)
                     for w in words if w[:3] == name[:3] and name.startswith(w))
        numbers = [int(w) for w in words if w.isdigit()]
        year = next(n for n in numbers if n > 31)
        days = [n for n in numbers if n <= 31]
        if days:
            return dt.date(year, month, days[0]), "day"
        return dt.date(year, month, 1), "month"
    except (StopIteration, ValueError):
        return None


def _day(match: re.Match[str] | None) -> dt.date | None:
    parsed = parse_day(match[1]) if match else None
    return parsed[0] if parsed else None


def dates_in(text: str, dating: Dating) -> tuple[dt.date | None, dt.date | None]:
    """(from, to) a controller clause states; remembers its start for the clauses after it."""
    start = _day(_FROM.search(text))
    end = _day(_UNTIL.search(text))
    before = _day(_BEFORE.search(text))
    if before is not None:
        end = before - dt.timedelta(days=1)
    if end is None and start is None and dating.last_start is not None and \
            (_BEFORE_THAT.search(text) or _PAST.search(text)):
        end = dating.last_start - dt.timedelta(days=1)
    if start is not None:
        dating.last_start = start
    return start, end


def document_date(doc: Document) -> tuple[dt.date, str, str, Unit] | None:
    """(day, precision, the version text, its unit) of the policy's own date, if it states
    one: the first "Last updated …"/"Effective date …" phrase."""
    for unit in doc.units:
        m = _VERSION.search(unit.text)
        if m is None:
            continue
        parsed = parse_day(m[1])
        if parsed is not None:
            return parsed[0], parsed[1], m[0].strip(), unit
    return None
