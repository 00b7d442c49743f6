"""Example indicators data for the demo file (from the seed papers).

- Seed 003: the Safer Plymouth performance report (2015/16 and 2016/17, every row, the comments,
  the "ist" incidents' cumulative target). The satisfaction rates are stored as numerators and
  denominators chosen so that both the monthly and the paper's cumulative percentages come out.
- Seed 001: the Safer Suffolk targets (NI 30 18%, NI 32 no more than 28%, LT6 90%, LT7 1,256).
- Seed 004: the East Sussex performance measures with their targets.
- A year of Suffolk police.uk street crime (2025), shipped as the counts the real importer made
  from the twelve monthly files (resources/example/suffolk-2025-police-counts.csv.gz), so the demo
  never needs the original downloads.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

from safer_desk.domain.periods import FinancialYear, Month, Quarter
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.storage.store import Store

POLICE_COUNTS = ("example", "suffolk-2025-police-counts.csv.gz")
FY15, FY16 = FinancialYear(2015), FinancialYear(2016)

# Seed 003, "Safer Plymouth Performance Report 2017": monthly figures, 2015/16 then 2016/17 (Apr–Nov).
PLYMOUTH_MONTHLY = {
    "All crime": (
        [1652, 1684, 1407, 1469, 1386, 1467, 1565, 1386, 1427, 1332, 1334, 1498],
        [1335, 1576, 1611, 1692, 1637, 1590, 1570, 1575],
        "Between April and the end of November the numbers of overall crime recorded has increased by 570 "
        "crimes, equating to a 5% increase."),
    "Serious acquisitive crime": (
        [196, 192, 147, 119, 106, 169, 148, 146, 135, 119, 130, 172],
        [158, 180, 148, 136, 144, 146, 89, 148],
        "Serious Acquisitive crime continues to reduce and remains low. Between April and the end of November "
        "there have been 1,149 serious acquisitive crimes recorded, a reduction of 74 on the same period last "
        "year. This equates to a 6% reduction."),
    "Violence with injury (excluding domestic abuse)": (
        [151, 166, 160, 177, 140, 163, 186, 137, 146, 119, 131, 170],
        [134, 173, 185, 208, 158, 177, 192, 148],
        "Violence with Injury (excluding domestic abuse) has increased this year. Between April and the end of "
        "November there has been 1,375 crimes recorded. This is an increase of 95 compared to the same period "
        "in 2015/16, and equates to a 7% increase."),
    "Domestic abuse crimes and incidents": (
        [553, 569, 504, 603, 549, 503, 578, 470, 560, 533, 437, 484],
        [351, 412, 431, 475, 469, 382, 352, 358],
        "Domestic Abuse reduced in 2015/16 and to date in 2016/17 has continued to do so, overall last year "
        "crimes and incidents reduced by 3% (223 fewer incidents). The overall reduction in Domestic Abuse is "
        "attributable to the decrease in non-crime domestic incidents."),
    "Anti-social behaviour": (
        [864, 894, 769, 946, 912, 809, 892, 717, 733, 734, 741, 781],
        [853, 967, 965, 955, 899, 887, 896, 748],
        "Levels of anti-social behaviour remains low, although numbers have increased this year compared to "
        "last. Between April and the end of November there have been 7,170 incidents of ASB recorded, this is "
        "367 incidents higher than the same period during 2015/16."),
    "Police recorded hate crime": (
        [30, 25, 26, 17, 36, 25, 22, 38, 21, 20, 53, 32],
        [17, 25, 32, 54, 37, 45, 42, 35],
        "Levels of recorded hate crime has increased this year, however as this is an under-reported crime any "
        "increase can be viewed as a positive. Between April and the end of November 2016 there have been 287 "
        "hate crimes recorded by the Police, this an increase of 68 compared to the same period in 2015/16."),
}
PLYMOUTH_POLARITY = {
    "All crime": "lower",
    "Serious acquisitive crime": "monitor",  # "FOR MONITORING ONLY"
    "Violence with injury (excluding domestic abuse)": "monitor",
    "Domestic abuse crimes and incidents": "higher",  # "Increase reporting of Domestic Violence"
    "Anti-social behaviour": "lower",  # "Reduce rate of Anti-social Behaviour incidents"
    "Police recorded hate crime": "higher",  # "any increase can be viewed as a positive"
}
REFERRALS = ([542, 539, 555, 539], [518, 526],
             "The numbers of referrals to the PDAS service are moving in line with overall numbers of domestic "
             "abuse. Over the first two quarters of 2016/17 there have been 1,044 referrals to the service, this "
             "37 fewer than received over the same period in 2015/16, this equates to a 3% reduction.")
IST_INCIDENTS = ([41, 61, 60, 67, 34, 51, 47], [55, 108, 162, 214, 268, 321, 375, 428, 482, 536, 588, 640],
                 "Post Brexit spike in incidents peaked in July now seems to have subsided. PCC reports down for "
                 "August, historical pattern to this possibly due to summer leave. Police reports also down 40% for "
                 "August. September and October data still leaves us slightly below target.")
# Satisfied / asked each month: monthly 100, 89, 89, 86, 75, 90% and cumulative 100, 93, 92, 90, 88, 88%
# as the paper prints them (a ratio of sums; the mean of the monthly rates would say 95% after May).
IST_SATISFACTION = ([(9, 9), (16, 18), (8, 9), (12, 14), (6, 8), (9, 10)],
                    "Satisfaction rates based on Police data only after May 2016.")


def add_plymouth(store: Store) -> None:
    area = svc.ensure_area(store, "Plymouth", "district", ons_code="E06000026")
    source = "Safer Plymouth performance report (January 2017)"
    for name, (last, this, comment) in PLYMOUTH_MONTHLY.items():
        ind = svc.save_indicator(store, name, unit="count", polarity=PLYMOUTH_POLARITY[name], frequency="monthly",
                                 source=source if name not in ("All crime", "Anti-social behaviour")
                                 else "Police recorded (Safer Plymouth report; data.police.uk for imports)")
        values = [PeriodValue(m.iso, float(v)) for m, v in zip(FY15.months, last)]
        values += [PeriodValue(m.iso, float(v), comment=comment if i == len(this) - 1 else None)
                   for i, (m, v) in enumerate(zip(FY16.months, this))]
        svc.save_values(store, ind, area, values, source="seed 003", require_red_comments=False)
    ind = svc.save_indicator(store, "Referrals to domestic abuse services", unit="count", polarity="higher",
                             frequency="quarterly", source=source)
    values = [PeriodValue(q.key, float(v)) for q, v in zip(FY15.quarters, REFERRALS[0])]
    values += [PeriodValue(q.key, float(v), comment=REFERRALS[2] if i == 1 else None)
               for i, (q, v) in enumerate(zip(FY16.quarters, REFERRALS[1]))]
    svc.save_values(store, ind, area, values, source="seed 003", require_red_comments=False)

    ind = svc.save_indicator(store, "Level Two \u201cist\u201d incidents reported", code="L2", unit="count",
                             polarity="higher", frequency="monthly", source=source,
                             description="Hate incidents (racist, homophobic … \u201cist\u201d) reported to "
                                         "police and third-party reporting centres.")
    svc.set_target(store, ind, area, FY16, kind="trajectory", trajectory=IST_INCIDENTS[1])
    svc.save_values(store, ind, area, [
        PeriodValue(m.iso, float(v), comment=IST_INCIDENTS[2] if i == len(IST_INCIDENTS[0]) - 1 else None)
        for i, (m, v) in enumerate(zip(FY16.months, IST_INCIDENTS[0]))], source="seed 003",
        require_red_comments=False)

    ind = svc.save_indicator(store, "Level Two \u201cist\u201d incidents satisfaction", code="L2 sat",
                             unit="percentage", polarity="higher", frequency="monthly", source=source)
    svc.set_target(store, ind, area, FY16, kind="threshold", value=90)
    svc.save_values(store, ind, area, [
        PeriodValue(m.iso, numerator=float(n), denominator=float(d),
                    comment=IST_SATISFACTION[1] if i == 1 else None)
        for i, (m, (n, d)) in enumerate(zip(FY16.months, IST_SATISFACTION[0]))], source="seed 003",
        require_red_comments=False)


def add_suffolk_targets(store: Store) -> None:
    """Seed 001: the Safer Suffolk Partnership Board's LAA targets (report of mid-2010)."""
    area = svc.ensure_area(store, "Suffolk", "county", ons_code="E10000029")
    fy09, fy10 = FinancialYear(2009), FinancialYear(2010)
    source = "Safer Suffolk Partnership Board progress report (2010)"
    ni30 = svc.save_indicator(store, "Reduction in re-offending by prolific and priority offenders", code="NI 30",
                              unit="percentage", polarity="higher", frequency="quarterly", source=source,
                              area_id=area)
    svc.set_target(store, ni30, area, fy10, kind="threshold", value=18, note="Reduce re-offending of PPOs by 18%")
    svc.save_values(store, ni30, area, [PeriodValue(Quarter(fy10, 1).key, 17.0, comment=(
        "17% against the target of 18%: a vast improvement on the previous quarter, thought to be due to the "
        "progressive targeted work partners have been carrying out on the cohort of PPOs."))],
        source="seed 001")
    ni32 = svc.save_indicator(store, "Repeat cases at MARAC", code="NI 32", unit="percentage", polarity="lower",
                              frequency="quarterly", source=source, area_id=area,
                              description="Percentage of cases considered by MARAC that are repeats, rolling 12 "
                                          "months.")
    svc.set_target(store, ni32, area, fy09, kind="threshold", value=28)
    svc.set_target(store, ni32, area, fy10, kind="threshold", value=28, note="No more than 28% by March 2011")
    svc.save_values(store, ni32, area, [PeriodValue(Quarter(fy09, 4).key, 16.3)], source="seed 001")
    svc.save_values(store, ni32, area, [PeriodValue(Quarter(fy10, 1).key, 14.4, comment=(
        "14.4% (down from 16.3% last quarter) over a rolling 12 months; the trend over the last 9 months has "
        "been a consistent decline in the percentage of repeat cases."))], source="seed 001")
    lt6 = svc.save_indicator(store, "People feeling safe and secure in their own homes", code="LT6",
                             unit="percentage", polarity="higher", frequency="quarterly", source=source, area_id=area,
                             description="Measured through Home Shield referrals; 88.75% in 2009/10.")
    svc.set_target(store, lt6, area, fy10, kind="threshold", value=90, note="From 88.75% (2009/10) to 90% (2010/11)")
    svc.save_values(store, lt6, area, [PeriodValue(Quarter(fy09, 4).key, 95.0)], source="seed 001")
    svc.save_values(store, lt6, area, [PeriodValue(Quarter(fy10, 1).key, 91.0, comment=(
        "93% overall, exceeding the target of 90% by March 2011; a slight dip in the most recent quarter, down "
        "from 95% to 91%."))], source="seed 001")
    lt7 = svc.save_indicator(store, "Serious violent crime in a public place where alcohol or substance misuse "
                             "was a factor", code="LT7", unit="count", polarity="lower", frequency="annual",
                             source=source, area_id=area)
    svc.set_target(store, lt7, area, fy09, kind="annual", value=1270)
    svc.set_target(store, lt7, area, fy10, kind="annual", value=1256, note="From 1,352 offences to 1,256 by 2011")
    svc.save_values(store, lt7, area, [PeriodValue(fy09.label, 1407.0, comment=(
        "1,407 offences in 2009/10, 137 above the target of 1,270. Levels have begun to decrease since "
        "September 2009; the offences are concentrated in the Ipswich Central, Lowestoft Central and Newmarket "
        "SNTs (46%)."))], source="seed 001")


def add_east_sussex(store: Store) -> None:
    """Seed 004: East Sussex Safer Communities performance measures (2010/11 outturn, targets to 2014/15)."""
    area = svc.ensure_area(store, "East Sussex", "county", ons_code="E10000011")
    source = "East Sussex County Council portfolio plan 2012/13"
    years = [FinancialYear(y) for y in (2011, 2012, 2013, 2014)]
    measures = [
        ("Medium and high risk domestic abuse victims engaging with the IDVA service", 30.0, [30, 30, 30, 30]),
        ("IDVA service users reporting improved safety", 89.0, [80, 80, 80, 80]),
        ("\u201cSafe from Harm\u201d service users reporting reduced risk from anti-social behaviour", None,
         [80, None, None, None]),
    ]
    for name, outturn, targets in measures:
        ind = svc.save_indicator(store, name, unit="percentage", polarity="higher", frequency="annual",
                                 source=source, area_id=area)
        for year, target in zip(years, targets):
            if target is not None:
                svc.set_target(store, ind, area, year, kind="threshold", value=target)
        if outturn is not None:
            svc.save_values(store, ind, area, [PeriodValue(FinancialYear(2010).label, outturn,
                                                           comment="2010/11 outturn; the paper's 2011/12 estimated "
                                                                   "RAG is G.")], source="seed 004")
    for name, outturn in (("Adults leaving drug treatment in a planned way", 64.0),
                          ("Adults leaving alcohol treatment in a planned way", 63.2)):
        ind = svc.save_indicator(store, name, unit="percentage", polarity="higher", frequency="annual",
                                 source=source, area_id=area)
        svc.set_target(store, ind, area, FinancialYear(2010), kind="threshold", value=50,
                       note="National Drug Treatment Monitoring System target")
        svc.save_values(store, ind, area, [PeriodValue(FinancialYear(2010).label, outturn)], source="seed 004")


def police_counts_rows(path: Path | None = None) -> list[tuple[str, str, str, str, int]]:
    """The shipped Suffolk 2025 counts: force, month, district as in the file, crime type, count."""
    from safer_desk.paths import resource

    path = path or resource(*POLICE_COUNTS)
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return [(r["force"], r["month"], r["source_district"], r["crime_type"], int(r["count"]))
                for r in csv.DictReader(fh)]


def write_police_counts_file(store: Store, target: Path) -> Path:
    """Write a file's police counts as the compressed CSV the demo ships (made once with the real importer)."""
    from safer_desk.exchange.files import atomic_path

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["force", "month", "source_district", "crime_type", "count"])
    for r in store.rows("SELECT force, month, source_district, crime_type, count FROM _police_counts "
                        "ORDER BY force, month, source_district, crime_type"):
        w.writerow(list(r))
    with atomic_path(Path(target)) as tmp:
        with gzip.open(tmp, "wt", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
    return Path(target)


def add_police_data(store: Store) -> None:
    import hashlib

    from safer_desk.paths import resource
    from safer_desk.services.police_import import load_counts

    shipped = resource(*POLICE_COUNTS)  # its vintage: the shipped counts file and its hash
    load_counts(store, police_counts_rows(shipped), file_name=shipped.name,
                file_sha256=hashlib.sha256(shipped.read_bytes()).hexdigest(), imported_at="")


def add_examples(store: Store) -> None:
    """Add this tab's examples to a fresh demo file."""
    with store.transaction():
        svc.sync_reference_areas(store)
        add_plymouth(store)
        add_suffolk_targets(store)
        add_east_sussex(store)
        add_police_data(store)


__all__ = ["add_examples", "police_counts_rows", "write_police_counts_file", "Month"]
