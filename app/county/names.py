"""Which unit a report belongs to: the name in its title or signature against the units known.

Names are compared as people write them: full-width or half-width, with stray spaces, with or
without the brackets' variants. An exact match (so compared) is taken; otherwise the closest
names are offered for the user to confirm, never taken silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from app.domain.report import Report

CLOSE_ENOUGH = 0.6  # below this a name is not offered as a match
MAX_OFFERED = 3
_DROP = re.compile(r"[\s·•,，、。:：\"“”'‘’]")


def normal_name(name: str) -> str:
    """The name as compared: NFKC (full-width to half-width), no spaces or punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", name))


def names_in(report: Report) -> list[str]:
    """The unit names a report gives, most telling first: its unit (from the title) and the
    signature, without repeats."""
    found: list[str] = []
    for name in (report.unit, report.signature_unit):
        name = name.strip()
        if name and normal_name(name) not in {normal_name(n) for n in found}:
            found.append(name)
    return found


@dataclass(frozen=True)
class UnitMatch:
    """Where a report belongs: `exact` when a known unit has its name; otherwise `close`,
    known units that may be meant (best first), and `name`, the name it gives."""

    name: str
    exact: str | None = None
    close: tuple[tuple[str, float], ...] = ()


# What a name ends with that says what kind of body it is, longest first; and the places.
_KINDS = (
    "人民政府办公室",
    "管理委员会",
    "人民政府",
    "委员会",
    "办公室",
    "办事处",
    "政府",
    "分局",
    "中心",
    "局",
    "委",
    "办",
    "院",
    "所",
    "站",
    "队",
    "处",
    "厅",
    "部",
)
_PLACES = "省市州盟县区旗镇乡"


@dataclass(frozen=True)
class NameParts:
    """青山县教育局 → region 青山县, core 教育, kind 局; 河东镇人民政府 → core 河东, kind 镇."""

    region: str
    core: str
    kind: str


def name_parts(name: str) -> NameParts:
    name = normal_name(name)
    kind = next((k for k in _KINDS if name.endswith(k) and len(name) > len(k)), "")
    rest = name[: len(name) - len(kind)]
    # A place's own government: 河东镇, 河东镇人民政府 and 河东镇政府 are one (kind 镇).
    if kind in ("办事处", "") and rest.endswith("街道"):
        return NameParts("", rest[:-2], "街道")
    if kind in ("人民政府", "政府", "") and rest[-1:] in _PLACES:
        return NameParts("", rest[:-1], rest[-1])
    place = re.match(rf"^(.+?[{_PLACES}])(?=.)", rest)
    region = place.group(1) if place and len(rest) - len(place.group(1)) >= 2 else ""
    return NameParts(region, rest[len(region) :], kind)


def closeness(a: str, b: str) -> float:
    """0–1: how alike two unit names are, for offering one as meant by the other.

    Names of different kinds (a 镇 and a 县, a 局 and a 委员会) or of different places are not
    alike, however many characters they share (河东镇 and 河西镇, 青山县教育局 and 青山县公安局);
    a name shortened by its region (县教育局 for 青山县教育局) or with a word left out
    (人力资源社会保障局) is.
    """
    if not normal_name(a) or not normal_name(b):
        return 0.0
    if normal_name(a) == normal_name(b):
        return 1.0
    x, y = name_parts(a), name_parts(b)
    if x.kind != y.kind or (x.region and y.region and x.region != y.region):
        return 0.0
    if x.core == y.core:
        return 0.9  # the same body, one name written with its region and one without
    short, long = sorted((x.core, y.core), key=len)
    if len(short) < 2:
        return 0.0
    ratio = SequenceMatcher(None, short, long, autojunk=False).ratio()
    if short in long:
        ratio = max(ratio, 0.7 + 0.2 * len(short) / len(long))
    return ratio if len(short) >= 3 else (ratio if short in long else 0.0)


def match_unit(report: Report, units: Iterable[str]) -> UnitMatch:
    """The known unit `report` is from (see UnitMatch)."""
    known = list(units)
    given = names_in(report)
    by_normal = {normal_name(u): u for u in known}
    for name in given:
        if normal_name(name) in by_normal:
            return UnitMatch(name, exact=by_normal[normal_name(name)])
    scores: dict[str, float] = {}
    for name in given:
        for unit in known:
            score = closeness(name, unit)
            if score >= CLOSE_ENOUGH:
                scores[unit] = max(scores.get(unit, 0.0), score)
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:MAX_OFFERED]
    return UnitMatch(given[0] if given else "", close=tuple(best))


_LEVEL_ENDINGS = (  # the first that fits: 自治区人民政府 before 区人民政府
    (("省人民政府", "自治区人民政府"), "province"),
    (("市人民政府", "州人民政府", "盟行政公署"), "prefecture"),
    (("县人民政府", "区人民政府", "旗人民政府"), "county"),
    (("镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府"), "township"),
)


def guess_level(name: str) -> str:
    """The level a unit's name suggests: 某某镇人民政府 a township, 某某县人民政府 a county;
    a department otherwise (a new unit's level can be changed afterwards)."""
    name = normal_name(name)
    for endings, level in _LEVEL_ENDINGS:
        if name.endswith(endings):
            return level
    if name.endswith(("镇", "乡", "街道")):
        return "township"
    return "department"
