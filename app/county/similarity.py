"""How much two texts are the same, for many texts at once (rule R21, 内容雷同).

Two texts are compared by their 4-character sequences: the share they have in common,
2·|A∩B| / (|A| + |B|) (the Dice coefficient, which reads as "this share of the text is the
same", as difflib's ratio does for R18). Comparing every pair of a thousand texts would take
minutes, so each text gets a small sketch (the smallest hash values of its sequences: a
bottom-k sketch) and only pairs whose sketches share enough values are compared in full. Pure:
no files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

GRAM = 4
SKETCH = 48
# Texts sharing one sketch value with more than this many others (a template copied by many)
# are linked to the first few of them only, which is enough to find the group.
CROWD = 64
STAR = 8
# A pair is compared in full when its sketches share this many values. Dice 0.5 is Jaccard
# 1/3, which leaves about 16 of the 48 smallest values of A ∪ B in both sketches; fewer than 4
# is all but impossible then.
MIN_SHARED = 4


def squeeze(text: str) -> str:
    return "".join(text.split())


def grams(text: str) -> frozenset[str]:
    t = squeeze(text)
    return frozenset(t[i : i + GRAM] for i in range(max(len(t) - GRAM + 1, 0)))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass(frozen=True)
class Similar:
    other: int  # index of the other text
    share: float  # 0–1


@dataclass(frozen=True)
class Likeness:
    """What one text is like: the texts found more than the threshold the same, most alike
    first, and how many texts its group of such texts holds besides itself (in a template
    copied by hundreds, each copy is compared with a few of the others only)."""

    peers: list[Similar]
    group: int


def similar_texts(
    texts: Sequence[str], owners: Sequence[str], *, threshold: float = 0.5, min_chars: int = 40
) -> dict[int, Likeness]:
    """For each text like others (of other owners) by more than `threshold`, its Likeness.
    Texts shorter than `min_chars` (a line such as "无") are left out."""
    sets = [grams(t) if len(squeeze(t)) >= min_chars else frozenset() for t in texts]
    sketches = [_sketch(s) for s in sets]
    found: dict[int, list[Similar]] = defaultdict(list)
    group = list(range(len(texts)))  # union-find over the pairs found alike

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, j in sorted(_candidates(sketches)):
        if owners[i] == owners[j]:
            continue
        share = dice(sets[i], sets[j])
        if share > threshold:
            found[i].append(Similar(j, share))
            found[j].append(Similar(i, share))
            group[root(i)] = root(j)
    sizes: dict[int, int] = defaultdict(int)
    for i in found:
        sizes[root(i)] += 1
    return {
        i: Likeness(sorted(peers, key=lambda s: (-s.share, s.other)), sizes[root(i)] - 1)
        for i, peers in found.items()
    }


def _sketch(g: frozenset[str]) -> frozenset[int]:
    return frozenset(sorted(map(hash, g))[:SKETCH])


def _candidates(sketches: Sequence[frozenset[int]]) -> set[tuple[int, int]]:
    holders: dict[int, list[int]] = defaultdict(list)
    for i, sketch in enumerate(sketches):
        for value in sketch:
            holders[value].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in holders.values():
        if len(members) > CROWD:
            leaders = members[:STAR]
            pairs = {(a, b) if a < b else (b, a) for a in leaders for b in members if a != b}
        else:
            pairs = {
                (members[x], members[y])
                for x in range(len(members))
                for y in range(x + 1, len(members))
            }
        for pair in pairs:
            shared[pair] += 1
    return {pair for pair, count in shared.items() if count >= MIN_SHARED}
