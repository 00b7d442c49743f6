"""Session 47: the board report is one moment of the file, from the command line as from the window.

The window's worker read every section inside one read transaction, but it opened it in the ui; `safer-desk
report` read each section as the file stood then, so a change another window saved while the report was being
collected could be in some sections and not in others. Now `build_report` itself reads one snapshot."""

from safer_desk.services import report


def _texts(document) -> list:
    return [(s.title, repr(s)) for s in document.sections]


def test_a_change_saved_while_the_report_is_collected_is_in_no_section(demo_path):
    from datetime import date

    from safer_desk.storage.store import open_store

    today = date(2026, 12, 4)
    other = open_store(demo_path)  # a window saving while this report reads
    with other.transaction():  # its first save puts the file in WAL mode, where a reader never blocks a writer
        other.conn.execute("UPDATE projects SET title = title WHERE ref = '2'")
    store = open_store(demo_path, read_only=True)
    try:
        before = report.build_report(store, year="2009/10", today=today)
        saved = []

        def progress(done, total, text):
            if not saved:
                with other.transaction():
                    other.conn.execute("UPDATE projects SET title = 'Renamed while the report was read' "
                                       "WHERE ref = '1'")
                saved.append(text)

        during = report.build_report(store, year="2009/10", today=today, progress=progress)
        assert saved  # the other program did save, part-way through
        assert _texts(during) == _texts(before)
        after = report.build_report(store, year="2009/10", today=today)
        assert "Renamed while the report was read" in repr(after.sections)  # the next report reads it
        assert not store.conn.in_transaction  # nothing left open on the connection
    finally:
        store.close()
        other.close()
