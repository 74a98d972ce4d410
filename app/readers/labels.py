"""Recognising labels as people type them: stray spaces, full- and half-width forms, typos."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)[、.，,]")
_LEVEL2 = re.compile(r"^\(([一二三四五六七八九十]+)\)")
_LEVEL3 = re.compile(r"^(\d+)[.、,](?!\d)")
# The longest official label has some 40 characters: past this a cell is no label, and only
# its start is compared (comparing whole cells thousands of characters long takes seconds).
LONGEST_LABEL = 200
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"'})


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Width, spacing and quote variants folded away, for comparing labels (a text longer than
    any label is cut, with "…" so that it equals none)."""
    cut = len(text) > LONGEST_LABEL
    t = unicodedata.normalize("NFKC", text[:LONGEST_LABEL] if cut else text).translate(_QUOTES)
    t = re.sub(r"\s+", "", t)
    return t.replace("．", ".").replace("。", ".") + ("…" if cut else "")


@lru_cache(maxsize=8192)
def numbering(text: str) -> tuple[int, str]:
    """The outline level (1 一、, 2 （一）, 3 1.; 0 none) and the numeral of a label."""
    t = normalize(text)
    for level, pattern in ((1, _LEVEL1), (2, _LEVEL2), (3, _LEVEL3)):
        m = pattern.match(t)
        if m:
            return level, m.group(1)
    return 0, ""


@lru_cache(maxsize=8192)
def strip_numbering(text: str) -> str:
    t = normalize(text)
    for pattern in (_LEVEL1, _LEVEL2, _LEVEL3):
        t = pattern.sub("", t, count=1)
    return t


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """How alike two labels are once numbering and variants are set aside (0…1).

    A result that cannot exceed `floor` is given as 0 without being worked out: comparing a
    label thousands of characters long takes seconds, while its length alone may settle it.
    """
    x, y = strip_numbering(a), strip_numbering(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    # A label cut short or run on ("（二）部分公开" for the long official text) still counts.
    if len(x) >= 2 and len(y) >= 2 and (x.startswith(y) or y.startswith(x)):
        return 0.9
    # Upper bounds of ratio(), cheapest first: from the lengths, then from the letters shared.
    if 2 * min(len(x), len(y)) / (len(x) + len(y)) <= floor:
        return 0.0
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    if matcher.quick_ratio() <= floor:
        return 0.0
    return matcher.ratio()


def best_match(label: str, candidates: list[str], threshold: float = 0.6) -> str | None:
    """The candidate a label stands for, or None when none is close enough.

    Equal numbering counts for a lot, so a typo in the words still finds its row; different
    numbering at the same level counts against, so "3.其他" does not match "2.其他…".
    """
    exact = normalize(label)
    for candidate in candidates:
        if normalize(candidate) == exact:
            return candidate
    level, numeral = numbering(label)
    best, best_score = None, threshold
    for candidate in candidates:
        c_level, c_numeral = numbering(candidate)
        bonus = 0.0
        if level and level == c_level:
            bonus = 0.35 if numeral == c_numeral else -0.35
        score = similarity(label, candidate, floor=best_score - bonus) + bonus
        if score > best_score:
            best, best_score = candidate, score
    return best
