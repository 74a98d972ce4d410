"""Exporting a report as .docx: blocks, a temporary file, a check of that file, then the move
into place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.document.blocks import build_blocks
from app.document.profile import OFFICIAL, LayoutProfile
from app.docx_writer.verify import verify_docx
from app.docx_writer.writer import write_docx
from app.domain.report import Report
from app.writing import ExportError, check_target, write_replacing


def export_docx(
    report: Report, target: Path, profile: LayoutProfile = OFFICIAL, now: dt.datetime | None = None
) -> None:
    """Write `report` to `target` (.docx); ExportError with a Chinese message when it cannot,
    leaving any old file as it was."""
    if target.suffix.lower() != ".docx":
        raise ExportError(f"文件名“{target.name}”应以 .docx 结尾")
    check_target(target)
    blocks = build_blocks(report, profile)

    def write(temp: Path) -> None:
        write_docx(blocks, profile, temp, now)
        verify_docx(temp, report, blocks)

    write_replacing(target, write)
