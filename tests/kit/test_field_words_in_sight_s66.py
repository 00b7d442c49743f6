"""A field's placeholder is often an instruction ("today if blank", "blank: not said"): it is gone once the field
holds text and cut short where the field is narrow (the register's editor showed "today if bl…" beside Status at
every laptop size). It is the field's tooltip too. A partner field whose label only continues the first's
("Status … since") is named for both to a screen reader: "Status since", and its calendar button "Choose Status
since from a calendar", not "since" alone."""

from datetime import date

from PySide6.QtWidgets import QLineEdit

from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
from safer_desk.ui.kit.dates import DateField
from safer_desk.ui.kit.forms import FormView


def _view(qtbot, fields, **kwargs):
    presenter = FormPresenter(fields, today=lambda: date(2026, 12, 6))
    presenter.load({})
    view = FormView(presenter, **kwargs)
    qtbot.addWidget(view)
    return view


def test_a_placeholder_is_the_fields_tooltip_too(qtbot):
    view = _view(qtbot, [Field("since", "since", FieldKind.DATE, placeholder="today if blank"),
                         Field("note", "Note", placeholder="blank: not said"), Field("plain", "Plain"),
                         Field("when", "When", FieldKind.DATE)])
    assert view.widgets["since"].edit.toolTip() == "today if blank"
    assert view.widgets["note"].toolTip() == "blank: not said"
    assert view.widgets["plain"].toolTip() == ""
    assert view.widgets["when"].edit.toolTip() == ""  # "dd/mm/yyyy" says only the shape a date is typed in


def test_a_partner_continuing_the_first_label_is_named_for_both(qtbot):
    view = _view(qtbot, [Field("status", "Sta&tus", FieldKind.CHOICE, choices=(("proposed", "Proposed"),)),
                         Field("since", "since", FieldKind.DATE, placeholder="today if blank"),
                         Field("start", "&Start date", FieldKind.DATE), Field("end", "End date", FieldKind.DATE),
                         Field("capital", "Capital", FieldKind.MONEY), Field("revenue", "Revenue", FieldKind.MONEY)],
                 pairs={"status": "since", "start": "end", "capital": "revenue"})
    since = view.widgets["since"]
    assert isinstance(since, DateField)
    assert since.edit.accessibleName() == "Status since"
    assert since.button.accessibleName() == "Choose Status since from a calendar"
    assert view.widgets["end"].edit.accessibleName() == "End date"  # a label of its own keeps its own name
    revenue = view.widgets["revenue"]
    assert isinstance(revenue, QLineEdit) and revenue.accessibleName() == "Revenue"
