"""``python run.py ...`` is the same as the installed ``innovationslek`` command."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
