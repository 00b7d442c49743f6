"""Whose file this is, set by a county lead on the command line (s74).

Found by naming a county where a district is asked for, as a county lead setting up the county's file would
("--district Suffolk"): it was refused as "no district called “Suffolk” (did you mean Mid Suffolk?)", offering a
district of the county as the one meant (taken, the office became Mid Suffolk's alone), and "Kent" or "Devon" were
refused with no word that they are counties, named with --county.
"""

from safer_desk.storage.store import open_store
from tests.cli_run import run


def _new_file(tmp_path):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    return path


def test_a_county_named_as_a_district_is_said_to_be_a_county_with_the_option_to_name_it(tmp_path, capsys):
    path = _new_file(tmp_path)
    for county in ("Suffolk", "kent", "Devon", "East  Sussex"):
        code, out, err = run(capsys, "office", path, "--district", county)
        assert code == 1 and not out
        assert "did you mean Mid Suffolk" not in err
        shown = " ".join(county.split()).title()
        assert f"“{' '.join(county.split())}” is a county, not a district" in err, err
        assert f'--county "{shown}"' in err or f"--county {shown}" in err, err
    code, out, err = run(capsys, "office", path, "--district", "Suffolk")
    assert "Babergh, East Suffolk, Ipswich, Mid Suffolk and West Suffolk" in err, err  # its districts, to choose from
    code, out, _ = run(capsys, "office", path)
    assert code == 0 and "Districts named" not in out and "County: not named" in out  # nothing was changed


def _report_text(path) -> str:
    import html
    import re

    text = re.sub(r"<style.*?</style>|<svg.*?</svg>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _month_of_2018(tmp_path):
    """Suffolk's January 2021 street file (2011 LSOA names: Waveney, Suffolk Coastal …) as June 2018's, before East
    and West Suffolk began on 01/04/2019: the test's own copy."""
    from tests.conftest import shared_data

    folder = tmp_path / "police-2018"
    folder.mkdir()
    source = shared_data("police-uk", "suffolk-2021-01", "2021-01-suffolk-street.csv").read_text(encoding="ascii")
    (folder / "2018-06-suffolk-street.csv").write_text(source.replace(",2021-01,", ",2018-06,"), encoding="ascii")
    return folder


def _section(text: str, heading: str) -> str:
    start = text.index(heading, text.index("1. "))  # past the contents
    end = text.find(" Indicators: ", start + len(heading))
    return text[start:end if end > 0 else len(text)]


def test_a_district_reported_for_a_year_before_it_began_says_whose_area_it_was(demo_path, tmp_path, capsys):
    """The example's 2018/19 report had sections "Indicators: East Suffolk" and "Indicators: West Suffolk" with
    June 2018's crimes (931 and 827) and no word that neither district began until 01/04/2019: the board read
    them as the councils' own figures of that year."""
    code, _, err = run(capsys, "import-police", demo_path, _month_of_2018(tmp_path))
    assert code == 0, err
    out = tmp_path / "board.html"
    code, _, err = run(capsys, "report", demo_path, out, "--year", "2018/19")
    assert code == 0, err
    text = _report_text(out)
    east = _section(text, "Indicators: East Suffolk")
    assert "All crime Jun-18 (no figures for Apr-18 to May-18) 931" in east  # 703 + 430 raw rows, less 202 ASB
    assert "East Suffolk began on 01/04/2019: before then its area was Suffolk Coastal and Waveney" in east, east
    west = _section(text, "Indicators: West Suffolk")
    assert "West Suffolk began on 01/04/2019: before then its area was Forest Heath and St Edmundsbury" in west
    babergh = _section(text, "Indicators: Babergh")
    assert "began on" not in babergh  # a district of the year says nothing
    code, _, err = run(capsys, "report", demo_path, tmp_path / "later.html", "--year", "2019/20")
    assert "began on 01/04/2019: before then" not in _report_text(tmp_path / "later.html")  # its first year: nothing


def test_a_new_files_district_named_for_a_year_before_it_began_says_so_from_the_lookup(tmp_path, capsys):
    """A new file's East Suffolk office, its district added from the police.uk lookup (undated): the 2018/19 report
    and `office --year 2018/19` gave East Suffolk as the district of a year before it began, without saying so."""
    path = tmp_path / "east.sqlite"
    code, _, err = run(capsys, "import-police", path, _month_of_2018(tmp_path))
    assert code == 0, err
    code, out, err = run(capsys, "office", path, "--name", "East Suffolk CSP office", "--district", "East Suffolk",
                         "--year", "2018/19")
    assert code == 0 and "Districts 2018/19: East Suffolk" in out
    said = ("East Suffolk began on 01/04/2019: before then its area was that of the districts police.uk's files name "
            "there (Suffolk Coastal and Waveney)")
    assert said in err, err
    code, _, err = run(capsys, "report", path, tmp_path / "east.html", "--year", "2018/19")
    east = _section(_report_text(tmp_path / "east.html"), "Indicators: East Suffolk")
    assert said in east, east
    code, out, err = run(capsys, "office", path, "--year", "2019/20")
    assert "began on" not in err


def test_a_refusal_ending_in_a_sentence_in_brackets_gets_no_second_full_stop(tmp_path, capsys):
    """`office --district Waveney` ended "… with its To and Became East Suffolk.)." : the full stop every refusal
    is given was added after the bracketed sentence's own."""
    code, _, err = run(capsys, "office", _new_file(tmp_path), "--district", "Waveney")
    assert code == 1 and "part of East Suffolk now" in err
    assert err.rstrip().endswith("Became East Suffolk.)"), err


def test_the_indicators_tab_says_a_district_shown_for_a_year_before_it_began(demo_path, tmp_path, capsys):
    """The Indicators tab's East Suffolk, 2018/19 showed June 2018's 931 crimes with "police counts include Suffolk
    Coastal, Waveney" (of any year), never that East Suffolk began only on 01/04/2019: said as the report says it."""
    from datetime import date

    from safer_desk.domain.periods import FinancialYear
    from safer_desk.presenters.indicators import IndicatorsPresenter

    assert run(capsys, "import-police", demo_path, _month_of_2018(tmp_path))[0] == 0
    store = open_store(demo_path)
    try:
        p = IndicatorsPresenter(store, today=lambda: date(2026, 12, 7))
        p.load("district:east-suffolk", FinancialYear.parse("2018/19"))
        assert p.choose_indicator("indicator:all-crime", lambda text: True)
        assert p.view.ytd.value == 931
        assert "East Suffolk began on 01/04/2019: before then its area was Suffolk Coastal and Waveney" in p.details()
        p.load("district:east-suffolk", FinancialYear.parse("2019/20"))
        assert "began on" not in p.details()
    finally:
        store.close()


def test_a_partnership_named_as_a_district_or_a_district_or_county_as_a_partnership_says_which_option(
        demo_path, capsys):
    """`--district "Western Suffolk CSP"` was refused as no district of that name, with no word that it is one of the
    file's partnerships; `--partnership Suffolk` (the county) and `--partnership Babergh` (a district) listed the
    partnerships without saying which option takes the name."""
    code, out, err = run(capsys, "office", demo_path, "--district", "western suffolk csp")
    assert code == 1 and not out
    assert "“western suffolk csp” is a partnership, not a district" in err, err
    assert '--partnership "Western Suffolk CSP"' in err
    code, out, err = run(capsys, "office", demo_path, "--partnership", "Suffolk")
    assert code == 1 and "“Suffolk” is a county, not a partnership" in err and "--county Suffolk" in err, err
    code, out, err = run(capsys, "office", demo_path, "--partnership", "Babergh")
    assert code == 1 and "“Babergh” is a district, not a partnership" in err and "--district Babergh" in err, err
    assert "Partnerships: Safer Suffolk Partnership Board" in run(capsys, "office", demo_path)[1]  # unchanged


def _two_offices_populations(tmp_path, capsys) -> None:
    """county.sqlite, merged from two offices that recorded Exeter's 2019/20 population differently."""
    from safer_desk.services.county import export_for_county
    from tests.exchange.helpers import merge_accepting

    exports = []
    for name, population, source in (("Exeter office", 131000, "ONS mid-2019"),
                                     ("Plymouth office", 133000, "council estimate")):
        path = tmp_path / f"{name.split()[0].lower()}.sqlite"
        open_store(path, create=True, office_name=name).close()
        assert run(capsys, "office", path, "--district", "Exeter")[0] == 0
        assert run(capsys, "population", path, "Exeter", "2019/20", population, "--source", source)[0] == 0
        store = open_store(path)
        try:
            export_for_county(store, tmp_path / f"{path.stem}-export.sqlite")
        finally:
            store.close()
        exports.append(tmp_path / f"{path.stem}-export.sqlite")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Devon county team")
    try:
        merge_accepting(county, exports)
    finally:
        county.close()


def test_populations_says_which_of_two_offices_populations_is_listed_while_they_disagree(tmp_path, capsys):
    """Two offices recorded Exeter's 2019/20 population differently (131,000 ONS; 133,000 a council estimate): the
    county's `safer-desk populations` listed 131,000 alone, never saying that another office sends 133,000 and the
    county's is the one kept until the conflict is decided."""
    _two_offices_populations(tmp_path, capsys)
    code, out, err = run(capsys, "populations", tmp_path / "county.sqlite")
    assert code == 0 and "Exeter,2019/20,131000,ONS mid-2019" in out
    assert "Exeter, 2019/20: 131,000 (ONS mid-2019, from Exeter office) is listed" in err, err
    assert "Plymouth office sends 133,000 (council estimate)" in err and "conflict #1" in err, err
    assert run(capsys, "conflicts", tmp_path / "county.sqlite", "--keep", "district", "--conflict", "1")[0] == 0
    code, out, err = run(capsys, "populations", tmp_path / "county.sqlite")
    assert "Exeter,2019/20,133000,council estimate" in out and not err  # decided: nothing to say


def test_view_populations_says_the_same_of_two_offices_populations(tmp_path, capsys):
    """View > Populations… listed the county's 131,000 for Exeter's 2019/20 with no word of Plymouth office's
    133,000: its summary says it as `safer-desk populations` does, without the command."""
    from safer_desk.presenters.populations import PopulationsPresenter

    _two_offices_populations(tmp_path, capsys)
    store = open_store(tmp_path / "county.sqlite")
    try:
        summary = PopulationsPresenter(store).summary()
    finally:
        store.close()
    assert "Exeter, 2019/20: 131,000 (ONS mid-2019, from Exeter office) is listed, the county's until conflict #1 " \
           "is decided; Plymouth office sends 133,000 (council estimate). Decide it in File > Conflicts…." in summary


def test_the_workbook_says_a_district_shown_for_a_year_before_it_began(demo_path, tmp_path, capsys):
    """The Excel workbook's indicator sheets gave East Suffolk's 2018/19 figures (931 crimes in June 2018) with no word
    that East Suffolk began only on 01/04/2019, where the board report now says it."""
    import openpyxl

    assert run(capsys, "import-police", demo_path, _month_of_2018(tmp_path))[0] == 0
    code, _, err = run(capsys, "export", demo_path, tmp_path / "county.xlsx")
    assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "county.xlsx", read_only=True)
    try:
        for name in ("Indicator summary", "Indicators by month"):
            note = next(book[name].iter_rows(min_row=2, max_row=2, values_only=True))[0] or ""
            assert "2018/19: East Suffolk began on 01/04/2019: before then its area was Suffolk Coastal and Waveney" \
                in note, (name, note)
            assert "2024/25: East Suffolk began" not in note
    finally:
        book.close()


def test_compare_areas_of_a_year_before_a_merger_adds_up_to_the_county(demo_path, tmp_path, capsys):
    """Compare Areas for 2018/19 (June 2018's police.uk file, which names Waveney, Suffolk Coastal, Forest Heath and
    St Edmundsbury) gave those four "No figure recorded" and the districts shown added up to 1,481 against
    Suffolk's 3,239: their 1,758 crimes are counted under East Suffolk and West Suffolk, which were not listed."""
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    assert run(capsys, "import-police", demo_path, _month_of_2018(tmp_path))[0] == 0
    store = open_store(demo_path, read_only=True)
    try:
        p = AreaComparisonPresenter(store)
        p.load("indicator:all-crime", FinancialYear.parse("2018/19"))
        rows = {r.area: r for r in p.rows}
    finally:
        store.close()
    assert rows["Suffolk (derived)"].figure == 3239
    districts = [r for r in p.rows if r.kind == "District"]
    assert sum(r.figure or 0 for r in districts) == 3239, [(r.area, r.figure) for r in districts]
    assert rows["East Suffolk"].figure == 931 and rows["West Suffolk"].figure == 827
    assert rows["Waveney"].figure is None and rows["Waveney"].figure_text == "Counted in East Suffolk's figure"
    assert rows["Forest Heath"].figure_text == "Counted in West Suffolk's figure"
