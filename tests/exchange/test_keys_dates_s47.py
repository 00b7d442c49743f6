"""Session 47: File > Signing Keys… says its dates as the rest of the program does.

The register read "Accepted 2026-12-04" and "withdrawn 2026-12-04": the first ten characters of the UTC time stored,
which is the day before on the officer's clock just after midnight in summer. It now reads "04/12/2026" on the
computer's own clock, and "Active" / "Withdrawn 04/12/2026"."""

import re
from datetime import datetime, timezone

from PySide6.QtCore import Qt

from safer_desk.presenters.formats import local_day_text
from tests.exchange.helpers import officer_keys
from tests.exchange.test_ui_exchange import district_exports  # noqa: F401 (the fixture)


def _shown(dialog, heading: str) -> str:
    model = dialog.proxy
    col = next(c for c in range(model.columnCount())
               if model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == heading)
    return model.index(0, col).data()


def test_the_register_says_its_days_in_british_form(window, qtbot, prompts, tmp_path, district_exports):  # noqa: F811
    from safer_desk.services.county import merge_district_files
    from safer_desk.ui.exchange.menu import open_keys_dialog

    assert window.open_path(tmp_path / "county.sqlite")
    merge_district_files(window.session.store, [district_exports[0]], accept_keys=officer_keys())
    dialog = open_keys_dialog(window)
    today = datetime.now().strftime("%d/%m/%Y")
    assert _shown(dialog, "Accepted") == today
    assert _shown(dialog, "Status") == "Active"
    dialog.view.setCurrentIndex(dialog.proxy.index(0, 0))
    dialog.reason_edit.setText("laptop lost")
    prompts.answers.append(True)
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert _shown(dialog, "Status") == f"Withdrawn {today}"
    assert not re.search(r"\d{4}-\d\d-\d\d", " ".join(
        str(dialog.proxy.index(0, c).data() or "") for c in range(dialog.proxy.columnCount())))
    dialog.close()


def test_a_utc_time_is_said_as_the_day_on_the_computers_clock():
    from datetime import timedelta

    summer = timezone(timedelta(hours=1))  # BST
    assert local_day_text("2026-07-01T23:30:00Z", summer) == "02/07/2026"
    assert local_day_text("2026-07-01T23:30:00+00:00", timezone.utc) == "01/07/2026"
    assert local_day_text("", summer) == "" and local_day_text(None, summer) == ""
    assert local_day_text("not a time", summer) == "not a time"
