"""`python -m ansible_collections.mediaops.live_jobs.emulator`: see cli.py."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
