"""Shared test helpers: where the real published reports are."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO.parent / "shared" / "fixtures"
SEED = FIXTURES / "seed_2020_gaoqing_xzsp.txt"
