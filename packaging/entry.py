"""Entry point of the packaged program: the same as the `safer-desk` command of a pip install.

PyInstaller freezes this script; everything else is the installed `safer_desk` package.
"""

import multiprocessing
import sys

from safer_desk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a worker process is ever started
    sys.exit(main())
