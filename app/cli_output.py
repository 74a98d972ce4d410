"""What the command line prints: findings as lines or JSON, on UTF-8 streams."""

from __future__ import annotations

import contextlib
import io
import sys
from typing import Any

from app.domain.findings import Finding, Severity
from app.domain.report import Report

PLACES = {"table2": "表二", "table3": "表三", "table4": "表四"}
CHAPTER_NUMERALS = "一二三四五六"


class Unusable(Exception):
    """Input a command cannot use: its message is printed as one line, the exit status is 2."""


def use_utf8_output() -> None:
    """Print UTF-8 whatever the locale says, with "\n" line ends on every system.

    A Windows pipe or file would otherwise get the ANSI code page (GBK on a Chinese Windows,
    cp1252 elsewhere, which cannot encode Chinese at all) and "\r\n": `nianbao dump` would
    write different bytes on Windows and Linux. A Windows console shows "\n" as a new line,
    and takes UTF-8 text as Unicode whatever its code page.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            # A stream that cannot switch (already written in another encoding) keeps it.
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace", newline="\n")


def print_out(text: str, end: str = "\n") -> None:
    print(text, end=end, file=sys.stdout, flush=True)


def print_err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def place(finding: Finding) -> str:
    """Where a finding is, as the report names it: 表三, 第五部分."""
    if not finding.cells:
        return ""
    where, _, rest = finding.cells[0].partition(":")
    if where == "chapter" and rest.isdigit() and 1 <= int(rest) <= 6:
        return f"第{CHAPTER_NUMERALS[int(rest) - 1]}部分"
    return PLACES.get(where, "")


def describe(finding: Finding) -> str:
    """`[错误] R2 表三 （四）1.本机关不掌握相关政府信息：总计 0 ≠ 各类申请人之和 3`."""
    parts = [f"[{finding.severity.label}]", finding.rule]
    where = place(finding)
    if where and not finding.message.startswith(where):
        parts.append(where)
    parts.append(finding.message)
    return " ".join(parts)


def describe_findings(findings: list[Finding]) -> list[str]:
    return [describe(f) for f in findings]


def summary_line(findings: list[Finding]) -> str:
    if not findings:
        return "未发现问题。"
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return "共 " + "、".join(f"{counts[s]} 个{s.label}" for s in Severity) + "。"


def findings_json(source: str, report: Report, findings: list[Finding]) -> dict[str, Any]:
    """spec/interfaces.md §2."""
    return {
        "source": source,
        "layout": report.layout_id,
        "year": report.year,
        "findings": [f.to_json() for f in findings],
    }
