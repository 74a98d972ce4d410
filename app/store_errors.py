"""The store's error, on its own so that code which only reports it need not load SQLite."""


class StoreError(Exception):
    """The database cannot be opened, read or written; str(error) is shown to the user."""
