"""Make the Windows .ico and macOS .icns icons from the PNGs in resources/icons (run after make_icons.py).

Needs Pillow, a build-time tool only (not a dependency of Safer Desk):
    python -m venv /tmp/icons && /tmp/icons/bin/pip install pillow && /tmp/icons/bin/python packaging/make_platform_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    largest = Image.open(ICONS / "safer-desk-256.png").convert("RGBA")
    images = {size: Image.open(ICONS / f"safer-desk-{size}.png").convert("RGBA") for size in ICO_SIZES}
    # Each size from its own hand-rendered PNG (sharper than scaling the 256 one down).
    largest.save(ICONS / "safer-desk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != 256])
    largest.save(ICONS / "safer-desk.icns", format="ICNS",
                 append_images=[images[s] for s in (16, 32, 64, 128)])
    print(f"wrote safer-desk.ico and safer-desk.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
