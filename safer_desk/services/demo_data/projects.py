"""Example projects data for the demo file (from the seed papers).

Seed 000: the fifteen commissioning options of the Safer Suffolk Partnership Board
paper (2009/10), with the table's criteria and qualifiers exactly as printed, the
costs, the lead officers named in the text and the cost breakdowns the text gives.
Recre8's "£3.250" is kept as the paper wrote it, queried, not read as £3.25.

Seed 003: the eight Safer Plymouth commissioning intentions 2017-18, with the
OPCC contribution as the funder's share for 2017/18 ("Awaiting confirmation" and
"Tbc" kept as not yet known) and the total budget as the cost; the PCC's award of
£400,568 for each of 2017-18 and 2018-19 is held as an award.

Seed 000's Family Intervention Project: £29,500 a worker and "a minimum of 4" are
held as four cost lines, so the £118,000 they make is flagged against the £120,000
total the paper states (as Recre8's "£3.250" is). The board's 10% retained budget
of £65,512 is held as an award with its approximate 69% revenue / 31% capital split.

Invented here (and marked illustrative): the saved scenario for the retained budget
(the paper leaves the choice of projects to the board).
"""

from __future__ import annotations

from safer_desk.domain.ids import new_id
from safer_desk.domain.money import parse_cost, parse_pence
from safer_desk.domain.projects import CRITERIA_KEYS, Scale, parse_criterion, read_line_amount
from safer_desk.services.projects import CostLine, FundingSource, Officer, Project, StatusChange, add_projects
from safer_desk.services.funders import make_award, save_award
from safer_desk.services.illustrative import mark_illustrative
from safer_desk.services.projects_commissioning import RETAINED_PENCE, ScenarioItem, new_scenario, save_scenario
from safer_desk.storage.store import Store

SSPB_PAPER = "Commissioning options, Safer Suffolk Partnership Board paper 2009/10 (seed 000)"
PLYMOUTH_PAPER = "Commissioning Intentions 2017-18, Safer Plymouth 24 January 2017 (seed 003)"

STUART_HUDSON = Officer("Stuart Hudson", "Prolific and other Priority Offender Coordinator", "Suffolk County Council")
MARIANNE_FELLOWES = Officer("Marianne Fellowes", "Domestic Violence and Abuse Project Manager", "Suffolk Constabulary")
JIM_MANNING = Officer("Jim Manning", "Community Safety Manager", "Ipswich Borough Council")

# ref, title (as in the table), criteria (LAA, CSP, cross cutting, additional, innovative), funding, cost,
# lead officers, areas, indicators, description (from the text)
SUFFOLK = [
    ("1", "Homeshield Plus", ("√", "X", "√", "√", "√"), "PRG &/or SSPB", "£125,000",
     (Officer("Mark Sanderson", "Assistant Chief Fire Officer", "Suffolk Fire and Rescue Service"),
      Officer("Steve Greenfield", "County Trading Standards Officer", "Suffolk County Council"),
      Officer("Alan Keely", "Community Safety Manager", "Suffolk County Council")),
     ("Countywide",), ("LT6",),
     "A co-ordinator and community safety advocates in the Fire and Rescue Service targeting home safety visits "
     "at the older people most at risk. £125,000 keeps the advocates working for an additional 6 months."),
    ("2", "Suffolkwide Family Intervention Project (ASB & PPO Deter)", ("√", "√", "√", "√", "√"), "PRG &/or SSPB",
     "£120,000", (Officer("Charlotte Foster", "Community Safety Officer", "Suffolk County Council"),),
     ("Countywide",), ("NI 17", "NI 30"),
     "Family Intervention Projects for the most challenging anti-social families, including PPO deter families. "
     "£29,500 provides one Family Support Officer for a year; a minimum of 4 full-time workers is required."),
    ("3", "InnKeeper / Local Target 7 projects", ("√", "√", "√", "√", "?"), "PRG &/or SSPB", "Minimum £50,000",
     (Officer("Mark Cordell", "Chief Superintendent, Eastern BCU Commander", "Suffolk Constabulary"),),
     ("Countywide",), ("LT7", "NI 15", "NI 20"),
     "A joint intelligence and actions database for police and local authorities on licensed premises, and "
     "further LT7 night-time economy projects (InnKeeper approx £50,000)."),
    ("4", "Local Domestic Violence Coordinators", ("√", "√", "√", "√ (in some areas)", "X"), "SSPB", "£30,000",
     (Officer("Shirley Osborne", "Domestic Violence Partnership and Training Manager", "Suffolk County Council"),),
     ("Countywide",), ("NI 32",),
     "A contribution to local Domestic Violence & Abuse Coordinator posts in CSP areas, for victims at medium "
     "to low risk."),
    ("5", "Suffolk ELEV8", ("√", "√", "√", "√", "?"), "PRG &/or SSPB", "£101,500", (MARIANNE_FELLOWES,),
     ("Countywide",), ("NI 32",),
     "Support for young people aged 11 to 18 who are victims of domestic violence, or abusers: a Project "
     "Officer, administrative support and a working budget for activities and group work."),
    ("6", "Suffolk Strive", ("√", "√", "√", "√", "√"), "PRG &/or SSPB", "£29,000", (MARIANNE_FELLOWES,),
     ("Countywide",), ("NI 32",),
     "Support for victims, young people and perpetrators of domestic abuse with an impairment or long-term "
     "health condition: training, materials, a tool kit and a conference."),
    ("7", "Suffolk Recre8", ("√", "√", "√", "√", "√"), "PRG &/or SSPB", "£26,000", (MARIANNE_FELLOWES,),
     ("Countywide",), ("NI 32",),
     "Work with perpetrators of domestic abuse who cannot access the accredited IDAP programme: materials, a "
     "practitioners' tool kit, training and group work."),
    ("8", "Projects to support the County Criminal Damage strategy",
     ("X", "√", "√", "√", "? unknown at this stage"), "SSPB", "£5,000",
     (Officer("Alan Osborne", "Partnership Coordinator Eastern BCU", "Suffolk Constabulary"),),
     ("Countywide",), ("NI 17", "NI 21"),
     "A countywide criminal damage strategy aimed at young people, with branding like the Nightsafe project."),
    ("9", "Supported accommodation for Prolific and Other Priority Offenders (PPOs)",
     ("√", "√", "√", "√ for Ipswich only", "X"), "SSPB", "£30,000", (STUART_HUDSON,), ("Ipswich",), ("NI 30",),
     "A support worker for 6-8 PPOs on a full-time basis for the Ipswich area (provision exists in the West "
     "and East of the county)."),
    ("10", "Supported accommodation for young offenders.", ("√", "√", "√", "√", "√"), "PRG &/or SSPB", "£105,000",
     (STUART_HUDSON,), ("Countywide",), ("NI 30", "NI 19"),
     "Supported accommodation for young people aged 16-18 on the deter strand of the PPO scheme: £35K per PPO "
     "scheme per year (support worker £25K, accommodation funds £10K). County-wide £105K, or a pilot in one "
     "area (£35K)."),
    ("11", "Support Officer for non-statutory PPOs", ("√", "√", "√", "√", "?"), "PRG &/or SSPB", "£30,000",
     (STUART_HUDSON,), ("Countywide",), ("NI 30",),
     "A Probation Support Officer working across the county with PPOs released from short sentences without "
     "statutory supervision."),
    ("12", "PPO alcohol worker", ("√", "√", "√", "X", "X"), "SSPB", "£20,000", (STUART_HUDSON,), ("Countywide",),
     ("NI 30", "NI 39"),
     "Continue the PPO alcohol worker post (Primary Care Trust funding ends July 2009), with support from the "
     "Probation Service."),
    ("13", "Sexual Exploitation of Adults / Children in Off-street Premises", ("X", "X", "√", "√", "√"),
     "PRG &/or SSPB", "£54,372 - £62,372",
     (Officer("Tim Beach", "Detective Supt, Public Protection", "Suffolk Constabulary"),
      Officer("Helen Hepburn", "Development Manager - Preventing Exploitation", "Suffolk County Council")),
     ("Countywide",), (),
     "Capacity to support people exploited in off-street premises: social work and support worker capacity "
     "(a police support worker funded by Suffolk Constabulary)."),
    ("14", "Ipswich CSP initiative: Prostitution Support via ICENI Project", ("X", "X", "√", "X", "X"), "SSPB",
     "£12,500", (JIM_MANNING,), ("Ipswich",), (),
     "Contributes to the salary of one ICENI worker supporting people with drug addiction who have exited the "
     "street sex industry in Ipswich."),
    ("15", "Ipswich CSP Project: Town Centre Triage", ("X", "√", "√", "X", "X"), "SSPB", "£5,000", (JIM_MANNING,),
     ("Ipswich",), (),
     "A St John Ambulance triage in Ipswich town centre on key Friday and Saturday nights, extended to more "
     "evenings."),
]

# Cost breakdowns as the papers give them: (financial year, category, description, amount as written).
COST_LINES = {
    # FIP: "£29,500 provides one Family Support Officer (for a year) … A minimum of 4 full time workers for
    # Suffolk is required. Total costs £120,000": four workers make £118,000, which is flagged.
    "2": [("", "staff", f"Family Support Officer {n} of a minimum of 4 (30 hours, with managerial support)",
           "£29,500") for n in (1, 2, 3, 4)],
    "5": [  # ELEV8: Yr 1 2009/10 £46,500, Yr 2 2010/11 £55,000, total £101,500
        ("2009/10", "staff", "Project Officer (contribution, with on costs)", "£18,000"),
        ("2009/10", "admin", "Administrative support", "£4,000"),
        ("2009/10", "volunteers", "Volunteer expenses", "£5,000"),
        ("2009/10", "activities", "Activities and group work", "£19,500"),
        ("2010/11", "staff", "Project Officer (contribution, with on costs)", "£18,000"),
        ("2010/11", "admin", "Administrative support", "£4,000"),
        ("2010/11", "volunteers", "Volunteer expenses", "£7,000"),
        ("2010/11", "activities", "Activities and group work", "£23,500"),
        ("2010/11", "evaluation", "Independent evaluation and dissemination", "£2,500"),
    ],
    "6": [
        ("2009/10", "admin", "Management of project, admin and data collection", "£12,500"),
        ("2009/10", "volunteers", "Volunteer/staff training and expenses", "£6,500"),
        ("2009/10", "materials", "Materials, tool kit and conference", "£8,000"),
        ("2009/10", "evaluation", "Independent evaluation", "£2,000"),
    ],
    "7": [
        ("2009/10", "admin", "Management of project and admin", "£7,500"),
        ("2009/10", "activities", "Delivery of group work sessions", "£8,750"),
        ("2009/10", "volunteers", "Volunteer/staff training and expenses", "£3.250"),  # as printed: queried
        ("2009/10", "materials", "Development of specific materials and tool kit", "£4,500"),
        ("2009/10", "evaluation", "Independent evaluation", "£2,000"),
    ],
    "10": [line for n in (1, 2, 3) for line in (  # one unit per PPO area
        ("2009/10", "staff", f"Support worker, PPO scheme {n}", "£25,000"),
        ("2009/10", "accommodation", f"Accommodation funds, PPO scheme {n}", "£10,000"))],
    "13": [
        ("", "staff", "1 social work capacity (depending on grading)", "£30,000 - £38,000"),
        ("", "staff", "1 support worker capacity", "£24,372"),
    ],
}

FUNDING_SOURCES = {
    "1": [FundingSource("Suffolk County Council and Suffolk PCT (twelve months, secured)", None, "not stated")],
    "12": [FundingSource("Probation Service", None, "not stated")],
    "13": [FundingSource("Suffolk Constabulary (police support worker, outside the total)", 4_200_000, "")],
    "14": [FundingSource("ICENI (the rest of the salary)", None, "not stated")],
}

# Appendix A of seed 000: the LAA targets and Community Strategy outcomes each project supports.
DV_OUTCOME = "Reduced repeat incidents of Domestic Violence (NI 32)"
PPO_OUTCOME = "Reduce the re-offending rate of prolific and priority offenders (NI 30)"
OUTCOMES = {
    "1": ["LT6 - more older people feel their home is a safe environment"],
    "2": ["Reduced anti-social behaviour in the worst affected areas", PPO_OUTCOME],
    "3": ["LT7 - fewer serious violent crimes in a public place where alcohol or substance misuse contributed"],
    "4": [DV_OUTCOME], "5": [DV_OUTCOME], "6": [DV_OUTCOME], "7": [DV_OUTCOME],
    "8": ["Reduced levels of criminal damage"],
    "9": [PPO_OUTCOME], "10": [PPO_OUTCOME], "11": [PPO_OUTCOME],
    "12": [PPO_OUTCOME, "Reduced drug and alcohol crime and harm in the worst affected areas"],
    "14": ["Reduced anti-social behaviour in the worst affected areas"],
    "15": ["LT7 - fewer serious violent crimes in a public place where alcohol or substance misuse contributed"],
}
PRIORITIES = {"1": ["Safe, Healthy and Inclusive Communities"],
              "2": ["Anti-social behaviour", "Prolific and priority offenders"], "3": ["Safer Night Time Economy"],
              **{r: ["Domestic violence"] for r in ("4", "5", "6", "7")}, "8": ["Criminal damage"],
              **{r: ["Prolific and priority offenders"] for r in ("9", "10", "11", "12")},
              "13": ["Sexual exploitation"], "14": ["Anti-social behaviour"], "15": ["Safer Night Time Economy"]}

DATES = {"5": ("2009-04-01", "2011-03-31"), "6": ("2009-04-01", "2010-03-31"), "7": ("2009-04-01", "2010-03-31")}
# Paragraph 10 of the paper: the funding is "to be used during the 2009/10 financial year". A project the
# paper gives no other dates for runs over that year, so the 2009/10 board report finds all fifteen.
PAPER_YEAR = ("2009-04-01", "2010-03-31")

NOTES = {
    "7": "The paper prints one line as “£3.250”; the lines reach the £26,000 total only if it means £3,250.",
    "10": "The board may pilot this in one area of the county only (£35K): scale one third.",
    "2": "£29,500 a worker; four workers would be £118,000 against the £120,000 total stated.",
}

PLYMOUTH = [
    ("P1", "Plymouth Domestic Abuse contract",
     "Ensure we support victims of Domestic Abuse with an integrated service containing the different elements "
     "necessary to provide an holistic response to the needs of victims and their families.",
     "Continue to commission the Plymouth Domestic Abuse contract", "£110,000", "£501,753"),
    ("P2", "Therapeutic counselling for victims of sexual assault",
     "Ensure that we support victims of sexual violence with access to therapeutic counselling services",
     "Continue to commission a therapeutic counselling service for victim of sexual assault for 2017 – 2018. "
     "Post 2018, it is anticipated that commissioning of this service will be aligned with the mental health "
     "framework for the CCG.", "£25,000", "£75,000"),
    ("P3", "Community drug and alcohol treatment programme",
     "Ensure access to an alcohol and substance misuse programme that will ensure those at risk of committing "
     "crime or being a victim of crime are supported with appropriate treatment.",
     "Continue to commission a community drug and alcohol treatment programme", "£98,500", "£2m"),
    ("P4", "Healthy Relationships work with schools (CSE and DA)",
     "Both CSE and PDAP groups have identified a need for earlier intervention and awareness work with children "
     "and young people in relation to CSE and Domestic Abuse via healthy relationships. There are no services "
     "commissioned within Plymouth.",
     "Work with PDAP and MACSE to scope, commission and deliver Healthy Relationship work with schools that "
     "covers CSE and DA", "Awaiting confirmation", ""),
    ("P5", "Co-ordinated 12 month awareness plan",
     "Ensure key themes are kept high profile with the public and professionals via training, campaigns and "
     "awareness raising events.",
     "Explore opportunities to commission a co-ordinated 12 month plan of this activity to include Hate Crime, "
     "Prevent, Modern Slavery, Cyber-crime, scams and CSE.", "Tbc", ""),
    ("P6", "Services responsive to emerging ASB",
     "Anti-Social behaviour is low level in the city but when it does occur it is a blight on the victims life. "
     "It is considered good practice to ensure we continue to address ASB.",
     "Develop existing services so they are responsive to the needs of emerging ASB such as projects for "
     "targeted youth work.", "Tbc", ""),
    ("P7", "Services responsive to emerging crime",
     "It has been considered good practice to keep funding for emerging threat risk and harm for example modern "
     "slavery emergency need.", "Develop existing services so they are responsive to emerging crime.", "Tbc", ""),
    ("P8", "Safer Plymouth infrastructure and analysis",
     "To ensure key analysis such as OCLPs is available for Safer Plymouth and its partners to assist with "
     "evidence based decision making, develop business plans and identify key activities.",
     "Support Safer Plymouth to develop a strong infrastructure and connect with the system to enable the "
     "delivery of the community safety outcomes within the Plymouth Plan.", "Tbc", ""),
]


def suffolk_projects() -> list[Project]:
    projects = []
    for ref, title, criteria, route, cost, officers, areas, indicators, description in SUFFOLK:
        lines = tuple(CostLine(y, c, d, read_line_amount(a)) for y, c, d, a in COST_LINES.get(ref, ()))
        start, end = DATES.get(ref, PAPER_YEAR)
        projects.append(Project(
            id=new_id(), ref=ref, title=title, description=description,
            lead_organisation=officers[0].organisation, areas=areas, status="proposed", funding_route=route,
            cost=parse_cost(cost), start_date=start, end_date=end,
            criteria={k: parse_criterion(v) for k, v in zip(CRITERIA_KEYS, criteria)},
            indicators=indicators, outcomes=tuple(OUTCOMES.get(ref, ())), priorities=tuple(PRIORITIES.get(ref, ())),
            notes=NOTES.get(ref, ""), officers=officers,
            status_history=(StatusChange("proposed", None, SSPB_PAPER),),
            funding_sources=tuple(FUNDING_SOURCES.get(ref, ())), cost_lines=lines,
        ))
    return projects


def plymouth_projects() -> list[Project]:
    projects = []
    for ref, title, need, recommendation, opcc, total in PLYMOUTH:
        known = any(ch.isdigit() for ch in opcc)
        source = FundingSource("OPCC", parse_pence(opcc) if known else None, "" if known else opcc, "2017/18")
        projects.append(Project(
            id=new_id(), ref=ref, title=title, description=f"{need}\n\nRecommendation: {recommendation}",
            lead_organisation="Safer Plymouth", areas=("Plymouth",), status="proposed", funding_route="OPCC",
            cost=parse_cost(total) if total else None, cost_note="" if total else "Not stated",
            start_date="2017-04-01", end_date="2018-03-31",
            status_history=(StatusChange("proposed", "2017-01-24", PLYMOUTH_PAPER),),
            funding_sources=(source,),
        ))
    return projects


# Awards as the papers state them: (funder, name, {year: amount}, total, first, last, revenue %, capital %,
# conditions).
AWARDS = (
    ("OPCC", "PCC grant to Safer Plymouth 2017-19", {"2017/18": "£400,568", "2018/19": "£400,568"}, None, "", "",
     None, None, "From the Police and Crime Commissioner, channelled through the Western Planning and Delivery Unit "
                 "as a grant for local crime prevention and reduction initiatives; a standstill on this year's "
                 "award (seed 003 §2.2)."),
    ("Safer Suffolk Partnership Board", "SSPB 10% retained budget 2009/10", {"2009/10": "£65,512"}, None, "", "",
     "69", "31", "Approximately Revenue 69% / Capital 31%. To be committed by September 2009 and used during "
                 "2009/10; anything not committed is shared among the CSPs by the BCS formula (seed 000)."),
    ("Suffolk Strategic Partnership", "Performance Reward Grant 2009-10", {"2009/10": "£2,900,692.00"}, None, "",
     "", None, None, "50% to the Local Strategic Partnerships; of the rest 10% retained as an innovation fund and "
                     "one ninth to each delivery partnership; no time limit for its use (seed 000)."),
    ("Suffolk Public Sector Leaders", "County Lines and Urban Street Gangs 2018-2020", {}, "£500,000", "2018/19",
     "2019/20", None, None, "From the Transformation Challenge and Business Rates retention pots, for strategic "
                            "work on County Lines and the Tactical Action Plan in Ipswich (seed 002 §6.11)."),
    ("Suffolk Public Sector Leaders", "CSP funding 2018-2021",
     {"2018/19": "£30,000", "2019/20": "£30,000", "2020/21": "£30,000"}, None, "", "", None, None,
     "From Business Rate retention; match-funded by SCC Localities and Partnerships Team over the same "
     "timeframe; not automatically split equally across the CSPs (seed 002 §6.12)."),
    ("Suffolk Public Sector Leaders", "Domestic Abuse Champions", {}, "£66,000", "", "", None, None,
     "Set aside to develop and train Domestic Abuse Champions on the Norfolk model (seed 002 §6.8)."),
)


def add_awards(store: Store) -> None:
    for funder, name, years, total, first, last, revenue, capital, conditions in AWARDS:
        save_award(store, make_award(funder=funder, name=name, years=years, total=total, first_year=first,
                                     last_year=last, revenue=revenue, capital=capital, conditions=conditions))


def add_examples(store: Store) -> None:
    """Add this tab's examples to a fresh demo file."""
    suffolk = suffolk_projects()
    add_projects(store, suffolk + plymouth_projects())
    add_awards(store)
    by_ref = {p.ref: p for p in suffolk}
    # One saved scenario for the board's £65,512 retained budget: the young offenders pilot in one area
    # (one third of £105K) and the local domestic violence coordinators. The paper leaves the choice to
    # the board, so the choice is illustrative.
    pilot = Scale(1, 3)
    scenario = save_scenario(store, new_scenario(
        "Retained budget 2009/10: pilot and DV coordinators", RETAINED_PENCE,
        [ScenarioItem(by_ref["10"].id, pilot), ScenarioItem(by_ref["4"].id, Scale())],
        fund_label="Board retained budget 2009/10",
        notes="Young offenders' accommodation piloted in one area (£35K) with the local DV coordinators."))
    mark_illustrative(store, "commissioning_scenarios", [scenario.id],
                      "An example choice: the paper leaves the projects to commission to the board.")
