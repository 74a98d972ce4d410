"""Qt fonts for the document's font specs, and their metrics for the line breaker.

Everything the preview draws is in twips (1/20 pt): fonts get a pixel size of 20 × their point
size, so 3号 is 320 "pixels" and 10.5 pt is 210, whole numbers at which hinting no longer
moves advances about. The painter scales twips to the device (screen, printer, PDF).

Text is drawn as glyph runs placed here, not with QFont letter spacing: Qt's PDF writer scales
letter spacing wrongly (a quarter point becomes several), which squeezed every body line.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QGlyphRun, QRawFont

from app.document.line_breaking import FontSpec
from ui.preview.fonts import FontReport

TWIPS_PER_PT = 20
MAX_RUNS = 20_000  # cached glyph runs: a few hundred pages' worth


class QtFonts:
    """QFonts (and their metrics) for font specs, with the installed stand-ins of `fonts`."""

    def __init__(self, fonts: FontReport) -> None:
        self.report = fonts
        self._fonts: dict[FontSpec, QFont] = {}
        self._metrics: dict[FontSpec, QFontMetricsF] = {}
        self._widths: dict[tuple[str, FontSpec], float] = {}
        self._heights: dict[FontSpec, float] = {}
        self._raw: dict[FontSpec, QRawFont] = {}
        self._runs: dict[tuple[str, FontSpec, float], QGlyphRun | None] = {}

    def font(self, spec: FontSpec) -> QFont:
        font = self._fonts.get(spec)
        if font is None:
            choice = self.report.choice(spec.family)
            font = QFont(choice.family) if choice.family else QFont()
            font.setPixelSize(round(spec.size_pt * TWIPS_PER_PT))
            font.setBold(spec.bold or choice.bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(False)  # Word sets Chinese without kerning
            self._fonts[spec] = font
        return font

    def raw_font(self, spec: FontSpec) -> QRawFont:
        raw = self._raw.get(spec)
        if raw is None:
            raw = QRawFont.fromFont(self.font(spec))
            self._raw[spec] = raw
        return raw

    def glyph_run(self, text: str, spec: FontSpec, spacing_pt: float) -> QGlyphRun | None:
        """`text` as glyphs from x = 0 on the baseline, each advanced by its width plus
        `spacing_pt`; None when the font lacks one of them (then Qt's own fallback draws it)."""
        key = (text, spec, spacing_pt)
        if key in self._runs:
            return self._runs[key]
        if len(self._runs) > MAX_RUNS:  # lines of text edited away over a long session
            self._runs.clear()
        raw = self.raw_font(spec)
        glyphs = raw.glyphIndexesForString(text) if raw.isValid() else []
        run: QGlyphRun | None = None
        if glyphs and all(glyphs):
            advances = raw.advancesForGlyphIndexes(glyphs)
            positions = []
            x = 0.0
            for advance in advances:
                positions.append(QPointF(x, 0.0))
                x += advance.x() + spacing_pt * TWIPS_PER_PT
            run = QGlyphRun()
            run.setRawFont(raw)
            run.setGlyphIndexes(glyphs)
            run.setPositions(positions)
        self._runs[key] = run
        return run

    def _metrics_of(self, spec: FontSpec) -> QFontMetricsF:
        metrics = self._metrics.get(spec)
        if metrics is None:
            metrics = QFontMetricsF(self.font(spec))
            self._metrics[spec] = metrics
        return metrics

    # TextMetrics, in points

    def width(self, text: str, font: FontSpec) -> float:
        key = (text, font)
        width = self._widths.get(key)
        if width is None:
            width = self._metrics_of(font).horizontalAdvance(text) / TWIPS_PER_PT
            self._widths[key] = width
        return width

    def line_height(self, font: FontSpec) -> float:
        height = self._heights.get(font)
        if height is None:
            height = self._metrics_of(font).height() / TWIPS_PER_PT
            self._heights[font] = height
        return height
