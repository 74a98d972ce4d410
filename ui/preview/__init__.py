"""The page preview, printing and PDF: the document's block list drawn with Qt."""
