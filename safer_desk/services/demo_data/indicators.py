"""Example indicators data for the demo file (from the seed papers).

- Seed 003: the Safer Plymouth performance report (2015/16 and 2016/17, every row, the comments,
  the "ist" incidents' cumulative target). The satisfaction rates are stored as numerators and
  denominators chosen so that both the monthly and the paper's cumulative percentages come out.
- Seed 001: the Safer Suffolk targets (NI 30 18% with a one-point tolerance, NI 32 no more than 28%, LT6
  90% from a baseline of 88.75%, LT7 1,256 from 1,352), the confidence target withdrawn (46.9% against
  54.9%) and the SSPB's activity counts (MARAC 174 cases, Home Shield 1,242 referrals).
- Seed 000, Appendix A: the outcome figures (arson 543 → 459, criminal damage 11,650 → 10,643, NI 42
  17.1% → 16.9%, PPOs 147 → 137).
- Seed 004: the East Sussex performance measures with their targets, "Tbc" targets, 2011/12 estimated
  RAG, the milestone measures (August and September 2012), planned exits against regional and national
  benchmarks, alcohol-related admissions per 100,000 and the MARAC case count.
- Figures the example invents or takes from outside the papers (the satisfaction counts behind the
  paper's percentages, East Sussex's populations, the month of "currently 137") are marked illustrative.
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
from safer_desk.services.illustrative import mark_illustrative
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
    row_ids = [r[0] for r in store.rows("SELECT id FROM indicator_values WHERE indicator_id = ? AND area_id = ?",
                                        (ind, area))]
    mark_illustrative(store, "indicator_values", row_ids,
                      "The paper prints only the percentages: the satisfied/asked counts are chosen so that "
                      "both its monthly and its cumulative percentages come out.")


def add_suffolk_targets(store: Store) -> None:
    """Seed 001: the Safer Suffolk Partnership Board's LAA targets (report of mid-2010)."""
    area = svc.ensure_area(store, "Suffolk", "county", ons_code="E10000029")
    fy09, fy10 = FinancialYear(2009), FinancialYear(2010)
    source = "Safer Suffolk Partnership Board progress report (2010)"
    # "17% compared to the target of 18%": amber with a tolerance of one percentage point.
    ni30 = svc.save_indicator(store, "Reduction in re-offending by prolific and priority offenders", code="NI 30",
                              unit="percentage", polarity="higher", frequency="quarterly", source=source,
                              area_id=area, tolerance_pct=1, tolerance_kind="points")
    svc.set_target(store, ni30, area, fy10, kind="threshold", value=18, note="Reduce re-offending of PPOs by 18%")
    svc.save_values(store, ni30, area, [PeriodValue(Quarter(fy10, 1).key, 17.0, comment=(
        "17% against the target of 18%: a vast improvement on the previous quarter, thought to be due to the "
        "progressive targeted work partners have been carrying out on the cohort of PPOs."))],
        source="seed 001")
    ni32 = svc.save_indicator(store, "Repeat cases at MARAC", code="NI 32", unit="percentage", polarity="lower",
                              frequency="quarterly", source=source, area_id=area, figure_basis="rolling12",
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
                             description="Measured through Home Shield referrals.")
    svc.set_baseline(store, lt6, area, 88.75, period="2009/10", note="From 88.75% (2009/10) to 90% (2010/11)")
    svc.set_target(store, lt6, area, fy10, kind="threshold", value=90, note="From 88.75% (2009/10) to 90% (2010/11)")
    svc.save_values(store, lt6, area, [PeriodValue(Quarter(fy09, 4).key, 95.0)], source="seed 001")
    svc.save_values(store, lt6, area, [PeriodValue(Quarter(fy10, 1).key, 91.0, comment=(
        "93% overall, exceeding the target of 90% by March 2011; a slight dip in the most recent quarter, down "
        "from 95% to 91%."))], source="seed 001")
    lt7 = svc.save_indicator(store, "Serious violent crime in a public place where alcohol or substance misuse "
                             "was a factor", code="LT7", unit="count", polarity="lower", frequency="annual",
                             source=source, area_id=area)
    svc.set_baseline(store, lt7, area, 1352, note="From 1,352 offences to 1,256 offences by 2011")
    svc.set_target(store, lt7, area, fy09, kind="annual", value=1270)
    svc.set_target(store, lt7, area, fy10, kind="annual", value=1256, note="From 1,352 offences to 1,256 by 2011")
    svc.save_values(store, lt7, area, [PeriodValue(fy09.label, 1407.0, comment=(
        "1,407 offences in 2009/10, 137 above the target of 1,270. Levels have begun to decrease since "
        "September 2009; the offences are concentrated in the Ipswich Central, Lowestoft Central and Newmarket "
        "SNTs (46%)."))], source="seed 001")
    # "Suffolk was considerably below the target of 54.9%, currently standing at 46.9%. This target has now
    # been withdrawn by the new Government": kept, shown, not judged against.
    ni21 = svc.save_indicator(store, "People who agree the police and local council are dealing with the "
                              "anti-social behaviour and crime issues that matter in their area", code="NI 21",
                              unit="percentage", polarity="higher", frequency="quarterly", source=source,
                              area_id=area, description="The confidence measure.")
    svc.set_target(store, ni21, area, fy10, kind="threshold", value=54.9)
    svc.withdraw_target(store, ni21, area, fy10, on="29/06/2010", reason=(
        "withdrawn by the new Government (the Home Secretary scrapped the confidence target on 29 June 2010); "
        "partners still consider building and maintaining confidence an important facet of their work"))
    svc.save_values(store, ni21, area, [PeriodValue(Quarter(fy10, 1).key, 46.9, comment=(
        "Considerably below the target of 54.9%; the work it prompted includes the ASB co-located teams."))],
        source="seed 001")
    # The SSPB's activity counts: measured, no target.
    marac = svc.save_indicator(store, "Cases supported through MARAC", unit="count", polarity="monitor",
                               frequency="quarterly", source=source, area_id=area, measure="activity",
                               figure_basis="rolling12", description="Cases in the 12 months to the quarter.")
    svc.save_values(store, marac, area, [PeriodValue(Quarter(fy10, 1).key, 174.0, comment=(
        "174 cases supported through MARAC in the last 12 months; 61% of referrals from non-police agencies."))],
        source="seed 001")
    for name, figure in (("Home Shield referrals", 1242.0), ("Home Shield actions taken", 3081.0)):
        ind = svc.save_indicator(store, name, unit="count", polarity="monitor", frequency="annual", source=source,
                                 area_id=area, measure="activity",
                                 description="Home Shield: early intervention partnership project (LT6).")
        svc.save_values(store, ind, area, [PeriodValue(fy09.label, figure)], source="seed 001")


def add_appendix_a_outcomes(store: Store) -> None:
    """Seed 000, Appendix A: the Community Strategy outcomes' figures, as indicators of Suffolk."""
    area = svc.ensure_area(store, "Suffolk", "county", ons_code="E10000029")
    source = "Target Monitoring and Performance Report, Suffolk CSP, Dec 08 (seed 000, Appendix A)"
    for name, code, outcome, before, after in (
            ("Arson offences", "", "Reduced incidents of Arson (NI 33)", 543.0, 459.0),
            ("Criminal damage offences", "", "Reduced levels of criminal damage", 11650.0, 10643.0)):
        ind = svc.save_indicator(store, name, code=code, unit="count", polarity="lower", frequency="monthly",
                                 source=source, area_id=area, figure_basis="rolling12",
                                 description=f"{outcome}: offences reported to Suffolk Police in the 12 months "
                                             "to the month.")
        svc.save_values(store, ind, area, [PeriodValue("2007-12", before), PeriodValue("2008-12", after)],
                        source="seed 000", require_red_comments=False)
    ni42 = svc.save_indicator(store, "Perceptions of drug use or drug dealing as a problem", code="NI 42",
                              unit="percentage", polarity="lower", frequency="monthly", figure_basis="snapshot",
                              source="Seed 000, Appendix A", area_id=area,
                              description="Reduced drug and alcohol crime and harm in the worst affected areas.")
    svc.save_values(store, ni42, area, [
        PeriodValue("2008-06", 17.1),
        PeriodValue("2008-10", 16.9, comment="Perception of drug dealing has fallen to 16.9% in October 2008 from "
                                             "17.1% in June 2008.")], source="seed 000", require_red_comments=False)
    ppo = svc.save_indicator(store, "Prolific and priority offenders under supervision or monitored",
                             code="PPO", unit="count", polarity="monitor", frequency="monthly", measure="activity",
                             figure_basis="snapshot", source="Seed 000, Appendix A", area_id=area,
                             description="The cohort, reduced to focus on the most problematic offenders.")
    svc.save_values(store, ppo, area, [
        PeriodValue("2009-01", 147.0),
        PeriodValue("2009-04", 137.0, comment="“Currently 137 PPO's are under supervision or being monitored”, "
                                              "reduced from 147 in Jan 09.")], source="seed 000")
    row_id = store.scalar("SELECT id FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                          (ppo, area, "2009-04"))
    mark_illustrative(store, "indicator_values", [row_id],
                      "The paper says “currently” (spring 2009): the month April 2009 is assumed.")


def add_east_sussex(store: Store) -> None:
    """Seed 004: East Sussex Safer Communities performance measures (2010/11 outturn, targets to 2014/15)."""
    area = svc.ensure_area(store, "East Sussex", "county", ons_code="E10000011")
    source = "East Sussex County Council portfolio plan 2012/13"
    fy10, fy11, fy12 = FinancialYear(2010), FinancialYear(2011), FinancialYear(2012)
    years = [FinancialYear(y) for y in (2011, 2012, 2013, 2014)]
    basis = "the portfolio plan's estimate, made before the 2011/12 outturn was known (2010/11 outturn: {outturn})"
    measures = [
        ("Medium and high risk domestic abuse victims engaging with the IDVA service", 30.0, [30, 30, 30, 30]),
        ("IDVA service users reporting improved safety", 89.0, [80, 80, 80, 80]),
        ("\u201cSafe from Harm\u201d service users reporting reduced risk from anti-social behaviour", None,
         [80, "Tbc", "Tbc", "Tbc"]),
    ]
    for name, outturn, targets in measures:
        ind = svc.save_indicator(store, name, unit="percentage", polarity="higher", frequency="annual",
                                 source=source, area_id=area)
        for year, target in zip(years, targets):
            if target == "Tbc":
                svc.set_target(store, ind, area, year, kind="threshold", status="tbc")
            elif target is not None:
                svc.set_target(store, ind, area, year, kind="threshold", value=target)
        if outturn is not None:
            svc.save_values(store, ind, area, [PeriodValue(fy10.label, outturn, comment="2010/11 outturn.")],
                            source="seed 004")
        svc.set_estimate(store, ind, area, fy11, rag="G", basis=basis.format(
            outturn="N/a, a new service" if outturn is None else svc.get_indicator(store, ind).format(outturn)))
    # Milestone measures: the target is a date.
    for name, due in (("Produce a Strategic Assessment of Community Safety", "August 2012"),
                      ("Collate and analyse community engagement findings to inform the Strategic Intelligence "
                       "Assessment, Community Safety Agreement and Police and Crime Commissioner", "September 2012")):
        ind = svc.save_indicator(store, name, unit="count", polarity="higher", frequency="annual", source=source,
                                 area_id=area, measure="milestone")
        svc.set_milestone(store, ind, area, fy12, due=due,
                          note="2012/13 target; N/a in 2010/11, 2011/12, 2013/14 and 2014/15.")
    # "64% ... left in a planned way, significantly higher than both the regional and national figures of 48%
    # and 43% respectively"; NDTMS target 50%.
    drugs = svc.save_indicator(store, "Adults leaving drug treatment in a planned way", unit="percentage",
                               polarity="higher", frequency="annual", source=source, area_id=area)
    svc.set_target(store, drugs, area, fy10, kind="threshold", value=50,
                   note="National Drug Treatment Monitoring System target")
    svc.save_values(store, drugs, area, [PeriodValue(fy10.label, 64.0)], source="seed 004")
    svc.set_benchmark(store, drugs, area, fy10.label, kind="regional", name="Regional", value=48)
    svc.set_benchmark(store, drugs, area, fy10.label, kind="national", name="National", value=43)
    alcohol = svc.save_indicator(store, "Adults leaving alcohol treatment in a planned way", unit="percentage",
                                 polarity="higher", frequency="annual", source=source, area_id=area)
    svc.set_target(store, alcohol, area, fy10, kind="threshold", value=50,
                   note="National Drug Treatment Monitoring System target")
    svc.save_values(store, alcohol, area, [PeriodValue(fy10.label, 63.2)], source="seed 004")
    # "1,610 alcohol-related hospital admissions per 100,000 population in 2010/11 ... (1,448 per 100,000
    # population)" in 2009/10. The paper does not say which population: the ONS mid-year estimates are
    # recorded so the rate's arithmetic can be followed, and marked as not from the paper.
    admissions = svc.save_indicator(store, "Alcohol-related hospital admissions", unit="rate",
                                    rate_per=100000, polarity="lower", frequency="annual", source=source,
                                    area_id=area)
    svc.save_values(store, admissions, area, [PeriodValue(FinancialYear(2009).label, 1448.0),
                                              PeriodValue(fy10.label, 1610.0)], source="seed 004",
                    require_red_comments=False)
    population_ids = [svc.set_population(store, area, FinancialYear(2009), 512100,
                                         source="ONS mid-2009 estimate"),
                      svc.set_population(store, area, fy10, 515500, source="ONS mid-2010 estimate")]
    mark_illustrative(store, "indicator_populations", population_ids,
                      "Not in the paper: ONS mid-year estimates (East Sussex in Figures), shown with the rate.")
    # "increased the number of cases discussed at MARAC from 228 at October '10 to 318 in the 12 months to
    # October 2011, ... an increase of 90 (+39.5%)".
    cases = svc.save_indicator(store, "Cases discussed at MARAC (East Sussex)", unit="count", polarity="monitor",
                               frequency="monthly", source=source, area_id=area, measure="activity",
                               figure_basis="rolling12", description="Cases in the 12 months to the month.")
    svc.save_values(store, cases, area, [PeriodValue("2010-10", 228.0), PeriodValue("2011-10", 318.0)],
                    source="seed 004")
    # Re-offending of adults under probation supervision: 8.57% against the Sussex average of 8.70%.
    reoffending = svc.save_indicator(store, "Re-offending by adults under probation supervision",
                                     unit="percentage", polarity="lower", frequency="annual", source=source,
                                     area_id=area, description="Actual rate; the predicted rate was 8.15%.")
    svc.save_values(store, reoffending, area, [PeriodValue(fy10.label, 8.57, comment=(
        "Predicted 8.15%, actual 8.57%: an increase of 5.13% on the 2007/8 baseline, considered of no "
        "statistical significance."))], source="seed 004")
    svc.set_benchmark(store, reoffending, area, fy10.label, kind="comparator", name="Sussex average", value=8.70)


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
        add_appendix_a_outcomes(store)
        add_east_sussex(store)
        add_police_data(store)


__all__ = ["add_examples", "police_counts_rows", "write_police_counts_file", "Month"]
