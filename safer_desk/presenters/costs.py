"""The Costs tab's shared presenter pieces: the small field-driven forms, snapshot actions, the tab's guard.

Every small Costs dialog (a cost line, a payment, a referral …) is a ``CostForm``: a
``FormPresenter`` whose title and heading name the record it changes ("Cost line for
WSCSP-DHR-2026-07"), whose save builds one named ``Action`` and hands it to the screen's
``perform``, and whose refusals from the service are shown beside the field they are about.
Nothing is written until Save; the screen presenter (``presenters.dhr.DhrPresenter``,
``presenters.funds.FundsPresenter``) holds the open form as its ``editor``, so the main
window's guard asks about it before the tab, the file or the program is left.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from safer_desk.domain.enums import LabelledEnum
from safer_desk.presenters import actions
from safer_desk.presenters.actions import Action
from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter, correct_marked
from safer_desk.presenters.screens import AskUnsaved, ScreenPresenter

TAB = "costs"
TEXT_KINDS = (FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.EDITABLE_CHOICE)


class NothingTo(LookupError):
    """Nothing for a form to act on, and nothing to choose that would give it something (no payment recorded on
    the share): said under its own ``title``, where a form with nothing chosen is said under the page's."""

    def __init__(self, title: str, text: str):
        super().__init__(text)
        self.title = title


class YesNo(LabelledEnum):
    """A yes/no answer on a form (the fund's rules, a referral's answers)."""

    YES = ("yes", "Yes")
    NO = ("no", "No")


def yes_no(value: bool) -> str:
    return YesNo.YES.value if value else YesNo.NO.value


def choices(values: Sequence[str], *, blank: str | None = None) -> tuple[tuple[str, str], ...]:
    """(value, label) pairs where the value is what the service reads (a name), with an optional blank first."""
    out = [("", blank)] if blank is not None else []
    return tuple(out + [(v, v) for v in values])


def tie_to_field(message: str, fields: Sequence[Field], values: Mapping[str, Any]) -> dict[str, str]:
    """The field a service's refusal is about: its label starts the message ("Amount: …"), or its
    typed value is quoted in it ("“Jane Smith” looks like a person's name"); {} when neither."""
    folded = message.casefold()
    for f in fields:
        label = f.plain_label.casefold()
        if folded.startswith(label + ":") or folded.startswith(label.split(" (")[0] + ":"):
            return {f.key: message}
    for f in fields:
        typed = str(values.get(f.key) or "").strip()
        if typed and (f"“{typed}”".casefold() in folded or folded.startswith(typed.casefold() + " ")):
            return {f.key: message}
    return {}


class CostForm(FormPresenter):
    """A small Costs form: fields, a title and first line naming the record, and the save.

    ``commit(parsed)`` does the change (usually by performing an Action) and raises the service's
    ValueError on a refusal, shown beside its field. ``warnings(parsed)`` (optional) lists doubts that
    do not refuse (a supplier that reads like a person's name): shown once beside ``warn_key`` (or, as a
    dict of lists, beside each field named); Save again keeps it. ``check(parsed)`` (optional) gives the
    refusals known before anything is queried ({field: message}), so a query never offers to keep what will be
    refused. ``heading_for(values)`` (optional) makes the first line follow what is typed (the record a field
    chooses), in place of the fixed ``heading``.
    """

    def __init__(self, fields: Sequence[Field], *, title: str, heading: str, commit: Callable[[dict[str, Any]], Any],
                 note: str = "", values: Mapping[str, Any] | None = None,
                 warnings: Callable[[dict[str, Any]], list[str] | dict[str, list[str]]] | None = None,
                 warn_key: str = "",
                 today: Callable[[], Any] | None = None, save_text: str = "&Save", correcting: bool = False,
                 check: Callable[[dict[str, Any]], Mapping[str, str]] | None = None,
                 heading_for: Callable[[Mapping[str, Any]], str] | None = None):
        kwargs = {"today": today} if today is not None else {}
        self.heading_for = heading_for
        super().__init__(fields, save_fn=self._commit, check_fn=check, title=title, **kwargs)
        self.commit = commit
        self.note = note
        self.save_text = save_text  # the button that commits: "&Delete" where the form deletes what is chosen
        self.warnings = warnings
        self.warn_key = warn_key
        self._warned_for: dict[str, Any] | None = None
        self.result: Any = None
        self.correcting = correcting  # the form corrects a record the file holds (loaded in values)
        self.load(dict(values or {}), title=title, heading=heading)  # unsaved once something is typed

    @property
    def heading(self) -> str:
        """The first line: the record the form changes (as chosen in it now, with ``heading_for``)."""
        return self._heading if self.heading_for is None else self.heading_for(dict(self.values))

    @heading.setter
    def heading(self, text: str) -> None:
        self._heading = text

    def save(self) -> bool:
        """A correction saved with nothing changed writes nothing and adds no step to Edit > Undo."""
        if self.correcting and not self.is_dirty and not self.read_only and self.enabled:
            self.mark_saved()
            self.saved.emit()
            return True
        return super().save()

    def _commit(self, values: dict[str, Any], parsed: dict[str, Any]) -> None:
        clean = {k: ("" if v is None and self.field(k).kind in TEXT_KINDS else v) for k, v in parsed.items()}
        if self.warnings is not None and self._warned_for != values:
            doubts = self.warnings(clean)
            by_field = doubts if isinstance(doubts, dict) else {self.warn_key: doubts}
            by_field = {k: " ".join(v) + " Save again to keep it as it is." for k, v in by_field.items() if v}
            if by_field:
                self._warned_for = dict(values)
                raise FormError(by_field, "Not saved yet: check the field queried below, then Save again to keep it.")
        try:
            self.result = self.commit(clean)
        except FormError:
            raise
        except ValueError as exc:
            message = str(exc)
            by_field = tie_to_field(message, self.fields, values)
            raise FormError(by_field, "Not saved: " + message if not by_field else correct_marked(by_field)) from None

    def describe_unsaved(self) -> str:
        return f"{self.title} has not been saved."

    def lists_changes(self) -> bool:
        return False  # "has not been saved": Revert asks "Discard what is typed?", not "Discard them?" of nothing named


def snapshot_action(text: str, **kw: Any) -> Action:
    """``actions.snapshot_action`` on the Costs tab."""
    return actions.snapshot_action(text, tab=TAB, **kw)


class CostsPresenter(ScreenPresenter):
    """The tab's guard: whichever page holds an open form with unsaved edits answers for the tab."""

    tab = TAB

    def __init__(self, pages: Callable[[], Sequence[ScreenPresenter]]):
        super().__init__()
        self._pages = pages

    def _unsaved(self) -> ScreenPresenter | None:
        return next((p for p in self._pages() if p.has_unsaved_changes()), None)

    def has_unsaved_changes(self) -> bool:
        return self._unsaved() is not None

    def describe_unsaved(self) -> str:
        page = self._unsaved()
        return page.describe_unsaved() if page is not None else ""

    def save(self) -> bool:
        page = self._unsaved()
        return True if page is None else page.save()

    def discard(self) -> None:
        for page in self._pages():
            page.discard()

    def may_leave(self, ask: AskUnsaved) -> bool:
        return all(page.may_leave(ask) for page in self._pages())


class FormScreen(ScreenPresenter):
    """A Costs page's presenter: the open form is its ``editor``; ``form_opened`` tells the page to show it."""

    tab = TAB

    def __init__(self, *, perform: Callable[[Action], object]):
        super().__init__(perform=perform)
        from safer_desk.presenters.events import Event

        self.form_opened = Event()  # the CostForm (or SplitPresenter) to show in a dialog
        self.data_changed = Event()  # after an action or its undo: the ledger and other pages read again
        self.form_closed = Event()  # the form given: its dialog closes

    def open_form(self, form):
        self.editor = form
        form.changed.connect(lambda *_: self.changed.emit() if self.editor is form else None)  # the title's marker
        form.saved.connect(lambda *_: self.close_form(form))
        self.form_opened.emit(form)
        return form

    def close_form(self, form=None) -> None:
        """The dialog is gone (saved, or cancelled after the question): nothing is held unsaved."""
        if form is None or self.editor is form:
            closing, self.editor = self.editor, None
            if closing is not None:
                self.form_closed.emit(closing)
            self.changed.emit()

    def discard(self) -> None:
        if self.editor is not None:
            self.editor.discard()
        self.close_form()


class RecordsScreen(FormScreen):
    """The presenter of a window listing the file's records of one kind (Funders' Awards, Populations:
    ``ui.records.RecordsDialog``): its store, and ``after`` (the window told the file changed) once an action,
    its undo or its redo is done."""

    def __init__(self, store, *, perform: Callable[[Action], object] = actions.run_now,
                 after: Callable[[], None] | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.after = after

    @property
    def read_only(self) -> bool:
        return bool(self.store.read_only)

    def _refresh(self) -> None:
        self.data_changed.emit()
        if self.after is not None:
            self.after()
