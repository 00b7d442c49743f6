"""A funder's award typed in other capitals or spacing than the file spells the funder (session 65, helper bud).

The example holds the PCC's award to Safer Plymouth from "OPCC". A second award typed with the funder as " opcc "
(on the command line, or in View > Funders' Awards…) was saved as "opcc": Commissioning counts it as the same funder,
but the awards list, `safer-desk awards` and the report then named two funders, "opcc" and "OPCC", side by side. A
new award's funder that the file already names is now saved as the file spells it; an award's own funder re-spelt
("opcc" corrected to "OPCC") is saved as typed.
"""

from __future__ import annotations

import csv
import io

from safer_desk.cli import main
from safer_desk.services import funders, projects


def test_a_new_award_from_a_funder_the_file_names_is_saved_as_the_file_spells_it(demo_path, capsys):
    assert main(["awards", str(demo_path), "--add", "PCC grant 2019/20", "--funder", " opcc ",
                 "--year", "2019/20=£400,568"]) == 0
    assert capsys.readouterr().out == "added OPCC: £400,568 for 2019/20 (PCC grant 2019/20)\n"
    assert main(["awards", str(demo_path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["funder"] for r in rows if "PCC" in r["name"]} == {"OPCC"}


def test_a_funder_only_a_projects_share_names_is_spelt_as_the_share_spells_it(demo_store):
    held = {s.source for p in projects.load_projects(demo_store) for s in p.funding_sources}
    assert "Probation Service" in held
    assert not any(funders.same_funder(a.funder, "Probation Service") for a in funders.list_awards(demo_store))
    award = funders.save_award(demo_store, funders.make_award(funder="probation  service", name="Probation grant",
                                                              years={"2009/10": "£20,000"}))
    assert award.funder == "Probation Service"


def test_an_awards_own_funder_re_spelt_is_saved_as_typed(demo_store):
    award = funders.save_award(demo_store, funders.make_award(funder="Lottery", name="Reaching Communities",
                                                              years={"2017/18": "£10,000"}))
    again = funders.save_award(demo_store, funders.make_award(funder="LOTTERY", name="Reaching Communities",
                                                              years={"2017/18": "£10,000"}, award_id=award.id))
    assert again.funder == "LOTTERY"
