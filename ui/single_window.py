"""One window writes to a database; a second start on the same database is told so.

The first window holds the database's lock (app.store.lock: the system lets go of it when the
process ends) and listens on a local socket named for the database (a named pipe on Windows).
A second start that finds the lock taken asks the user: bring the first window forward (it
says so over the socket, and the second start ends), open the database read-only, or stop.
QtNetwork is loaded only for this: by the first window once it has painted, by a second start
when it finds the lock taken.
"""

from __future__ import annotations

import ctypes
import getpass
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.dialogs import run_once
from ui.plain_text import plain_box

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

SHOW = b"show\n"
DONE = b"ok\n"
WAIT_MS = 2000
SWITCH, READ_ONLY, CANCEL = "switch", "read_only", "cancel"
SWITCH_TEXT, READ_ONLY_TEXT, CANCEL_TEXT = "切换到已打开的窗口", "以只读方式打开", "取消"


def server_name(db: Path) -> str:
    """The socket's name: the same for every start of this user on this database."""
    where = str(db.resolve())
    if sys.platform == "win32":
        where = where.casefold()  # one file, however its path is written
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    digest = hashlib.blake2b(f"{user}\0{where}".encode(), digest_size=12).hexdigest()
    return f"nianbao-{digest}"


class FirstWindow(QObject):
    """Listens for later starts on the same database; `show_requested` when one asks."""

    show_requested = Signal()

    def __init__(self, db: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.name = server_name(db)
        # A socket file left by a window that crashed (Linux) would stop listen(); this process
        # holds the database's lock, so no live window owns it.
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._connected)
        self.listening = self.server.listen(self.name)

    def _connected(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.write(f"{os.getpid()}\n".encode())  # lets Windows hand the focus over
            socket.flush()
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            if isinstance(socket, QLocalSocket):
                self._read(socket)  # what came with the connection

    def _ready(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            if bytes(socket.readLine().data()) == SHOW:
                socket.write(DONE)  # the later start may end now
                socket.flush()
                self.show_requested.emit()


def bring_forward(window: QWidget) -> None:
    """The window in front of the others, restored if it was minimised."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def ask_first_window(db: Path) -> bool:
    """Ask the window that has `db` open to come forward; False when none answers."""
    try:
        from PySide6.QtNetwork import QLocalSocket
    except ImportError:  # a build without QtNetwork
        return False

    socket = QLocalSocket()
    socket.connectToServer(server_name(db))
    if not socket.waitForConnected(WAIT_MS):
        return False
    if socket.waitForReadyRead(WAIT_MS) and socket.canReadLine():
        _allow_focus(bytes(socket.readLine().data()).strip())
    socket.write(SHOW)
    socket.waitForBytesWritten(WAIT_MS)
    answered = False
    while not answered and socket.waitForReadyRead(WAIT_MS):
        while socket.canReadLine():
            answered = answered or bytes(socket.readLine().data()) == DONE
    socket.disconnectFromServer()
    return answered


def _allow_focus(pid_text: bytes) -> None:
    """Windows gives the focus only to the program in front: this one lets the first window
    take it."""
    if sys.platform != "win32" or not pid_text.isdigit():
        return
    ctypes.windll.user32.AllowSetForegroundWindow(int(pid_text))


def ask_second_window(db: Path, parent: QWidget | None = None) -> str:
    """What to do when another window has `db` open: SWITCH, READ_ONLY or CANCEL."""
    box = plain_box(
        QMessageBox(
            QMessageBox.Icon.Information,
            "年报编制器",
            f"数据库“{db}”已经在另一个年报编制器窗口中打开。\n\n"
            "同一时间只能在一个窗口中修改，以免两个窗口互相覆盖已经保存的内容。"
            "可以切换到已经打开的那个窗口，或以只读方式在这里查看。",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
    )
    switch = box.addButton(SWITCH_TEXT, QMessageBox.ButtonRole.AcceptRole)
    read_only = box.addButton(READ_ONLY_TEXT, QMessageBox.ButtonRole.ActionRole)
    box.addButton(CANCEL_TEXT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(switch)
    run_once(box)
    clicked = box.clickedButton()
    return SWITCH if clicked is switch else READ_ONLY if clicked is read_only else CANCEL
