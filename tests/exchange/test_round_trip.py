"""Done when: the example file exported and merged into an empty county file gives the same figures in every
tab; merging again changes nothing; two districts merge side by side. Through the command line, as the
county team scripts it."""

from __future__ import annotations

import pytest

from safer_desk.exchange.county_merge import REFERENCE_TABLES
from safer_desk.exchange.county_schema import content_checksum, data_tables, row_counts
from safer_desk.storage.schema import costs as costs_schema
from safer_desk.storage.store import open_store
from tests.exchange.helpers import accept_key_args, cli_output, copy_file, reidentify


def tab_commands(path) -> list[list[str]]:
    """The tabs' read-only commands that exist in this build (they land one by one), with their arguments."""
    from safer_desk.cli import build_parser

    _, subparsers = build_parser()
    available = subparsers.choices
    commands = [[name, str(path)] for name in ("projects", "dhr-ledger", "indicators") if name in available]
    if "fund" in available:
        store = open_store(path, read_only=True)
        try:
            funds = [r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'funds'")]
            names = [r[0] for r in store.rows("SELECT name FROM funds ORDER BY name")] if funds else []
        finally:
            store.close()
        commands += [["fund", str(path), name] for name in names]
    return commands


def figures(path) -> dict[str, str]:
    """What every tab's command prints for a file (the same figures the tabs show); a county file's last column
    merged_from (the office each row came from, not a figure: round 37), or a fund's last row of it (s68), left out,
    once checked to name one."""
    printed = {}
    for argv in tab_commands(path):
        code, out, err = cli_output(argv)
        assert code == 0, f"{argv}: {err}"
        printed[" ".join(argv[:1] + argv[2:])] = _without_merged_from(out)
    return printed


def _without_merged_from(out: str) -> str:
    import csv
    import io

    from safer_desk.exchange.files import csv_text

    header, *rows = list(csv.reader(io.StringIO(out))) or [[]]
    if header == ["name", "value"] and rows and rows[-1][0] == "merged_from":  # a fund's figures: a last row (s68)
        assert rows[-1][1]
        return csv_text(header, rows[:-1])
    if header[-1:] != ["merged_from"]:
        return out
    assert all(row[-1] for row in rows)  # every row merged says where it came from
    return csv_text(header[:-1], [row[:-1] for row in rows])


def ids(path, table) -> set:
    store = open_store(path, read_only=True)
    try:
        from safer_desk.exchange.county_schema import table_info

        info = table_info(store.conn, table)
        return {tuple(r) for r in store.rows(f'SELECT {info.order_by} FROM "{table}"')}
    finally:
        store.close()


def police_figure_ids(path) -> set:
    store = open_store(path, read_only=True)
    try:
        return {tuple(r) for r in store.rows("SELECT id FROM indicator_values WHERE source LIKE 'police.uk%'")}
    finally:
        store.close()


def board_sections(path) -> list:
    """The board report's sections for the office's areas (a county file's own county section left aside)."""
    from safer_desk.services import report_sections

    store = open_store(path, read_only=True)
    try:
        sections = report_sections.all_sections(store)
        assert any(not s.is_empty for s in sections) or not tab_commands(path)
        return [_origins_left_out(s) for s in sections if s.title != "County overview"]
    finally:
        store.close()


def _origins_left_out(section):
    """A section without what a county file's report says of where its rows came from (round 37: not a figure): its
    tables' *Merged from* column, once checked to name an office on every row, and a fund's or a plan's "Merged from
    …"."""
    from dataclasses import replace

    tables = []
    for table in section.tables:
        if table.note and (at := f" {table.note}".rfind(" Merged from ")) >= 0:  # a plan's table ends so (s61)
            table = replace(table, note=table.note[:max(at - 1, 0)])
        if "Merged from" not in table.header:
            tables.append(table)
            continue
        at = table.header.index("Merged from")
        assert all(row[at] for row in table.rows)

        def cut(row: list, at: int = at) -> list:
            return row[:at] + row[at + 1:]

        tables.append(replace(table, header=cut(table.header), rows=[cut(r) for r in table.rows],
                              align=cut(table.align), total_row=table.total_row and cut(table.total_row)))
    paragraphs = [p for p in section.paragraphs if not p.startswith("Merged from ")]
    return replace(section, tables=tables, paragraphs=paragraphs)


def state_of_blank(tmp_path) -> tuple[str, dict[str, int]]:
    blank = tmp_path / "blank.sqlite"
    open_store(blank, create=True).close()
    return state(blank)


def state(path) -> tuple[str, dict[str, int]]:
    store = open_store(path, read_only=True)
    try:
        return content_checksum(store.conn), row_counts(store.conn)
    finally:
        store.close()


def test_example_file_round_trip_gives_the_same_figures_and_merging_again_changes_nothing(demo_path, tmp_path):
    export = tmp_path / "example-export.sqlite"
    code, out, err = cli_output(["export", str(demo_path), str(export), "--include-referrals"])
    assert code == 0, err
    assert "individual referrals: included" in out
    county = tmp_path / "county.sqlite"
    code, out, err = cli_output(["merge", str(county), str(export), *accept_key_args()])
    assert code == 0, err
    # A new county file already holds the rows every new file starts with (settings, catalogues): those
    # are unchanged; everything else is added.
    blank = sum(state_of_blank(tmp_path)[1].values())
    assert f"0 replaced, {blank} unchanged, 0 removed, 0 conflicts" in out, out

    demo_state, county_state = state(demo_path), state(county)
    assert county_state[1] == demo_state[1]  # row counts per table
    assert county_state[0] == demo_state[0]  # the same rows, value for value
    demo_figures = figures(demo_path)
    assert figures(county) == demo_figures
    # Every tab's tables and charts for the board (allocation included, which has no read-only command).
    assert board_sections(county) == board_sections(demo_path)

    code, out, err = cli_output(["merge", str(county), str(export), *accept_key_args()])
    assert code == 0 and "0 added, 0 replaced" in out and "0 removed, 0 conflicts" in out
    assert state(county) == county_state
    assert figures(county) == demo_figures


def _scalar(path, sql: str):
    store = open_store(path, read_only=True)
    try:
        return store.scalar(sql)
    finally:
        store.close()


def test_default_export_round_trip_keeps_everything_but_the_individual_referrals(demo_path, tmp_path):
    export, county = tmp_path / "example-export.sqlite", tmp_path / "county.sqlite"
    assert cli_output(["export", str(demo_path), str(export)])[0] == 0
    assert cli_output(["merge", str(county), str(export), *accept_key_args()])[0] == 0
    demo_counts, county_counts = state(demo_path)[1], state(county)[1]
    private = set(costs_schema.PRIVATE_TABLES)
    summary = costs_schema.FUND_SUMMARY_TABLE
    # The example's marks of the referrals (a row naming each) go with the referrals (round 32).
    referral_marks = _scalar(demo_path, "SELECT count(*) FROM illustrative_marks WHERE table_name = 'fund_referrals'")
    assert referral_marks
    for table, n in demo_counts.items():
        if table in private:
            assert county_counts[table] == 0, table
        elif table == "illustrative_marks":
            assert county_counts[table] == n - referral_marks
        elif table != summary:
            assert county_counts[table] == n, table
    # The totals by district and month give the county the same fund and ledger figures.
    assert figures(county) == figures(demo_path)
    demo_sections, county_sections = board_sections(demo_path), board_sections(county)
    assert [s.title for s in county_sections] == [s.title for s in demo_sections]
    for mine, theirs in zip(county_sections, demo_sections):
        if mine.title.endswith(": burn-down"):
            # Small-number disclosure control (issue 12): the county sees no district or month row describing
            # fewer than three victims, so its per-month and per-district tables are coarser; the totals, the
            # balance, the burn rate and the forecast are the same.
            assert mine.paragraphs == theirs.paragraphs
            assert [t.total_row for t in mine.tables] == [t.total_row for t in theirs.tables]
        else:
            assert mine == theirs


def test_example_file_privacy_default_export_holds_no_referral_and_the_opt_in_does(demo_path, tmp_path):
    private = [t for t in costs_schema.PRIVATE_TABLES if t in state(demo_path)[1]]
    # A privacy test never skips (issue 12): without the victim-level tables there is nothing to protect,
    # and that is a broken build.
    assert private == list(costs_schema.PRIVATE_TABLES), "the victim-level tables are missing from the example file"
    demo = open_store(demo_path, read_only=True)
    try:
        counts = {t: demo.scalar(f'SELECT count(*) FROM "{t}"') for t in private}
        # The pseudonymous references: text found in the private rows and nowhere else in the file.
        references: set[str] = set()
        for t in private:
            cols = [r[1] for r in demo.rows(f'PRAGMA table_info("{t}")') if r[1] in ("reference", "pseudonym")]
            for col in cols:
                references |= {r[0] for r in demo.rows(f'SELECT "{col}" FROM "{t}"') if r[0]}
    finally:
        demo.close()
    assert any(counts.values()), "the example file should have some referrals"
    default, opt_in = tmp_path / "default.sqlite", tmp_path / "opt-in.sqlite"
    assert cli_output(["export", str(demo_path), str(default)])[0] == 0
    assert cli_output(["export", str(demo_path), str(opt_in), "--include-referrals"])[0] == 0
    assert all(state(default)[1][t] == 0 for t in private)
    opt_in_counts = state(opt_in)[1]
    assert all(opt_in_counts[t] == counts[t] for t in private)
    assert state(default)[1][costs_schema.FUND_SUMMARY_TABLE] > 0
    raw = default.read_bytes()
    assert references and not [r for r in references if r.encode() in raw]
    assert all(r.encode() in opt_in.read_bytes() for r in references)


def test_two_example_districts_merge_side_by_side(demo_path, tmp_path):
    second = copy_file(demo_path, tmp_path / "second.sqlite")
    reidentify(second, "Second district office", other_districts=True)
    county = tmp_path / "county.sqlite"
    exports = []
    for path in (demo_path, second):
        out = tmp_path / f"{path.stem}-export.sqlite"
        assert cli_output(["export", str(path), str(out), "--include-referrals"])[0] == 0
        exports.append(out)
    for export in exports:  # one officer signs for both: the key is confirmed with each office, one at a time
        code, out, err = cli_output(["merge", str(county), str(export), *accept_key_args()])
        assert code == 0, err
        assert ", 0 conflicts." in out.splitlines()[0] and "conflict:" not in err
    demo_counts, county_counts, second_counts = state(demo_path)[1], state(county)[1], state(second)[1]
    for table, n in demo_counts.items():
        if table in REFERENCE_TABLES:  # reference data once (plus the second office's own districts)
            assert county_counts[table] == second_counts[table], table
        elif table == "indicator_values":  # police.uk figures once, worked out again from the shared counts
            both = ids(demo_path, table) | (ids(second, table) - police_figure_ids(second))
            assert county_counts[table] == len(both), table
        else:  # each office's rows side by side; rows both have (catalogues, settings) once
            both = ids(demo_path, table) | ids(second, table)
            assert county_counts[table] == len(both), table
            assert county_counts[table] >= n
    store = open_store(county, read_only=True)
    try:
        offices = {r[0] for r in store.rows("SELECT DISTINCT office_name FROM _county_imports")}
        assert offices == {"Example office (seed papers)", "Second district office"}
        assert set(data_tables(store.conn)) == set(demo_counts)
    finally:
        store.close()


def test_export_and_merge_usage_errors(tmp_path, demo_path):
    code, _, err = cli_output(["export", str(tmp_path / "missing.sqlite"), str(tmp_path / "out.sqlite")])
    assert code == 1 and "no file" in err
    code, _, err = cli_output(["export", str(demo_path), str(tmp_path / "out.txt")])
    assert code == 2 and ".sqlite" in err  # a wrong OUT name is a usage error, as for report (DESIGN §4)
    with pytest.raises(SystemExit) as exit_:
        from safer_desk.cli import main

        main(["merge", str(tmp_path / "county.sqlite")])
    assert exit_.value.code == 2


def test_workbook_from_the_command_line(demo_path, tmp_path):
    import openpyxl

    out = tmp_path / "example.xlsx"
    code, printed, err = cli_output(["export", str(demo_path), str(out)])
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Contents" and "Register" in book.sheetnames and "Raw Districts" not in book.sheetnames
    code, printed, err = cli_output(["export", str(demo_path), str(out), "--raw-tables", "--replace"])
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    assert book["Raw Districts"].max_row - 3 == state(demo_path)[1]["districts"]  # title, blank, heading
    code, printed, err = cli_output(["export", str(demo_path), str(tmp_path / "x.sqlite"), "--raw-tables"])
    assert code == 2 and "workbook" in err
