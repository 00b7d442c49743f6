"""S76 (privacy): the board report says, as the export for the county does, when it prints a reference with a word
that may be a surname on its own.

Found on the example file with a review's reference typed as VICTIMSON-DHR-2026 (asked about when it was typed, kept
when the officer went on): `safer-desk export` warned "The export carries 1 reference with a word that may be a
surname (review VICTIMSON-DHR-2026) …", but `safer-desk report` printed it in the PDF's and the web page's review
tables, for a public board, with no word at all (nor File > Board Report…). The report now says it too, naming only
the references it prints (a review outside the year or area chosen is not in it).
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr
from safer_desk.services.report import build_report, report_surname_words
from tests.safety.helpers import run_cli

SURNAME_REFERENCE = "VICTIMSON-DHR-2026"


def named_review(store) -> str:
    case_id = store.scalar("SELECT id FROM dhr_cases ORDER BY reference LIMIT 1")
    dhr.update_case(store, case_id, reference=SURNAME_REFERENCE)
    return case_id


def test_a_report_printing_a_surname_like_reference_says_so(demo_store):
    named_review(demo_store)
    document = build_report(demo_store, today=date(2026, 12, 7))
    words = report_surname_words(demo_store, document)
    assert words == ("The report carries 1 reference with a word that may be a surname (review VICTIMSON-DHR-2026). "
                     "A reference is a code, never a victim's name: if one is a name, change it and write the report "
                     "again.")


def test_a_report_without_such_a_reference_says_nothing(demo_store):
    assert report_surname_words(demo_store, build_report(demo_store, today=date(2026, 12, 7))) == ""


def test_a_reference_the_report_does_not_print_is_not_named(demo_store):
    named_review(demo_store)  # notified in 2014
    document = build_report(demo_store, year="2008/09", today=date(2026, 12, 7))
    shown = "\n".join(str(c) for s in document.sections for t in s.tables for r in t.rows for c in r)
    assert SURNAME_REFERENCE not in shown  # the year chosen is before the review
    assert report_surname_words(demo_store, document) == ""


def test_the_command_warns_after_writing_the_report(demo_path, tmp_path):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        named_review(store)
    finally:
        store.close()
    for name in ("board.html", "board.pdf"):
        done = run_cli(["report", str(demo_path), str(tmp_path / name)], home=tmp_path / "home")
        assert done.returncode == 0, done.stderr
        assert (tmp_path / name).exists()
        assert ("safer-desk: warning: The report carries 1 reference with a word that may be a surname (review "
                "VICTIMSON-DHR-2026)") in done.stderr


def test_board_report_in_the_window_says_it_with_what_it_wrote(demo_window, qtbot, prompts, tmp_path):
    from PySide6.QtCore import Qt

    named_review(demo_window.session.store)
    demo_window.session.notify("")
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    dialog.path_edit.setText(str(tmp_path / "board.html"))
    with qtbot.waitSignal(dialog.written, timeout=60_000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    [(title, said)] = prompts.infos
    assert said.startswith(f"Wrote the board report to {tmp_path / 'board.html'} (a web page).\n\nThe report carries "
                           "1 reference with a word that may be a surname (review VICTIMSON-DHR-2026).")
