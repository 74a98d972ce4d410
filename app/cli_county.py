"""The county office's subcommands (spec/interfaces.md §5): `audit` a batch of reports, `rollup`
the units' reports into the county's.

Progress goes to stderr: a line redrawn in place on a terminal, a line every tenth of the way
into a log or a pipe.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_output import Unusable, print_err, print_out

if TYPE_CHECKING:
    from app.domain.report import Report
    from app.store import Store

OK, FOUND_ERRORS, UNUSABLE = 0, 1, 2


class StderrProgress:
    """`正在读取 37/120：某某局.docx` on stderr."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.live = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.live:
            sys.stderr.write(f"\r{self.what} {done}/{total}：{name[:40]}\033[K")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
            return
        tenth = done * 10 // max(total, 1)
        if tenth != self.shown:
            self.shown = tenth
            print_err(f"{self.what} {done}/{total}")


def after_import(store: Store, report: Report, path: Path) -> None:
    """A unit's report stored from a file: when it came in, and the roll-ups above it made
    again (their cells typed by hand stay)."""
    import datetime as dt

    from app.county.in_store import refresh_above
    from app.county.rollup import RollupRefused
    from app.store import Receipt

    store.set_receipt(Receipt(report.unit, report.year, dt.date.today().isoformat(), path.name))
    try:
        for county in refresh_above(store, report.unit, report.year):
            print_err(f"注意：“{county}”{report.year}年度汇总报告已按此报告重新汇总")
    except RollupRefused as exc:
        print_err(f"注意：上级单位的汇总报告未能重新汇总（{exc}）")


def audit(args: argparse.Namespace) -> int:
    from app.county.audit import audit_json, export_audit, report_line, run_audit, summary_lines

    output = Path(args.output) if args.output else None
    if output is not None and output.suffix.lower() != ".xlsx":
        raise Unusable(f"校验汇总只能写成 Excel 工作簿（.xlsx），而不是“{output.name}”")
    previous_dir = Path(args.previous_dir) if args.previous_dir else None
    if previous_dir is not None and not previous_dir.is_dir():
        raise Unusable(f"--previous-dir：“{previous_dir}”不是文件夹")
    result = run_audit(
        [Path(p) for p in args.paths],
        previous_dir=previous_dir,
        progress=StderrProgress("正在读取"),
    )
    if output is not None:
        export_audit(result, output)
    if args.json:
        print_out(json.dumps(audit_json(result), ensure_ascii=False))
        for line in summary_lines(result):
            print_err(line)
    else:
        for report in result.reports:
            print_out(report_line(report))
        for line in summary_lines(result):
            print_out(line)
    if output is not None:
        print_err(f"已写入校验汇总：{output}")
    if not result.reports:
        print_err("没有读到任何报告")
        return UNUSABLE
    return FOUND_ERRORS if result.has_errors else OK


def rollup(args: argparse.Namespace) -> int:
    from app.county.rollup import RollupRefused, add_up, apply_sums, notes
    from app.exporters import EXPORTERS, export_report

    output = Path(args.output)
    if output.suffix.lower() not in EXPORTERS:
        kinds = "、".join(sorted(EXPORTERS))
        raise Unusable(f"汇总报告不能写成“{output.name}”；可以写成：{kinds}")
    unit = args.unit.strip()
    if not unit:
        raise Unusable("--unit 的单位名称不能为空")
    if args.paths:
        sources, named, with_errors = _sources_from_files([Path(p) for p in args.paths])
        target = _stored_target(args, unit)
    elif args.db:
        sources, named, with_errors, target = _sources_from_database(args, unit)
    else:
        raise Unusable("请给出要汇总的报告文件或文件夹，或用 --db 指定数据库（汇总其中的下级单位）")
    if target is None:
        from app.county.in_store import draft_chapter_one
        from app.domain.report import Report

        target = Report(unit=unit, year=args.year, level="county", signature_unit=unit)
        target.chapters["1"] = draft_chapter_one(unit)
    try:
        summed = add_up(args.year, sources)
    except RollupRefused as exc:
        raise Unusable(str(exc)) from None
    report = apply_sums(target, summed, named, _hand_edited(target))
    export_report(report, output)
    for line in notes(summed):
        print_err(f"注意：{line}")
    if with_errors:
        print_err(
            "注意：以下单位的报告有错误，已照原样汇总，请核对："
            + "、".join(f"“{u}”（{n} 个错误）" for u, n in with_errors)
        )
    print_out(f"已汇总 {len(sources)} 个单位的{args.year}年度报告：{output}")
    return FOUND_ERRORS if with_errors else OK


def _hand_edited(target: Report) -> frozenset[str]:
    from app.domain.rollup_record import rollup_record

    record = rollup_record(target)
    return record.hand_edited if record else frozenset()


def _sources_from_files(
    paths: list[Path],
) -> tuple[list[tuple[str, Report]], list[str], list[tuple[str, int]]]:
    from app.county.batch import ReadReport, Unreadable, read_files, report_files
    from app.county.status import counts
    from app.domain.findings import Severity

    files, missing = report_files(paths)
    outcomes = read_files(files, keep=True, progress=StderrProgress("正在读取"))
    unreadable = missing + [o for o in outcomes if isinstance(o, Unreadable)]
    if unreadable:
        raise Unusable("有文件无法读取，未汇总：" + "；".join(u.message for u in unreadable))
    read = [o for o in outcomes if isinstance(o, ReadReport) and o.report is not None]
    sources = [(o.unit, o.report) for o in read if o.report is not None]
    errors = [(o.unit, counts(o.findings)[Severity.ERROR]) for o in read]
    return sources, [o.source for o in read], [(u, n) for u, n in errors if n]


def _stored_target(args: argparse.Namespace, unit: str) -> Report | None:
    if not args.db:
        return None
    from app.store import Store

    with Store.open(Path(args.db), create=False) as store:
        return store.load(unit, args.year)


def _sources_from_database(
    args: argparse.Namespace,
    unit: str,
) -> tuple[list[tuple[str, Report]], list[str], list[tuple[str, int]], Report | None]:
    from app.county.in_store import FROM_DATABASE, gather
    from app.domain.findings import Severity
    from app.rules import check
    from app.store import Store

    with Store.open(Path(args.db), create=False) as store:
        if store.unit(unit) is None:
            raise Unusable(f"数据库中没有“{unit}”这个单位")
        below = [u.name for u in store.subordinates(unit)]
        if not below:
            raise Unusable(f"数据库中“{unit}”没有下级单位，无从汇总")
        gathered = gather(store, below, args.year)
        errors = []
        for name, report in gathered.sources:
            n = sum(
                f.severity is Severity.ERROR for f in check(report, store.load(name, args.year - 1))
            )
            if n:
                errors.append((name, n))
        target = store.load(unit, args.year)
    if gathered.missing:
        print_err(
            f"注意：以下单位没有{args.year}年度的报告，未计入：" + "、".join(gathered.missing)
        )
    return gathered.sources, [FROM_DATABASE] * len(gathered.sources), errors, target
