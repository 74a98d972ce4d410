"""The user's own folders, moved under a test's folder on every system.

The program keeps its data in the platform's user data folder: $XDG_DATA_HOME/Nianbao on Linux,
%APPDATA%\\Nianbao on Windows, which platformdirs asks Windows itself for unless
WIN_PD_OVERRIDE_APPDATA says otherwise. Setting XDG_DATA_HOME alone would let a test on Windows
write into the real %APPDATA%.
"""

from __future__ import annotations

from pathlib import Path


def user_folder_env(root: Path) -> dict[str, str]:
    """Variables that put the data folder at root/data (so the program's is root/data/Nianbao)
    and the settings folder at root/config, on Linux and on Windows alike."""
    data, config, local = (str(root / name) for name in ("data", "config", "local"))
    return {
        "XDG_DATA_HOME": data,
        "XDG_CONFIG_HOME": config,
        "APPDATA": data,
        "LOCALAPPDATA": local,
        "WIN_PD_OVERRIDE_APPDATA": data,
        "WIN_PD_OVERRIDE_LOCAL_APPDATA": local,
    }
