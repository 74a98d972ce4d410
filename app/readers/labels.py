"""Recognising labels as people type them: stray spaces, full- and half-width forms, typos."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)[、.，,]")
_LEVEL2 = re.compile(r"^\(([一二三四五六七八九十]+)\)")
_LEVEL3 = re.compile(r"^(\d+)[.、,](?!\d)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"'})


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Width, spacing and quote variants folded away, for comparing labels."""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    t = re.sub(r"\s+", "", t)
    return t.replace("．", ".").replace("。", ".")


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


def similarity(a: str, b: str) -> float:
    """How alike two labels are once numbering and variants are set aside (0…1)."""
    x, y = strip_numbering(a), strip_numbering(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    # A label cut short or run on ("（二）部分公开" for the long official text) still counts.
    if len(x) >= 2 and len(y) >= 2 and (x.startswith(y) or y.startswith(x)):
        return 0.9
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


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
        score = similarity(label, candidate)
        c_level, c_numeral = numbering(candidate)
        if level and level == c_level:
            score += 0.35 if numeral == c_numeral else -0.35
        if score > best_score:
            best, best_score = candidate, score
    return best
