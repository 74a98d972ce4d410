"""What the frozen program runs: the same entry point as the `nianbao` console script."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
