"""Entry script of the frozen bundle: the same ``main()`` as ``python -m unionkit``.

``unionkit.__main__`` dispatches ``--version`` and ``--self-test`` before it starts the GUI.
"""

import sys

from unionkit.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
