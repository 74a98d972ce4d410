"""Reading a layout's data (nested dicts and lists of literals) with types checked on the way.

A mistake in a layout file (a missing label, a number where a key belongs) is a
`LayoutDataError` that says where it is, "table3.rows[2].rows[0]: 缺少 label", when the program
starts or the layout's test runs, never a wrong table later.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


class LayoutDataError(ValueError):
    pass


class Data:
    """One dict of the layout's data and where it was found."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, Mapping):
            raise LayoutDataError(f"{where}：应为字典（{{…}}），而不是 {value!r}")
        self.value: Mapping[object, object] = value
        self.where = where

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return key in self.value

    def raw(self, key: str) -> object:
        if key not in self.value:
            raise LayoutDataError(f"{self._at(key)}：缺少这一项")
        return self.value[key]

    def text(self, key: str, default: str | None = None) -> str:
        if default is not None and key not in self.value:
            return default
        value = self.raw(key)
        if not isinstance(value, str):
            raise LayoutDataError(f"{self._at(key)}：应为文字，而不是 {value!r}")
        return value

    def integer(self, key: str) -> int:
        value = self.raw(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise LayoutDataError(f"{self._at(key)}：应为整数，而不是 {value!r}")
        return value

    def numbers(self, key: str) -> tuple[float, ...]:
        items = self._list(key)
        numbers = [v for v in items if isinstance(v, int | float) and not isinstance(v, bool)]
        if len(numbers) != len(items):
            raise LayoutDataError(f"{self._at(key)}：应为数字的列表")
        return tuple(float(v) for v in numbers)

    def texts(self, key: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        if default is not None and key not in self.value:
            return default
        items = self._list(key)
        if not all(isinstance(v, str) for v in items):
            raise LayoutDataError(f"{self._at(key)}：应为文字的列表")
        return tuple(str(v) for v in items)

    def pairs(self, key: str) -> tuple[tuple[str, str], ...]:
        """[["rules", "规章"], …] or {"new": "本年新收", …}."""
        value = self.raw(key)
        items = list(value.items()) if isinstance(value, Mapping) else self._list(key)
        out = []
        for item in items:
            if (
                not isinstance(item, list | tuple)
                or len(item) != 2
                or not all(isinstance(v, str) for v in item)
            ):
                raise LayoutDataError(f"{self._at(key)}：{item!r} 应为一对文字（键, 名称）")
            out.append((str(item[0]), str(item[1])))
        return tuple(out)

    def parts(self, key: str, default_empty: bool = False) -> list[Data]:
        if default_empty and key not in self.value:
            return []
        return [Data(v, f"{self._at(key)}[{i}]") for i, v in enumerate(self._list(key))]

    def part(self, key: str) -> Data:
        return Data(self.raw(key), self._at(key))

    def optional_part(self, key: str) -> Data | None:
        return self.part(key) if key in self.value else None

    def choice(self, key: str, enum: type[E], default: E | None = None) -> E:
        if default is not None and key not in self.value:
            return default
        value = self.text(key)
        try:
            return enum(value)
        except ValueError:
            known = "、".join(str(m.value) for m in enum)
            raise LayoutDataError(f"{self._at(key)}：“{value}”不是 {known} 之一") from None

    def _list(self, key: str) -> list[object]:
        value = self.raw(key)
        if not isinstance(value, list | tuple):
            raise LayoutDataError(f"{self._at(key)}：应为列表（[…]），而不是 {value!r}")
        return list(value)
