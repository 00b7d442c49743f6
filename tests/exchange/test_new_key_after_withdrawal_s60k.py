"""A new signing key after the county withdrew the officer's key (session 60, keys).

The guide said "a replacement key is accepted like any new key", but an officer whose key the county had withdrawn (a
laptop thought lost, then found; an account that may have been used by someone else) had no way to make a new one on
the same computer: every export was still signed with the withdrawn key and refused, and the only way out was deleting
the key file by hand. `safer-desk key --replace-withdrawn FINGERPRINT` now makes one: only for the key named (the
fingerprint the county's refusal gives, so it is never done by a slip), keeping the old key's fingerprint and public
half in the keys folder (its private half is destroyed: a withdrawn key never signs again), and the county confirms the
new key by phone like any new one. Earlier exports, signed with the old key, still check.
"""

from __future__ import annotations

from safer_desk.exchange.signing import existing_officer_key, key_path, officer_key
from tests.cli_run import run


def test_no_key_yet_is_said_and_none_is_made(capsys):
    code, printed, err = run(capsys, "key", "--replace-withdrawn", "3F2A 9C1B 77D0 12AB 4C9E 0F31")
    assert (code, printed) == (1, "")
    assert "no signing key on this computer yet" in err and "nothing was changed" in err.lower(), err
    assert existing_officer_key() is None


def test_a_key_other_than_this_officers_is_refused_and_the_key_is_kept(capsys):
    mine = officer_key()
    before = key_path().read_bytes()
    code, printed, err = run(capsys, "key", "--replace-withdrawn", "3F2A 9C1B 77D0 12AB 4C9E 0F31")
    assert (code, printed) == (1, "")
    said = err.strip().splitlines()[-1]
    assert f"your signing key is {mine.fingerprint}, not 3F2A 9C1B 77D0 12AB 4C9E 0F31" in said, said
    assert "Nothing was changed" in said, said
    assert key_path().read_bytes() == before


def test_the_withdrawn_key_is_replaced_and_its_public_half_kept(capsys):
    old = officer_key()
    code, printed, err = run(capsys, "key", "--replace-withdrawn", old.fingerprint.replace(" ", "").lower())
    assert code == 0, err
    new = existing_officer_key()
    assert new is not None and new.fingerprint != old.fingerprint
    assert printed.strip() == new.fingerprint
    assert f"replaced your signing key {old.fingerprint}" in err and "confirm" in err, err
    kept = list((key_path().parent / "replaced").iterdir())
    assert len(kept) == 1, kept
    record = kept[0].read_text(encoding="utf-8")
    assert old.fingerprint in record and old.public_text in record and new.fingerprint in record, record
    assert "PRIVATE KEY" not in record
    every_file = b"".join(p.read_bytes() for p in key_path().parent.rglob("*") if p.is_file())
    assert every_file.count(b"PRIVATE KEY") == 2  # one key's BEGIN and END: the new one alone
    # asked again for the old one: it is not this computer's key any more
    code, _, err = run(capsys, "key", "--replace-withdrawn", old.fingerprint)
    assert code == 1 and "was replaced on this computer on" in err, err


def test_the_county_refuses_the_old_key_and_accepts_the_new_one_confirmed(demo_path, tmp_path, capsys):
    first = tmp_path / "first.sqlite"
    county = tmp_path / "county.sqlite"
    old = officer_key().fingerprint
    assert run(capsys, "export", demo_path, first)[0] == 0
    assert run(capsys, "merge", county, first, "--accept-key", old)[0] == 0
    assert run(capsys, "keys", county, "--withdraw", old, "--reason", "laptop thought lost")[0] == 0
    code, _, err = run(capsys, "key", "--replace-withdrawn", old)
    assert code == 0, err
    new = officer_key().fingerprint
    second = tmp_path / "second.sqlite"
    assert run(capsys, "export", demo_path, second)[0] == 0
    code, _, err = run(capsys, "merge", county, second)
    assert code == 1 and "not registered" in err, err
    code, _, err = run(capsys, "merge", county, second, "--accept-key", new)
    assert code == 0, err
    code, _, err = run(capsys, "check", first)  # signed with the old key: its signature still checks
    assert code == 0, err


def test_withdrawing_a_key_says_how_the_officer_makes_a_new_one(demo_path, tmp_path, capsys):
    # The county lead who withdrew a key was told only that its exports are refused: the office then phoned to ask
    # how to send anything at all.
    first = tmp_path / "first.sqlite"
    county = tmp_path / "county.sqlite"
    old = officer_key().fingerprint
    assert run(capsys, "export", demo_path, first)[0] == 0
    assert run(capsys, "merge", county, first, "--accept-key", old)[0] == 0
    code, printed, err = run(capsys, "keys", county, "--withdraw", old, "--reason", "laptop thought lost")
    assert code == 0, err
    assert f'safer-desk key --replace-withdrawn "{old}"' in printed and "New Key…" in printed, printed
