"""The one error a reader raises: a Chinese message saying what is wrong with the input."""


class ReadError(Exception):
    """The input is not a report that can be read; str(error) is shown to the user."""
