"""What the ``dignity`` commands print to a terminal, and how they refuse.

One place for the consoles and for ``refuse``, so every command, the scan commands and the
service commands alike, reports a problem the same way: one line, exit status 2.
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.text import Text

EXIT_REFUSED = 2

console = Console()
err_console = Console(stderr=True)


def refuse(message: str) -> NoReturn:
    """Print ``error: message`` to standard error and exit with status 2."""
    err_console.print(Text.assemble(("error: ", "bold red"), message), highlight=False)
    raise typer.Exit(EXIT_REFUSED)
