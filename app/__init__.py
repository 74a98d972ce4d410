"""Nianbao's core: the report, its layouts, rules, readers, writers and store, without Qt."""

__version__ = "0.1.0"  # as in pyproject.toml (tests/test_version.py keeps them the same)
