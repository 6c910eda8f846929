"""unionkit: offline, encrypted records for Mexico's independent unions.

The domain packages (vault, members, ledger, votes, packets, reports) never import Qt;
``unionkit.ui`` is the only home of PySide6.
"""

__version__ = "0.1.0"
APP_NAME = "unionkit"
