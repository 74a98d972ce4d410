"""Every UI test answers the program's dialogs through tests/ui/answers.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.answers import Answers
from ui import modal


@pytest.fixture(autouse=True)
def answers() -> Iterator[Answers]:
    opener = Answers()
    previous = modal.install(opener)
    modal.remember_folder("")  # each test starts where a new user would
    try:
        yield opener
    finally:
        modal.install(previous)
        modal.remember_folder("")
    assert not opener.pending(), "the test said how to answer a dialog that never came"
