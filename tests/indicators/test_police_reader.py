"""The police.uk reader (issue 16): the standard library's count of street files, held to what DuckDB, the
engine before it, did with the same bytes.

Every case below was run through both engines on 28/11/2026, before DuckDB (2.0.1) was removed, and the
results were written down here: AS_BEFORE holds the cases both read alike (counted, or refused with the
same message), NOT_AS_BEFORE the few where the standard library's reading differs on purpose, with what
DuckDB did beside what is done now. A randomised comparison of the two engines (4,500 generated files with
short, long and empty lines, quoted values with commas, line breaks and doubled quotes, unclosed quotes,
bad months, byte order marks, bytes that are not UTF-8, LF, CR LF and CR endings) found one other
difference, of the same kind as the last ones here: a line feed just after a quoted value in a CR-only
file, which DuckDB did not take for a line break (so it named the line before as the bad one). The fast
way of counting (a whole file split at once) and the exact one (record by record) are held to each other
here as well.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.exchange import police_count, police_uk
from safer_desk.exchange.police_uk import PoliceFileError, count_street_file
from tests.indicators.police_helpers import HEADER as H
from tests.indicators.police_helpers import fixture, street_files

DAMAGED = "x-street.csv is damaged or cut short at "
AGAIN = " Download the file again; nothing was imported."
# What to do, said since session 36 (a blank first line was "x-street.csv is empty.", a Month not YYYY-MM said none).
BLANK_FIRST = ("x-street.csv starts with a blank line where its heading line (“Crime ID,Month,…”) should be: a "
               "data.police.uk street file starts with it, so another program changed the file. Download it again "
               "from data.police.uk; nothing was imported.")
CHANGED = (": every row of a data.police.uk street file has its month as YYYY-MM (2025-03 for March 2025), so another "
           "program changed the file. Download it again from data.police.uk; nothing was imported.")
INVALID_STATE = ("x-street.csv cannot be read as a CSV file (Invalid Input Error: The CSV Parser state machine reached "
                 "an invalid state.); nothing was imported.")  # DuckDB's refusal of some mixes of line endings


def row(month="2025-01", lsoa="Babergh 001A", crime="Burglary", loc="On or near X", cid="abc", ctx=""):
    return (f"{cid},{month},Suffolk Constabulary,Suffolk Constabulary,0.86,52.14,{loc},E01029876,{lsoa},{crime},"
            f"Under investigation,{ctx}")


R = row()
S = R.rsplit(",", 1)[0]  # a column short


def read(tmp_path, text: str):
    """What the reader makes of a file: its counts as {"force|month|district|crime type": rows}, or the
    refusal (the common start and end of a damaged file's message left off)."""
    path = tmp_path / "x-street.csv"
    path.write_bytes(text.encode())
    try:
        counted = count_street_file(path)
    except PoliceFileError as exc:
        return str(exc).replace(DAMAGED, "").replace(AGAIN, "")
    assert counted.rows == sum(counted.counts.values())
    return {"|".join(key): n for key, n in counted.counts.items()}


AS_BEFORE = {
    'short': (H+"\n"+R+"\n"+R.rsplit(",",1)[0]+"\n",
        'line 3: it has 11 columns where 12 were expected.'),
    '20cols': (H+"\n"+R+",a,b,c,d,e,f,g,h\n",
        'line 2: it has 13 columns where 12 were expected.'),
    '13cols': (H+"\n"+R+",a\n",
        'line 2: it has 13 columns where 12 were expected.'),
    '1col': (H+"\n"+"abc\n",
        'line 2: it has 1 column where 12 were expected.'),
    'spaces line': (H+"\n"+R+"\n   \n"+R+"\n",
        'line 3: it has 1 column where 12 were expected.'),
    'comma line': (H+"\n"+R+"\n,\n",
        'line 3: it has 2 columns where 12 were expected.'),
    'unclosed': (H+"\n"+R.replace("On or near X",'"On or near X')+"\n"+R+"\n",
        'line 2: a quoted value is never closed.'),
    'unclosed last': (H+"\n"+R+"\n"+R.replace("On or near X",'"On or near X')+"\n",
        'line 3: a quoted value is never closed.'),
    'quote then text': (H+"\n"+R.replace("On or near X",'"On or" near X')+"\n",
        'line 2: a quoted value is never closed.'),
    'space before quote': (H+"\n"+R.replace("On or near X",' "On or near X"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'space after quote': (H+"\n"+R.replace("On or near X",'"On or near X" ')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'quoted newline then short': (H+"\n"+R.replace("On or near X",'"On\nor\nnear X"')+"\n"+R.rsplit(",",1)[0]+"\n",
        'line 3: it has 11 columns where 12 were expected.'),
    'blank lines then short': (H+"\n\n\n"+R+"\n\n"+R.rsplit(",",1)[0]+"\n",
        'line 6: it has 11 columns where 12 were expected.'),
    'CR then short': ((H+"\n"+R+"\n"+R.rsplit(",",1)[0]+"\n").replace("\n","\r"),
        'line 3: it has 11 columns where 12 were expected.'),
    'CRLF then short': ((H+"\n"+R+"\n"+R.rsplit(",",1)[0]+"\n").replace("\n","\r\n"),
        'line 3: it has 11 columns where 12 were expected.'),
    'short no newline': (H+"\n"+R+"\n"+R.rsplit(",",1)[0],
        'line 3: it has 11 columns where 12 were expected.'),
    'quoted lsoa nl': (H+"\n"+R.replace("Babergh 001A",'"Babergh 001A\n"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'tab lsoa': (H+"\n"+row(lsoa="Babergh\t001A")+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'vt lsoa': (H+"\n"+row(lsoa="Babergh\x0b001A")+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'two errors': (H+"\n"+R+",x\n"+R.rsplit(",",1)[0]+"\n",
        'line 2: it has 13 columns where 12 were expected.'),
    'short and bad month': (H+"\n"+row(month="zz")+"\n"+R.rsplit(",",1)[0]+"\n",
        'line 3: it has 11 columns where 12 were expected.'),
    'NUL in row': (H+"\n"+R.replace("X","\0")+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'quote in quoted': (H+"\n"+R.replace("On or near X",'"On ""or"" near X"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'quoted crime': (H+"\n"+row(crime='"Burglary"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'escape odd': (H+"\n"+R.replace("On or near X",'"On "or near X"')+"\n",
        'line 2: a quoted value is never closed.'),
    'only header no nl': (H,
        {}),
    'header crlf only': (H+"\r\n",
        {}),
    'bom': ("\ufeff"+H+"\n"+R+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'empty trailing quote': (H+"\n"+R+'"\n',
        'line 2: a quoted value is never closed.'),
    'sp quoted crime': (H+"\n"+row(crime=' "Burglary"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'quoted crime sp': (H+"\n"+row(crime='"Burglary" ')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'x then quote': (H+"\n"+row(crime='x "y"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|x "y"': 1}),
    'sp quoted month': (H+"\n"+row(month=' "2025-01" ')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'tab quoted crime': (H+"\n"+row(crime='\t"Burglary"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|"Burglary"': 1}),
    'quoted crime tab': (H+"\n"+row(crime='"Burglary"\t')+"\n",
        'line 2: a quoted value is never closed.'),
    'quoted lsoa spaces inside': (H+"\n"+row(lsoa='" Babergh 001A "')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'X 001A 002B': (H+"\n"+row(lsoa='X 001A 002B')+"\n",
        {'Suffolk Constabulary|2025-01|X|Burglary': 1}),
    'lsoa nbsp': (H+"\n"+row(lsoa='Babergh\xa0001A')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'lsoa nl end quoted': (H+"\n"+row(lsoa='"Babergh 001A 002B\n"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh 001A|Burglary': 1}),
    'quoted CRLF then short': (H+"\n"+row(loc='"a\r\nb"')+"\n"+R.rsplit(",",1)[0]+"\n",
        'line 3: it has 11 columns where 12 were expected.'),
    'unclosed then short': (H+"\n"+R.rsplit(",",1)[0]+"\n"+row(loc='"a')+"\n",
        'line 2: it has 11 columns where 12 were expected.'),
    'short then unclosed': (H+"\n"+row(loc='"a')+"\n"+R.rsplit(",",1)[0]+"\n",
        'line 2: a quoted value is never closed.'),
    'quote in middle then newline': (H+"\n"+row(loc='a"b')+"\n"+R+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'only quote field': (H+"\n"+row(loc='"')+"\n"+R+"\n",
        'line 2: a quoted value is never closed.'),
    'empty quoted': (H+"\n"+row(loc='""')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'triple quote': (H+"\n"+row(loc='"""a"""')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'quote sp text': (H+"\n"+row(loc='"a" b')+"\n",
        'line 2: a quoted value is never closed.'),
    'many blank end': (H+"\n"+R+"\n\n\n\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'blank crlf end': (H+"\r\n"+R+"\r\n\r\n\r\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 1}),
    'sp only last': (H+"\n"+R+"\n ",
        'line 3: it has 1 column where 12 were expected.'),
    'blank first': ("\n"+H+"\n"+R+"\n",
        BLANK_FIRST),
    'bom blank': ("\ufeff\n"+H+"\n"+R+"\n",
        BLANK_FIRST),
    'CR file + LF': (H+"\r"+R+"\n"+R+"\r",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'CR file blank': (H+"\r"+R+"\r\r"+S+"\r",
        'line 4: it has 11 columns where 12 were expected.'),
    'LF file CR at line end': (H+"\n"+R+"\r\n"+R+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'CRLF file CR end': (H+"\r\n"+R+"\r\n"+R+"\r",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'LF file CR at eof': (H+"\n"+R+"\n"+R+"\r",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'LF file CR quoted': (H+"\n"+row(loc='"a\rb"')+"\n"+S+"\n",
        'line 3: it has 11 columns where 12 were expected.'),
    'hdr CR then LF 2': (H+"\r"+R+"\n"+R+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'hdr LF then CR': (H+"\n"+R+"\r"+R+"\r",
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
}

NOT_AS_BEFORE = {
    'sp quoted comma crime': (H+"\n"+row(crime='  "Bur,glary"')+"\n",
        {'Suffolk Constabulary|2025-01|Babergh|"Bur': 1},
        {'Suffolk Constabulary|2025-01|Babergh|Bur,glary': 1}),
    'unquoted quote comma': (H+"\n"+row(loc='On "X,Y"')+"\n",
        {'Suffolk Constabulary|2025-01|E01029876|Babergh 001A': 1},
        'line 2: it has 13 columns where 12 were expected.'),
    'CR CRLF blank then short': (H+"\r"+R+"\r\r\n"+R.rsplit(",",1)[0]+"\r\n",
        INVALID_STATE,
        'line 4: it has 11 columns where 12 were expected.'),
    'LF CR blank then short': (H+"\n"+R+"\n\r"+R.rsplit(",",1)[0]+"\n",
        INVALID_STATE,
        'line 4: it has 11 columns where 12 were expected.'),
    'lone CR mid': (H+"\n"+R.replace("On or near X", "On\rX")+"\n",
        INVALID_STATE,
        'line 2: it has 7 columns where 12 were expected.'),
    'CR file + CRLF': (H+"\r"+R+"\r\n"+R+"\r",
        INVALID_STATE,
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'CR file blank crlf': (H+"\r"+R+"\r\r\n"+S+"\r",
        INVALID_STATE,
        'line 4: it has 11 columns where 12 were expected.'),
    'CR file lone LF mid': (H+"\r"+R.replace("near X","near\nX")+"\r",
        INVALID_STATE,
        'line 2: it has 7 columns where 12 were expected.'),
    'LF file lone CR after blank': (H+"\n"+R+"\n\r\n"+S+"\n",
        INVALID_STATE,
        'line 4: it has 11 columns where 12 were expected.'),
    'CRLF hdr, LF, lone CR mid': (H+"\r\n"+R+"\n"+R.replace("near X","near\rX")+"\n",
        INVALID_STATE,
        'line 3: it has 7 columns where 12 were expected.'),
    'LF file CRCR at eof': (H+"\n"+R+"\n"+R+"\r\r",
        INVALID_STATE,
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    'hdr CR then LF': (H+"\r"+R+"\n"+S+"\n",
        INVALID_STATE,
        'line 3: it has 11 columns where 12 were expected.'),
    'hdr CRLF then CR': (H+"\r\n"+R+"\r"+R+"\r",
        INVALID_STATE,
        {'Suffolk Constabulary|2025-01|Babergh|Burglary': 2}),
    # A Month that is not YYYY-MM: DuckDB's message named the first such month in sorted order; now the first in
    # the file, with its line.
    'quoted empty month': (H+"\n"+row(month='""')+"\n",
        'x-street.csv has a Month that is not YYYY-MM (“”); nothing was imported.',
        'x-street.csv has a Month that is not YYYY-MM (“”) at line 2' + CHANGED),
    'bad months': (H+"\n"+row(month="zz")+"\n"+row(month="aa")+"\n",
        'x-street.csv has a Month that is not YYYY-MM (“aa”); nothing was imported.',
        'x-street.csv has a Month that is not YYYY-MM (“zz”) at line 2' + CHANGED),
    'month spaces': (H+"\n"+row(month=" 2025-01")+"\n",
        'x-street.csv has a Month that is not YYYY-MM (“ 2025-01”); nothing was imported.',
        'x-street.csv has a Month that is not YYYY-MM (“ 2025-01”) at line 2' + CHANGED),
    'header twice': (H+"\n"+R+"\n"+H+"\n",
        'x-street.csv has a Month that is not YYYY-MM (“Month”); nothing was imported.',
        'x-street.csv has its heading line again at line 3: two files were probably put together into one. Import '
        "each month's file as data.police.uk gives it (choose them together, or their folder); nothing was "
        'imported.'),
}


@pytest.mark.parametrize("case", list(AS_BEFORE))
def test_files_are_read_as_duckdb_read_them(tmp_path, case):
    text, expected = AS_BEFORE[case]
    assert read(tmp_path, text) == expected


@pytest.mark.parametrize("case", list(NOT_AS_BEFORE))
def test_where_the_reading_differs_from_duckdb_on_purpose(tmp_path, case):
    """DuckDB's reader silently shifted or cut the columns of two rows with quotes it did not treat as
    quotes (a quote after spaces and a comma inside it; a quote inside an unquoted value with a comma after
    it): they are now read as quoted values, or refused for their 13 columns. And it stopped with an
    internal error ("The CSV Parser state machine reached an invalid state") on files mixing a lone CR with
    LF line endings, while reading other mixes (tests/indicators/test_police_bad_input.py, "mixed
    endings"): now CR LF, LF and CR are each a line break wherever they are, so such a file is counted, or
    refused with the line and columns of its bad row. A Month that is not YYYY-MM is named with its line."""
    text, before, now = NOT_AS_BEFORE[case]
    assert read(tmp_path, text) == now != before


def test_a_damaged_file_s_whole_message(tmp_path):
    path = tmp_path / "x-street.csv"
    path.write_bytes((H + "\n" + R + "\n" + S + "\n").encode())
    with pytest.raises(PoliceFileError) as refused:
        count_street_file(path)
    assert str(refused.value) == ("x-street.csv is damaged or cut short at line 3: it has 11 columns where 12 "
                                  "were expected. Download the file again; nothing was imported.")


# -- the fast way and the exact way agree ----------------------------------------------------------------
LAYOUT = police_uk._layout(tuple(H.split(",")))


def both_ways(data: bytes):
    """(the fast count or None when it declines, the exact count or the refusal's line and columns)."""
    fast = police_uk._fast_count(data, LAYOUT, police_uk._Districts())
    try:
        exact = police_uk._slow_count(data, LAYOUT, police_uk._Districts())
    except police_uk._Ragged as ragged:
        exact = ("refused", ragged.line, ragged.found)
    return fast, exact


def test_real_files_are_counted_the_fast_way_and_agree_with_the_exact_way():
    files = [p for name in ("suffolk-2025", "suffolk-2021-01", "devon-and-cornwall-2020-q1", "thames-valley-2022-01")
             for p in street_files(fixture(name))]
    assert len(files) >= 6
    for path in files:
        data = path.read_bytes()
        for variant in (data, data.replace(b"\r\n", b"\n"), data.replace(b"\r\n", b"\n").replace(b"\n", b"\r"),
                        data.replace(b"\n", b"\r\n") if b"\r" not in data else data, data.rstrip(b"\r\n"),
                        data + b"\n\n\r\n"):
            fast, exact = both_ways(variant)
            assert fast is not None, path  # every police.uk file takes the fast way
            assert fast == exact, path


@pytest.mark.parametrize("chunk", [300, 50])
def test_a_big_file_is_split_a_few_lines_at_a_time_with_the_same_counts(monkeypatch, chunk):
    """FAST_CHUNK bytes of whole lines at a time (a line longer than that whole): the counts do not change."""
    path = street_files(fixture("suffolk-2025"))[0]
    data = path.read_bytes()
    whole = both_ways(data)
    monkeypatch.setattr(police_count, "FAST_CHUNK", chunk)
    assert both_ways(data) == whole and whole[0] == whole[1]
    assert both_ways(data.replace(b"\n", b"\r\n") + b"\r\n") == whole


def test_a_ragged_sample_declines_the_fast_way_and_is_refused_at_its_line():
    data = fixture("ragged-samples", "2018-01-bedfordshire-street.csv").read_bytes()
    fast, exact = both_ways(data)
    assert fast is None and exact[0] == "refused"
    assert exact == ("refused", data.replace(b"\r\n", b"\n").rstrip(b"\n").count(b"\n") + 1, 11)


CELL = st.sampled_from(["", "a", "2025-01", "Babergh 001A", " Ipswich 010B ", "Burglary", "x y", "Waveney 003C"])
LINE = st.one_of(st.lists(CELL, min_size=12, max_size=12).map(",".join),  # most lines are whole
                 st.lists(CELL, min_size=0, max_size=14).map(",".join))
ENDING = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINE, max_size=8), ending=ENDING, final=st.sampled_from(["", "\n", "\r\n", "\n\n"]))
def test_the_fast_way_counts_what_the_exact_way_counts_or_declines(lines, ending, final):
    data = (ending.join([H, *lines]) + (final if ending != "\r" else final.replace("\n", "\r"))).encode()
    fast, exact = both_ways(data)
    if fast is not None:
        assert fast == exact
    else:  # declined: only where there is something to refuse, or an empty line to skip
        assert exact[0] == "refused" or any(not line for line in lines) or final.count("\n") > 1


def test_counts_are_kept_per_file_and_district_as_the_counter_gives_them(tmp_path):
    rows = [row(lsoa="Babergh 001A"), row(lsoa="Babergh 002B"), row(lsoa=" Waveney 003C", crime="Other theft"),
            row(lsoa="", crime="Other theft"), row(month="2025-02")]
    path = tmp_path / "x-street.csv"
    path.write_bytes(("\n".join([H, *rows]) + "\n").encode())
    counted = count_street_file(path)
    assert Counter(counted.counts) == Counter({
        ("Suffolk Constabulary", "2025-01", "Babergh", "Burglary"): 2,
        ("Suffolk Constabulary", "2025-01", "Waveney", "Other theft"): 1,
        ("Suffolk Constabulary", "2025-01", "", "Other theft"): 1,
        ("Suffolk Constabulary", "2025-02", "Babergh", "Burglary"): 1})
    assert counted.rows == 5
