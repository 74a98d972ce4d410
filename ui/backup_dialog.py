"""恢复备份…: the database's backups by date, with what each holds, to choose one to put back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.backups import Backup, Contents
from ui.plain_text import plain_label


class BackupDialog(QDialog):
    """The backups, the latest first; those that cannot be used are shown but not chosen."""

    def __init__(
        self, choices: list[tuple[Backup, Contents]], folder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复备份")
        self.choices = choices
        note = plain_label(
            "年报编制器每天第一次启动时和每次升级前自动备份数据库，保留最近 10 份。"
            "选一份备份恢复：当前的数据库会先存入备份文件夹，之后仍可恢复。\n"
            f"备份文件夹：{folder}"
        )
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QListWidget()
        for backup, held in choices:
            item = QListWidgetItem(f"{backup.label}\n　　{held.describe()}")
            if not held.sound:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.list.setMinimumSize(520, 260)
        self.restore_button = QPushButton("恢复所选备份")
        self.restore_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QPushButton("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        first = next((k for k, (_, held) in enumerate(choices) if held.sound), -1)
        self.list.setCurrentRow(first)
        self._update()

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.choices) or not self.choices[row][1].sound:
            return None
        return self.choices[row][0]

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def _update(self, *_: object) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
