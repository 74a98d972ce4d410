"""Run-time hook of the frozen program, in place of PyInstaller's hook for PySide6.

PyInstaller's own hook imports PySide6.QtCore at every start, before the program runs: the
command-line subcommands, which never use Qt, would load it all the same, and the window's core
would be imported after PySide6 (whose import hook makes later imports slower). This one only
tells Qt where its plugins are; PySide6 from PyPI finds the rest (translations) by itself.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
