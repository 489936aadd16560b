"""The apps stand in layers, each importing only from the layers below it: the office's base at
the bottom, the demo content on top. Read from the source, so a new import that breaks the order
(or makes a cycle) fails here, and so does an import hidden inside a function to dodge one. The
one exception: the heavy third-party libraries below, imported where they are first used."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Bottom to top; an app may import from its own layer's apps only when listed here as below it.
LAYERS = [
    {"base"},
    {"backups", "accounts", "signing"},
    {"service_forms"},
    {"service_requests"},
    {"printing", "service_pages", "payments"},
    {"reports", "home", "privacy", "line_messaging"},
    {"demo"},
]
APPS = set().union(*LAYERS)
LAYER_OF = {app: index for index, layer in enumerate(LAYERS) for app in layer}


# Libraries a web worker needs only for a printout, a bundle, a spreadsheet, a TOTP set-up, a
# signed PDF (pyHanko), a LINE push or webhook (line-bot-sdk, with aiohttp: about 35 MB), Sentry,
# or a year's public holidays missing from the cache (holidays, which loads its 250 countries: about
# 11 MB; base/public_holidays.py): imported where used, so that a worker that never needs them does
# not carry them (about 135 MB per worker in all; README, Pages (issue 12)). None of them imports
# the project, so no cycle can hide here.
DEFERRED_LIBRARIES = {
    "holidays",
    "weasyprint",
    "pypdf",
    "openpyxl",
    "segno",
    "sentry_sdk",
    "pyhanko",
    "pyhanko_certvalidator",
    "linebot",
}


def allowed_inside(path, function, modules):
    """AppConfig.ready() is where Django wants an app's models imported and its checks and
    signals registered: apps.py may not import them at the top."""
    if all(module.split(".")[0] in DEFERRED_LIBRARIES for module in modules):
        return True
    return path.name == "apps.py" and function == "ready"


def source_files(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_modules(node):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module]
    return []


def app_imports():
    """(importing app, imported app, file) for every import of another app of ours."""
    found = []
    for app in APPS:
        for path in source_files(app):
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                for module in imported_modules(node):
                    target = module.split(".")[0]
                    if target in APPS and target != app:
                        found.append((app, target, path.relative_to(ROOT).as_posix()))
    return found


def test_every_app_of_the_project_has_a_layer():
    apps_with_code = {
        path.parent.name for path in ROOT.glob("*/apps.py") if path.parent.name not in {"portal"}
    }
    assert apps_with_code == APPS


@pytest.mark.parametrize(("importer", "imported", "path"), app_imports())
def test_apps_import_only_from_the_layers_below(importer, imported, path):
    assert LAYER_OF[imported] < LAYER_OF[importer], (
        f"{path}: {importer} (layer {LAYER_OF[importer]}) imports {imported} (layer {LAYER_OF[imported]})"
    )


def inner_imports(path):
    """(function name, line, modules) of each import inside a function body."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    found.append((function.name, node.lineno, imported_modules(node) or ["."]))
    return found


def test_no_import_hides_inside_a_function():
    hidden = [
        f"{path.relative_to(ROOT).as_posix()}:{line} in {function}()"
        for app in sorted(APPS | {"portal"})
        for path in source_files(app)
        for function, line, modules in inner_imports(path)
        if not allowed_inside(path, function, modules)
    ]
    assert hidden == []
