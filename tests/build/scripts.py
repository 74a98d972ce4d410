"""The build's own Python files (build/*.py are scripts, not a package), loaded for the tests."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.paths import REPO


def load(stem: str, name: str) -> ModuleType:
    """build/<stem>.py as module `name`; a run-time hook installs nothing when not frozen."""
    spec = importlib.util.spec_from_file_location(name, REPO / "build" / f"{stem}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load("build", "nianbao_build")
