"""Two data.police.uk download zips chosen together (File > Import Police Data… takes several files).

Each zip's street files were unpacked into one temporary folder under names numbered within their own zip, so the
second zip's first file overwrote the first zip's: January's 3,688 crimes went uncounted and the summary said
"2025-02/… (in dl-02.zip) is the same file as 2025-01/… (in dl-01.zip): its 3,471 rows were counted once".
"""

from __future__ import annotations

from safer_desk.cli import main
from safer_desk.services.police_import import import_police_files
from tests.conftest import shared_data
from tests.indicators.police_helpers import cli_counts, independent_counts, make_zip, non_zero


def month_zip(tmp_path, month: str):
    path = shared_data("police-uk", "suffolk-2025", f"2025-{month}-suffolk-street.csv")
    return make_zip(tmp_path / f"dl-{month}.zip", {f"2025-{month}/{path.name}": path}), path


def test_two_download_zips_count_every_month(store, tmp_path):
    (first, jan), (second, feb) = month_zip(tmp_path, "01"), month_zip(tmp_path, "02")
    result = import_police_files(store, [first, second])
    assert result.months == ["2025-01", "2025-02"]
    assert result.rows == 3688 + 3471 and result.files == 2
    assert not result.repeated
    assert dict(store.rows("SELECT month, sum(count) FROM _police_counts GROUP BY month")) == {
        "2025-01": 3688, "2025-02": 3471}
    assert {(v.month, v.file_name) for v in result.vintages} == {("2025-01", jan.name), ("2025-02", feb.name)}


def test_two_download_zips_on_the_command_line_match_a_plain_count(tmp_path, capsys):
    (first, jan), (second, feb) = month_zip(tmp_path, "01"), month_zip(tmp_path, "02")
    target = tmp_path / "office.sqlite"
    assert main(["import-police", str(target), str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert "Imported 7,159 rows from 2 files: 2 months (2025-01 to 2025-02)" in out
    assert "same file" not in out
    assert non_zero(cli_counts(capsys, target)) == independent_counts(jan, feb)


def test_the_same_zip_given_twice_is_still_counted_once(store, tmp_path):
    first, _ = month_zip(tmp_path, "01")
    result = import_police_files(store, [first, first])
    assert result.rows == 3688 and result.files == 1
    assert store.scalar("SELECT sum(count) FROM _police_counts") == 3688
    assert any("counted once" in line for line in result.summary_lines())


def test_two_download_zips_chosen_in_the_window(demo_window, prompts, qtbot, tmp_path):
    from safer_desk.ui.indicators.menu import start_import

    (first, _), (second, _) = month_zip(tmp_path, "01"), month_zip(tmp_path, "02")
    store = demo_window.session.store
    start_import(demo_window, [str(first), str(second)])
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    assert not prompts.errors
    assert "Imported 7,159 rows from 2 files: 2 months (2025-01 to 2025-02)" in prompts.infos[-1][1]
    assert dict(store.rows("SELECT month, sum(count) FROM _police_counts WHERE month IN ('2025-01', '2025-02') "
                           "GROUP BY month")) == {"2025-01": 3688, "2025-02": 3471}


def test_the_reader_unpacks_two_zips_without_one_taking_the_others_names(tmp_path):
    # The fix is in the reader (every caller gets it), and stands on the fixtures in tests/ alone.
    from safer_desk.exchange import police_uk
    from tests.indicators.police_helpers import fixture

    jan, feb = (fixture("suffolk-2025", f"2025-{m}-suffolk-street.csv") for m in ("01", "02"))
    first = make_zip(tmp_path / "dl-01.zip", {f"2025-01/{jan.name}": jan})
    second = make_zip(tmp_path / "dl-02.zip", {f"2025-02/{feb.name}": feb})
    with police_uk.street_files_in([first, second]) as found:
        assert [f.name for f in found.street] == [jan.name, feb.name]
        assert len({f.path for f in found.street}) == 2
        assert [f.path.read_bytes() for f in found.street] == [jan.read_bytes(), feb.read_bytes()]
