"""Where the real published reports used by the tests are."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO.parent / "shared" / "fixtures"
SEED = FIXTURES / "seed_2020_gaoqing_xzsp.txt"
