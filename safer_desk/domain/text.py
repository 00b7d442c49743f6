"""Names as people type them: the papers' titles carry en dashes and curly quotes that no keyboard gives."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")


class LazyPattern:
    """A regular expression compiled when it is first used, not when its module is imported: start-up imports
    modules whose patterns (paste, parsing typed amounts and dates) the first screen never uses, and compiling
    them all cost about 5 ms of it. Used as the compiled pattern is (``match``, ``sub``, ``split`` …)."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        compiled = self._compiled
        if compiled is None:  # two threads may both compile it: the same pattern either way
            compiled = self._compiled = re.compile(*self._args)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r})"


# Every dash and minus to a hyphen, curly and prime quotes to straight ones.
_PUNCTUATION = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})
_SPACES = LazyPattern(r"\s+")
_AROUND_DASH = LazyPattern(r" ?- ?")  # "2017/18-2019/20" as the paper's "2017/18 – 2019/20"


# The spaces between groups of thousands: typed, or put in by Excel and Word (a no-break space, and a narrow no-break
# space in some number formats), or a typeset paper's thin or figure space.
_FIGURE_SPACES = str.maketrans(dict.fromkeys("\u00a0\u202f\u2009\u2007", " "))
_SPACED_DIGITS = LazyPattern(r"[\d.,]*\d(?: +\d[\d.,]*)+")
_SPACED_THOUSANDS = LazyPattern(r"\d{1,3}(?: \d{3})+(?:\.\d+)?")


def thousands_spaces_as_commas(text: str) -> str | None:
    """A figure typed or pasted with spaces for thousands ("1 234.56", "2 442" with Excel's no-break space) with
    commas in their place ("1,234.56"), the other spaces kept as plain ones; None when a space between digits is not
    a thousands separator ("12 34", "1 2345", "1,234 567", "0.123 456"), which could be two figures or a slip and is
    never joined into one."""
    def as_commas(run: re.Match) -> str:
        if not _SPACED_THOUSANDS.fullmatch(run.group()):
            raise ValueError(run.group())
        return run.group().replace(" ", ",")

    try:
        return _SPACED_DIGITS.sub(as_commas, (text or "").translate(_FIGURE_SPACES))
    except ValueError:
        return None


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A count as a board paper writes it: "1 review", "3 reviews", "1,234 rows" (never "review(s)")."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def shown_total_label(shown: int, whole: int, noun: str = "row", plural: str | None = None, *,
                      label: str = "Total") -> str:
    """A table's totals line as every window, copy and export words it: ``label`` with every row shown, "Total of the
    2 shown (of 11 partners)" while a search or filter hides some, "None shown (of 11 partners)" when it hides all
    (never a line of zeros passing for real figures). A part pasted into a paper must never pass for the whole."""
    if shown >= whole:
        return label
    if shown <= 0:
        return f"None shown (of {counted(whole, noun, plural)})"
    return f"Total of the {shown:,} shown (of {counted(whole, noun, plural)})"


def in_words(items: Sequence[str]) -> str:
    """"Babergh", "Babergh and Ipswich", "Babergh, Ipswich and Waveney" ("" for none)."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def as_subject(title: str) -> str:
    """A title as it heads a sentence with a colon after it: a single full stop it ends with left out ("Supported
    accommodation for young offenders." read "… offenders.: no share …"); "…" and "..." stay."""
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def shortened(text: str, most: int = 60) -> str:
    """A name as a line says it (an Edit > Undo entry, a question): on one line, and cut at a word with "…" when it is
    longer than ``most`` characters (a title pasted whole from a bid), so the line stays one a screen can show."""
    said = " ".join(str(text).split())
    if len(said) <= most:
        return said
    cut = said[: most - 1]
    if said[most - 1] != " " and cut.rfind(" ") >= most // 2:  # a word cut through: leave it out
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def unknown_fields(kind: str, names: Iterable[str]) -> str:
    """The refusal of fields a record does not have: "Unknown case field: colour." / "… fields: a, b." """
    names = sorted(names)
    return f"Unknown {kind} field{'' if len(names) == 1 else 's'}: {', '.join(names)}."


# What Windows refuses in a file name (macOS and Linux refuse the slash), and its device names.
_NOT_IN_FILE_NAMES = LazyPattern(r'[<>"|?*\x00-\x1f]')
_DEVICE_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def name_windows_refuses(name: str) -> str:
    """Why Windows would refuse (or misread) a new file's name, in words to finish "its name …" ("" when it takes
    it): a character it does not allow (a colon makes a hidden part of another file), a device's name (CON, NUL,
    COM1, "aux.sqlite": the device is opened, not a file), a name ending in a dot or a space (dropped, so the file is
    found under another name). Checked on every system, so a file made on Linux or macOS opens on Windows too."""
    bad = sorted(set(re.findall(r'[<>:"|?*\\\x00-\x1f]', name)))
    if bad:
        shown = ", ".join(dict.fromkeys("a control character" if c < " " else f"“{c}”" for c in bad))
        return f"has {shown}, which Windows does not allow in a file name"
    if name.split(".")[0].rstrip(" ").casefold() in _DEVICE_NAMES:
        return (f"begins with “{name.split('.')[0].rstrip(' ')}”, the name Windows keeps for a device (CON, PRN, "
                "AUX, NUL, COM1 to COM9, LPT1 to LPT9), whatever follows the dot")
    if name.endswith((".", " ")):
        return "ends with a " + ("dot" if name.endswith(".") else "space") + ", which Windows drops from a file name"
    return ""


def file_name_from(text: str, *, most: int = 120) -> str:
    """A file name (without its suffix) made from a name people typed, that Windows, macOS and Linux all take:
    "Retained budget 2009/10: pilot" → "Retained budget 2009-10 - pilot" (a slash would make it a folder)."""
    name = (text or "").replace(":", " - ").replace("/", "-").replace("\\", "-")
    name = _NOT_IN_FILE_NAMES.sub(" ", name)
    name = " ".join(name.split())[:most].rstrip(" .")
    if not name.strip(" -."):
        return "untitled"
    head = name.split(".")[0]
    if head.rstrip(" ").casefold() in _DEVICE_NAMES:  # "aux.files" too: Windows reads the name up to its first dot
        name = f"{head.rstrip(' ')} (file){name[len(head):]}"
    return name


_TOTAL_WORD = r"(?:grand |county |sub(?:-|\s+)?|overall |running )?totals?"
# What follows "Total" in a paper's total row but never in a name ("Total Place pilot", "Totally Safe" are names):
# what it is a total of ("Total for Suffolk", "Total: all CSPs"; a dash only spaced: "Total-Safe Homes" is a name),
# or the money it adds up, alone or for whom (seeds 000, 002, 004: "Total costs", "Total Expenditure", "Total PRG
# for …"; "Total cost of staff" is a line about a total).
_TOTAL_OF = r"(?:\s*:|\s+[\-\u2013\u2014]|\s+(?:for|of|across)\b).*"
_TOTAL_MONEY = (r"\s+(?:costs?|budget|expenditure|spend|spending|income|funding|allocations?|contributions?|amount|"
                r"PRG)(?:\s+(?:for|across)\b.*)?")
_TOTAL_LINE = LazyPattern(rf"^\s*(?:{_TOTAL_WORD}\s*:?|{_TOTAL_WORD}(?:{_TOTAL_OF}|{_TOTAL_MONEY})|"
                          rf".*\S\s+{_TOTAL_WORD}\s*:?)\s*$", re.IGNORECASE)


def looks_like_total_line(name: str) -> bool:
    """A row named as a table's total line ("Total", "Grand total", "Sub-total:"), or a total under another label
    ("Suffolk total", "All CSPs total", "Total for Suffolk", "Total costs"): copied with a paper's table, it would
    hold the sum of the rows above and count them twice."""
    return bool(_TOTAL_LINE.match(name or ""))


def filled_width(cells: Sequence[Any]) -> int:
    """How many cells a row has up to its last filled one (the empty cells a spreadsheet adds after it left
    out)."""
    width = len(cells)
    while width and not str(cells[width - 1] or "").strip():
        width -= 1
    return width


def folded(text: str) -> str:
    """Text as a search or a sort compares it: any case, and a letter with an accent as the letter alone, so "wyl"
    typed on an English keyboard finds “Ŵyl Dinas Powys”, "cafe" finds "Café", and "Émile" sorts with E."""
    text = text.casefold()
    if text.isascii():
        return text
    import unicodedata  # an extension module: loaded at the first accented text, not on the way to the window

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def tidy_spaces(text: str | None) -> str:
    """A name with its spaces tidied ("suffolk  constabulary " is "suffolk constabulary"): as reference names and
    the office's name are held."""
    return " ".join((text or "").split())


def typed_name_key(text: str) -> str:
    """What two names must share to be the same name as typed: any case, any dash or quote, any spacing, an accent
    written as one letter or as a letter and a combining mark ("Café" from a Mac or a web form)."""
    import unicodedata  # a built-in module, off the path to the first paint until a name is compared

    text = unicodedata.normalize("NFC", text or "")
    return _AROUND_DASH.sub("-", _SPACES.sub(" ", text.translate(_PUNCTUATION))).strip().casefold()


def as_sentence(text: str) -> str:
    """text ending as a sentence does (a full stop added where it ends otherwise: "… called “Nowhere”", "(add it
    first)"), so that a sentence after it does not run on from it."""
    text = text.rstrip()
    return text if not text or text.endswith((".", "?", "!", ":")) else f"{text}."


def find_typed(candidates: Iterable[T], name: str, name_of: Callable[[T], str]) -> T | None:
    """The first candidate whose name is ``name`` as typed (typed_name_key), or None."""
    key = typed_name_key(name)
    return next((c for c in candidates if typed_name_key(name_of(c)) == key), None)


def close_names(text: str, names: Iterable[str], *, cutoff: float, key: Callable[[str], str] = str.casefold,
                n: int = 1) -> list[str]:
    """The names most like ``text`` compared by ``key`` (difflib's ratio at least ``cutoff``), best first, as spelt
    in ``names``: the "did you mean Ipswich?" of a name typed a letter or two wrong."""
    import difflib

    spelled = {key(name): name for name in names}
    return [spelled[k] for k in difflib.get_close_matches(key(text), list(spelled), n=n, cutoff=cutoff)]


def meant_words(text: str, names: Iterable[str], *, cutoff: float = 0.75) -> str:
    """" (did you mean Suffolk Target Hardening Pilot?)" for a name typed a letter or so out (compared as
    typed_name_key compares names), "" when no name is so like it."""
    near = close_names(text, names, cutoff=cutoff, key=typed_name_key)
    return f" (did you mean {near[0]}?)" if near else ""


def ranges_text(items: Iterable[T], follows: Callable[[T, T], bool], label: Callable[[T], str]) -> str:
    """"Apr-19 to Dec-19, Feb-20": sorted items in runs (b follows a when ``follows(a, b)``), each run as its
    first and last label, a run of one as its label."""
    runs: list[list[T]] = []
    for item in items:
        if runs and follows(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    return ", ".join(label(r[0]) if len(r) == 1 else f"{label(r[0])} to {label(r[-1])}" for r in runs)


# Curly quotes and dashes as a keyboard types them: the papers (and Word) write “pastors”, Children’s and 2017 – 2018.
_KEYBOARD = {**dict.fromkeys("‘’‚‛′", "'"), **dict.fromkeys("“”„‟″", '"'), **dict.fromkeys("‐‑‒–—―−", "-")}


def as_typed(text: str) -> str:
    """``text`` with its curly quotes and dashes as a keyboard types them, so a search finds either (replace is
    many times faster than translate on a register's or a history's long texts)."""
    for char, typed in _KEYBOARD.items():
        if char in text:
            text = text.replace(char, typed)
    return text


def found_as_typed(words: Sequence[str], text: str) -> bool:
    """Whether every word (typed, ``as_typed``) is in ``text``, its quotes and dashes read as typed only when needed."""
    return all(w in text for w in words) or all(w in as_typed(text) for w in words)


def shell_word(text: str, *, windows: bool | None = None) -> str:
    """A path or name as one word of a command to paste: as it is when plain, else quoted as the system's command line
    takes it (double quotes in Windows' Command Prompt and PowerShell, single quotes in a POSIX shell)."""
    import os
    import shlex

    windows = os.name == "nt" if windows is None else windows
    if re.fullmatch(r"[\w./\\:+=@%-]+" if windows else r"[\w./:+=@%-]+", text, re.ASCII):
        return text
    return f'"{text}"' if windows else shlex.quote(text)


def column_letter(index: int) -> str:
    """A spreadsheet's name of the column at index (0 → A, 26 → AA), as Excel shows it (a CSV opened in it too)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# -- cells for a spreadsheet ---------------------------------------------------------------------------------------

# OWASP "CSV Injection": these first characters make Excel, LibreOffice and Google Sheets read a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A figure as the program writes and shows one (signed, a £, thousands separators, decimals, a percentage): a value
# Excel reads as a number ("-£5,000", "-6957.50", "+3.5%"), never a formula.
_PLAIN_NUMBER = LazyPattern(r"^[+-]?£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def neutralise_cell(value: Any) -> Any:
    """A cell as it is safe to give a spreadsheet (a CSV file, a table's copy for Excel): text that would start a
    formula gets the single quote Excel reads as "this is text" and does not show. Numbers, and text that is only a
    figure, are left alone, so a variance pastes into Excel as a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def cell_as_typed(text: str) -> str:
    """A pasted cell without the quote ``neutralise_cell`` put before it ("'=HYPERLINK(…)" is "=HYPERLINK(…)"), so a
    copy pasted back gives what was copied; any other cell as it is ("'-5": no copy quotes a figure, so the quote is
    the cell's own)."""
    return text[1:] if text[:1] == "'" and neutralise_cell(text[1:]) == text else text


def step_words(text: str, most: int) -> str:
    """A step as the Edit menu and the status bar name it: on one line, and longer than ``most`` characters, cut
    where it tells least. Cut in the middle of the whole line, a county's conflict decision kept its end, "Keep
    Babergh office's version: Project 'Western Suffolk… from Babergh office", and lost the amount that told two apart.

    A step that says what of what ("Keep …'s version: Project '…': cost …") is parts (at ": ", ", " and "; ", never
    in a quoted name or brackets); one that does not ("Save project Suffolk, Norfolk and Essex …") is one part. The
    parts after the first (what the step did) are cut first, the longest first, at words from their end, each keeping
    at least its first figure or quoted name ("£30,000…", "Project 'Western Suffolk youth work'") or else its first
    word ("cost…"); then the parts with no figure or name go, said "…", but for those naming the thing (up to the
    second ": ": "Indicator '…', Mid Suffolk, Mar 2024", where the area left out made Babergh's and Mid Suffolk's
    figures alike). What is still too long is cut in the middle of its longest part at spaces ("Save figures of
    People who agree … for Suffolk, 2010/11"), never a part with a figure: when the figures alone are more than the
    line holds, the first go whole, said "…", and the last stay (a county decision's last figures are the office's
    version: "… cost £30,000, start 01/05/2024…"). The History of Changes names it whole."""
    said = " ".join(str(text).split())
    if len(said) <= most:
        return said
    parts = _step_parts(said)
    if not any(sep == ": " for _text, sep in parts):  # no "what: of what" (a name with commas in it): as one part
        parts = [(said, "")]
    shown: list[str | None] = [text for text, _sep in parts]
    floors = [_part_floor(text) for text, _sep in parts]
    # the parts naming the thing, up to the second ": " ("Indicator '…', Babergh, Mar 2024: …"): none is left out
    named_to = next((i for i in range(1, len(parts)) if parts[i][1] == ": "), len(parts))
    while len(line := _joined(shown, parts)) > most:
        cuttable = [i for i in range(1, len(parts)) if shown[i] is not None and len(shown[i]) > len(floors[i]) + 1
                    and (i > named_to or _names_or_counts(parts[i][0]))]  # "Mid Suffolk" naming the thing: whole
        if cuttable:
            i = max(cuttable, key=lambda i: (len(shown[i]), i))
            cut = shortened(parts[i][0], max(len(shown[i]) - (len(line) - most), len(floors[i]) + 1))
            shown[i] = cut if cut.startswith(floors[i]) and len(cut) < len(shown[i]) else f"{floors[i]}…"
            continue
        plain = [i for i in range(named_to + 1, len(parts)) if shown[i] is not None
                 and not _names_or_counts(parts[i][0])]
        if not plain:
            break
        shown[max(plain, key=lambda i: (len(parts[i][0]), i))] = None
    # A part with a figure ("cost £30,000", "start 01/04/2024") is what tells two steps apart: it is kept whole or
    # left out whole, never cut in its middle (where "start 01/04/2024 in the county file" showed as "start… file").
    # A quoted name with figures in it ("Review 'WSCSP-DHR-2017-02'") is the thing's name: cut as names are.
    figured = [i for i in range(1, len(parts)) if shown[i] is not None and _FIGURES.search(_QUOTED.sub("", floors[i]))]
    # Those naming the thing ("Review WSCSP-DHR-2017-02", "Indicator '…', Babergh, Mar 2024": up to the second ": ")
    # are never left out; the values after it may be.
    droppable = [i for i in figured if i > named_to]
    settled = list(shown)
    names_first = True  # a name is cut no shorter than through its first word until only one figure is left
    while len(line := _joined(shown, parts)) > most:  # the longest part cut in its middle, then the next longest
        least = {i: max(PART_LEAST, _name_least(parts[i][0]) if names_first else 0)
                 for i, text in enumerate(shown) if text is not None and i not in figured}
        lengths = sorted((len(shown[i]), i) for i in least if len(shown[i]) > least[i])
        if lengths:
            (size, i), runner_up = lengths[-1], (lengths[-2][0] if len(lengths) > 1 else 0)
            shown[i] = _cut_in_middle(parts[i][0], max(size - (len(line) - most), runner_up - 1, least[i]))
            continue  # from the part whole: never cut twice
        if len(droppable) > 1:
            # more figures than the line holds: the first go (said "…"), the last kept: a county decision's last
            # figures are the office's version, where two offices' versions of the same county row differ
            settled[droppable.pop(0)] = None
            shown = list(settled)  # the parts with no figure cut again, into the room the figure left
        elif names_first:
            names_first = False
        else:
            return _cut_in_middle(line, most)  # every part as short as a part is cut: the line in its middle
    return line


PART_LEAST = 12  # the fewest characters a part of a step is cut to in its middle ("Keep Mid… version")
# A quoted name, '…' (an apostrophe inside a word, "Babergh office's", is none), “…” or "…".
_QUOTED = LazyPattern(r"(?<!\w)'(?:[^']|'(?=\w))+'(?!\w)|“[^”]*”|\"[^\"]*\"")
_FIGURES = LazyPattern(r"\S*\d\S*(?: \S*\d\S*)*")  # "£30,000", "01473 613500", "2010/11"
_BRACKETED = LazyPattern(r"\([^()]*\)")  # "(cost lines; officers)": one part with what it is said of
_PART_END = LazyPattern(r"[:,;] ")


def _step_parts(said: str) -> list[tuple[str, str]]:
    """The step's parts, each with what follows it (": ", ", ", "; " or "" at the end); never inside a quoted name
    or brackets."""
    masked = _BRACKETED.sub(lambda m: "x" * len(m.group()), _QUOTED.sub(lambda m: "x" * len(m.group()), said))
    parts, at = [], 0
    for m in _PART_END.finditer(masked):
        parts.append((said[at:m.start()], m.group()))
        at = m.end()
    parts.append((said[at:], ""))
    return parts


def _name_least(part: str) -> int:
    """How short a part naming a thing is cut while figures can go instead: through the first word of its quoted
    name and "…" ("Indicator 'People…"); the whole part when that is all of it ("Review 'WSCSP-DHR-2017-02'")."""
    found = _QUOTED.search(part)
    if found is None:
        return 0
    end = found.start() + 1 + len(part[found.start() + 1:].split(" ", 1)[0])
    return min(len(part), end + 1)


def _names_or_counts(part: str) -> bool:
    return bool(_QUOTED.search(part) or _FIGURES.search(part))


def _part_floor(part: str) -> str:
    """The least of a part that is kept: through its first figure or quoted name, or else its first word."""
    ends = [m.end() for m in (_QUOTED.search(part), _FIGURES.search(part)) if m is not None]
    return part[:max(ends)] if ends else part.split(" ", 1)[0]


def _joined(shown: list[str | None], parts: list[tuple[str, str]]) -> str:
    """The parts as shown, parts left out said once with "…"."""
    line, left_out = "", False
    for text, (_whole, sep) in zip(shown, parts):
        if text is None:
            left_out = True
            continue
        if left_out and line:
            line = line.rstrip(":,; ") + " " if line.rstrip(":,; ").endswith("…") else line + "… "
        line += text + sep
        left_out = False
    line = line.rstrip(":,; ")
    return line + "…" if left_out and not line.endswith("…") else line


def _cut_in_middle(said: str, most: int) -> str:
    """Cut in the middle at spaces, keeping the start and the last third ("… for Suffolk, 2010/11")."""
    if len(said) <= most:
        return said
    tail = said[len(said) - most // 3:]
    if said[len(said) - len(tail) - 1] != " ":  # a word cut through at the tail's start: left out
        tail = tail[tail.index(" ") + 1:] if " " in tail else ""
    if not tail:  # the last word longer than the third kept: the start alone ("Keep Babergh…", not "…ersion")
        return shortened(said, most)
    return f"{shortened(said, most - len(tail) - 1)} {tail}"
