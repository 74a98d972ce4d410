"""The report as a document: one block list for the .docx writer, the preview and the PDF."""
