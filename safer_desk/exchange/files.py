"""Writing files safely, and the tabular formats people use with Excel (CSV, .xlsx, tab-separated text).

Every file is written to a temporary file in the same folder and moved into
place, so a crash or a full disk never leaves half a file where a whole one was.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target, on failure it is removed."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        # mkstemp makes the file owner-only; give it the mode an ordinary new file (or the old one) had.
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_csv(target: Path | str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """A CSV that Excel opens with £ signs intact (UTF-8 with a byte-order mark)."""
    with atomic_path(target) as tmp:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
    return Path(target)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV as text, for printing on the command line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@dataclass
class Sheet:
    """One worksheet: a name (Excel allows 31 characters), a header and rows of plain values.

    Money is given as int pence in the columns named in ``money_columns`` and is
    written as pounds with a £ number format, so Excel can add it up.
    """

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    money_columns: set[int] = field(default_factory=set)
    title: str | None = None


def write_xlsx(target: Path | str, sheets: Sequence[Sheet]) -> Path:
    import xlsxwriter

    with atomic_path(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_numbers": False, "strings_to_formulas": False})
        bold = book.add_format({"bold": True})
        money = book.add_format({"num_format": "£#,##0.00;-£#,##0.00"})
        used: set[str] = set()
        for sheet in sheets:
            name = _sheet_name(sheet.name, used)
            ws = book.add_worksheet(name)
            row0 = 0
            if sheet.title:
                ws.write(0, 0, sheet.title, bold)
                row0 = 2
            ws.write_row(row0, 0, list(sheet.header), bold)
            widths = [len(str(h)) for h in sheet.header]
            for r, row in enumerate(sheet.rows, start=row0 + 1):
                for c, value in enumerate(row):
                    if c in sheet.money_columns and isinstance(value, int):
                        ws.write_number(r, c, value / 100, money)
                    elif value is None:
                        ws.write_blank(r, c, None)
                    else:
                        ws.write(r, c, value)
                    if c < len(widths):
                        widths[c] = max(widths[c], min(60, len(str(value if value is not None else ""))))
            for c, width in enumerate(widths):
                ws.set_column(c, c, width + 2)
            ws.freeze_panes(row0 + 1, 0)
        book.close()
    return Path(target)


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "Sheet"
    candidate, n = clean, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def to_tsv(rows: Iterable[Sequence[Any]]) -> str:
    """Tab-separated text that pastes into Excel cell by cell."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def parse_tsv(text: str) -> list[list[str]]:
    """Rows copied from Excel (tab-separated, quoted cells may hold new lines); blank lines dropped."""
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")), delimiter="\t")
    return [row for row in reader if any(cell.strip() for cell in row)]
