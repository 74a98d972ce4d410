"""No import circle in the core: a module never imports, through any chain, one that imports it
back (import-linter's layers contract checks the packages; this checks every module)."""

from __future__ import annotations

import pytest

# import-linter's graph builder. Its compiled part does not load under Wine; the check is the
# same on every system, and the Linux run makes it.
grimp = pytest.importorskip("grimp", reason="grimp (from import-linter) is not installed here")


def test_no_module_of_the_core_imports_itself_back() -> None:
    graph = grimp.build_graph("app")
    circles = sorted(
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if imported != module and graph.chain_exists(imported, module)
    )
    assert circles == []
