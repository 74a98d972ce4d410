"""Only what pyproject.toml cannot say: resources/ stays at the top of the repository and is
installed as the package `nianbao_resources`, where app.resources finds it in a wheel."""

from setuptools import find_namespace_packages, find_packages, setup

SHIPPED = [p for p in find_namespace_packages(where="resources") if p != "screenshots"]

setup(
    packages=[*find_packages(include=["app*", "ui*"]), "nianbao_resources",
              *(f"nianbao_resources.{p}" for p in SHIPPED)],
    package_dir={"nianbao_resources": "resources"},
    package_data={f"nianbao_resources.{p}": ["*"] for p in SHIPPED},
    # Not build/: that folder holds the project's own build scripts.
    options={"build": {"build_base": ".setuptools-build"}},
)
