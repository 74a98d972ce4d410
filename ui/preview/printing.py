"""Printing the laid-out pages through the system's print dialog.

The printer gets the paper's own coordinates (full page), so the margins are the document's and
not the printer's; the painter is the preview's.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from app.document.pagination import PagedDocument
from ui import modal
from ui.dialogs import tell
from ui.preview.metrics import QtFonts
from ui.preview.painter import paint_document
from ui.preview.pdf import true_characters
from ui.preview.pdf_unicode import fix_to_unicode


def make_printer(title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title or "政府信息公开工作年度报告")
    printer.setCreator("年报编制器")
    return printer


def print_pages(printer: QPrinter, document: PagedDocument, fonts: QtFonts) -> bool:
    """Print the pages the printer's range names (all when none); False when the printer
    could not be started."""
    pages = document.pages
    first, last = printer.fromPage(), printer.toPage()
    if first > 0 and last >= first:
        pages = pages[first - 1 : last]
    if not paint_document(printer, pages, fonts, printer.resolution()):
        return False
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        # "Print to file" makes a PDF too: give it the same searchable text as our own.
        _fix_pdf_file(Path(target), document, fonts)
    return True


def _fix_pdf_file(path: Path, document: PagedDocument, fonts: QtFonts) -> None:
    try:
        data = path.read_bytes()
        fixed = fix_to_unicode(data, true_characters(document, fonts))
        if fixed != data:
            path.write_bytes(fixed)  # same length, in place
    except OSError:
        pass  # the printout itself is there; only its copy-and-search text is not improved


NO_PRINTER = (
    "这台电脑上没有可用的打印机（或 Windows 的“Print Spooler（打印后台处理程序）”服务"
    "未启动）。\n请先用“文件→导出 PDF”保存，再在有打印机的电脑上打印；或请管理员添加"
    "打印机、启动该服务。"
)


def printers_to_offer() -> bool:
    """Whether the print dialog has anything to print to.

    Qt's own dialog (Linux) can always print to a PDF file. Windows' dialog offers only the
    installed printers: with none (or the print spooler stopped) it fails at once, and Qt
    reports that as if the user had cancelled, so the user would see nothing happen.
    """
    return sys.platform != "win32" or bool(QPrinterInfo.availablePrinterNames())


def ask_and_print(
    parent: QWidget,
    document: PagedDocument,
    fonts: QtFonts,
    title: str,
    can_print: Callable[[], bool] = printers_to_offer,
) -> bool | None:
    """Show the print dialog and print; None when the user cancelled, or was told that there
    is no printer."""
    if not can_print():
        tell(parent, "打印", NO_PRINTER, error=True)
        return None
    printer = make_printer(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    dialog.setMinMax(1, max(1, len(document.pages)))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if modal.run(dialog) != QPrintDialog.DialogCode.Accepted:
        return None
    return print_pages(printer, document, fonts)
