"""`safer-desk demo` and `safer-desk screenshot`."""

from __future__ import annotations

import argparse
from pathlib import Path

from safer_desk.cli.common import (REPLACE_HELP, CliError, office_file_given, option_type, refuse_existing_output,
                                   refuse_missing_file, refuse_output)

TAB_CHOICES = ("projects", "allocation", "costs", "indicators", "budgets")


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="write the example data to a new file",
                                 description="Write the example data (from the seed board papers) to a new file.")
    demo.add_argument("out", metavar="OUT.sqlite", help="the new Safer Desk file to write the example data to")
    demo.add_argument("--replace", "--force", dest="force", action="store_true",
                      help="replace OUT if it exists (a Safer Desk file there is backed up first, beside it)")
    demo.set_defaults(run=run_demo)

    shot = subparsers.add_parser("screenshot", help="render the window offscreen to a PNG",
                                 description="Render the real main window offscreen and save it as PNG.")
    shot.add_argument("out", metavar="OUT.png", help="the PNG picture to write")
    shot.add_argument("--tab", choices=TAB_CHOICES, default="projects", help="the tab to show (default: projects)")
    shot.add_argument("--demo", action="store_true", help="use a fresh copy of the example data")
    shot.add_argument("--size", type=option_type(window_size, "--size"), default=None, metavar="WxH",
                      help="the window's size in logical pixels (default 1280x800; 1093x582 is a 1366x768 "
                           "laptop at 125%%, 1280x690 a 1920x1080 screen at 150%%)")
    shot.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    shot.add_argument("file", nargs="?", metavar="FILE", help="the Safer Desk file (default: your own file)")
    shot.set_defaults(run=run_screenshot, trailing_positional="file")


SMALLEST, LARGEST = (320, 240), (8000, 8000)


def window_size(text: str) -> tuple[int, int]:
    """"1093x582" (or "1093×582", as the README writes it) as (1093, 582). A usage error (exit 2) names the option
    and says why: only "invalid size value" was said of a size too small or too large, though its form was right."""
    width, sep, height = text.lower().replace("\u00d7", "x").partition("x")
    if not sep or not width.strip().isdecimal() or not height.strip().isdecimal():
        raise ValueError(f"“{text}” is not a size: give the width and height in pixels, such as 1093x582.")
    size = int(width), int(height)
    if not all(least <= n <= most for n, least, most in zip(size, SMALLEST, LARGEST)):
        which = "small" if size[0] < SMALLEST[0] or size[1] < SMALLEST[1] else "large"
        raise ValueError(f"“{text}” is too {which}: the window is drawn from {SMALLEST[0]}x{SMALLEST[1]} to "
                         f"{LARGEST[0]}x{LARGEST[1]}.")
    return size


def run_demo(args: argparse.Namespace) -> int:
    from safer_desk.services.demo import DemoError, build_demo, replace_with_demo
    from safer_desk.storage.store import WrongKindOfName, refuse_other_kind_of_name

    args.out = office_file_given(args.out, say=False)  # "demo office" writes office.sqlite (named below)
    try:  # even with --force: `demo figures.csv --force` would put the example in place of the figures
        refuse_other_kind_of_name(Path(args.out))
    except WrongKindOfName as exc:
        raise CliError(str(exc), code=2) from exc
    refuse_output(args.out)
    refuse_existing_output(args.out, args.force)  # named as export and report name it
    try:
        path, kept = replace_with_demo(args.out) if args.force else (build_demo(args.out), None)
    except DemoError as exc:
        raise CliError(str(exc)) from exc
    print(f"wrote the example data to {path}")
    if kept is not None:
        print(f"the Safer Desk file it replaced is kept as {kept}")
    return 0


def run_screenshot(args: argparse.Namespace) -> int:
    if args.demo and args.file:
        raise CliError("give either FILE or --demo, not both", code=2)
    out = Path(args.out)
    if out.is_dir():  # a folder has no ending to be wrong: said as a folder, with a name to give in it (as export's)
        stem = Path(args.file).stem if args.file else "example"
        raise CliError(f"{out.name or out} is a folder: name the picture in it, such as {out / (stem + '.png')}. "
                       "Nothing was written.")
    if out.suffix.lower() != ".png":  # most likely FILE where OUT.png belongs: never written over
        raise CliError(f"{Path(args.out).name}: the screenshot is saved as a PNG picture, so OUT must end in .png "
                       "(safer-desk screenshot OUT.png [FILE]); nothing was written.", code=2)
    if args.file:
        refuse_missing_file(args.file)
    elif not args.demo:
        from safer_desk.paths import default_file

        own = default_file()
        if not own.exists():  # Safer Desk never opened here (IT trying it headless first): a file nobody named
            raise CliError(f"your own file ({own}) is not made yet: the window makes it when it first opens "
                           "(safer-desk). To draw one now, give FILE, or --demo for the example data.")
    refuse_output(args.out)
    refuse_existing_output(args.out, args.replace)
    from safer_desk.cli import ctrl_c_held

    saved: list[Path] = []
    try:
        # Ctrl+C is taken between the steps of Qt's work, never inside it (a paint: a crash, the file's lock left):
        # the picture is not saved, or is saved whole if it has come that far.
        with ctrl_c_held() as pressed:
            return _screenshot(args, pressed, saved)
    except KeyboardInterrupt:
        if not saved:
            raise
        raise CliError(f"interrupted; {saved[0]} was saved whole before then.", code=130) from None


def _screenshot(args: argparse.Namespace, pressed, saved: list[Path]) -> int:
    from safer_desk.cli import qt_libraries_said
    from safer_desk.paths import default_file
    from safer_desk.storage.store import StoreError

    with qt_libraries_said("draw its window"):
        from safer_desk.ui.app import StillLoading, screenshot

    def shoot(path: Path) -> int:
        try:
            out = screenshot(Path(args.out), path, tab=args.tab, size=args.size, cancelled=pressed)
        except (StoreError, StillLoading) as exc:
            raise CliError(str(exc)) from exc
        saved.append(out)
        print(f"saved {out}")
        return 0

    if args.demo:
        import os

        from safer_desk.services.example_copy import example_copy_said
        from safer_desk.ui.app import ensure_app

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_app()  # Qt first: if it cannot start, no example copy has been made yet

        with example_copy_said(CliError) as path:
            return shoot(path)
    path = Path(args.file) if args.file else default_file()
    if not path.exists():
        raise CliError(f"there is no file at {path}")
    return shoot(path)
