"""Markup → blocks (headings, paragraphs, list items, table rows) of plain text whose every
character keeps its offset in the input.

Markdown is read line by line (ATX and setext headings, ``-``/``*``/``1.`` items, pipe tables,
block quotes; inline emphasis, escapes, links and tags dropped, bold spans remembered because
converted policies often mark headings only in bold). Plain text goes the same way. HTML goes
through :class:`html.parser.HTMLParser` with character references kept apart so offsets stay
exact.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from xborder.graph.ingest.lexicon import ROLE_HEADING, ROLE_LABEL

__all__ = ["Block", "html_blocks", "markdown_blocks"]


@dataclass
class Block:
    kind: str  # heading | para | item | row
    chars: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # input offset of each character
    ends: list[int] = field(default_factory=list)  # input offset just after it
    bold: list[tuple[int, int]] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)
    level: int = 0
    header: bool = False
    _bold_at: int | None = None
    _cell_at: int | None = None

    # -- building ---------------------------------------------------------------------------
    def add(self, text: str, start: int, end: int | None = None) -> None:
        """Text from ``source[start:end]``; one-to-one when the lengths agree."""
        exact = end is None or end - start == len(text)
        for i, c in enumerate(text):
            a = start + i if exact else start
            b = a + 1 if exact else (end if end is not None else a + 1)
            if c.isspace() or c == "\u00a0":
                if not self.chars or self.chars[-1] in " \n":
                    continue
                c = " "
            self.chars.append(c)
            self.starts.append(a)
            self.ends.append(b)

    def newline(self) -> None:
        """A line break (``<br>``): kept, so that a name never runs on into the next line."""
        if self.chars and self.chars[-1] == " ":
            self.chars[-1] = "\n"
        elif self.chars:
            self.chars.append("\n")
            self.starts.append(self.ends[-1])
            self.ends.append(self.ends[-1])

    def space(self) -> None:
        if self.chars and self.chars[-1] not in " \n":
            self.chars.append(" ")
            self.starts.append(self.ends[-1])
            self.ends.append(self.ends[-1])

    def toggle_bold(self) -> None:
        if self._bold_at is None:
            self._bold_at = len(self.chars)
        else:
            if len(self.chars) > self._bold_at:
                self.bold.append((self._bold_at, len(self.chars)))
            self._bold_at = None

    def open_cell(self) -> None:
        self.close_cell()
        self.space()
        self._cell_at = len(self.chars)

    def close_cell(self) -> None:
        if self._cell_at is not None:
            self.cells.append((self._cell_at, len(self.chars)))
            self._cell_at = None

    # -- reading ----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return "".join(self.chars)

    @property
    def origin(self) -> list[int]:
        return self.starts

    def origin_end(self, b: int) -> int:
        return self.ends[b - 1] if b > 0 else self.starts[0]

    def finish(self) -> Block:
        """Trim surrounding spaces (keeping bold and cell spans aligned)."""
        self.close_cell()
        if self._bold_at is not None:
            self.toggle_bold()
        lead = len(self.chars) - len("".join(self.chars).lstrip())
        return self.slice(lead, len("".join(self.chars).rstrip()), self.kind, keep_cells=True)

    def slice(self, a: int, b: int, kind: str, keep_cells: bool = False) -> Block:
        while a < b and self.chars[a] == " ":
            a += 1
        while b > a and self.chars[b - 1] == " ":
            b -= 1
        out = Block(kind, self.chars[a:b], self.starts[a:b], self.ends[a:b], level=self.level,
                    header=self.header)
        out.bold = [(max(x, a) - a, min(y, b) - a) for x, y in self.bold if x < b and y > a]
        if keep_cells:
            out.cells = [(max(x, a) - a, min(y, b) - a) for x, y in self.cells]
        return out


# -- Markdown and plain text ---------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+•▪◦]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+")
_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]*\w[^|\n]*(?:\|[^|\n]*){2,}\|\s*$")  # also "a | b | c |"
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s*>\s?")
_INLINE = re.compile(
    r"\\(?P<esc>[\\`*_{}\[\]()#+\-.!|>~])"
    r"|!?\[(?P<label>[^\]\n]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)"
    r"|<(?P<auto>(?:https?://|mailto:)[^>\s]+|[^@\s<>]+@[^@\s<>]+)>"
    r"|(?P<bold>\*\*|__)"
    r"|(?P<br><br\s*/?>)|(?P<tag></?[A-Za-z][^>\n]*>)"
    r"|(?P<mark>[*`]|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))")


def _inline(block: Block, line: str, base: int) -> None:
    pos = 0
    for m in _INLINE.finditer(line):
        block.add(line[pos:m.start()], base + pos)
        pos = m.end()
        if m["esc"] is not None:
            block.add(m["esc"], base + m.start("esc"))
        elif m["label"] is not None:
            _inline(block, m["label"], base + m.start("label"))
        elif m["auto"] is not None:
            block.add(m["auto"], base + m.start("auto"))
        elif m["bold"] is not None:
            block.toggle_bold()
        elif m["br"] is not None:
            block.newline()
    block.add(line[pos:], base + pos)


def _standalone_heading(text: str) -> bool:
    """A one-line paragraph of plain text that reads as a heading."""
    words = text.split()
    if not words or len(text) > 90 or text[-1] in ".,;:。．" or not (text[0].isupper()
                                                                  or text[0].isdigit()):
        return False
    if re.search(r",[^,]*\d", text) or _LABEL.match(text):
        return False  # "Beispiel GmbH, Hauptstraße 1, 10115 Berlin"; "Verantwortlicher: …"
    if re.match(r"^\d{1,2}(\.\d{1,2})*\.?\s+[A-Z]", text) or text.isupper():
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or w.lower() in ("and", "of", "the"))
    return len(words) <= 8 and capitalised * 2 > len(words) and "@" not in text


def _caps_heading(line: str) -> bool:
    text = line.strip()
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and text.isupper() and len(text) <= 80 and text[-1] not in ".,;"


def markdown_blocks(source: str, plain: bool = False) -> list[Block]:
    """Blocks of Markdown, or of plain text (``plain``: a one-line numbered item that reads as a
    heading is one)."""
    blocks: list[Block] = []
    para: Block | None = None
    para_lines = 0
    item_line: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal para, para_lines, item_line
        if para is not None:
            done = para.finish()
            whole_bold = done.bold == [(0, len(done.chars))] and len(done.chars) <= 100
            if done.kind == "para" and para_lines == 1 and (
                    whole_bold or (not done.bold and _standalone_heading(done.text))):
                done.kind, done.level = "heading", 2 if blocks else 1  # first: the title
            elif item_line is not None and para_lines == 1 and \
                    _standalone_heading(item_line[0].strip()):
                done = Block("heading", level=2)
                _inline(done, item_line[0], item_line[1])
                done = done.finish()
            blocks.append(done)
        para, para_lines, item_line = None, 0, None

    offset = 0
    comment = False
    previous = last_line = ""
    for raw in source.splitlines(keepends=True):
        base, offset = offset, offset + len(raw)
        line = raw.rstrip("\r\n")
        previous, last_line = last_line, line
        if comment or line.lstrip().startswith("<!--"):  # an HTML comment: not policy text
            comment = "-->" not in line
            flush()
            continue
        if (q := _QUOTE.match(line)) is not None:
            line, base = line[q.end():], base + q.end()
        if not line.strip():
            flush()
            continue
        if (m := _SETEXT.match(line)) and para is not None and para_lines == 1:
            para.kind, para.level = "heading", 1 if m[1][0] == "=" else 2
            blocks.append(para.finish())
            para, para_lines = None, 0
            continue
        if plain and _caps_heading(line):  # "WHO IS RESPONSIBLE" on a line of its own
            flush()
            block = Block("heading", level=2 if blocks else 1)
            _inline(block, line, base)
            blocks.append(block.finish())
        elif (m := _ATX.match(line)) is not None:
            flush()
            block = Block("heading", level=len(m[1]))
            _inline(block, m[2], base + m.start(2))
            blocks.append(block.finish())
        elif _ROW.match(line):
            flush()
            if _RULE.match(line):
                if blocks and blocks[-1].kind == "row":
                    blocks[-1].header = True
                continue
            block = Block("row")
            for cell in re.finditer(r"(?:(?<=\|)|^(?!\s*\|))([^|]*)(?=\|)", line):
                block.open_cell()
                _inline(block, cell[1], base + cell.start(1))
            blocks.append(block.finish())
        elif (m := _ITEM.match(line)) is not None:
            flush()
            para, para_lines = Block("item"), 1
            if plain and re.match(r"\s*\d", line):
                item_line = (line, base)
            _inline(para, line[m.end():], base + m.end())
        elif _role_line(line) and (para is None or para.text.rstrip()[-1:] in ".!?"):
            flush()
            head = Block("heading")  # "Titolare del Trattamento dei Dati" above the name
            head.level = 3
            _inline(head, line, base)
            blocks.append(head.finish())
        else:
            if para is None:
                para = Block("para")
            elif _line_break(previous):
                para.newline()  # an address line, a heading above a name: not one run of words
            else:
                para.space()
            para_lines += 1
            item_line = None
            _inline(para, line, base)
    flush()
    return _rejoin(blocks)


def _line_break(line: str) -> bool:
    """Does the line before a soft break end a line of its own (a heading, an address line, a
    line ending in two spaces) rather than wrap prose? Wrapped prose runs near the width."""
    text = line.strip()
    return line.endswith(("  ", "\\")) or len(text) < 50 or text[-1:] in ":"


def _rejoin(blocks: list[Block]) -> list[Block]:
    """Paragraphs that a blank line cut in the middle of a sentence (converted PDFs: "… as
    published by" / "FLASHGAP, a French …") are one paragraph again: the first ends with a
    lower-case word or a comma, and the second starts in lower case or follows a lower-case
    word."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == block.kind == "para" and \
                not (block.bold and block.bold[0][0] == 0) and _cut(prev.text, block.text):
            # ("**adidas France S.a.r.l.** – …" after an address: a bold start is a new line)
            joined = Block("para", [*prev.chars, " ", *block.chars],
                           [*prev.starts, prev.ends[-1], *block.starts],
                           [*prev.ends, prev.ends[-1], *block.ends], level=prev.level)
            shift = len(prev.chars) + 1
            joined.bold = prev.bold + [(x + shift, y + shift) for x, y in block.bold]
            out[-1] = joined
        else:
            out.append(block)
    return out


def _cut(first: str, second: str) -> bool:
    if second[:1].islower() and second.split(None, 1)[0].isalpha() and len(first) >= 40 and \
            first.rstrip()[-1:] not in ".!?:;":
        return True  # "… (im Folgenden wir/uns)" / "als Verantwortliche … zur Verfügung gestellt"
    if len(first) < 40 or not re.search(r"[a-zà-ÿ,]$", first) or not second:
        return False
    last = first.rstrip(",").split()[-1]
    return second[0].islower() or (last.islower() and last.isalpha())


_LABEL = re.compile(ROLE_LABEL + r"(?=\s*\S)", re.I)
_ROLE_LINE = re.compile(r"^\s*(?:" + ROLE_HEADING + r")(?:\s+(?:des|dei|de|der|of|van)\s+\w+){0,3}"
                        r"\s*$", re.I)


def _role_line(line: str) -> bool:
    """A short line that only names the controller's role, above the lines that name it."""
    text = line.strip().strip("*_#")
    return 3 <= len(text) <= 60 and text[-1:] not in ".,;:" and bool(_ROLE_LINE.match(text))


# -- HTML ------------------------------------------------------------------------------------------

_BLOCK_TAGS = {"p": "para", "div": "para", "section": "para", "article": "para", "dd": "para",
               "dt": "para", "blockquote": "para", "li": "item", "tr": "row", "title": "heading",
               **{f"h{n}": "heading" for n in range(1, 7)}}
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "footer-nav"})


class _HtmlReader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = [0]
        for m in re.finditer("\n", source):
            self.lines.append(m.end())
        self.blocks: list[Block] = []
        self.block = Block("para")
        self.skip = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def _close(self, kind: str = "para", level: int = 0) -> None:
        done = self.block.finish()
        if done.chars:
            self.blocks.append(done)
        self.block = Block(kind, level=level)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            kind = _BLOCK_TAGS[tag]
            if tag in ("div", "section", "article", "p") and self.block.kind == "item":
                self.block.space()  # a paragraph inside a list item stays in the item
                return
            self._close(kind, int(tag[1]) if tag[0] == "h" and len(tag) == 2 else 1)
        elif tag in ("td", "th"):
            self.block.header = self.block.header or tag == "th"
            self.block.open_cell()
        elif tag in ("strong", "b"):
            self.block.toggle_bold()
        elif tag == "br":
            self.block.newline()  # an address line, a heading above a name: a line of its own

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th"):
            self.block.close_cell()
        elif tag in ("strong", "b"):
            if self.block._bold_at is not None:
                self.block.toggle_bold()
        elif tag in _BLOCK_TAGS and not (tag in ("div", "section", "article", "p")
                                         and self.block.kind == "item"):
            self._close()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.block.add(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, raw: str) -> None:
        if not self.skip:
            start = self._offset()
            end = start + len(raw) if self.source.startswith(raw, start) else start + len(raw) - 1
            self.block.add(html.unescape(raw), start, end)


def html_blocks(source: str) -> list[Block]:
    reader = _HtmlReader(source)
    reader.feed(source)
    reader.close()
    reader._close()
    blocks = [b for b in reader.blocks if b.chars]
    first = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
    # <title> and a first <h1> usually repeat each other: keep one.
    if first is not None and first + 1 < len(blocks) and blocks[first + 1].kind == "heading" \
            and blocks[first + 1].text == blocks[first].text:
        del blocks[first + 1]
    return _rejoin(blocks)
