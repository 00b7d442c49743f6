"""Help > User Guide inside the window: the Markdown of docs/ rendered, with its pages, links, pictures
and a search over every page.

The guide is docs/user-guide.md and docs/guide/*.md with the pictures in docs/screenshots. An installed
copy ships them in its resources (pyproject: docs -> safer_desk/resources/docs; the packaged build
collects safer_desk/resources whole); a source checkout reads docs/ itself. Links between pages open
here; links to web pages open in the browser.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices, QFont, QImage, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from safer_desk.paths import resource
from safer_desk.ui import settings

START_PAGE = "user-guide.md"
# The window's size and place, and the divider beside the list of pages, as the person left them (window state only,
# as the main window's): put back in every new window.
GEOMETRY_KEY = "guide/geometry"
SPLITTER_KEY = "guide/splitter"


def guide_folder() -> Path:
    """Where the guide's pages are: the installed resources, else the checkout's docs/ folder."""
    try:
        shipped = resource("docs")
    except FileNotFoundError:
        shipped = None
    if shipped is not None and (shipped / START_PAGE).is_file():
        return shipped
    return Path(__file__).resolve().parents[2] / "docs"


def guide_pages(folder: Path) -> list[tuple[str, Path]]:
    """(title, file) of each page: the start page first, then docs/guide/*.md in a reading order."""
    order = ["installing", "projects", "allocation", "costs", "budgets", "indicators", "exchange"]
    pages = [folder / START_PAGE] if (folder / START_PAGE).is_file() else []
    more = sorted((folder / "guide").glob("*.md"), key=lambda p: (order.index(p.stem) if p.stem in order else 99, p.stem))
    out = []
    for path in pages + more:
        out.append((page_title(path), path))
    return out


def page_title(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("# "):
                    return line[2:].strip()
    except OSError:
        pass
    return path.stem.replace("-", " ").capitalize()


def form_phrases(title: str, more: tuple[str, ...] = ()) -> list[str]:
    """What the guide may call a form, most telling first: ``more`` (a dialog's own words for it), then its title's
    first words, longest first ("Payment from Babergh DC for DHR-2019-01" … "Payment from", "Payment"), as the guide
    names the button that opens it ("*Payment…*", "**Add year…**")."""
    words = title.replace("…", " ").replace(":", " ").split()
    phrases = [" ".join(words[:n]) for n in range(min(len(words), 6), 0, -1)]
    # A first word alone that names no one form ("New catalogue item" found the reviews' *New…*): the page's top.
    return [*more, *(p for p in phrases if p.casefold() not in _NAMES_NO_FORM)]


_NAMES_NO_FORM = {"new", "edit", "add", "delete", "change", "settings", "the", "a"}


def _names_control(text: str, phrase: str) -> bool:
    """A page's Markdown names ``phrase`` as a control: in italics or bold, at the start of the marked words or after
    its menu's path ("**View > Funders' Awards…**")."""
    return re.search(r"(?<![\w*_])[*_]{1,2}(?:[^*_\n>]{1,40} > )*" + re.escape(phrase) + r"(?![\w])", text,
                     re.IGNORECASE) is not None


class GuideBrowser(QTextBrowser):
    """Reads .md pages as Markdown (what QTextBrowser does from their suffix), everything else as files."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(True)
        self.setOpenExternalLinks(False)  # web links: anchorClicked below sends them to the browser
        self.setAccessibleName("User guide page")

    def loadResource(self, type: int, name: QUrl):
        """Pictures scaled down to the page's width, so a screenshot never needs scrolling sideways."""
        data = super().loadResource(type, name)
        if type == int(QTextDocument.ResourceType.ImageResource.value) and data is not None:
            image = data if isinstance(data, QImage) else QImage.fromData(data)
            if not image.isNull():
                width = max(320, self.viewport().width() - 24)
                if image.width() > width:
                    image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                return image
        return data

    def doSetSource(self, name: QUrl, type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource):
        if name.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(name)
            return
        if name.isLocalFile() and name.toLocalFile().lower().endswith((".md", ".markdown")):
            type = QTextDocument.ResourceType.MarkdownResource
        super().doSetSource(name, type)


class GuideWindow(QDialog):
    """The user guide: the pages on the left (filtered by the search), the page on the right."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None, *, within: QWidget | None = None):
        """``within``: the window whose room the guide's size fits (the main window, for a guide opened over a small
        form that is its parent)."""
        super().__init__(parent)
        self.setWindowTitle("Safer Desk user guide")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        if (within or parent) is not None:
            from safer_desk.ui.kit import fitting_size

            self.resize(*fitting_size(within or parent, 1000, 680))
        else:
            self.resize(1000, 680)
        settings.remember_geometry(self, GEOMETRY_KEY)
        self.folder = folder or guide_folder()
        self.pages = guide_pages(self.folder)
        self._texts: dict[Path, str] = {}
        self._markdown: dict[Path, str] = {}

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Words to find in the guide")
        self.search.setAccessibleName("Search the user guide")
        self.search.setClearButtonEnabled(True)
        search_label = QLabel("&Find:", self)
        search_label.setBuddy(self.search)
        self.back_button = QPushButton("&Back", self)
        self.forward_button = QPushButton("F&orward", self)
        self.home_button = QPushButton("&Contents", self)
        self.contents = QListWidget(self)
        self.contents.setAccessibleName("Pages of the user guide")
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for title, path in self.pages:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.contents.addItem(item)
        self.browser = GuideBrowser(self)
        self.browser.setSearchPaths([str(self.folder), str(self.folder / "guide")])
        self.status = QLabel(self)
        self.status.setAccessibleName("Search result")

        top = QHBoxLayout()
        for w in (self.back_button, self.forward_button, self.home_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 750])
        settings.remember_splitter(splitter, SPLITTER_KEY)
        self.splitter = splitter
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(self.go_home)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._source_changed)
        self.contents.currentItemChanged.connect(self._page_chosen)
        self.search.textChanged.connect(self._filter_pages)
        self.search.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.FindNext, self, activated=self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        if self.pages:
            self.go_home()
        else:
            self.browser.setPlainText(f"The user guide is missing from this installation (looked in {self.folder}).")

    def keyPressEvent(self, event) -> None:
        """Enter does what the control it is pressed in does (Find finds the next place, a page in the list is
        shown, a button focused presses itself): the guide has no default button, so Enter never also pressed Back
        (the dialog's first button) and took the officer off the page they were reading."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- pages ---------------------------------------------------------------------------------------------
    def go_home(self) -> None:
        if self.pages:
            self.open_page(self.pages[0][1])

    def open_topic(self, stem: str | None) -> None:
        """The page named ``stem`` ("budgets", the tab in view); a page already shown is left where it was read to,
        and with no such page (no file open) the page shown (first the contents) stays."""
        path = next((p for _title, p in self.pages if p.parent.name == "guide" and p.stem == stem), None)
        if path is not None and (self.current_page() is None or self.current_page().resolve() != path.resolve()):
            self.open_page(path)

    def open_form_topic(self, stem: str | None, phrases: list[str]) -> bool:
        """F1 in a form: the place the guide names the form as a control ("*Payment…*" for a payment's form), by the
        first of ``phrases`` it names, looked for on the page of the tab in view (``stem``) first, then on the others;
        the words found are selected and scrolled to the top. With no such place, the tab's page as ``open_topic``.
        True when the place was found."""
        pages = [p for _title, p in self.pages]
        # The tab's page, then the other pages on their subjects, the overview (which names every window) last.
        pages.sort(key=lambda p: 0 if p.parent.name == "guide" and p.stem == stem else 1 if p.parent.name == "guide"
                   else 2)
        for phrase in phrases:
            for path in pages:
                if _names_control(self._page_text(path), phrase):
                    if self.current_page() is None or self.current_page().resolve() != path.resolve():
                        self.open_page(path)
                    if self.show_control(phrase):
                        return True
        self.open_topic(stem)
        return False

    def show_control(self, phrase: str) -> bool:
        """Select the first place the page shown names ``phrase`` in italics or bold and scroll it to the top."""
        document = self.browser.document()
        cursor = QTextCursor(document)
        while not (cursor := document.find(phrase, cursor, QTextDocument.FindFlag.FindWholeWords)).isNull():
            marked = cursor.charFormat()  # the format of the phrase's last character
            if marked.fontItalic() or marked.fontWeight() > QFont.Weight.Normal:
                bar = self.browser.verticalScrollBar()
                bar.setValue(bar.maximum())  # scrolled back up to it, the place comes to the top of the page
                self.browser.setTextCursor(cursor)
                self.browser.ensureCursorVisible()
                return True
        return False

    def _page_text(self, path: Path) -> str:
        if path not in self._markdown:
            try:
                self._markdown[path] = path.read_text(encoding="utf-8")
            except OSError:
                self._markdown[path] = ""
        return self._markdown[path]

    def open_page(self, path: Path) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)

    def current_page(self) -> Path | None:
        source = self.browser.source()
        return Path(source.toLocalFile()) if source.isLocalFile() else None

    def _source_changed(self, url: QUrl) -> None:
        path = Path(url.toLocalFile()).resolve() if url.isLocalFile() else None
        self.contents.blockSignals(True)
        for i in range(self.contents.count()):
            item = self.contents.item(i)
            if path is not None and Path(item.data(Qt.ItemDataRole.UserRole)).resolve() == path:
                self.contents.setCurrentItem(item)
        self.contents.blockSignals(False)
        title = page_title(path) if path is not None else ""
        self.setWindowTitle(f"{title} — Safer Desk user guide" if title else "Safer Desk user guide")
        if self.search.text().strip():
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.find_next()

    def _page_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            if self.current_page() is None or self.current_page().resolve() != path.resolve():
                self.open_page(path)

    # -- search ----------------------------------------------------------------------------------------------
    def _text_of(self, path: Path) -> str:
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8").casefold()
            except OSError:
                self._texts[path] = ""
        return self._texts[path]

    def pages_matching(self, text: str) -> list[Path]:
        words = text.casefold().split()
        return [path for _, path in self.pages if all(w in self._text_of(path) for w in words)]

    def _filter_pages(self, text: str) -> None:
        matching = set(self.pages_matching(text))
        for i in range(self.contents.count()):
            item = self.contents.item(i)
            item.setHidden(Path(item.data(Qt.ItemDataRole.UserRole)) not in matching)
        if not text.strip():
            self.status.setText("")
            return
        n = len(matching)
        self.status.setText(f"{n} page{'s' if n != 1 else ''}" if n else "Not in the guide")
        current = self.current_page()
        if current is not None and current not in matching and matching:
            first = next(p for _, p in self.pages if p in matching)
            self.open_page(first)
            return
        self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        self.find_next()

    def find_next(self) -> bool:
        """Select the next place on the page where the first search word is (from the top again at the end)."""
        words = self.search.text().split()
        if not words:
            return False
        phrase = self.search.text().strip()
        for needle in (phrase, words[0]):
            if self.browser.find(needle):
                return True
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            if self.browser.find(needle):
                return True
        return False
