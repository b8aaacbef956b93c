"""The package layout: utils/ never imports Streamlit, and a package imports only those below it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UTILS = Path(__file__).resolve().parent.parent / "utils"
LAYERS = ("core", "data", "importers", "analysis", "map", "export", "cli")
"""Lowest first: a module may import from its own package and those before it, never after."""


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


MODULES = sorted(UTILS.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(UTILS)))
def test_utils_never_imports_streamlit(path):
    assert not [name for name in _imports(path) if name.split(".")[0] in ("streamlit", "streamlit_folium", "ui")]


@pytest.mark.parametrize("path", [p for p in MODULES if p.parent != UTILS], ids=lambda p: str(p.relative_to(UTILS)))
def test_no_upward_import(path):
    own = LAYERS.index(path.relative_to(UTILS).parts[0])
    upward = [name for name in _imports(path)
              if name.startswith("utils.") and name.split(".")[1] in LAYERS and LAYERS.index(name.split(".")[1]) > own]
    assert not upward, f"{path.relative_to(UTILS)} imports {upward}: move the shared piece down a layer"


def test_every_module_is_in_a_package():
    loose = sorted(p.name for p in UTILS.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert not loose, f"modules directly in utils/: {loose}; put each in the package of its concern ({LAYERS})"
    assert sorted(p.name for p in UTILS.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(LAYERS)
