"""Makes the PDFs of tests/fixtures/county_pdf/: a county's reports written by our .docx
writer and printed to PDF by LibreOffice, as units send them in.

LibreOffice takes seconds a file, too long for every test run, so they are made once and kept;
make them again after a change to the .docx writer or to the generated reports
(tests.app.county.county_data):  python -m tests.app.county.county_pdfs
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from app.exporters import export_report
from tests.app.county.county_data import PRINTED_FOLDER, printed_file, printed_reports
from tests.app.readers.pdf_made import libreoffice_pdf


def main() -> None:
    PRINTED_FOLDER.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for unit, report in printed_reports().items():
            docx_file = Path(work) / "报告.docx"
            export_report(report, docx_file)
            shutil.copyfile(libreoffice_pdf(docx_file), printed_file(unit))
            docx_file.unlink()
            print(printed_file(unit).name)


if __name__ == "__main__":
    main()
