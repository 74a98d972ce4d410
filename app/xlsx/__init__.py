"""Excel in and out: the three tables as .xlsx in the official layout, and back.

The only package that imports openpyxl (checked by import-linter); it is imported only when an
Excel file is written or read.
"""
