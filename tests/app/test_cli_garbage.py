"""`nianbao dump` on arbitrary input: a report (status 0) or one Chinese line (status 2), never a
traceback."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli
from app.readers.json_form import dumps, loads
from tests.paths import REPO, SEED

SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
PIECES = st.sampled_from(
    [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "申请人情况",
        "自然人",
        "总计",
        "（七）总计",
        "四、结转下年度继续办理",
        "行政复议",
        "结果维持",
        "2021年1月21日",
        "\t",
        " | ",
        "\n",
        "0",
        "-3",
        "12.5万元",
        "１２",
        "/",
        "—",
        "{",
        "}",
        '"schema": "nianbao.report/1"',
        "\ufeff",
        "\x00",
    ]
)
TEXT = st.lists(
    st.one_of(PIECES, st.sampled_from(SEED_LINES), st.text(max_size=12)), max_size=80
).map("".join)
# A real report with a few lines changed, dropped or repeated goes deeper into the reader than
# noise does.
EDITS = st.lists(
    st.tuples(
        st.integers(0, len(SEED_LINES) - 1),
        st.sampled_from(["replace", "drop", "repeat", "insert"]),
        st.one_of(PIECES, st.text(max_size=8), st.integers(-5, 10**7).map(str)),
    ),
    max_size=8,
)


def _edited_seed(edits: list[tuple[int, str, str]]) -> str:
    lines = list(SEED_LINES)
    for index, action, text in edits:
        index %= len(lines) or 1
        if action == "replace" and lines:
            lines[index] = text
        elif action == "drop" and lines:
            del lines[index]
        elif action == "repeat" and lines:
            lines.insert(index, lines[index])
        else:
            lines.insert(index, text)
    return "\n".join(lines)


MANGLED_SEED = EDITS.map(_edited_seed)


def _dump(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["dump", str(path)])
    return status, out.getvalue(), err.getvalue()


def _check_outcome(status: int, out: str, err: str) -> None:
    assert "Traceback" not in out + err
    assert status in (0, 2), err
    if status == 2:
        assert out == ""
        assert len(err.strip().splitlines()) == 1, err
    else:
        # What dump prints is itself a report that reads back to the same JSON.
        assert dumps(loads(out)) == out
        assert json.loads(out)["schema"] == "nianbao.report/1"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(TEXT, MANGLED_SEED), suffix=st.sampled_from([".txt", ".json", ".TXT"]))
def test_any_text_dumps_or_fails_cleanly(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _check_outcome(*_dump(path))


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".json", ".docx", ".doc"]))
def test_any_bytes_dump_or_fail_cleanly(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _check_outcome(*_dump(path))


def test_garbage_through_the_real_executable(tmp_path: Path) -> None:
    cases = {
        "noise.txt": "三、本年度办理结果\t\t12\n（七）总计 | x | 3\n\x00\x01",
        "half.json": '{"schema": "nianbao.report/1", "year": 2021, "table3": {"new.total": -',
        "seed_cut.txt": "\n".join(SEED_LINES[: len(SEED_LINES) // 2]),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "ui.launcher", "dump", str(path)],
            cwd=REPO,
            capture_output=True,
            timeout=60,
        )
        out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
        _check_outcome(proc.returncode, out, err)
        if proc.returncode == 2:
            assert name in err
