"""Where the real published reports used by the tests are: copies kept in the repository."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEED = FIXTURES / "seed_2020_gaoqing_xzsp.txt"
