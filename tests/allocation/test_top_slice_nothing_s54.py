"""A grant of £0 was saved as the year's top-slice (`top-slice 0 --save`, or Save top-slice… with 0 typed), and
stood in the board report and workbook as a grant with every share £0 (session 54). Worked out it is only a sum;
kept in the file it is refused, by the command, the page and Replace saved alike, and nothing is written."""

from __future__ import annotations

from safer_desk.presenters.allocation import AllocationPresenter, top_slice_fields_of
from safer_desk.services import allocation as service
from tests.cli_run import run


def _saved(store):
    return store.scalar("SELECT COUNT(*) FROM allocation_top_slices")


def test_the_command_works_out_a_grant_of_nothing_but_does_not_save_it(demo_path, capsys):
    code, out, _ = run(capsys, "top-slice", "0")
    assert code == 0 and "each_partner,0" in out
    where = ("--year", "2025/26", "--file", demo_path)
    code, out, err = run(capsys, "top-slice", "0", "--save", "Nothing", *where)
    assert (code, out) == (1, "") and "a grant of £0 has nothing to split" in err
    assert run(capsys, "top-slice", "£1,000", "--save", "Something", *where)[0] == 0
    code, out, err = run(capsys, "top-slice", "0", "--replace", "Something", *where)
    assert (code, out) == (1, "") and "a grant of £0 has nothing to split" in err
    code, out, _ = run(capsys, "top-slice", "£2,000", "--replace", "Something", *where)
    assert code == 0 and "total,2000" in out


def test_the_page_refuses_to_save_or_replace_with_a_grant_of_nothing(demo_store):
    p = AllocationPresenter(demo_store)
    before = _saved(demo_store)
    item = service.list_top_slices(demo_store)[0]
    fields = dict(top_slice_fields_of(item), total="0")
    assert p.top_slice_refusal(fields, item.remainder_label) == (
        "Not saved: A grant of £0 has nothing to split: type the grant's total to keep it as a top-slice.")
    assert p.save_top_slice("Nothing", item.year, fields, item.remainder_label) is None
    assert p.top_slice_error.startswith("Not saved: A grant of £0")
    assert p.replace_top_slice(item.id, fields) is False
    assert p.top_slice_error.startswith("Not replaced: A grant of £0")
    assert _saved(demo_store) == before
    assert service.load_top_slice(demo_store, item.id).total_pence == item.total_pence
