"""The project's set-up files agree with each other."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip", "nodejs"}
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pip_only = {_name(p) for p in pip_section if not p.strip().startswith("-e") and p.strip() != "."}
    assert {_name(d) for d in project["dependencies"]} == conda | pip_only
    assert any(p.strip() in ("-e .", ".") for p in pip_section), "environment.yml must install the project itself"
    assert project["requires-python"] == ">=3.11"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make demo" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_seed_has_metadata():
    import json

    meta = json.loads((ROOT / "seeds" / "000_c725f2d41bc631cf.json").read_text())
    assert meta["language"] == "ar" and meta["published"] == "2020-02-14"
    assert (ROOT / "seeds" / meta["file"]).is_file()


def test_package_data_globs_cover_every_data_file():
    """A non-editable install gets every data file the code reads (package-data globs, setuptools style)."""
    from fnmatch import fnmatch

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    for pkg, folders in (("gazetteer", ["data"]), ("geoutils", ["data", "lexicons"])):
        for folder in folders:
            for f in (ROOT / pkg / folder).rglob("*"):
                if f.is_dir() or f.suffix == ".py" or "__pycache__" in f.parts:
                    continue
                rel = f.relative_to(ROOT / pkg).as_posix()
                assert any(fnmatch(rel, g) and rel.count("/") == g.count("/") for g in globs[pkg]), \
                    f"{pkg}/{rel} is not in [tool.setuptools.package-data]"
