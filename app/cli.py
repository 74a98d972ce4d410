"""The command line: dump, check, import and export reports without a window; audit and roll up
many units' reports (app.cli_county).

Exit status: 0 done (for check: no error findings), 1 error findings or report not found, 2 input
that cannot be read or used, 3 a fault of the program. Whatever goes wrong, the user sees one
Chinese line naming the file, never a traceback (set NIANBAO_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app import cli_county
from app.cli_args import build_parser
from app.cli_output import (
    Unusable,
    describe_findings,
    findings_json,
    print_err,
    print_out,
    summary_line,
    use_utf8_output,
)
from app.document.profile import OFFICIAL, PROFILES, LayoutProfile, ProfileError
from app.domain.findings import Severity
from app.domain.report import Report
from app.exporters import ExportError, export_report
from app.readers import json_form
from app.readers.errors import ReadError
from app.readers.files import read_report_file
from app.rules import check
from app.store_errors import DamagedStore, StoreError
from app.writing import describe_os_error

OK, FOUND_ERRORS, NOT_FOUND, UNUSABLE, FAULT = 0, 1, 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    use_utf8_output()
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        parser.print_help()
        return OK
    try:
        status: int = COMMANDS[args.command](args)
        return status
    except DamagedStore as exc:
        print_err(f"{exc}{_backup_hint(exc)}")
        return UNUSABLE
    except (Unusable, ReadError, StoreError, ExportError) as exc:
        print_err(str(exc))
        return UNUSABLE
    except OSError as exc:
        where = f"“{exc.filename}”" if exc.filename else ""
        print_err(f"无法读写文件{where}（{describe_os_error(exc)}）")
        return UNUSABLE
    except KeyboardInterrupt:
        print_err("已中断")
        return 130
    except Exception as exc:
        if os.environ.get("NIANBAO_DEBUG"):
            raise
        print_err(f"程序内部错误（{type(exc).__name__}：{exc}）；请把所用文件和这条信息发给开发者")
        return FAULT


# -- commands -------------------------------------------------------------------------------


def dump(args: argparse.Namespace) -> int:
    report = read_report_file(Path(args.file))
    print_out(json_form.dumps(report), end="")
    return OK


def check_files(args: argparse.Namespace) -> int:
    previous = read_report_file(Path(args.previous)) if args.previous else None
    status = OK
    several = len(args.files) > 1
    for name in args.files:
        try:
            report = read_report_file(Path(name))
        except ReadError as exc:
            print_err(str(exc))
            status = UNUSABLE
            continue
        if previous is not None and previous.year != report.year - 1:
            # The cross-year rules compare with the year before only: say why they are not run.
            print_err(
                f"注意：--previous 给的 {Path(args.previous).name} 是{previous.year}年度的报告，"
                f"{Path(name).name} 是{report.year}年度的，应给{report.year - 1}年度的报告；"
                "跨年度的校验（上年结转等）未进行"
            )
        findings = check(report, previous)
        if args.json:
            print_out(json.dumps(findings_json(name, report, findings), ensure_ascii=False))
        else:
            if several:
                print_out(f"【{name}】")
            for line in describe_findings(findings):
                print_out(line)
            print_out(summary_line(findings))
        if status == OK and any(f.severity is Severity.ERROR for f in findings):
            status = FOUND_ERRORS
    return status


def import_file(args: argparse.Namespace) -> int:
    path = Path(args.file)
    report = read_report_file(path)
    unit = (report.unit if args.unit is None else args.unit).strip()
    if not unit:
        raise Unusable(
            "--unit 的单位名称不能为空"
            if args.unit is not None
            else f"{path.name} 中没有读到单位名称，请用 --unit 指定存入哪个单位"
        )
    report.unit = unit
    year_in_file = report.year
    if args.year is not None:
        report.year = args.year
    from app.store import Store  # here, so that dump and check start without SQLite
    from app.store.units import clean_name

    try:
        clean_name(unit)  # the store would refuse it too: said here with the file's name
    except StoreError as exc:
        raise Unusable(f"{path.name}：{exc}") from None
    db_path = _db_path(args)
    with Store.open(db_path) as store:
        store.make_daily_backup(dt.datetime.now())  # before the day's first change
        if store.load(unit, report.year) is not None and not args.replace:
            raise Unusable(
                f"数据库中已有“{unit}”{report.year}年的报告；如要用 {path.name} 覆盖，请加 --replace"
            )
        store.save(report)
        cli_county.after_import(store, report, path)
    if report.year != year_in_file:
        print_err(f"注意：{path.name} 中的年度为 {year_in_file}，已按 --year 存为 {report.year} 年")
    print_out(f"已将 {path.name} 存为“{unit}”{report.year}年的报告（数据库：{db_path}）")
    return OK


def export(args: argparse.Namespace) -> int:
    found = _report_to_export(args)
    if found is None:
        return NOT_FOUND
    report, profile = found
    if args.fonts:  # the margins and grid stay the unit's; only the fonts are chosen here
        profile = replace(profile, name=args.fonts, fonts=PROFILES[args.fonts].fonts)
    out = Path(args.output)
    export_report(report, out, profile)
    errors = [f for f in check(report) if f.severity is Severity.ERROR]
    if errors:
        print_err(f"注意：报告未通过校验（{len(errors)} 个错误），仍已导出：")
        for line in describe_findings(errors):
            print_err(line)
    print_out(f"已导出：{out}")
    return OK


def _report_to_export(args: argparse.Namespace) -> tuple[Report, LayoutProfile] | None:
    """The report to export and the layout profile stored with its unit."""
    if args.file:
        if args.unit or args.year is not None or args.db or args.demo:
            raise Unusable("导出文件中的报告时，不能同时指定 --unit、--year、--db 或 --demo")
        return read_report_file(Path(args.file)), OFFICIAL
    from app.demo import DEMO_UNIT, build_demo
    from app.store import Store

    unit = args.unit or (DEMO_UNIT if args.demo else None)  # the demo has one unit
    if not unit:
        raise Unusable("请指定要导出的报告：--unit 单位名称 --year 年度，或一个报告文件")
    store = Store.in_memory() if args.demo else Store.open(_db_path(args), create=False)
    with store:
        if args.demo:
            build_demo(store)
        years = "、".join(str(y) for y in store.years(unit))
        known = f"（该单位已有：{years}）" if years else "（数据库中没有这个单位）"
        if args.year is None:
            raise Unusable(f"请用 --year 指定导出“{unit}”哪一年的报告{known}")
        report = store.load(unit, args.year)
        if report is None:
            print_err(f"数据库中没有“{unit}”{args.year}年的报告{known}")
            return None
        stored = store.unit_profile(unit)
    try:
        profile = LayoutProfile.from_dict(stored) if stored else OFFICIAL
    except ProfileError as exc:
        print_err(f"注意：单位的版式设置无法使用（{exc}），按标准公文版式导出")
        profile = OFFICIAL
    return report, profile


def _backup_hint(exc: DamagedStore) -> str:
    """Where the user can get the data back from, for a damaged database."""
    if exc.path is None:
        return ""
    from app.store import backups  # here: only a damaged database needs it

    found = backups.latest_sound(exc.path)
    if found is None:
        return "。没有找到可用的备份"
    return (
        f"。可以在年报编制器窗口中用“文件 → 恢复备份…”找回数据"
        f"（最近一份完好的备份：{found[0].label}，{found[1].describe()}）"
    )


def _db_path(args: argparse.Namespace) -> Path:
    from app.store import default_db_path

    return Path(args.db) if args.db else default_db_path()


COMMANDS = {
    "dump": dump,
    "check": check_files,
    "import": import_file,
    "export": export,
    "audit": cli_county.audit,
    "rollup": cli_county.rollup,
}


if __name__ == "__main__":
    sys.exit(main())
