"""What a first run shows: no units yet, so two ways to begin, and the way to the manual."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Welcome(QWidget):
    new_unit_requested = Signal()
    demo_requested = Signal()
    usage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("欢迎使用年报编制器")
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 2)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "在这里编写本单位的《政府信息公开工作年度报告》：按国家规定的格式填表，"
            "随时核对表内、表间和正文中的数字，自动保存，导出符合公文格式的 Word 文件。\n\n"
            "先新建本单位，或打开示例看看一份填好的报告。"
        )
        text.setWordWrap(True)
        text_font = text.font()
        text_font.setPointSizeF(text_font.pointSizeF() * 1.15)
        text.setFont(text_font)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(560)
        self.new_unit_button = QPushButton("新建单位…")
        self.demo_button = QPushButton("打开示例")
        for button in (self.new_unit_button, self.demo_button):
            button.setMinimumSize(160, 44)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            button.setFont(font)
        self.new_unit_button.setDefault(True)
        self.demo_button.setToolTip(
            "高青县行政审批服务局2020年度报告（已公开的真实报告）及由它开始的2021年度草稿"
        )
        self.new_unit_button.clicked.connect(self.new_unit_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_unit_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        # Flat, as a link: the manual is there for whoever wants it, not a third way to begin.
        self.usage_button = QPushButton("第一次使用？请看“使用说明”（F1）")
        self.usage_button.setFlat(True)
        self.usage_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.usage_button.setStyleSheet("QPushButton { color: #1a5fb4; border: none; }")
        self.usage_button.clicked.connect(self.usage_requested)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(title)
        column.addSpacing(16)
        # Centred by stretches, not by an alignment flag: an aligned wrapped label gets its
        # one-line size hint and is clipped.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(text)
        middle.addStretch(1)
        column.addLayout(middle)
        column.addSpacing(32)
        column.addLayout(buttons)
        column.addSpacing(20)
        column.addWidget(self.usage_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
