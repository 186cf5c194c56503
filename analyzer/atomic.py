"""Writing a file whole or not at all: a temporary file beside the target, then a rename.

An interrupted run, a full disk or Ctrl-C never leaves half a report; the
file gets the permissions a new file would get under the user's umask.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_text_atomic(target, "done\\n")
>>> target.read_text()
'done\\n'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import OutputError


def write_atomic(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Call ``write`` with a binary handle on a temporary file, then rename it to ``path``.

    Raises :class:`OutputError` naming the path when the folder is missing or
    the file cannot be written; nothing is left behind either way.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))  # keep the link: write where it points
    if target.exists() and not target.is_file():
        # a device or a FIFO (-o /dev/null): write into it, never rename a file over it
        try:
            with open(target, "wb") as handle:
                write(handle)
        except OSError as exc:
            raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(str(path), "no such directory")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 text atomically."""
    data = text.encode("utf-8")
    write_atomic(path, lambda handle: handle.write(data))
