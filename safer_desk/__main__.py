"""`python -m safer_desk` is the same as the `safer-desk` command."""

import sys

from safer_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
