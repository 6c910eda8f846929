import sys

from unionkit.cli import main

sys.exit(main())
