"""`safer-desk budget` and the board report's budgets section, on the example file (seeds 002 and 004)."""

import csv
import io

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.report import build_report
from safer_desk.services.report_sections.budgets import board_report_sections


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_budget_prints_the_mtfp_with_its_flag(demo_path, capsys):
    code, out, err = run(capsys, "budget", demo_path, demo.MTFP)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["plan", "section", "line", "year", "amount", "status", "per_district"]
    body = [r[1:6] for r in rows[1:]]
    assert all(r[0] == demo.MTFP for r in rows[1:])
    expenditure = [r[4] for r in body if r[1] == "Total Expenditure" and r[4] == "total"]
    assert [r[3] for r in body if r[1] == "Total Expenditure" and r[4] == "total"] == [
        "924500", "845300", "834200", "834200"] and len(expenditure) == 4
    assert [r[3] for r in body if r[1] == "Community Safety Base Budget" and r[4] == "stated"] == [
        "883400", "641400", "652000", "648000"]
    assert ["Drugs and alcohol", "Drugs and alcohol subtotal", "2012/13", "212100", "total"] in body
    assert ["Drugs and alcohol", "Drugs and alcohol subtotal", "2012/13", "97200", "stated-differs"] in body
    assert ["Community Safety", "Employees", "2011/12", "327800", "amount"] in body
    assert err.startswith("safer-desk: warning: ") and "£97,200" in err and "£212,100" in err


def test_budget_of_every_plan_and_the_tbc_cells(demo_path, capsys):
    code, out, _ = run(capsys, "budget", demo_path)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["plan"] for r in rows} == {demo.MTFP, demo.REVENUE, demo.UNIT_COSTS, demo.IMPLICATIONS}
    dhr = {r["year"]: (r["amount"], r["status"]) for r in rows
           if r["plan"] == demo.IMPLICATIONS and r["line"] == "Domestic Homicide Reviews (DHRs)"}
    assert dhr == {"2017/18": ("7525.58", "amount"), "2018/19": ("", "tbc"), "2019/20": ("", "nk")}
    unit = [r for r in rows if r["plan"] == demo.UNIT_COSTS]
    assert {r["year"] for r in unit} == {"2010/11"} and len(unit) == 3


def test_budget_errors(demo_path, tmp_path, capsys):
    code, out, err = run(capsys, "budget", demo_path, "Nope")
    assert code == 1 and out == "" and demo.MTFP in err
    code, _, err = run(capsys, "budget", tmp_path / "none.sqlite")
    assert code == 1 and "no file" in err


def test_report_shows_each_plan_in_the_papers_shape(demo_store):
    from safer_desk.services.report import report_areas

    # The example office is Suffolk's: East Sussex's plans are in East Sussex's report (issue 13's office scope).
    [sussex] = board_report_sections(demo_store, areas=report_areas(demo_store, "East Sussex", None))
    [section] = board_report_sections(demo_store)
    assert section.title == sussex.title == "Budgets and plans" and "1 printed figure" not in section.paragraphs[0]
    assert [t.title for t in section.tables] == [demo.IMPLICATIONS]
    tables = {t.title: t for t in section.tables + sussex.tables}
    mtfp = tables[demo.MTFP]
    assert mtfp.header == ["", "2011/12", "2012/13", "2013/14", "2014/15"]
    printed = next(r for r in mtfp.rows if r[0] == "Drugs and alcohol subtotal (as printed)")
    assert printed[1:] == ["£316,900", "£97,200 ⚠", "£61,500", "£33,000"]
    worked = next(r for r in mtfp.rows if r[0] == "Drugs and alcohol subtotal (worked out)")
    assert worked[2] == "£212,100 ⚠"  # both figures are marked: they disagree
    assert "⚠ Drugs and alcohol subtotal, 2012/13: the paper states £97,200" in mtfp.note
    revenue = tables[demo.REVENUE]
    assert revenue.header[:4] == ["", "2010/11 Budget", "Annual change %", "2011/12 Budget"]
    gross = next(r for r in revenue.rows if r[0].startswith("C = A+B Gross budget (worked out)"))
    assert gross[1:] == ["1,460", "(17.7)", "1,201", "(38.6)", "738", "(3.3)", "714", "(0.6)", "710"]
    a = next(r for r in revenue.rows if r[0].strip() == "A Budget Net")
    assert a[2:4] == ["0.7", "884 ⚠"]  # the paper prints (0.7): a rise, flagged
    implications = tables[demo.IMPLICATIONS]
    assert implications.header == ["", "2017/18", "2018/19", "2019/20", "Total"]
    net = next(r for r in implications.rows if r[0] == "Net Effect")
    assert net[1:] == ["£12,525.58", "£9,000.00 + TBC", "N/K", "£21,525.58 + TBC + N/K"]  # pence throughout (s73)
    actual = next(r for r in implications.rows if "actual: Review WSCSP-DHR-2017-01" in r[0])
    assert actual[1] == "£7,525.58"


def test_report_for_a_year_shows_the_plans_of_that_year(demo_store):
    east_sussex = build_report(demo_store, year="2011/12", area="East Sussex")
    budgets = next(s for s in east_sussex.sections if s.title == "Budgets and plans")
    assert {t.title for t in budgets.tables} == {demo.MTFP, demo.REVENUE}
    later = board_report_sections(demo_store, year=FinancialYear(2017))[0]
    assert [t.title for t in later.tables] == [demo.IMPLICATIONS]
    assert board_report_sections(demo_store, year=FinancialYear(2001)) == []


def test_a_plan_named_as_it_can_be_typed(demo_path, capsys):
    """The papers' titles have en dashes and curly quotes no keyboard gives: a hyphen, straight quotes, any case
    and spacing find the same plan."""
    typed = demo.MTFP.replace("\u2013", "-").upper().replace(" - ", "  -  ")
    assert typed != demo.MTFP
    code, out, err = run(capsys, "budget", demo_path, typed)
    assert code == 0, err
    assert {r["plan"] for r in csv.DictReader(io.StringIO(out))} == {demo.MTFP}


def test_typed_name_key():
    from safer_desk.domain.text import typed_name_key

    assert typed_name_key("MTFP 2011/12 \u2013 2014/15") == typed_name_key("mtfp  2011/12 - 2014/15")
    assert typed_name_key("\u201cSafe from Harm\u201d users\u2019 views") == typed_name_key('"safe from harm" users\' views')
    assert typed_name_key("MTFP 2011/12") != typed_name_key("MTFP 2011/13")
    # Spaces round a dash are the typist's, not the name's: "2017/18-2019/20" is the paper's "2017/18 – 2019/20".
    assert typed_name_key("Plan 2017/18-2019/20") == typed_name_key("Plan 2017/18 \u2013 2019/20")
    assert typed_name_key("Mid Suffolk -Babergh") == typed_name_key("Mid Suffolk - Babergh")
    assert typed_name_key("Mid Suffolk Babergh") != typed_name_key("Mid Suffolk - Babergh")
