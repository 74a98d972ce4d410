"""The table grids of the editing window: tables 2, 3 and 4 drawn like the printed ones."""

from ui.grid.table_model import TableModel
from ui.grid.table_view import TableGrid

__all__ = ["TableGrid", "TableModel"]
