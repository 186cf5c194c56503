"""The exploration notebook runs top to bottom on the bundled corpus, so it cannot rot."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def _kernel_for_this_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``python3`` kernel spec that runs this interpreter (the venv's), found before any other.

    The spec ipykernel installs into a venv is usually found too, but a fresh
    machine may have none, or another ``python3`` first on the Jupyter path:
    a private one removes the doubt.
    """
    from ipykernel.kernelspec import install

    install(kernel_name="python3", prefix=str(tmp_path))
    data = tmp_path / "share" / "jupyter"
    spec = json.loads((data / "kernels" / "python3" / "kernel.json").read_text(encoding="utf-8"))
    assert spec["argv"][0] == sys.executable
    monkeypatch.setenv("JUPYTER_PATH", str(data))


def test_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)
    assert nb.metadata.kernelspec.name == "python3"


def test_notebook_uses_only_the_public_api() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    imports = {
        line.split()[1]
        for line in source.splitlines()
        if line.startswith(("from analyzer", "import analyzer"))
    }
    public = {
        "analyzer.pipeline",
        "analyzer.frames",
        "analyzer.plots",
        "analyzer.graph",
        "analyzer.corroborate.quantities",
    }
    assert imports and imports <= public, imports - public
    assert "._" not in source  # no private helper


@pytest.mark.slow
def test_notebook_runs_top_to_bottom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient

    _kernel_for_this_python(tmp_path, monkeypatch)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, on the first error
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    text = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    assert "quantity: " in text and "conflicts" in text
    images = [out for out in outputs if out.output_type == "display_data" and "image/png" in out.data]
    assert len(images) == 3  # the timeline, the ranges and the graph, each shown once
    assert not list(NOTEBOOK.parent.glob("*.png")) and not list(NOTEBOOK.parent.glob("*.csv"))
