"""District office files on the real schema, as the county receives them (issue 13).

Every office starts from the same template, as offices that downloaded the same police.uk files do: the
example reference data (Suffolk's districts, partnerships and partners) and the Suffolk Constabulary counts
the example file ships (``demo_data.indicators.police_counts_rows``: the importer's own counts of
../shared/data/police-uk/suffolk-2025, so these tests need no shared data). Each office then gets its own
id, name and scope, and its own rows: a project, a review with its costs billed, a pooled fund.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from safer_desk.domain.ids import new_id
from safer_desk.storage.store import Store, open_store

SUFFOLK_DISTRICTS = ("Babergh", "Ipswich", "Mid Suffolk", "East Suffolk", "West Suffolk")


def police_rows(months: Iterable[str] | None = None) -> list[tuple[str, str, str, str, int]]:
    from safer_desk.services.demo_data.indicators import police_counts_rows

    wanted = None if months is None else set(months)
    return [r for r in police_counts_rows() if wanted is None or r[1] in wanted]


def load_police(store: Store, months: Iterable[str] | None = None, *, download: str = "suffolk-2025.zip",
                sha: str = "a" * 64, change: int = 0, imported_at: str | None = None) -> None:
    """Load the shipped Suffolk counts of these months as one download (change adds to every count: a revised
    download of the same months; imported_at "" for an import time that is not known)."""
    from safer_desk.services.police_import import load_counts

    rows = [(f, m, d, t, n + change) for f, m, d, t, n in police_rows(months)]
    load_counts(store, rows, file_name=download, file_sha256=sha, imported_at=imported_at)


def template(folder: Path, *, months: Iterable[str] | None = None, police: bool = True) -> Path:
    """Reference data (and the police counts of these months) that every office's file starts with."""
    from safer_desk.services.demo_data import reference

    path = folder / "template.sqlite"
    store = open_store(path, create=True, office_name="template")
    try:
        reference.add_examples(store)
        if police:
            load_police(store, months)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return path


def office_from(template_path: Path, path: Path, name: str, *, districts: Iterable[str] = (),
                partnerships: Iterable[str] = (), county: str = "Suffolk") -> Store:
    """An office's own file: a copy of the template with its own id, name and scope (the caller closes it)."""
    from safer_desk.services import reference as ref
    from safer_desk.storage import audit

    shutil.copyfile(template_path, path)
    store = open_store(path)
    with store.transaction():
        audit.discard_trail_of_copy(store.conn)  # the copy becomes another office, with a trail of its own
    store.set_meta("office_id", new_id())
    store.set_meta("office_name", name)
    with store.transaction():  # the template's own office and its areas are not this office's
        store.conn.execute("DELETE FROM office_areas WHERE office_id <> ?", (store.office_id,))
    ref.set_office_scope(store, districts=list(districts), partnerships=list(partnerships), county=county)
    return store


def add_own_rows(store: Store, district: str, tag: str | None = None, *, review: bool = True,
                 fund: bool = True) -> None:
    """The office's own work (tag names it, the district by default): a project, a review billed to the partners,
    a pooled fund with a contribution."""
    from safer_desk.services import dhr, funds
    from safer_desk.services.projects import Project, add_projects

    tag = tag or district
    add_projects(store, [Project(id=new_id(), title=f"{tag} youth diversion", areas=(district,),
                                 start_date="2025-04-01", end_date="2026-03-31")])
    if review:
        case = dhr.add_case(store, reference=f"{tag.upper().replace(' ', '-')}-DHR-2025-01", district=district,
                            partnership="Western Suffolk CSP", notified_on="2025-06-02")
        dhr.add_cost_line(store, case, category="Independent chair/author", amount="7525.58")
        dhr.bill_partners(store, case, invoiced_on="2025-09-01")
    if fund:
        f = funds.add_fund(store, name=f"{tag} target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                           risk_levels="high")
        funds.add_contribution(store, f, organisation="Suffolk County Council", amount="£2,000",
                               received_on="01/04/2025")


def export(store: Store, target: Path) -> Path:
    from safer_desk.services.county import export_for_county

    return export_for_county(store, target).path


def merge(county: Store, paths: list[Path]):
    """Merge, the county lead having confirmed by phone the key of this test's officer (who signed them all)."""
    from tests.exchange.helpers import merge_accepting

    return merge_accepting(county, paths)


@contextmanager
def county_merged_from(start: Path, folder: Path, name: str = "Western CSP office", *,
                       partnerships: Iterable[str] = ("Western CSP",)) -> Iterator[Store]:
    """A new county file holding one office's export, the office made from ``start`` (the example) with its scope;
    closed after."""
    office = office_from(start, folder / "office.sqlite", name, partnerships=partnerships)
    try:
        sent = export(office, folder / "office-export.sqlite")
    finally:
        office.close()
    county = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        yield county
    finally:
        county.close()


def county_fund_template(folder: Path, first_spend) -> tuple[Path, str]:
    """A template (no police.uk figures) holding the catalogue and the county's sanctuary fund for 2025/26, with
    ``first_spend(store, fund_id)`` keyed in it: (the template's path, the fund's id)."""
    from safer_desk.services import funds
    from safer_desk.storage.store import open_store

    base = template(folder, police=False)
    store = open_store(base)
    try:
        funds.add_default_catalogue(store)
        fund = funds.add_fund(store, name="County sanctuary fund", starts_on="01/04/2025", ends_on="31/03/2026",
                              risk_levels="high")
        first_spend(store, fund)
    finally:
        store.close()
    return base, fund


def babergh_and_mid_suffolk(template_path: Path, folder: Path) -> list[Path]:
    """Babergh office and Mid Suffolk office made from one template (both hold its rows, as copies of one file:
    "Babergh.sqlite", "Mid Suffolk.sqlite"), each exported once ("Babergh-1.sqlite", …)."""
    from safer_desk.services.county import export_for_county

    sent = []
    for name, district in (("Babergh office", "Babergh"), ("Mid Suffolk office", "Mid Suffolk")):
        office = office_from(template_path, folder / f"{district}.sqlite", name, districts=[district])
        try:
            sent.append(export_for_county(office, folder / f"{district}-1.sqlite").path)
        finally:
            office.close()
    return sent


def district_exports(folder: Path, names: Iterable[str], *, template_path: Path | None = None,
                     own_rows: bool = True) -> list[Path]:
    """One export per district office, each from the same template (the same police.uk download). A name that
    is not a Suffolk district ("Office 07") is an office of the Suffolk district in its turn."""
    template_path = template_path or template(folder)
    out = []
    for n, name in enumerate(names):
        district = name if name in SUFFOLK_DISTRICTS else SUFFOLK_DISTRICTS[n % len(SUFFOLK_DISTRICTS)]
        slug = name.lower().replace(" ", "-")
        store = office_from(template_path, folder / f"{slug}.sqlite", f"{name} office", districts=[district])
        try:
            if own_rows:
                add_own_rows(store, district, name)
            out.append(export(store, folder / f"{slug}-export.sqlite"))
        finally:
            store.close()
    return out


def exports_disagreeing_on_one_figure(folder: Path) -> tuple[Path, Path]:
    """Babergh's and Mid Suffolk's exports, which disagree on one figure: Babergh's All crime for April 2025, 1,335
    typed by Babergh office where Mid Suffolk office's police.uk counts (a later download) say 349."""
    from safer_desk.services import indicators as ind

    base = template(folder, police=False)
    a = office_from(base, folder / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    b = office_from(base, folder / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        load_police(a, ["2025-01"])
        load_police(b, ["2025-04"])
        ind.save_values(a, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", 1335.0)],
                        require_red_comments=False)
        return export(a, folder / "a.sqlite"), export(b, folder / "b.sqlite")
    finally:
        a.close()
        b.close()


@dataclass
class Offices:
    """A county file and two offices (Babergh, Mid Suffolk) that each send their own exports to it."""

    folder: Path
    county: object
    babergh: object
    mid: object
    n: int = 0

    def send(self, office) -> Path:
        self.n += 1
        return export(office, self.folder / f"export-{self.n}.sqlite")

    def county_cost(self):
        return self.county.scalar("SELECT cost_min_pence FROM projects WHERE id = 'p-shared'")

    def about(self, table: str) -> list:
        from safer_desk.services.county import list_conflicts

        return [c for c in list_conflicts(self.county) if c.table == table]

    def open_conflicts(self) -> int:
        return self.county.scalar("SELECT count(*) FROM _county_conflicts")


def cornwall_office(path: Path) -> Store:
    """An office of district Cornwall in county Cornwall, with All crime typed for Cornwall and Isles of Scilly
    (the county's other district), so the county's report differs from the district's."""
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services import indicators, reference
    from safer_desk.services.indicators import PeriodValue

    store = open_store(path, create=True)
    reference.set_office_scope(store, districts=["Cornwall"], county="Cornwall")
    indicator = indicators.save_indicator(store, "All crime")
    for area, value in (("district:cornwall", 3000.0), ("district:isles-of-scilly", 7.0)):
        indicators.save_values(store, indicator, area, [PeriodValue(m.iso, value) for m in FinancialYear(2024).months])
    return store
