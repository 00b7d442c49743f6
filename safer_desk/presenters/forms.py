"""A form described by its fields, validated field by field, with dirty tracking and load/save/discard.

One ``FormPresenter`` serves any small editing dialog: give it ``Field`` s and a ``save``
function; ``ui.kit.forms.FormView`` renders it (a label, a widget by kind, the message beside
each field, a button bar that stays in view). Modelled on moneyGuru 2.11 ``core/gui`` panels:
``load`` fills the fields, ``save`` validates and commits, nothing touches the file before.

Slips (a percentage over 100, a date far from the year in view) are asked about once, beside
their field: the first Save shows the question and saves nothing; Save again keeps the figure.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Callable, Mapping, Sequence

from safer_desk.domain.checks import (NumberError, Slip, date_slip, future_slip, parse_number, parse_percentage,
                                     percentage_slip)
from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.frozen import Frozen
from safer_desk.domain.money import MoneyError, parse_cost, parse_pence
from safer_desk.domain.periods import PeriodError, parse_uk_date
from safer_desk.presenters.events import Event


class FieldKind(LabelledEnum):
    """What a field holds, which decides how it is read and which widget shows it."""

    TEXT = ("text", "Text")
    LONG_TEXT = ("long_text", "Several lines of text")
    MONEY = ("money", "Amount of money")
    COST = ("cost", "Cost: an amount, a range or a minimum")
    DATE = ("date", "Date")
    NUMBER = ("number", "Number")
    PERCENTAGE = ("percentage", "Percentage")
    CHOICE = ("choice", "One of a list")
    EDITABLE_CHOICE = ("editable_choice", "One of a list, or typed")
    CUSTOM = ("custom", "Shown by the screen's own widget")


class Field(Frozen):
    """One field of a form. ``label`` may hold an "&" before its Alt letter.

    Frozen, compared and hashed as the tuple of its fields, as the ``@dataclass(frozen=True)`` it was: written out,
    its methods are compiled into the .pyc, where a dataclass's are compiled each start (issue 16)."""

    __slots__ = ('key', 'label', 'kind', 'required', 'choices', 'placeholder', 'help', 'allow_negative', 'slip_years',
                 'happened', 'refused_words', 'date_doubt')
    __match_args__ = ('key', 'label', 'kind', 'required', 'choices', 'placeholder', 'help', 'allow_negative',
                      'slip_years', 'happened', 'refused_words', 'date_doubt')
    key: str
    label: str
    kind: FieldKind
    required: bool
    choices: tuple[tuple[str, str], ...]  # (stored value, label) for CHOICE / EDITABLE_CHOICE
    placeholder: str
    help: str
    allow_negative: bool
    slip_years: int  # a DATE further than this from the year in view is queried
    happened: str  # a DATE of something done ("a payment"): one after today is queried, naming it
    # A MONEY field's own words for what its parser refuses ("" leaves the parser's): "TBC" in a field that must
    # hold more than £0 cannot be left blank or typed as £0, as the parser's words say
    refused_words: Callable[[str], str] | None
    # A DATE field's own question about a date read ("" when none), asked once in place of the far-year one: a review
    # notified before the statutory duty began says so, not only "more than 10 years from the year in view"
    date_doubt: Callable[[date], str] | None

    def __init__(self, key: str, label: str, kind: FieldKind = FieldKind.TEXT, required: bool = False,
                 choices: tuple[tuple[str, str], ...] = (), placeholder: str = "", help: str = "",
                 allow_negative: bool = False, slip_years: int = 10, happened: str = "",
                 refused_words: Callable[[str], str] | None = None,
                 date_doubt: Callable[[date], str] | None = None) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "required", required)
        object.__setattr__(self, "choices", choices)
        object.__setattr__(self, "placeholder", placeholder)
        object.__setattr__(self, "help", help)
        object.__setattr__(self, "allow_negative", allow_negative)
        object.__setattr__(self, "slip_years", slip_years)
        object.__setattr__(self, "happened", happened)
        object.__setattr__(self, "refused_words", refused_words)
        object.__setattr__(self, "date_doubt", date_doubt)

    @property
    def plain_label(self) -> str:
        return self.label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def correct_marked(marked: Mapping[str, Any]) -> str:
    """The form's word when fields are refused: "the field marked" for one, "the fields marked" for more."""
    return f"Not saved: correct the field{'' if len(marked) == 1 else 's'} marked."


QUERIED = "Not saved yet: check the figures queried below, then Save again to keep them."


class FormError(ValueError):
    """Raised by a form's ``save`` function: problems tied to fields (``by_field``) and/or one for the form."""

    def __init__(self, by_field: Mapping[str, str] | None = None, message: str = ""):
        self.by_field = dict(by_field or {})
        self.message = message
        super().__init__(message or "; ".join(f"{k}: {v}" for k, v in self.by_field.items()))


def read_value(field: Field, text: Any, *, today: date) -> tuple[Any, str, Slip | None]:
    """(value, error, slip) for what was typed in a field; the error is "" when the text reads."""
    if field.kind in (FieldKind.CUSTOM,):
        return text, "", None
    s = ("" if text is None else str(text)).strip()
    if not s:
        return None, ("This field is needed." if field.required else ""), None
    try:
        if field.kind == FieldKind.MONEY:
            pence = parse_pence(s)
            if pence < 0 and not field.allow_negative:
                return None, "An amount cannot be negative.", None
            return pence, "", None
        if field.kind == FieldKind.COST:
            return parse_cost(s), "", None
        if field.kind == FieldKind.DATE:
            day = parse_uk_date(s)
            own = field.date_doubt(day) if field.date_doubt is not None else ""
            slip = Slip(own) if own else date_slip(day, around=today, years=field.slip_years)
            return day, "", slip or (future_slip(day, today=today, what=field.happened) if field.happened else None)
        if field.kind == FieldKind.NUMBER:
            value = parse_number(s)
            if value < 0 and not field.allow_negative:
                return None, "A figure here cannot be negative.", None
            return value, "", None
        if field.kind == FieldKind.PERCENTAGE:
            value = parse_percentage(s)
            return value, "", percentage_slip(value)
        if field.kind == FieldKind.CHOICE and field.choices:
            for value, label in field.choices:
                if s.casefold() in (value.casefold(), label.casefold()):
                    return value, "", None
            return None, f"“{s}” is not one of the choices.", None
    except (MoneyError, PeriodError, NumberError) as exc:
        return None, (field.refused_words and field.refused_words(s)) or str(exc), None
    return s, "", None


class FormPresenter:
    """What a form shows and holds: the text of each field as typed, and as it was loaded.

    ``save_fn(values, parsed)`` commits (usually by building an Action and performing it) and
    may raise ``FormError`` for problems it finds; ``check_fn(parsed)`` adds problems that
    need several fields (an end before a start). ``changed`` is emitted on every change of
    state, ``saved`` after a successful save.
    """

    save_words = "Save"  # the form's save button as its words name it (the Projects editor's reads "Save changes")

    def queried_words(self) -> str:
        """``QUERIED`` naming this form's save button."""
        return QUERIED.replace("Save again", f"{self.save_words} again")

    def __init__(self, fields: Sequence[Field], *,
                 save_fn: Callable[[dict[str, Any], dict[str, Any]], Any] | None = None,
                 check_fn: Callable[[dict[str, Any]], Mapping[str, str]] | None = None,
                 today: Callable[[], date] = date.today, title: str = ""):
        self.fields = list(fields)
        self._by_key = {f.key: f for f in self.fields}
        self.save_fn = save_fn
        self.check_fn = check_fn
        self.today = today  # read when used: a form left open overnight checks against the new day
        self.title = title
        self.heading = ""
        self.read_only = False
        self.enabled = True
        self.values: dict[str, Any] = {f.key: "" for f in self.fields}
        self.saved_values: dict[str, Any] = dict(self.values)
        self.errors: dict[str, str] = {}
        self.slips: dict[str, Slip] = {}
        self.form_message = ""
        self._confirmed: dict[str, str] = {}
        self.changed = Event()
        self.saved = Event()

    # -- fields ------------------------------------------------------------------------------------
    def field(self, key: str) -> Field:
        return self._by_key[key]

    def value(self, key: str) -> Any:
        return self.values.get(key, "")

    def load(self, values: Mapping[str, Any], *, title: str | None = None, heading: str | None = None,
             dirty: bool = False) -> None:
        """Show a record: ``values`` become both what is typed and what is saved (``dirty`` for a new record)."""
        self.values = {f.key: values.get(f.key, "") for f in self.fields}
        self.saved_values = {} if dirty else dict(self.values)
        if title is not None:
            self.title = title
        if heading is not None:
            self.heading = heading
        self.errors, self.slips, self.form_message, self._confirmed = {}, {}, "", {}
        self.changed.emit()

    def set_value(self, key: str, value: Any) -> None:
        """What the person typed; clears the message about that field (it is checked again on save)."""
        if self.values.get(key) == value:
            return
        marked = correct_marked(self.errors) if self.errors else None
        self.values[key] = value
        self.errors.pop(key, None)
        self.slips.pop(key, None)
        # The form's word follows the fields still marked: "correct the field marked" stayed over a form whose one
        # field marked was put back (Esc) or typed right, and the officer looked for a field marked not there.
        if marked is not None and self.form_message == marked:
            self.form_message = correct_marked(self.errors) if self.errors else ""
        elif self.form_message == self.queried_words() and not self.slips:
            self.form_message = ""
        self.changed.emit()

    def message(self, key: str) -> str:
        """The message shown beside a field: its problem, or the question about a slip."""
        if key in self.errors:
            return self.errors[key]
        if key in self.slips:
            return f"{self.slips[key].message} {self.save_words} again to keep it."
        return ""

    # -- dirty ----------------------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        if not self.saved_values or self.values.keys() != self.saved_values.keys():
            return self.values != self.saved_values
        return any(self._as_held(k, v) != self._as_held(k, self.saved_values[k]) for k, v in self.values.items())

    def differs_from_saved(self, keys: Sequence[str]) -> bool:
        """Whether any of these fields holds other than what was saved, as the file would hold it."""
        return any(self._as_held(k, self.values.get(k)) != self._as_held(k, self.saved_values.get(k)) for k in keys)

    def _as_held(self, key: str, value: Any) -> Any:
        """A value as the file would hold it: a choice by its stored value (held by its label, picked from the list),
        text by its lines (held with Windows line endings, shown and typed with new lines), so a character typed and
        taken back leaves the record as it was."""
        field = self._by_key.get(key)
        if field is None or not isinstance(value, str):
            return value
        if field.kind in (FieldKind.CHOICE, FieldKind.EDITABLE_CHOICE):
            return next((v for v, label in field.choices if value.casefold() in (v.casefold(), label.casefold())),
                        value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if field.kind == FieldKind.LONG_TEXT else value

    def dirty_fields(self) -> list[str]:
        """The labels of the fields that differ from the file (all of them for a new record)."""
        if not self.saved_values:
            return [f.plain_label for f in self.fields if self.values.get(f.key) not in ("", None, (), [])]
        return [f.plain_label for f in self.fields
                if self._as_held(f.key, self.values.get(f.key)) != self._as_held(f.key, self.saved_values.get(f.key))]

    def describe_unsaved(self) -> str:
        changed = self.dirty_fields()
        what = self.title or "This record"
        if not self.saved_values:
            return f"{what} is new and has not been saved."
        return f"{what} has unsaved changes to {', '.join(changed) or 'its fields'}."

    # -- validate and save ----------------------------------------------------------------------------
    def validate(self) -> dict[str, Any] | None:
        """Read every field; the parsed values, or None with ``errors`` set beside the fields."""
        today = self.today()
        parsed: dict[str, Any] = {}
        errors: dict[str, str] = {}
        slips: dict[str, Slip] = {}
        for f in self.fields:
            value, error, slip = read_value(f, self.values.get(f.key, ""), today=today)
            held = str(self.values.get(f.key) or "").strip()
            if f.kind == FieldKind.CHOICE and held and not self._typed(f.key) and \
                    (error or held not in {text for choice in f.choices for text in choice}):
                # A value the list does not offer, kept in the file (an older program's, a merge's) and untouched:
                # kept as it is, for the service to judge. Refused, correcting only an amount meant choosing
                # another category first, changing what the person never meant to change; read as the choice it
                # matches in other capitals, it was changed without a word ("independent chair/author" made the
                # capped category).
                value, error = held, ""
            parsed[f.key] = value
            if error:
                errors[f.key] = error
            elif slip is not None and self._typed(f.key):
                slips[f.key] = slip
        if not errors and self.check_fn is not None:
            errors.update(self.check_fn(parsed))
        self.errors, self.slips = errors, slips
        self.form_message = correct_marked(errors) if errors else ""
        self.changed.emit()
        return None if errors else parsed

    def _typed(self, key: str) -> bool:
        """Only what was typed now is queried: a figure already in the file was asked about when it was typed."""
        return not self.saved_values or self.values.get(key) != self.saved_values.get(key)

    def save(self) -> bool:
        """Validate and commit; False (with messages beside the fields) when nothing was saved."""
        if self.read_only or not self.enabled:
            return False
        parsed = self.validate()
        if parsed is None:
            return False
        unconfirmed = {k: s for k, s in self.slips.items() if self._confirmed.get(k) != str(self.values.get(k))}
        if unconfirmed:
            for key in unconfirmed:
                self._confirmed[key] = str(self.values.get(key))
            self.form_message = self.queried_words()
            self.changed.emit()
            return False
        try:
            if self.save_fn is not None:
                self.save_fn(dict(self.values), parsed)
        except FormError as exc:
            self.errors = dict(exc.by_field)
            self.form_message = exc.message or correct_marked(self.errors)
            self.changed.emit()
            return False
        except ValueError as exc:
            self.form_message = f"Not saved: {exc}"
            self.changed.emit()
            return False
        self.mark_saved()
        self.saved.emit()
        return True

    def mark_saved(self) -> None:
        """What is typed is now what the file holds."""
        self.saved_values = dict(self.values)
        self.errors, self.slips, self.form_message, self._confirmed = {}, {}, "", {}
        self.changed.emit()

    def lists_changes(self) -> bool:
        """Whether ``describe_unsaved`` names the changes ("… has unsaved changes to Amount."), which the question
        of Revert then calls "them"; a form saying only that it "has not been saved" is asked of what is typed."""
        return bool(self.saved_values)

    def discard_asked(self, confirm: Callable[[str], bool]) -> bool:
        """Revert: what is typed goes once ``confirm`` agrees, told what is lost, as Discard Typed asks
        (ScreenPresenter.discard_asked): it is no undo step, nothing having been saved. True when nothing typed is
        left (put back, or there was none), False when the answer kept it."""
        if self.is_dirty and not confirm(discard_question(self.describe_unsaved(), new=not self.lists_changes())):
            return False
        self.discard()
        return True

    def discard(self) -> None:
        """Throw away what was typed: back to the record as loaded."""
        if self.saved_values:
            self.values = dict(self.saved_values)
        else:
            self.values = {f.key: "" for f in self.fields}
        self.errors, self.slips, self.form_message, self._confirmed = {}, {}, "", {}
        self.changed.emit()


def discard_question(described: str, *, new: bool = False) -> str:
    """What Revert and Discard Typed ask: what is unsaved, and that Edit > Undo cannot bring it back."""
    if new:
        return f"{described} Discard what is typed? Edit > Undo cannot bring it back."
    return f"{described} Discard them? Edit > Undo cannot bring them back."


def decimal_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"
