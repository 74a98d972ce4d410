"""Where the program's database lives: NIANBAO_DB, or the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Nianbao"
DB_FILE_NAME = "nianbao.sqlite3"
DB_ENV_VAR = "NIANBAO_DB"


def default_db_path() -> Path:
    """`NIANBAO_DB` when set, else nianbao.sqlite3 in the platform's user data folder."""
    configured = os.environ.get(DB_ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    return user_data_folder() / DB_FILE_NAME


def user_data_folder() -> Path:
    """Where the program keeps its files for this user (never beside the executable)."""
    # roaming: %APPDATA%\Nianbao on Windows (spec/interfaces.md §3), so the data follows the
    # user's profile on office networks.
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))
