"""Example budgets and plans for the demo file: the money tables of seeds 002 and 004, cell by cell.

Seed 004 (East Sussex Community Safety Portfolio Plan 2012/13 – 2014/15):
- Appendix 1, the Medium Term Financial Plan, exactly as printed, including its 2012/13 subtotal of
  the four drugs-and-alcohol lines, printed £97,200 where the lines add to £212,100 (kept and flagged);
- the Data Tables' revenue budget in £'000 with its annual changes (the first, printed (0.7), is an
  increase: 878 to 884 is +0.7%, so it is flagged too);
- the Data Tables' unit costs of the jointly commissioned services.

Seed 002 §6 (Western Suffolk CSP, financial implications): the DHR, target-hardening and E-CINS lines
with their TBC and N/K cells and per-district splits.

Nothing here is invented: every figure is the paper's. The links from lines to the example review and
pooled fund are the example office's own choice (they hold no figures of their own).
"""

from __future__ import annotations

from safer_desk.services import budgets as service
from safer_desk.storage.store import Store

ESCC_PAPER = "Community Safety Portfolio Plan 2012/13 – 2014/15, East Sussex County Council (seed 004)"
WSCSP_PAPER = "Review of Western Suffolk CSP, Overview and Scrutiny, 20 September 2018, §6 (seed 002)"

MTFP = "East Sussex Community Safety MTFP 2011/12 – 2014/15"
MTFP_YEARS = ("2011/12", "2012/13", "2013/14", "2014/15")
# (section, kind, sign, subtotal label, stated subtotals, lines)
MTFP_SECTIONS = (
    ("Community Safety", "expenditure", 1, "Total Expenditure", ("924,500", "845,300", "834,200", "834,200"), (
        ("Employees", ("327,800", "384,300", "393,200", "393,200")),
        ("Transport", ("5,000", "5,000", "5,000", "5,000")),
        ("Supplies and Services", ("35,800", "21,300", "21,300", "21,300")),
        ("Third Party Payments", ("527,000", "406,000", "386,000", "386,000")),
        ("Support Services", ("28,900", "28,700", "28,700", "28,700")),
    )),
    ("Income and grants", "income", -1, "", None, (
        ("LAA Reward Grant", ("20,000", "25,000", "25,000", "0")),
        ("Underspend Brought Forward", ("21,100", "125,500", "0", "0")),
    )),
    ("Savings", "savings", -1, "", None, (
        ("Savings to be identified", ("0", "53,400", "157,200", "186,200")),
    )),
    # Printed after the base budget with an unlabelled subtotal row; outside the base budget.
    ("Drugs and alcohol", "other", 0, "Drugs and alcohol subtotal",
     ("316,900", "97,200", "61,500", "33,000"), (
        ("Drugs Intervention Programme", ("124,900", "114,900", "0", "0")),
        ("MARAC Support", ("15,000", "0", "0", "0")),
        ("DAAT – Pooled Treatment", ("144,000", "64,200", "28,500", "0")),
        ("DAAT – Other Local Authorities", ("33,000", "33,000", "33,000", "33,000")),
    )),
)
MTFP_BASE_BUDGET = ("883,400", "641,400", "652,000", "648,000")

REVENUE = "East Sussex Community Safety revenue budget 2010/11 – 2014/15 (£'000)"
REVENUE_YEARS = ("2010/11", "2011/12", "2012/13", "2013/14", "2014/15")
# (line, amounts in £'000, annual change into each year as printed)
REVENUE_LINES = (
    ("A Budget Net", ("878", "884", "641", "652", "648"), ("", "(0.7)", "(27.5)", "1.7", "(0.6)")),
    ("B Income or specific grant", ("582", "317", "97", "62", "62"), ("", "(45.5)", "(69.4)", "(36.1)", "-")),
)
REVENUE_GROSS = (("1,460", ""), ("1,201", "(17.7)"), ("738", "(38.6)"), ("714", "(3.3)"), ("710", "(0.6)"))

UNIT_COSTS = "East Sussex jointly commissioned services: unit costs"
UNIT_COST_COLUMNS = (("East Sussex 2009/10", "2009/10"), ("Benchmark 2009/10", ""), ("East Sussex 2010/11", "2010/11"))
UNIT_COST_LINES = (
    ("Independent Domestic Violence Advisor Service", "193,000", ""),
    ("Support Service for high risk victims of anti-social behaviour and hate crime", "34,000",
     "Printed in the unheaded column after East Sussex 2010/11."),
    ("Sexual Assault Referral Centre (Pan-Sussex)", "66,000", ""),
)

IMPLICATIONS = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
IMPLICATION_YEARS = ("2017/18", "2018/19", "2019/20")
IMPLICATION_LINES = (
    ("Domestic Homicide Reviews (DHRs)",
     (("£7525.58", "Cost to be reimbursed from WSCSP key statutory partners"), ("TBC", ""), ("N/K", ""))),
    ("Target Hardening for High Risk DV Victims", (("£0", ""), ("£4,000 (£2,000 per District)", ""), ("N/K", ""))),
    ("E-CINS/Athena Partnership Platform",
     (("£5,000 (£2,500 per District)", ""), ("£5,000 (£2,500 per District)", ""), ("N/K", ""))),
)


def add_examples(store: Store) -> None:
    """Add the seed papers' plans to a fresh demo file (after the costs examples, which they link to)."""
    with store.transaction():
        _add_mtfp(store)
        _add_revenue_budget(store)
        _add_unit_costs(store)
        _add_implications(store)


def _add_mtfp(store: Store) -> None:
    plan = service.create_plan(
        store, MTFP, columns=MTFP_YEARS, owner="East Sussex Safer Communities Team", source=f"{ESCC_PAPER}, Appendix 1", area_id="East Sussex",
        total_label="Community Safety Base Budget",
        notes="Funding for some of the community programmes will be transferred to the Police and Crime "
              "Commissioner in 2013/14.")
    for name, kind, sign, label, stated, lines in MTFP_SECTIONS:
        note = ("Printed after the base budget, outside it, with a subtotal row that has no label."
                if kind == "other" else "")
        section = service.add_section(store, plan, name, kind=kind, sign=sign, total_label=label, notes=note)
        for line_label, amounts in lines:
            line = service.add_line(store, section, line_label)
            for year, amount in zip(MTFP_YEARS, amounts):
                service.set_cell(store, line, year, amount)
        if stated:
            for year, amount in zip(MTFP_YEARS, stated):
                service.set_stated_total(store, plan, year, amount, section_id=section)
    for year, amount in zip(MTFP_YEARS, MTFP_BASE_BUDGET):
        service.set_stated_total(store, plan, year, amount)


def _add_revenue_budget(store: Store) -> None:
    plan = service.create_plan(
        store, REVENUE, columns=[(f"{y} Budget", y) for y in REVENUE_YEARS], unit="thousand",
        owner="East Sussex Safer Communities Team", source=f"{ESCC_PAPER}, Data Tables 1.11", area_id="East Sussex",
        total_label="C = A+B Gross budget", show_changes=True,
        notes="In £'000. The 2012/13 to 2014/15 net budget matches the MTFP's base budget to the nearest £1,000; "
              "B in 2014/15 (62) does not match the MTFP's drugs-and-alcohol lines (33,000).")
    section = service.add_section(store, plan, "Revenue", kind="budget", sign=1, show_subtotal=False)
    for label, amounts, changes in REVENUE_LINES:
        line = service.add_line(store, section, label)
        for year, amount, change in zip(REVENUE_YEARS, amounts, changes):
            service.set_cell(store, line, year, amount, stated_change=change)
    for year, (amount, change) in zip(REVENUE_YEARS, REVENUE_GROSS):
        service.set_stated_total(store, plan, year, amount, stated_change=change)


def _add_unit_costs(store: Store) -> None:
    plan = service.create_plan(
        store, UNIT_COSTS, columns=UNIT_COST_COLUMNS, owner="East Sussex Safer Communities Partnership", area_id="East Sussex",
        source=f"{ESCC_PAPER}, Data Tables 1.11 (cost drivers)", total_label="Total",
        notes="The paper lists the three jointly commissioned services in one cell and prints 193,000 and "
              "66,000 under East Sussex 2010/11 and 34,000 in the unheaded column beside it; they are held "
              "here in the order printed.")
    section = service.add_section(store, plan, "Jointly commissioned by the East Sussex Safer Communities "
                                               "Partnership", kind="other", sign=0, show_subtotal=False)
    for label, amount, note in UNIT_COST_LINES:
        line = service.add_line(store, section, label)
        service.set_cell(store, line, "East Sussex 2010/11", amount, note=note)


def _add_implications(store: Store) -> None:
    plan = service.create_plan(
        store, IMPLICATIONS, columns=IMPLICATION_YEARS, owner="Western Suffolk CSP", source=WSCSP_PAPER,
        total_label="Net Effect", show_total_column=True,
        area_id=store.scalar("SELECT id FROM partnerships WHERE name = 'Western Suffolk CSP'"))
    section = service.add_section(store, plan, "Revenue/Capital/Expenditure/Income Item", kind="expenditure",
                                  sign=1, show_subtotal=False)
    lines = {}
    for label, cells in IMPLICATION_LINES:
        line = lines[label] = service.add_line(store, section, label)
        for year, (text, note) in zip(IMPLICATION_YEARS, cells):
            service.set_cell(store, line, year, text, note=note or None)
    review = store.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2017-01'")
    if review:
        service.link_line(store, lines["Domestic Homicide Reviews (DHRs)"], review=review)
    pilot = store.scalar("SELECT id FROM funds WHERE name = 'Suffolk Target Hardening Pilot'")
    if pilot:
        for council in ("Babergh District Council", "Mid Suffolk District Council"):
            service.link_line(store, lines["Target Hardening for High Risk DV Victims"], fund=pilot,
                              measure="contributions", organisation=council)
