"""The .docx writer (GB/T 9704 layout): the only module besides the .docx reader that uses
python-docx."""

from app.docx_writer.export import export_docx

__all__ = ["export_docx"]
