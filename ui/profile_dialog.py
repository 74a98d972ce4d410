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

from app.document.profile import (
    OFFICIAL_FONTS,
    PROFILE_FONTS_TEXT,
    PROFILE_LABELS,
    PROFILES,
    WINDOWS,
    LayoutProfile,
    ProfileError,
    missing_fonts,
)

MARGINS = (
    ("margin_top_mm", "上边距"),
    ("margin_bottom_mm", "下边距"),
    ("margin_left_mm", "左边距"),
    ("margin_right_mm", "右边距"),
)


def fonts_here(families: list[str] | None) -> str:
    """What this computer has of the official fonts, and what that means for the default."""
    if families is None:
        return ""
    missing = missing_fonts(OFFICIAL_FONTS, families)
    if not missing:
        return "本机已安装公文标准字体。"
    windows = PROFILE_LABELS[WINDOWS.name]
    return (
        f"本机未安装{'、'.join(missing)}，没有设置过版式的单位在本机默认用“{windows}”，"
        "导出的 Word 与预览一致。"
    )


class ProfileDialog(QDialog):
    def __init__(
        self,
        profile: LayoutProfile,
        unit: str = "",
        parent: QWidget | None = None,
        families: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"版式设置 — {unit}" if unit else "版式设置")
        self._initial = profile
        layout = QVBoxLayout(self)
        intro = QLabel(
            "默认按《党政机关公文格式》（GB/T 9704）：A4 纸，上 37、下 35、左 28、右 26 毫米，"
            "每页 22 行、每行 28 字。电脑上没有方正小标宋、仿宋_GB2312 等公文字体时，"
            "请选“Windows 自带字体”：标题用加粗的宋体（Windows 自带字体中最接近小标宋的），"
            "Word 自己替换缺少的字体时只会用常规宋体，标题会显得偏细。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fonts = QComboBox()
        for name, label in PROFILE_LABELS.items():
            self.fonts.addItem(label, name)
        form.addRow("字体方案", self.fonts)
        layout.addLayout(form)
        # Below the form, not in it: a form row does not grow for a label that wraps.
        self.fonts_used = QLabel()
        self.fonts_used.setWordWrap(True)
        layout.addWidget(self.fonts_used)
        self.here = QLabel(fonts_here(families))
        self.here.setWordWrap(True)
        self.here.setStyleSheet("color: palette(placeholder-text);")
        self.here.setVisible(bool(self.here.text()))
        layout.addWidget(self.here)
        form = QFormLayout()
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
        self._changed()
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
        self.fonts_used.setText(PROFILE_FONTS_TEXT.get(str(self.fonts.currentData()), ""))
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
        profile = replace(
            self._initial,
            name=preset.name,
            fonts=preset.fonts,
            lines_per_page=self.lines.value(),
            chars_per_line=self.chars.value(),
            **values,
        )
        profile.validate()
        return profile
