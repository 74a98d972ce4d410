"""Fixtures of the .docx writer tests."""

from tests.app.docx_writer.written import docx_2020, docx_2021, docx_windows

__all__ = ["docx_2020", "docx_2021", "docx_windows"]
