"""A partnership's name copied from an Excel cell holding a line break (Alt+Enter: "Babergh<break>CSP", as board
papers wrap long names in a narrow column) kept the break: the name was two lines in the inputs, the results, the
chart's labels and every export, and saved so into the scenario. It is read as one line, as typed."""
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import allocation_workbench as bench


def test_a_name_with_a_line_break_in_its_cell_is_pasted_as_one_line():
    text = '"Babergh\nCSP"\t1\t2,442\t£70,725\r\n"Mid Suffolk &\r\n  Ipswich"\t1\t7,937\t£160,607\r\n'
    state = bench.with_pasted(bench.empty_state(), 0, 0, parse_tsv(text, keep_blank_rows=True))
    assert [p.name for p in state.partnerships] == ["Babergh CSP", "Mid Suffolk & Ipswich"]
    assert [p.previous_pence for p in state.partnerships] == [7072500, 16060700]


def test_a_name_typed_with_a_tab_or_break_is_one_line():
    state = bench.with_pasted(bench.empty_state(), 0, 0, [["Babergh", "1", "2442", "70725"]])
    state = bench.with_cell(state, 0, bench.NAME, "West\tSuffolk\nCSP ")
    assert state.partnerships[0].name == "West Suffolk CSP"


def test_a_factor_named_over_two_lines_in_its_cell_is_one_line():
    state = bench.with_pasted(bench.empty_state(), 0, 0, [["Babergh", "1", "2442", "70725"]])
    text = '"BCS comparator\noffences 2007-08"\t1\r\n"Non-crime\r\ndemand"\t1\r\n'
    state = bench.with_factors_pasted(state, 0, 0, parse_tsv(text, keep_blank_rows=True))
    assert [f.title for f in state.options.factors] == ["BCS comparator offences 2007-08", "Non-crime demand"]
    assert state.input_headers()[2:4] == ["BCS comparator offences 2007-08", "Non-crime demand"]
