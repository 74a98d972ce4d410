"""Files changed at random the ways files get changed: by damage (bytes flipped, cut short,
pieces repeated), by other programs (a part rezipped, numbers and attributes rewritten) and by
someone trying (huge numbers, deep nesting, odd zip methods and sizes, strange characters).

Every mutation is drawn from a seeded random generator, so a failing case can be made again
from its seed; `mutated(seed_file, rng)` gives the file's new name and bytes and what was done.
"""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

Mutation = Callable[[bytes, random.Random], bytes]

_HUGE_NUMBERS = (
    "9" * 25,
    "9" * 5000,
    "-" + "9" * 40,
    "1e999999",
    "4294967296",
    "2147483647",
    "0" * 300 + "7",
    "1" * 4301,
)
_ODD_TEXT = (
    "\ud800",
    "\x00",
    "\ufeff",
    "\u202e",
    "𠀀" * 50,
    "a" * 100_000,
    "<!DOCTYPE x>",
    "&#0;",
    "\t" * 500,
    "\n" * 5000,
    "｜" * 40,
    "—" * 60,
)


@dataclass(frozen=True)
class Seed:
    name: str  # a file name, its suffix saying the kind
    data: bytes


def mutated(seed: Seed, rng: random.Random) -> tuple[str, bytes, str]:
    """The seed changed one to three times: (file name, bytes, what was done)."""
    data = seed.data
    done = []
    kind = seed.name.rsplit(".", 1)[-1]
    # Mostly the changes that keep the file's shape (a zip stays a zip), which reach deeper
    # into the readers than damage to the bytes, which the first check refuses.
    shaped = _ZIPPED if kind in ("docx", "xlsx") else {**_TEXT, **(_JSON if kind == "json" else {})}
    for _ in range(rng.randint(1, 3)):
        choices = shaped if rng.random() < 0.75 else _BYTES
        name = rng.choice(sorted(choices))
        try:
            data = choices[name](data, rng)
        except Exception:  # an earlier mutation broke what this one works on: bytes stay
            continue
        done.append(name)
    return seed.name, data, "+".join(done) or "none"


# -- any file --------------------------------------------------------------------------------


def _flip(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if raw:
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _repeat(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    piece = data[at : at + rng.randint(1, 4096)]
    return data[:at] + piece * rng.randint(2, 50) + data[at:]


def _splice(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 256))) + data[at:]


_BYTES: dict[str, Mutation] = {"flip": _flip, "cut": _cut, "repeat": _repeat, "splice": _splice}


# -- text and JSON ---------------------------------------------------------------------------


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", "replace").split("\n")


def _numbers(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    figures = list(re.finditer(r"\d+", text))
    for m in rng.sample(figures, min(len(figures), rng.randint(1, 5))):
        text = text[: m.start()] + rng.choice(_HUGE_NUMBERS) + text[m.end() :]
        break  # positions move after one change; one a call is enough
    return text.encode("utf-8", "surrogatepass")


def _odd_text(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines) + 1)
    lines.insert(at, rng.choice(_ODD_TEXT) * rng.randint(1, 3))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    if rng.random() < 0.5 and lines:
        del lines[rng.randrange(len(lines))]
    return "\n".join(lines).encode()


def _many_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    line = rng.choice(lines) if lines else ""
    return "\n".join(lines + [line] * rng.choice((1000, 30_000))).encode()


def _reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode(rng.choice(("gb18030", "utf-16", "utf-16-le", "utf-8-sig")), "replace")


_TEXT: dict[str, Mutation] = {
    "numbers": _numbers,
    "odd text": _odd_text,
    "shuffle lines": _shuffle_lines,
    "many lines": _many_lines,
    "re-encode": _reencode,
}


def _json_tree(data: bytes, rng: random.Random) -> bytes:
    tree = json.loads(data)
    if not isinstance(tree, dict) or not tree:
        raise ValueError("no object")
    key = rng.choice(sorted(tree))
    tree[key] = rng.choice(
        [
            None,
            True,
            -1,
            10**30,
            1.5,
            "",
            "x" * 10_000,
            [],
            {},
            [[[[[]]]]],
            {"table9": "2019"},
            {"new.natural": "9" * 50},
            {"未知": 1},
            "2019",
            2101,
        ]
    )
    text = json.dumps(tree, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.2:
        text = text[:-1] + ', "deep": ' + "[" * 5000 + "]" * 5000 + "}"
    return text.encode()


_JSON: dict[str, Mutation] = {"json tree": _json_tree}


# -- Office files ----------------------------------------------------------------------------


def _parts(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info, z.read(info)) for info in z.infolist()]


def _rezip(parts: list[tuple[zipfile.ZipInfo, bytes]], rng: random.Random) -> bytes:
    """The parts zipped again; now and then one of them stored or packed another way."""
    odd = rng.randrange(len(parts)) if parts and rng.random() < 0.15 else -1
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for k, (info, content) in enumerate(parts):
            method = zipfile.ZIP_DEFLATED
            if k == odd:
                method = rng.choice((zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA))
            z.writestr(info.filename, content, compress_type=method)
    return out.getvalue()


def _xml_part(data: bytes, rng: random.Random, change: Callable[[str], str]) -> bytes:
    parts = _parts(data)
    xml = [k for k, (info, _) in enumerate(parts) if info.filename.endswith((".xml", ".rels"))]
    k = rng.choice(xml)
    info, content = parts[k]
    parts[k] = (info, change(content.decode("utf-8", "replace")).encode("utf-8", "surrogatepass"))
    return _rezip(parts, rng)


def _part_bytes(data: bytes, rng: random.Random) -> bytes:
    parts = _parts(data)
    k = rng.randrange(len(parts))
    info, content = parts[k]
    parts[k] = (info, rng.choice(list(_BYTES.values()))(content, rng))
    return _rezip(parts, rng)


def _xml_numbers(data: bytes, rng: random.Random) -> bytes:
    def change(xml: str) -> str:
        values = list(re.finditer(r'(w:val|ref|r|count|w:w|max|min|s|t)="([^"]*)"', xml))
        if not values:
            return xml
        m = rng.choice(values)
        odd = rng.choice(
            (
                *_HUGE_NUMBERS,
                "A1:XFD1048576",
                "$A:$XFD",
                "-1",
                "upperRoman",
                "lowerLetter",
                "%1%2%3%4%5%6%7%8%9" * 50,
            )
        )
        return xml[: m.start(2)] + odd + xml[m.end(2) :]

    return _xml_part(data, rng, change)


def _xml_elements(data: bytes, rng: random.Random) -> bytes:
    def change(xml: str) -> str:
        tags = [m.start() for m in re.finditer(r"<[A-Za-z]", xml)]
        if not tags:
            return xml
        at = rng.choice(tags)
        end = xml.find(">", at) + 1
        element = xml[at:end]
        if rng.random() < 0.5:
            return xml[:at] + element * rng.choice((2, 100, 20_000)) + xml[at:]
        return xml[:at] + xml[end:]  # an element's start tag gone

    return _xml_part(data, rng, change)


def _zip_headers(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    heads = [m.start() for m in re.finditer(b"PK\x01\x02|PK\x03\x04", bytes(raw))]
    if not heads:
        return data
    at = rng.choice(heads)
    central = raw[at : at + 4] == b"PK\x01\x02"
    field = rng.choice(
        (
            ("version", 6 if central else 4, 2),
            ("method", 10 if central else 8, 2),
            ("size", 24 if central else 22, 4),
            ("flags", 8 if central else 6, 2),
        )
    )
    _, offset, width = field
    value = rng.choice((0, 1, 12, 14, 99, 0xFFFF, 0xFFFFFFFF, 10**9))
    raw[at + offset : at + offset + width] = (value % (256**width)).to_bytes(width, "little")
    return bytes(raw)


_ZIPPED: dict[str, Mutation] = {
    "part bytes": _part_bytes,
    "xml numbers": _xml_numbers,
    "xml elements": _xml_elements,
    "zip headers": _zip_headers,
}
