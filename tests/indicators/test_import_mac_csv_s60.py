"""A figures sheet saved on a Mac (session 60). Excel for Mac's "CSV (Macintosh)" writes Mac Roman, which Safer Desk
read as Windows-1252 without a word: "Café closed – Women’s Aid" in a comment came in as "CafŽ closed Ð WomenÕs
Aid". Every byte is a character in both (and "£" is the same byte in both), so which a file is cannot be told for
sure; but Windows text in an English sheet hardly ever holds "Ž" or "™" beside a letter, or "Õ" between two, as
a Mac's é, ô and ’ read. The preview says so, quoting the text as read, and says how to save it."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear

SHEET = ("indicator,area,period,value,comment\n"
         "Burglary,Babergh,2025-01,12,\n"
         "Burglary,Babergh,2025-02,14,Café closed – Women’s Aid\n")


def _write(tmp_path, encoding: str, text: str = SHEET):
    path = tmp_path / "figures.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_mac_sheet_read_as_windows_text_is_said_quoting_the_text_as_read(demo_store, tmp_path):
    from safer_desk.services.indicators_import import preview_values

    preview = preview_values(demo_store, _write(tmp_path, "mac_roman"), today=FinancialYear(2025).last_day)
    assert len(preview.good) == 2
    note = preview.text_doubt
    assert "“CafŽ” (line 3)" in note and "CSV (Macintosh)" in note and "CSV UTF-8" in note, note
    assert note in preview.report()


def test_a_windows_sheet_with_pounds_accents_and_quotes_is_not_doubted(demo_store, tmp_path):
    from safer_desk.services.indicators_import import preview_values

    sheet = SHEET.replace("Café closed", "£1,200 spent at Ynys Môn’s café, “pilot”")
    for encoding in ("cp1252", "utf-8", "utf-8-sig"):
        preview = preview_values(demo_store, _write(tmp_path, encoding, sheet), today=FinancialYear(2025).last_day)
        assert preview.text_doubt == "", encoding


def test_the_import_window_says_the_doubt_in_its_summary(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(_write(tmp_path, "mac_roman"))
    assert "“CafŽ” (line 3)" in dialog.summary.text(), dialog.summary.text()
    dialog.close()


def test_a_mac_sheet_windows_1252_cannot_read_is_refused_saying_what_saves_it_so(demo_store, tmp_path):
    """Mac Roman's è and ç are bytes Windows-1252 has no letter for: the file is refused (it was "neither UTF-8 nor
    Windows-1252", not saying which of Excel's ways of saving writes such a file)."""
    import pytest

    from safer_desk.services.indicators_import import preview_values

    path = _write(tmp_path, "mac_roman", SHEET.replace("Café", "Crèche"))
    with pytest.raises(ValueError, match="neither UTF-8 nor Windows-1252") as caught:
        preview_values(demo_store, path)
    assert "CSV (Macintosh)" in str(caught.value) and "CSV UTF-8" in str(caught.value)
