"""A row of controls that goes onto a second line where the window is too narrow for it (``FlowRow``).

A ``QHBoxLayout`` of a tab's filters or buttons cannot be narrower than all of them side by side: on a 1366x768
laptop at 125% with a 12 pt font (the window about 1093 wide) the Reviews' filters and buttons, the Pooled funds'
buttons, the Indicators' and Allocation's top rows were wider than the window, so the whole tab scrolled sideways
and the controls at its right were off the screen. A ``FlowRow`` lays its items out as a ``QHBoxLayout`` does
while they fit on one line at their least widths (each the width it asks for, short of room the same taken from
each; room to spare to the items given a stretch: ``addWidget(widget, 1)``, ``addStretch()``), and otherwise starts
a new line with the item that does not fit.

Keep a label with its field by giving the row a small widget holding both (``together``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QWidget,
)


class FlowRow(QLayout):
    """Items side by side, wrapped onto further lines when the width does not hold them all at their least widths."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}  # id of an item → its stretch factor
        self._next_stretch = 0
        self._one_line = False  # ``keep_on_one_line``
        self._glued: set[int] = set()  # ids of items never last on a line (``addWidget(..., with_next=True)``)
        # What a layout pass asks again and again (its height at a width, its least and asked-for sizes: Qt asks a
        # height-for-width layout's each several times a pass), kept until the layout or an item changes, as
        # Qt's own box layouts keep theirs: worked out afresh each time, the rows cost about 2% of the first screen.
        self._known: dict[tuple, object] = {}
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)  # as a QHBoxLayout put inside another layout

    # --- building, as a QHBoxLayout is built ---------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)
        if self._next_stretch:
            self._stretch[id(item)] = self._next_stretch
            self._next_stretch = 0
        self.invalidate()

    def addWidget(self, widget: QWidget, stretch: int = 0, *, with_next: bool = False) -> None:  # noqa: N802
        """``with_next``: the widget goes onto the next line with the one added after it (a label with its field,
        each still given its own share of the room, as in a ``QHBoxLayout``, which ``together`` does not)."""
        self._next_stretch = stretch
        super().addWidget(widget)
        self._next_stretch = 0
        if with_next:
            self._glued.add(id(self._items[-1]))

    def addStretch(self, stretch: int = 0) -> None:  # noqa: N802 - Qt's name
        self._next_stretch = stretch or 1
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def addSpacing(self, size: int) -> None:  # noqa: N802 - Qt's name
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            self._glued.discard(id(item))
            self.invalidate()
            return item
        return None

    def invalidate(self) -> None:
        self._known.clear()
        super().invalidate()

    def keep_on_one_line(self, keep: bool) -> None:
        """Never wrap (as a ``QHBoxLayout``: as narrow as its items side by side at their least) while ``keep``: for
        a row that should wrap only where its tab has already given up another width-saving arrangement."""
        if keep != self._one_line:
            self._one_line = keep
            self.invalidate()

    # --- sizes ------------------------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        def height() -> int:
            left, top, right, bottom = self.getContentsMargins()
            return self._place(QRect(0, 0, width, 0).adjusted(left, top, -right, 0), move=False) + top + bottom

        return self._kept(("height", width), height)

    def _kept(self, key: tuple, work_out):
        """What ``work_out`` gives, worked out once until the layout or an item changes (``invalidate``)."""
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = work_out()
        return known

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as its widest item (the others go onto lines of their own), a line high; kept on one line
        (``keep_on_one_line``), as narrow as its items side by side."""
        return QSize(self._kept(("least",), self._least))

    def _least(self) -> QSize:
        shown = self._shown()
        left, top, right, bottom = self.getContentsMargins()
        if self._one_line:
            width = sum(item.minimumSize().width() for item in shown) + sum(self._gaps(shown))
        else:  # a label and its field (``with_next``) on a line together
            width = max((sum(i.minimumSize().width() for i in run) + sum(self._gaps(run)) for run in self._runs(shown)),
                        default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        return QSize(width + left + right, height + top + bottom)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Everything on one line at the widths it asks for."""
        return QSize(self._kept(("hint",), self._hint))

    def _hint(self) -> QSize:
        shown = self._shown()
        left, top, right, bottom = self.getContentsMargins()
        width = sum(item.sizeHint().width() for item in shown) + sum(self._gaps(shown))
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width + left + right, height + top + bottom)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        left, top, right, bottom = self.getContentsMargins()
        self._place(rect.adjusted(left, top, -right, -bottom), move=True)

    # --- laying out -------------------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or isinstance(item, QSpacerItem)]

    def _gap(self, orientation: Qt.Orientation) -> int:
        own = self.spacing()
        if own >= 0:
            return own
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        metric = (QStyle.PixelMetric.PM_LayoutHorizontalSpacing if orientation == Qt.Orientation.Horizontal
                  else QStyle.PixelMetric.PM_LayoutVerticalSpacing)
        gap = style.pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _gaps(self, line: list[QLayoutItem]) -> list[int]:
        """The gap before each item of a line: none before the first, nor after a stretch or a spacing (as Qt's box
        layouts leave none there)."""
        gap = self._gap(Qt.Orientation.Horizontal)
        return [0 if n == 0 or isinstance(line[n - 1], QSpacerItem) else gap for n in range(len(line))]

    def _runs(self, shown: list[QLayoutItem]) -> list[list[QLayoutItem]]:
        """The items in the runs that go onto a line together: each alone but for those added ``with_next``."""
        runs: list[list[QLayoutItem]] = []
        for n, item in enumerate(shown):
            if n and id(shown[n - 1]) in self._glued:
                runs[-1].append(item)
            else:
                runs.append([item])
        return runs

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            least = item.minimumSize().width()
            gap = self._gaps([*lines[-1], item])[-1]
            if lines[-1] and used + gap + least > width:
                moved: list[QLayoutItem] = []  # a label goes with its field
                while len(lines[-1]) > 1 and id(lines[-1][-1]) in self._glued:
                    moved.insert(0, lines[-1].pop())
                lines.append(moved)
                used = sum(i.minimumSize().width() for i in moved) + sum(self._gaps(moved))
                gap = self._gaps([*moved, item])[-1]
            used += gap + least
            lines[-1].append(item)
        while len(lines) > 1 and isinstance(lines[-1][0], QSpacerItem):  # a trailing stretch: kept on the line above
            lines[-2].extend(lines.pop())
        for line in lines[1:]:  # a spacing does not begin a line
            while len(line) > 1 and isinstance(line[0], QSpacerItem) \
                    and not line[0].expandingDirections() & Qt.Orientation.Horizontal:
                line.pop(0)
        return lines

    def _widths(self, line: list[QLayoutItem], width: int) -> list[int]:
        """Each item's width on its line, as a QHBoxLayout shares it: the width it asks for, and short of room the
        same taken from each, none below its least; room to spare goes to the items with a stretch, never past an
        item's most."""
        room = width - sum(self._gaps(line))
        least = [item.minimumSize().width() for item in line]
        # An item given a stretch counts at its least, as Qt's box layouts count it (their ``smartSizeHint``): at
        # 1093x582 the Commissioning page's scenarios box was kept at the 343 pixels it asks for, and the name
        # beside it, with the same stretch, given 188 where a QHBoxLayout gave both 265.
        hints = [low if self._stretch.get(id(item)) else max(item.sizeHint().width(), low)
                 for item, low in zip(line, least)]
        if room < sum(hints):  # short of room: as Qt's box layouts, the same taken from each, none below its least
            widths = list(hints)
            giving = [i for i in range(len(line)) if hints[i] > least[i]]
            short = sum(hints) - max(room, sum(least))
            while giving and short > 0:
                share = short / len(giving)
                floored = [i for i in giving if hints[i] - share < least[i]]
                if not floored:
                    for n, i in enumerate(giving):
                        widths[i] = hints[i] - round(share * (n + 1)) + round(share * n)
                    break
                for i in floored:
                    widths[i] = least[i]
                    short -= hints[i] - least[i]
                    giving.remove(i)
            return widths
        widths = hints
        spare = room - sum(widths)
        weights = [self._stretch.get(id(item), 0) for item in line]  # no stretch: the rest left empty
        if spare > 0 and any(weights):
            # As Qt's box layouts share it: the items with a stretch as wide as their stretch says, each of them
            # at least the width it asks for and at most its most.
            sharing = [i for i, weight in enumerate(weights) if weight]
            total = spare + sum(widths[i] for i in sharing)
            while sharing:
                unit = total / sum(weights[i] for i in sharing)
                held = [i for i in sharing if widths[i] > weights[i] * unit
                        or weights[i] * unit > line[i].maximumSize().width()]
                if not held:
                    placed = 0.0
                    for i in sharing:  # the pixels left by rounding handed along, as Qt does
                        widths[i] = round(placed + weights[i] * unit) - round(placed)
                        placed += weights[i] * unit
                    break
                for i in held:
                    widths[i] = min(max(widths[i], int(weights[i] * unit)), line[i].maximumSize().width())
                    total -= widths[i]
                    sharing.remove(i)
        return widths

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (when ``move``) and say the height their lines take."""
        line_gap = self._gap(Qt.Orientation.Vertical)
        y = rect.y()
        lines = self._lines(max(1, rect.width()))
        for n, line in enumerate(lines):
            height = max(item.sizeHint().height() for item in line)
            height = max(height, max(item.minimumSize().height() for item in line))
            if move:
                x = rect.x()
                for item, width, gap in zip(line, self._widths(line, rect.width()), self._gaps(line)):
                    x += gap
                    item_height = min(height, item.maximumSize().height())
                    if item.hasHeightForWidth():
                        item_height = min(height, max(item_height, item.heightForWidth(width)))
                    item.setGeometry(QRect(QPoint(x, y + (height - item_height) // 2), QSize(width, item_height)))
                    x += width
            y += height + (line_gap if n < len(lines) - 1 else 0)
        return y - rect.y()


def together(*widgets: QWidget, parent: QWidget | None = None, stretch_last: bool = False) -> QWidget:
    """A label and its field (or a field and its button) kept on one line of a ``FlowRow``."""
    holder = QWidget(parent)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for n, widget in enumerate(widgets):
        row.addWidget(widget, 1 if stretch_last and n == len(widgets) - 1 else 0)
    return holder
