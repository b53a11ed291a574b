"""A policy as Markdown, HTML or plain text → plain text cut into sections and units.

A *unit* is what evidence quotes: a sentence of a paragraph, a list item (with the sentence that
introduces the list as its ``lead``) or a table row (with the table's header cells). Every
character of the plain text remembers where it came from, so a unit's ``start``/``end`` are
offsets into the input exactly as given (``source[start:end]`` holds the sentence with its markup).
The conversion uses the standard library only (``html.parser`` for HTML); nothing is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xborder.graph.ingest.lexicon import ROLE_LABEL
from xborder.graph.ingest.markup import Block, html_blocks, markdown_blocks
from xborder.graph.ingest.names import FORM

__all__ = ["Document", "Section", "Unit", "detect_format", "read_document"]

PREAMBLE = "Preamble"
_FORM_END = re.compile(r"(?:" + FORM.pattern + r")\W*$")  # a name that ends in its legal form
_NUMBERED = re.compile(r"^(?:section\s+|article\s+)?(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$", re.I)
_SUBSECTION = re.compile(r"(?:^|(?<=\s))(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\s+"
                         r"([A-Z][^.:!?\n]{2,80}?):\s")
_END = re.compile(r"[.!?][\"'”’)\]]*(?:\s|&nbsp;)+")  # "….&nbsp;Our …": the entity a space
_NO_SPLIT = frozenset({"e.g", "i.e", "eg", "ie", "cf", "vs", "no", "nr", "art", "mr", "mrs", "ms",
                       "dr", "st", "para", "sec", "approx", "incl", "seq", "p", "pp", "pte", "pty",
                       "pvt", "sdn", "co", "corp", "nos", "gem", "abs", "bzw", "vgl", "ggf", "inkl",
                       "ca", "str", "z.b", "u.a", "evtl", "prof", "dipl", "ing", "cons", "soc",
                       "inh",  # "Apotheke … Inh. Kirsten Fritsch e. K.": the owner's abbreviation
                       # street abbreviations of an address: "ul. Koszykowa 54", "Avda. Diagonal"
                       "ul", "al", "av", "avda", "pza", "blvd", "col", "fracc", "mz"})
_FORM_ABBR = frozenset({"inc", "ltd", "corp", "co", "llc", "s.a", "b.v", "n.v", "s.p.a", "s.l",
                        "s.a.s", "a.g", "plc", "gmbh", "sarl", "s.r.l", "l.l.c", "k.k", "lda",
                        "ltda"})
_STARTERS = frozenset({"the", "we", "you", "your", "our", "if", "this", "these", "in", "for", "to",
                       "when", "where", "please", "however", "any", "all", "such", "it", "as",
                       "personal", "data", "from", "with", "under", "each", "they", "otherwise",
                       # the same sentence openers in the other languages read
                       "en", "el", "la", "le", "les", "los", "las", "il", "lo", "der", "die", "das",
                       "de", "het", "si", "se", "wenn", "falls", "für", "pour", "para", "per",
                       "voor", "als", "nous", "wir", "nosotros", "noi", "wij", "nós", "ce", "cette",
                       "diese", "dieser", "questo", "questa", "este", "esta", "deze", "dit", "dans",
                       "im", "nel", "nella", "no", "na", "em", "bei", "chez", "ihre", "vos",
                       "vous", "sie", "usted", "u", "os", "o", "a",
                       # Polish and Nordic openers: "… sp. z o.o. W pozostałych przypadkach …"
                       "w", "dla", "jeżeli", "jeśli", "administratorem", "om", "hvis", "för",
                       "vi", "dina", "dine", "dersom"})
_ROLE_CELL = re.compile(ROLE_LABEL, re.I)
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){1,4}[A-Za-z]?$")
_ENUMERATOR = re.compile(r"(?:^|[\s:;(])\d{1,2}$")


@dataclass(frozen=True)
class Section:
    number: str | None
    title: str
    heading: str

    @property
    def label(self) -> str:
        """What a citation calls it: the number when the heading has one, else the title."""
        return self.number or self.title


@dataclass(frozen=True)
class Unit:
    text: str
    start: int  # offsets into the input as given
    end: int
    section: Section
    kind: str = "sentence"  # sentence | item | row | heading
    lead: str = ""  # the sentence introducing a list or table
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    index: int = 0

    def cell_spans(self) -> list[tuple[int, int]]:
        """Where each table cell sits in ``text`` (the whole text for other units)."""
        if not self.cells:
            return [(0, len(self.text))]
        spans, pos = [], 0
        for cell in self.cells:
            at = self.text.find(cell, pos) if cell else pos
            at = pos if at < 0 else at
            spans.append((at, at + len(cell)))
            pos = at + len(cell)
        return spans


@dataclass
class Document:
    source: str
    format: str
    title: str | None
    units: list[Unit] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(u.text for u in self.units)


def detect_format(text: str, name: str | None = None) -> str:
    """``html``, ``markdown`` or ``text``, from the file name, else from the content."""
    suffix = (name or "").lower().rsplit(".", 1)[-1] if name and "." in name else ""
    if suffix in ("html", "htm", "xhtml"):
        return "html"
    if suffix in ("md", "markdown"):
        return "markdown"
    if suffix == "txt":
        return "text"
    head = text[:4000].lower()
    if re.search(r"<(!doctype html|html|body|p|div|h[1-6]|ul|table)\b", head):
        return "html"
    if re.search(r"(?m)^(#{1,6} |\s*\|.*\|\s*$|.*\*\*\S)", text[:20000]):
        return "markdown"
    return "text"


def read_document(source: str, fmt: str | None = None, name: str | None = None) -> Document:
    fmt = fmt or detect_format(source, name)
    blocks = html_blocks(source) if fmt == "html" else markdown_blocks(_no_front_matter(source),
                                                                        fmt == "text")
    blocks = [b for block in blocks for b in _split_inline_headings(block)]
    doc = Document(source, fmt, None)
    section = Section(None, PREAMBLE, PREAMBLE)
    lead = ""
    header: tuple[str, ...] = ()
    for block in blocks:
        text = block.text
        if block.kind == "row" and block.header and not text.strip():
            header = ("",) * max(1, len(block.cells))  # a blank header row: no header
            continue
        if not text:
            continue
        if block.kind == "heading":
            if doc.title is None and not doc.sections and block.level <= 1 and \
                    not _NUMBERED.match(text):
                doc.title = text
                continue
            m = _NUMBERED.match(text)
            section = Section(m[1], m[2].strip(), text) if m else Section(None, text, text)
            doc.sections.append(section)
            doc.units.append(_unit(doc, block, 0, len(text), section, "heading"))
            lead, header = "", ()
            continue
        if block.kind == "row":
            cells = tuple(block.text[a:b].strip() for a, b in block.cells)
            blank = bool(header) and not any(header)  # after a blank header row: a row of
            # header words, no company in it ("| PAYS DE RÉSIDENCE | RESPONSABLE | ADRESSE |")
            if (block.header or (not header and _looks_like_header(cells)) or (
                    blank and _looks_like_header(cells) and not any(map(FORM.search, cells)))) and \
                    not (len(cells) > 1 and _ROLE_CELL.match(cells[0]) and FORM.search(cells[1])):
                header = cells
                continue
            if block.header:
                header = ("",) * len(cells)  # "| Responsable | Ejemplo S.L. |": a row
            if len(cells) == 1 and len(text) > 400 and text.count("\n\n") >= 2:
                _cell_prose(doc, block, section)  # a one-column table holding paragraphs
                continue
            doc.units.append(_unit(doc, block, 0, len(text), section, "row", lead, cells, header))
            continue
        header = ()
        kind = "item" if block.kind == "item" else "sentence"
        spans = list(_sentences(text))
        for a, b in spans:
            doc.units.append(_unit(doc, block, a, b, section, kind, lead if kind == "item" else ""))
        if kind == "sentence" and spans:
            lead = text[spans[-1][0]:spans[-1][1]]
    return doc


#: a static site's front matter ("---" / "title: …" / "company: …" / "---") before the text
_FRONT_MATTER = re.compile(r"\A(\s*(?:<!--.*?-->\s*)?)(---[ \t]*\n(?:[\w-]+:[^\n]*\n|"
                           r"[ \t]+[^\n]*\n){1,40}---[ \t]*\n)", re.S)


def _no_front_matter(source: str) -> str:
    """The source with its front matter blanked (same length: offsets still point into it);
    its keys are settings of a site generator, not the policy's words."""
    m = _FRONT_MATTER.match(source)
    if m is None:
        return source
    blank = re.sub(r"[^\n]", " ", m[2])
    return source[:m.start(2)] + blank + source[m.end(2):]


def _cell_prose(doc: Document, block: Block, section: Section) -> None:
    """The paragraphs of a one-column table's cell, read as prose: sentences, and after one
    ending with ":" the paragraphs under it as its list items ("… sauf dans les cas suivants :")."""
    lead = ""
    for m in re.finditer(r"[^\n](?:[^\n]|\n(?!\s*\n))*", block.text):
        spans = [(m.start() + a, m.start() + b) for a, b in _sentences(m[0])]
        kind = "item" if lead.rstrip().endswith(":") else "sentence"
        for a, b in spans:
            doc.units.append(_unit(doc, block, a, b, section, kind, lead if kind == "item" else ""))
        if kind == "sentence" and spans:
            lead = block.text[spans[-1][0]:spans[-1][1]]


def _unit(doc: Document, block: Block, a: int, b: int, section: Section, kind: str,
          lead: str = "", cells: tuple[str, ...] = (), header: tuple[str, ...] = ()) -> Unit:
    start, end = block.origin[a], block.origin_end(b)
    return Unit(block.text[a:b], start, end, section, kind, lead, cells, header, len(doc.units))


def _looks_like_header(cells: tuple[str, ...]) -> bool:
    words = " ".join(cells).lower()
    return bool(re.search(r"\b(controller|entity|company|country|countries|region|where you|"
                          r"location|residence|service|jurisdiction|responsible|land|länder|pays|"
                          r"país|paese|gesellschaft|unternehmen|société|sociedad|società|"
                          r"entidade|empresa)\b", words))


def _split_inline_headings(block: Block) -> list[Block]:
    """A paragraph with ``**4. Title**`` or ``3.1 Title:`` inside it is several blocks."""
    if block.kind != "para":
        return [block]
    text = block.text
    cuts: list[tuple[int, int, int, int]] = []  # (cut start, heading start, heading end, resume)
    for a, b in block.bold:
        inner = text[a:b].strip()
        numbered = _NUMBERED.match(inner) and len(inner) <= 120
        lead_in = a == 0 and b < len(text) and len(inner) <= 100 and inner[-1:] not in ".:;," \
            and not re.match(r"\s*(?:[(,]|[a-zà-ÿ])", text[b:]) \
            and not (_FORM_END.search(inner) and re.match(r"\s*[-–—]\s", text[b:]))
        # "**X AB** (“X”) is …", "**adidas AG** - Adi-Dassler Str. 1": prose, a company's line
        if inner and (numbered or lead_in):
            cuts.append((a, a, b, b))
    for m in _SUBSECTION.finditer(text):
        if not any(h <= m.start() < e for _, h, e, _ in cuts):
            cuts.append((m.start(), m.start(), m.end() - 2, m.end()))
    if not cuts:
        return [block]
    out: list[Block] = []
    pos = 0
    for cut, head, head_end, resume in sorted(cuts):
        if cut > pos:
            out.append(block.slice(pos, cut, "para"))
        out.append(block.slice(head, head_end, "heading"))
        pos = resume
    if pos < len(text):
        out.append(block.slice(pos, len(text), "para"))
    return [b for b in out if b.text]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph: split after ``.!?`` unless an abbreviation, an initialism
    (``U.S.``, ``S.A.``) before an ordinary word, or a list enumerator (``1.``) ends there."""
    spans, start = [], 0
    for m in _END.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(["):
            continue
        before = text[start:m.start()]
        token = re.split(r"\s", before)[-1] if before else ""
        word = token.rstrip(".").lower().lstrip("([\"'“„«")
        next_word = re.match(r"[\w'’]+", text[m.end():])
        opener = next_word is not None and next_word[0].lower() in _STARTERS
        if (word in _NO_SPLIT and not (word in _FORM_ABBR and opener)) or \
                _ENUMERATOR.search(before) or (word.endswith("str") and nxt.isdigit()):
            continue  # … "Hauptstr. 1": a German street; but "… Pinto Corp. If you live …"
        if nxt == "(" and word in _FORM_ABBR:
            continue  # "The Meet Group, Inc. (“TMG”) …": the name's definition follows
        if word in _FORM_ABBR and next_word is not None and \
                re.fullmatch(r"(?:Verantwortlich|Betreiber|Anbieter)\w*", next_word[0]) and \
                re.search(r"\b(?:ist|sind|wird)\s+(?:die|der)\s+[^.]*$", before):
            continue  # "… ist die Pivot Inc. Verantwortliche": the verb before, the role after
        if any(f.start() <= m.start() and m.end() < f.end()
               for f in FORM.finditer(text, max(0, m.start() - 12), m.end() + 16)):
            continue  # inside one legal form: "BRW, S.A. DE C.V.", "Freunde … e. V."
        initial = _INITIALISM.search(token) or re.fullmatch(r"[A-Z]", token)
        if initial and text[m.start()] == "." and \
                (next_word is None or next_word[0].lower() not in _STARTERS):
            continue
        end = m.start() + len(m[0].rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
