"""Qt's own texts in Chinese where its shipped translation (qtbase_zh_CN) has none.

Qt 6 reworded a few strings of its file dialog that the Chinese translation still has under the
old words, so "Look in:" and "Files of type:" showed in English beside Chinese; the file
dialog's dates follow the system's locale, which on an English system reads "1 12 2026".
"""

from __future__ import annotations

from PySide6.QtCore import (
    QDateTime,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QFileSystemModel

# (context, source text) -> the Chinese, for the strings qtbase_zh_CN lacks.
MISSING = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File"): "文件",
}
DATE_COLUMN = 3  # QFileSystemModel's 修改日期


class MissingTexts(QTranslator):
    """Consulted after Qt's own Chinese translation: only the strings it lacks."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return MISSING.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


class ChineseDates(QIdentityProxyModel):
    """A file dialog's model with the modification dates written as in China (2026/12/1 20:36),
    whatever the system's locale."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        source = self.sourceModel()
        if (
            index.column() == DATE_COLUMN
            and role == Qt.ItemDataRole.DisplayRole
            and isinstance(source, QFileSystemModel)
        ):
            modified: QDateTime = source.lastModified(self.mapToSource(index))
            return self._locale.toString(modified, QLocale.FormatType.ShortFormat)
        return super().data(index, role)
