"""Reports the document tests build from: the demo's published 2020 report and its 2021 draft."""

from __future__ import annotations

import datetime as dt

from app.demo import demo_seed_report
from app.domain.carry import start_next_year
from app.domain.report import Report


def demo_2020() -> Report:
    """高青县行政审批服务局 2020, layout 2019, as published (it breaks R2 and R3)."""
    return demo_seed_report()


def demo_2021() -> Report:
    """The 2021 draft started from 2020: layout 2021, carried figures, dated 2022-01-20."""
    report, _ = start_next_year(demo_seed_report())
    report.signature_date = dt.date(2022, 1, 20)
    report.set("table3:new.natural", 5)
    report.set("table3:new.total", 5)
    report.set("table2:fees.amount", demo_seed_report().get("table2:procurement.amount"))
    return report
