"""The package's layers: imports only go down, and renderers never reach into the reasoning.

cli → report / interview → analysis → core → questionnaire → catalog → base.
``errors`` and ``__about__`` sit with ``base``; ``api`` and the package itself sit on top.
Every ``import`` counts, including those inside functions (lazy imports).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "advisor"

RANK = {
    "base": 0,  # with errors and __about__
    "catalog": 1,
    "questionnaire": 2,
    "core": 3,
    "analysis": 4,
    "report": 5,
    "interview": 5,
    "cli": 6,
    "api": 7,
    "__init__": 8,
    "__main__": 8,
}

# Renderers and the interview take result models; they never run the reasoning.
RENDERER_MAY_NOT_IMPORT = (
    "advisor.core.engine",
    "advisor.core.agenda",
    "advisor.core.standing",
    "advisor.core.weighing",
    "advisor.core.scores",
    "advisor.core.clauses",
    "advisor.core.facts",
    "advisor.core.build",
    "advisor.core.advisor",
)
RENDERER_MAY_IMPORT_FROM_ANALYSIS = ("advisor.analysis.results",)


def _module_name(path: Path, src: Path = SRC) -> str:
    parts = path.relative_to(src.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _wing(module: str) -> str:
    parts = module.split(".")
    wing = parts[1] if len(parts) > 1 else "__init__"
    return "base" if wing in ("errors", "__about__") else wing


def _is_module(name: str, src: Path) -> bool:
    relative = Path(*name.split(".")[1:]) if "." in name else Path()
    return (src / relative).with_suffix(".py").is_file() or (src / relative / "__init__.py").is_file()


def _imports(path: Path, src: Path = SRC) -> list[tuple[int, str]]:
    """Every advisor module ``path`` imports (``from M import N`` counts as M.N where that is a module)."""
    found: set[tuple[int, str]] = set()
    name = _module_name(path, src)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {(node.lineno, alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add((node.lineno, child if _is_module(child, src) else base))
    return sorted((line, n) for line, n in found if n == "advisor" or n.startswith("advisor."))


def _violations(src: Path = SRC) -> list[str]:
    problems = []
    for path in sorted(src.rglob("*.py")):
        importer = _module_name(path, src)
        wing = _wing(importer)
        for line, target in _imports(path, src):
            if target == "advisor":
                continue
            where = f"{path.relative_to(src.parent)}:{line}"
            target_wing = _wing(target)
            if target_wing == wing:
                continue
            if RANK[target_wing] > RANK[wing]:
                problems.append(f"{where}: {importer} ({wing}) imports {target} ({target_wing}): upward")
            elif RANK[target_wing] == RANK[wing]:
                problems.append(f"{where}: {importer} ({wing}) imports {target} ({target_wing}): sideways")
            if wing in ("report", "interview"):
                if target.startswith(RENDERER_MAY_NOT_IMPORT):
                    problems.append(f"{where}: renderer {importer} imports the reasoning {target}")
                if target_wing == "analysis" and not target.startswith(RENDERER_MAY_IMPORT_FROM_ANALYSIS):
                    problems.append(f"{where}: renderer {importer} imports {target}; take analysis.results")
    return problems


def test_every_module_belongs_to_a_ranked_wing() -> None:
    wings = {_wing(_module_name(path)) for path in SRC.rglob("*.py")}
    assert wings <= set(RANK), f"unranked wings: {sorted(wings - set(RANK))}"


def test_imports_only_go_down() -> None:
    assert _violations() == []


@pytest.mark.parametrize(
    ("library", "home"),
    [("durable", "advisor.core.engine"), ("questionary", "advisor.interview.prompts")],
)
def test_a_third_party_library_with_sharp_edges_lives_in_one_module(library: str, home: str) -> None:
    importers = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name == library or name.startswith(f"{library}.") for name in names):
                importers.add(_module_name(path))
    assert importers == {home}


def test_the_checker_reports_upward_sideways_and_renderer_imports(tmp_path: Path) -> None:
    """The walk itself works on a small package laid out like ours."""
    src = tmp_path / "advisor"
    files = {
        "__init__.py": "",
        "base/__init__.py": "",
        "core/__init__.py": "",
        "core/engine.py": "",
        "core/build.py": "from advisor.cli import app\n",
        "cli/__init__.py": "",
        "cli/app.py": "from ..core import build\n",
        "analysis/__init__.py": "",
        "analysis/whatif.py": "",
        "report/__init__.py": "",
        "report/text.py": (
            "def lazy():\n    import advisor.core.engine\n    from advisor.analysis import whatif\n"
        ),
        "interview/__init__.py": "",
        "interview/flow.py": "from advisor.report import text\n",
    }
    for name, text in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text)
    flow, text = "advisor.interview.flow (interview)", "advisor.report.text"
    assert _violations(src) == [
        "advisor/core/build.py:1: advisor.core.build (core) imports advisor.cli.app (cli): upward",
        f"advisor/interview/flow.py:1: {flow} imports {text} (report): sideways",
        f"advisor/report/text.py:2: renderer {text} imports the reasoning advisor.core.engine",
        f"advisor/report/text.py:3: renderer {text} imports advisor.analysis.whatif; take analysis.results",
    ]
