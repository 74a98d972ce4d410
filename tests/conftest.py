"""Tests run headless: Qt draws offscreen.

With NIANBAO_NO_QT=1 the Qt bindings cannot be imported at all, so a run of tests/app proves the
core works on a machine without them (run it with `-p no:pytestqt`).
"""

from __future__ import annotations

import importlib.abc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked for the core-only test run")
        return None


if os.environ.get("NIANBAO_NO_QT") == "1":
    sys.meta_path.insert(0, _NoQt())
