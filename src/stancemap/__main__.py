"""``python -m stancemap`` runs the CLI."""

from .cli import main

main()
