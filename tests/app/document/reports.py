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


# The （一） headings of the published reports, as they print in 楷体: alone on their line, run
# in after a stop, a colon or a space, and run in with nothing between (2020).
PUBLISHED_HEADINGS = {
    "report_2020_pingtan.txt": [
        "（一）强化组织协调，着力规范公开工作",
        "（二）围绕工作重点，扎实推进主动公开",
        "（一）存在的主要问题:",
        "（二）改进措施：",
    ],
    "report_2021_pingtan.txt": [
        "（一）主动公开方面。",
        "（二）依申请公开方面。",
        "（三）政府信息管理方面。",
        "（四）平台载体建设方面。",
        "（五）监督保障方面。",
        "（一）存在的主要问题:",
        "（二）改进措施：",
    ],
    "report_2022_pingtan.txt": [
        "（一）主动公开方面",
        "（二）依申请公开方面",
        "（三）政府信息管理方面",
        "（四）信息公开平台建设方面",
        "（五）监督保障方面",
    ],
}
