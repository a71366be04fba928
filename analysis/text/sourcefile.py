"""Read an input file of the edition: a regular file, under a size limit, in UTF-8.

The witness, the decisions and the register are all read here, so that a
device, a folder, a pipe or an oversized file is refused the same way, before
more than ``limit`` bytes are read, and a byte that is not UTF-8 is located by
line and column.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from analysis.errors import EditionError

__all__ = ["MAX_BYTES", "decode_utf8", "read_limited"]

#: The largest input file read (1 MiB): the essay's files are 15 to 30 KB.
MAX_BYTES = 1024 * 1024


def read_limited(
    path: Path, *, error: type[EditionError], what: str, limit: int = MAX_BYTES
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises ``error(path, ...)`` in one line when the file is missing, not a
    regular file (opened without blocking, so a pipe cannot hang the reader),
    unreadable, or larger than ``limit`` bytes. ``what`` names the file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise error(str(path), f"{what} not found") from None
    except OSError as exc:
        raise error(str(path), f"cannot read the {what} ({exc.strerror})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise error(str(path), f"the {what} is not a regular file")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise error(str(path), f"the {what} is larger than the limit of {limit} bytes")
    return data


def decode_utf8(data: bytes, *, path: str, error: type[EditionError], what: str) -> str:
    """Decode ``data`` as UTF-8, or raise ``error`` naming the line and column of the bad byte.

    >>> decode_utf8(b"ok\\nbad \\xff", path="f", error=EditionError, what="file")
    Traceback (most recent call last):
    ...
    analysis.errors.EditionError: f:2: the file is not valid UTF-8 (byte 0xff at column 5)
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise error(
            path,
            f"the {what} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column})",
            line=line,
        ) from None
