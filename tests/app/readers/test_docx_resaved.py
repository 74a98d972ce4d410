"""Reports re-saved by another word processor (LibreOffice writes its own WordprocessingML:
other merge markup, bookmarks, settings) read the same; its binary .doc gets the save-as
message. Needs LibreOffice."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from app.readers import json_form
from app.readers.errors import ReadError
from app.readers.files import read_report_file
from tests.app.readers.test_text_reader_styles import assert_same_figures, sample_report
from tests.app.readers.word_made import Style, word_report
from tests.paths import SEED

pytestmark = pytest.mark.render
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def resave(source: Path, folder: Path, target: str) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    out = folder / "out"
    env = dict(os.environ, HOME=str(folder))
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'lo').as_uri()}",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    converted = out / f"{source.stem}.{target.split(':')[0]}"
    assert converted.exists()
    return converted


def test_a_report_resaved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    written = sample_report("2021", random.Random(3), blanks=True)
    made = tmp_path / "made.docx"
    made.write_bytes(word_report(written, Style(split_table3_at=12, subtotal=True)))
    seed = tmp_path / "seed.docx"
    seed.write_bytes(word_report(read_report_file(SEED)))
    again = resave(made, tmp_path, "docx:MS Word 2007 XML")
    read = read_report_file(again)
    assert_same_figures(read, written)
    assert read.chapter("1") == written.chapter("1")
    seed_again = resave(seed, tmp_path, "docx:MS Word 2007 XML")
    assert json_form.report_to_json(read_report_file(seed_again)) == json_form.report_to_json(
        read_report_file(seed)
    )


def test_a_real_binary_doc_says_save_as_docx_even_when_renamed(tmp_path: Path) -> None:
    seed = tmp_path / "seed.docx"
    seed.write_bytes(word_report(read_report_file(SEED)))
    doc = resave(seed, tmp_path, "doc")
    renamed = doc.with_name("改了扩展名.docx")
    shutil.copy(doc, renamed)
    for path in (doc, renamed):
        with pytest.raises(ReadError, match=r"旧版 Word 文件.*另存为 \.docx"):
            read_report_file(path)
