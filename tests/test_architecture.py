"""Rules about where code lives (style.md 4 and 6), checked on every run."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hearth"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_domain_package_never_imports_django():
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(n for n in imported_modules(path) if n.split(".")[0] == "django")
        for path in (PACKAGE / "domain").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_domain_package_never_reads_the_clock():
    readers = []
    for path in (PACKAGE / "domain").rglob("*.py"):
        text = path.read_text()
        for call in ("date.today(", "datetime.now(", "datetime.today(", "time.time("):
            if call in text:
                readers.append(f"{path.relative_to(PACKAGE)}: {call}")
    assert readers == []


def test_views_reach_the_record_only_through_selectors():
    """A view that queries a model manager directly could skip the need-to-know scoping."""
    direct = []
    for path in PACKAGE.rglob("views*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "objects":
                direct.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert direct == []
