"""版式设置: the layout profile of a unit — which fonts, the margins, the line grid.

Some provinces use other margins or line counts than GB/T 9704, and many office PCs lack the
official fonts; the profile is stored with the unit and used by the .docx, the preview and PDF.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.document.profile import PROFILE_LABELS, PROFILES, LayoutProfile, ProfileError

MARGINS = (
    ("margin_top_mm", "上边距"),
    ("margin_bottom_mm", "下边距"),
    ("margin_left_mm", "左边距"),
    ("margin_right_mm", "右边距"),
)


class ProfileDialog(QDialog):
    def __init__(self, profile: LayoutProfile, unit: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"版式设置 — {unit}" if unit else "版式设置")
        self._initial = profile
        layout = QVBoxLayout(self)
        intro = QLabel(
            "默认按《党政机关公文格式》（GB/T 9704）：A4 纸，上 37、下 35、左 28、右 26 毫米，"
            "每页 22 行、每行 28 字。电脑上没有方正小标宋、仿宋_GB2312 等公文字体时，"
            "请选“Windows 自带字体”。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fonts = QComboBox()
        for name, label in PROFILE_LABELS.items():
            self.fonts.addItem(label, name)
        form.addRow("字体方案", self.fonts)
        self.margins: dict[str, QDoubleSpinBox] = {}
        for field, label in MARGINS:
            box = QDoubleSpinBox()
            box.setRange(5.0, 60.0)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setSuffix(" 毫米")
            self.margins[field] = box
            form.addRow(label, box)
        self.lines = QSpinBox()
        self.lines.setRange(15, 40)
        form.addRow("每页行数", self.lines)
        self.chars = QSpinBox()
        self.chars.setRange(15, 40)
        form.addRow("每行字数", self.chars)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.reset = QPushButton("恢复标准值")
        buttons.addButton(self.reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reset.clicked.connect(self._reset)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self._show(profile)
        self.fonts.currentIndexChanged.connect(self._changed)
        for box in self.margins.values():
            box.valueChanged.connect(self._changed)
        self.lines.valueChanged.connect(self._changed)
        self.chars.valueChanged.connect(self._changed)

    def _show(self, profile: LayoutProfile) -> None:
        index = self.fonts.findData(profile.name)
        self.fonts.setCurrentIndex(max(index, 0))
        for field, box in self.margins.items():
            box.setValue(getattr(profile, field))
        self.lines.setValue(profile.lines_per_page)
        self.chars.setValue(profile.chars_per_line)

    def _reset(self) -> None:
        name = str(self.fonts.currentData())
        self._show(PROFILES.get(name, self._initial))

    def _changed(self) -> None:
        try:
            self.profile()
        except ProfileError as exc:
            self.problem.setText(str(exc))
            self.ok_button.setEnabled(False)
            return
        self.problem.setText("")
        self.ok_button.setEnabled(True)

    def profile(self) -> LayoutProfile:
        """The profile as set in the dialog; ProfileError (Chinese) when it cannot be used."""
        preset = PROFILES.get(str(self.fonts.currentData()), self._initial)
        values = {field: round(box.value(), 1) for field, box in self.margins.items()}
        # Sizes the dialog does not show stay as they were stored.
        profile = replace(self._initial, name=preset.name, fonts=preset.fonts,
                          lines_per_page=self.lines.value(),
                          chars_per_line=self.chars.value(), **values)
        profile.validate()
        return profile
