"""Network files: bytes → text → raw tree → validated model, and back to YAML.

The only package that imports ``yaml`` and ``ruamel.yaml``. Reading runs in three
stages, each collecting every problem it finds before giving up:

1. :mod:`~warmreach.networkfile.decode`: the file's bytes, size-checked, as UTF-8 text;
2. :mod:`~warmreach.networkfile.tree`: YAML events assembled into a raw tree of text
   scalars, mappings and lists, with positions (:class:`~warmreach.networkfile.tree.Node`);
3. :mod:`~warmreach.networkfile.build`: the tree typed against :mod:`warmreach.schema`
   and every reference resolved to an id (:class:`~warmreach.model.Network`).

:mod:`~warmreach.networkfile.dump` writes new files, :mod:`~warmreach.networkfile.edit`
changes existing ones in place keeping their comments, :mod:`~warmreach.networkfile.cache`
keeps validated networks, and :mod:`~warmreach.atomic` is the one way files are written.

Whatever the bytes, the only exception that leaves :func:`parse_network` is
:class:`~warmreach.errors.InvalidNetwork`.

>>> network = parse_network(b"me: {name: Ana Lima}\\ncontacts:\\n  - name: Bob Chen\\n")
>>> network.contacts[0].id, network.contacts[0].trust
('bob-chen', 1)
>>> try:
...     parse_network(b"me: {name: Ana}\\ncontacts:\\n  - name: Bob\\n    trsut: 5\\n")
... except InvalidNetwork as error:
...     print(error)
<string>:4:5: contacts[0]: unknown field 'trsut'; did you mean 'trust'?
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from warmreach._gc import paused_gc
from warmreach._lazy import lazy_names
from warmreach.errors import InvalidNetwork
from warmreach.model import Network
from warmreach.networkfile.decode import (
    DEFAULT_MAX_BYTES,
    decode_text,
    read_network_file,
    sniff,
    too_large,
)
from warmreach.progress import SILENT, Progress

if TYPE_CHECKING:
    from warmreach.networkfile.dump import dump_network

# the writer (and the schema it writes by) only when a file is written
__getattr__, __dir__ = lazy_names(globals(), {"dump_network": "warmreach.networkfile.dump"})

__all__ = [
    "DEFAULT_MAX_BYTES",
    "decode_text",
    "dump_network",
    "load_network",
    "parse_network",
    "read_network_file",
]


def parse_network(
    data: bytes | str,
    *,
    file: str = "<string>",
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress = SILENT,
) -> Network:
    """Read a network from the bytes (or text) of a file; ``progress`` advances by one
    for each contact read (in the order warmreach writes files: ``me`` first).

    Raises :class:`~warmreach.errors.InvalidNetwork` listing every problem found.

    >>> network = parse_network("{me: {name: Ana}, contacts: [{name: Bob Chen, trust: 4}]}")
    >>> network.contacts[0].id, network.contacts[0].trust
    ('bob-chen', 4)
    >>> parse_network("{me: {name: Ana}, contacts: [{name: Bo, trsut: 4}]}", file="n.yaml")
    Traceback (most recent call last):
    warmreach.errors.InvalidNetwork: n.yaml:1:41: contacts[0]: unknown field 'trsut'; did ...
    """
    raw = data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise InvalidNetwork([too_large(file, len(raw), max_bytes)])
    sniff(raw, file)
    text = decode_text(raw, file)
    # the reader (and YAML) only when a file is parsed: a network read back from the
    # cache needs neither
    from warmreach.networkfile.build import build_from_text

    with paused_gc():
        return build_from_text(text, file, progress)


def load_network(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Network:
    """Read and validate the network file at ``path``.

    Raises :class:`~warmreach.errors.InvalidNetwork` listing every problem in the
    file, or :class:`~warmreach.errors.WarmreachError` when it cannot be read.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp(), "network.yaml")
    >>> _ = path.write_text("me: {name: Ana}\\ncontacts: [{name: Bob, trust: 4}]\\n")
    >>> load_network(path).contacts[0].name
    'Bob'
    """
    file = os.fspath(path)
    return parse_network(
        read_network_file(file, max_bytes=max_bytes), file=file, max_bytes=max_bytes
    )
