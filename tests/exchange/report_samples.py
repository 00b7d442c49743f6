"""Board-report sections in the shape of the seed papers, built by hand, to test the renderers before
(and independently of) the tabs' own sections."""

from __future__ import annotations

from safer_desk.services.report import ReportDocument
from safer_desk.services.report_model import ReportChart, ReportSection, ReportSeries, ReportTable

ALLOCATION_ROWS = [  # seed 000, Option 2: fixed, variable, total, last year, variance
    ["Babergh", "28,077", "35,691", "63,768", "70,725", "-6,957"],
    ["Ipswich", "28,077", "115,995", "144,072", "160,607", "-16,535"],
    ["Waveney", "28,077", "70,988", "99,065", "113,832", "-14,767"],
    ["Suffolk Coastal", "28,077", "48,583", "76,660", "86,775", "-10,115"],
    ["West", "84,231", "121,812", "206,043", "223,181", "-17,138"],
]


def sample_sections() -> list[ReportSection]:
    projects = ReportSection(
        "Commissioning options",
        paragraphs=["The board has £65,512 retained to commission. Each delivery partnership may bid for "
                    "£145,034.60 of Performance Reward Grant."],
        tables=[ReportTable(
            "Projects against the board's criteria",
            ["Project", "Cost", "LAA outcome", "CSP priority", "Cross-cutting", "Additional", "Innovative"],
            [["ELEV8", "£101,500", "Yes", "Yes", "Yes", "? (unknown)", "Yes"],
             ["Recre8", "£26,000", "Yes", "Yes (for Ipswich only)", "No", "Yes", "No"],
             ["Young offenders' accommodation", "£35,000 – £105,000", "Yes", "Yes (in some areas)", "Yes", "Yes",
              "Yes"]],
            align=["l", "r", "c", "c", "c", "c", "c"],
            note="A value with a qualifier is shown with it in brackets, as in the paper.")])
    allocation = ReportSection(
        "Allocation 2009/10 (Option 2)",
        paragraphs=["Fixed fee: one third of the pot equally per district; variable fee by share of BCS "
                    "comparator offences 2007-08."],
        tables=[ReportTable("Allocation with variance against last year",
                            ["Partnership", "Fixed (£)", "Variable (£)", "Total (£)", "Last year (£)", "Variance (£)"],
                            ALLOCATION_ROWS, align=["l", "r", "r", "r", "r", "r"],
                            total_row=["Total", "196,539", "393,069", "589,608", "655,120", "-65,512"])],
        charts=[ReportChart("Allocation against last year", [r[0] for r in ALLOCATION_ROWS],
                            [ReportSeries("2009/10", [float(r[3].replace(",", "")) for r in ALLOCATION_ROWS], "bar"),
                             ReportSeries("2008/09", [float(r[4].replace(",", "")) for r in ALLOCATION_ROWS], "bar")],
                            y_label="£")])
    spend = [2417.0, 3150.0, 4020.0, 4890.0, None, None]
    costs = ReportSection(
        "DHR cost recovery and target hardening",
        tables=[ReportTable("Mid Suffolk review: £7,525.58 shared by 11 statutory partners",
                            ["Partner", "Share", "Invoiced", "Paid", "Outstanding"],
                            [["Babergh District Council", "£684.15", "£684.15", "£684.15", "£0.00"],
                             ["National Probation Service", "£684.14", "£684.14", "refused", "£684.14"]],
                            align=["l", "r", "r", "r", "r"])],
        charts=[ReportChart("Target-hardening fund: balance and forecast",
                            ["Apr-18", "May-18", "Jun-18", "Jul-18", "Aug-18", "Sep-18"],
                            [ReportSeries("Balance", [19200.0, 18400.0, 17583.0, None, None, None], "step"),
                             ReportSeries("Forecast", [None, None, 17583.0, 16777.0, 15971.0, 15165.0], "dashed"),
                             ReportSeries("Spend to date", spend, "line")],
                            y_label="£", note="At the current rate of spend the budget will have been spent by "
                                              "March 2020.")])
    months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
    indicators = ReportSection(
        "Performance indicators, April to November 2016",
        tables=[ReportTable("Year to date against the same months of 2015",
                            ["Indicator", "2016/17", "2015/16", "Change", "Status"],
                            [["All crime", "12,586", "12,016", "+570 (+4.7%) increase", "Red ▲ worse"],
                             ["Serious acquisitive crime", "1,149", "1,223", "−74 (−6.1%) reduction", "Green ▼ better"],
                             ["Hate crime", "287", "219", "+68 (+31.1%) increase", "Green ▲ better"]],
                            align=["l", "r", "r", "r", "l"])],
        charts=[ReportChart("Hate incidents: cumulative against target", months,
                            [ReportSeries("Target", [55, 108, 162, 214, 267, 320, 374, 427, 480, 534, 587, 640],
                                          "dashed"),
                             ReportSeries("2016/17", [38, 77, 115, 152, 187, 222, 258, 287, None, None, None, None]),
                             ReportSeries("2015/16", [25, 52, 80, 110, 137, 165, 192, 219, 246, 271, 296, 320])],
                            y_label="Incidents")])
    return [projects, allocation, costs, indicators]


def sample_document() -> ReportDocument:
    return ReportDocument("Community Safety Partnership board report", "Suffolk county team", "2016/17",
                          "All areas", "22/11/2026", sample_sections())
