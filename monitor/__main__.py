"""`python -m monitor`: the same command line as the `policy-monitor` console script."""

from __future__ import annotations

import sys

from monitor.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
