"""Setting text on lines the way Word sets a 公文: every Chinese character its own unit, digits and
Latin words kept whole, no closing mark at the start of a line and no opening mark at its end.

How wide a piece of text is depends on the font engine, so it is asked of a `TextMetrics`: the
window passes Qt's font metrics, tests and headless callers `SimpleMetrics` (CJK one em, the
rest half an em, the grid GB/T 9704 counts in).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from app.document.model import Align

EPSILON = 0.01  # pt: widths summed in floating point must not lose the 28th character
# A line may not start with these; one of them may hang past the margin instead (Word's and
# WPS's default for Chinese: 允许标点溢出边界).
NO_START = frozenset("，。、；：？！）》」』】〕〉〗”’％‰～,.;:?!)]}%")
NO_END = frozenset("（《「『【〔〈〖“‘([{")
# Where the em box sits in a line taller than the font: centred, as printed 公文 look.
EM_ASCENT = 0.88
EM_DESCENT = 0.12


@dataclass(frozen=True)
class FontSpec:
    """A font as the document names it; the renderer maps the name to an installed font."""

    family: str
    size_pt: float
    bold: bool = False


class TextMetrics(Protocol):
    def width(self, text: str, font: FontSpec) -> float:
        """Advance width of `text` in points."""
        ...

    def line_height(self, font: FontSpec) -> float:
        """Height of a line at single spacing, in points."""
        ...


# A web address or an e-mail address is one Latin "word" of up to 40 characters: kept whole it
# goes to the next line and leaves the line before it letter-spaced far apart. It may break
# after its separators, as browsers break it (the .docx marks those places with a zero-width
# space, which Word, WPS and LibreOffice break at).
_ADDRESS = re.compile(
    r"(?:https?://|www\.)[\w\-./?%&=#:~+]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII
)
_ADDRESS_BREAKS = "/.@-_?&=#"


def address_breaks(text: str) -> list[int]:
    """The places inside web and e-mail addresses where a line may break: before text[i]."""
    found = []
    for match in _ADDRESS.finditer(text):
        start, end = match.span()
        for i in range(start + 1, end - 1):
            if text[i - 1] in _ADDRESS_BREAKS and text[i] not in _ADDRESS_BREAKS:
                found.append(i)
    return found


def is_latin(ch: str) -> bool:
    """Set in the Latin font (Times New Roman); everything else takes the Chinese font, as
    Word does with the East Asian hint the .docx writer sets."""
    code = ord(ch)
    return code < 0x80 or 0xC0 <= code < 0x250


class SimpleMetrics:
    """CJK one em, digits and Latin half an em; lines 1.3 em at single spacing."""

    def width(self, text: str, font: FontSpec) -> float:
        return sum(font.size_pt * (0.5 if is_latin(ch) else 1.0) for ch in text)

    def line_height(self, font: FontSpec) -> float:
        return font.size_pt * 1.3


@dataclass(frozen=True)
class Span:
    """Text in one style: the Chinese and the Latin font, and the extra advance per character
    (negative to fit 28 characters of 3号 on a 156 mm line)."""

    text: str
    east_asian: FontSpec
    latin: FontSpec
    spacing_pt: float = 0.0


@dataclass(frozen=True)
class Piece:
    """Text drawn at one place: x in points from the left edge of the box the lines are set in,
    each character advanced by its width plus `spacing` points."""

    x: float
    text: str
    font: FontSpec
    spacing: float = 0.0


@dataclass(frozen=True)
class SetLine:
    pieces: tuple[Piece, ...]
    size_pt: float  # the largest font on the line (where its baseline sits)


@dataclass
class _Unit:
    text: str
    font: FontSpec
    width: float
    spacing: float = 0.0
    space: bool = False
    newline: bool = False
    glued: bool = False  # no justification space before it (the rest of a hyphenated number)

    @property
    def no_start(self) -> bool:
        return len(self.text) == 1 and self.text in NO_START

    @property
    def no_end(self) -> bool:
        return len(self.text) == 1 and self.text in NO_END


def _units(spans: Sequence[Span], metrics: TextMetrics) -> list[_Unit]:
    units: list[_Unit] = []
    inside = False  # the next unit goes on from the last one's word (a hyphen, an address)

    def add(text: str, font: FontSpec, spacing: float, space: bool = False) -> None:
        glued = inside and not space and is_latin(text[0])
        units.append(
            _Unit(
                text,
                font,
                metrics.width(text, font) + spacing * len(text),
                spacing,
                space,
                glued=glued,
            )
        )

    for span in spans:
        word = ""
        breaks = set(address_breaks(span.text))
        for i, ch in enumerate(span.text):
            if word and i in breaks:
                add(word, span.latin, span.spacing_pt)
                word = ""
                inside = True
            elif word and (ch in "\n " or not is_latin(ch)):
                add(word, span.latin, span.spacing_pt)
                word = ""
                inside = False
            if ch == "\n":
                units.append(_Unit("", span.east_asian, 0.0, newline=True))
            elif ch == " ":
                add(ch, span.latin, span.spacing_pt, space=True)
            elif is_latin(ch):
                word += ch  # digits and Latin words never break inside…
                if ch == "-" and len(word) > 1 and i + 1 not in breaks:  # …but after a hyphen
                    add(word, span.latin, span.spacing_pt)
                    word = ""
                    inside = True
            else:
                add(ch, span.east_asian, span.spacing_pt)
                inside = False
        if word:
            add(word, span.latin, span.spacing_pt)
        inside = False
    return units


def _split(unit: _Unit, metrics: TextMetrics) -> list[_Unit]:
    """A word wider than the whole line (a long number in a narrow cell), one unit a character."""
    return [
        _Unit(ch, unit.font, metrics.width(ch, unit.font) + unit.spacing, unit.spacing)
        for ch in unit.text
    ]


def set_lines(
    spans: Sequence[Span],
    metrics: TextMetrics,
    width: float,
    *,
    first_indent: float = 0.0,
    align: Align = Align.JUSTIFY,
) -> list[SetLine]:
    """The spans set on lines `width` points wide, the first one indented by `first_indent`.

    Justified lines but the last spread the slack evenly between units, as Word does for
    Chinese; a closing mark that does not fit hangs past the margin.
    """
    pending = _units(spans, metrics)
    lines: list[SetLine] = []
    current: list[_Unit] = []
    used = 0.0
    available = width - first_indent
    hanging = False

    def finish(last: bool) -> None:
        nonlocal current, used, available, hanging
        indent = first_indent if not lines else 0.0
        lines.append(_place(current, available, indent, align, last, hanging))
        current, used, available, hanging = [], 0.0, width, False

    i = 0
    while i < len(pending):
        unit = pending[i]
        i += 1
        if unit.newline:
            finish(last=True)
            continue
        if unit.space and not current and lines:
            continue  # a wrapped line never starts with a space
        if used + unit.width <= available + EPSILON or (not current and unit.width <= available):
            current.append(unit)
            used += unit.width
            continue
        if not current:  # wider than a whole line: give up keeping it whole
            pending[i - 1 : i] = _split(unit, metrics)
            i -= 1
            if len(pending[i].text) == len(unit.text):  # one character wider than the line
                current.append(pending[i])
                used += pending[i].width
                i += 1
            continue
        if unit.no_start and not current[-1].no_start:
            current.append(unit)  # hangs past the margin
            hanging = True
            finish(last=False)
            continue
        # Carry units to the next line until neither line breaks a kinsoku rule.
        carried = [unit]
        while len(current) > 1 and (carried[0].no_start or current[-1].no_end):
            carried.insert(0, current.pop())
        while current and current[-1].space:
            current.pop()
        finish(last=False)
        pending[i:i] = carried[1:]
        current.append(carried[0])
        used = carried[0].width
    if current or not lines:
        finish(last=True)
    return lines


def _place(
    units: list[_Unit], available: float, indent: float, align: Align, last: bool, hanging: bool
) -> SetLine:
    while units and units[-1].space:
        units.pop()
    natural = sum(u.width for u in units)
    fitted = natural - (units[-1].width if hanging and units else 0.0)
    gap = 0.0
    offset = 0.0
    slack = available - fitted
    opens = [
        n > 0 and not u.glued and not (hanging and n == len(units) - 1) for n, u in enumerate(units)
    ]  # where justification may add space
    if align is Align.JUSTIFY and not last and any(opens) and slack > 0:
        gap = slack / sum(opens)
    elif align is Align.CENTER:
        offset = max(0.0, slack / 2)
    elif align is Align.RIGHT:
        offset = max(0.0, slack)
    pieces: list[Piece] = []
    joinable = False  # whether the last piece is single characters at an even advance
    x = indent + offset
    for n, unit in enumerate(units):
        if opens[n]:
            x += gap
        if unit.space:
            joinable = False
        elif (
            joinable
            and len(unit.text) == 1
            and opens[n]
            and pieces[-1].font == unit.font
            and pieces[-1].spacing == unit.spacing + gap
        ):
            # One run drawn with letter spacing rather than a character at a time: a PDF
            # reader then extracts words, and drawing is faster.
            last_piece = pieces[-1]
            pieces[-1] = Piece(
                last_piece.x, last_piece.text + unit.text, unit.font, last_piece.spacing
            )
        else:
            single = len(unit.text) == 1
            following = n + 1 < len(units) and opens[n + 1]
            pieces.append(
                Piece(
                    x, unit.text, unit.font, unit.spacing + (gap if single and following else 0.0)
                )
            )
            joinable = single and following
        x += unit.width
    size = max((u.font.size_pt for u in units), default=0.0)
    return SetLine(tuple(pieces), size)


def baseline_offset(line_height: float, size_pt: float) -> float:
    """From the top of a line to its baseline, with the em box centred in the line."""
    return line_height / 2 + (EM_ASCENT - EM_DESCENT) / 2 * size_pt
