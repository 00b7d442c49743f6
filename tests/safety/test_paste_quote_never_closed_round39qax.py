"""Round 39 (qax): a paste whose text opens a quote mark and never closes it, with more than 131,072 characters after
it (a document copied from Word that starts with a quotation, pasted into a grid), stopped the paste with
"_csv.Error: field larger than field limit" out of parse_tsv, which every grid's Paste calls. Such text is read
as it stands now: a quote mark that does not open a quoted cell is kept as a letter of the cell."""

from __future__ import annotations

from safer_desk.exchange.files import parse_tsv


def test_a_long_paste_with_a_quote_never_closed_is_read_as_it_stands():
    text = '"Quoted at the start of a long note' + " and so on" * 20000 + "\n12\t14\n"
    rows = parse_tsv(text)
    assert rows[0][0].startswith('"Quoted at the start') and rows[0][0].endswith("and so on")
    assert rows[1:] == [["12", "14"]]
    assert parse_tsv(text, keep_blank_rows=True)[1:] == [["12", "14"]]


def test_a_paste_from_excel_is_read_as_before():
    assert parse_tsv('a\t"two\nlines"\t"say ""hi"""\r\n1\t2\r\n') == [["a", "two\nlines", 'say "hi"'], ["1", "2"]]
