"""Finding the files that ship with the program: from a source checkout, an installed wheel
(where resources/ is the package nianbao_resources) or a frozen build."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

INSTALLED_PACKAGE = "nianbao_resources"


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec(INSTALLED_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return checkout


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
