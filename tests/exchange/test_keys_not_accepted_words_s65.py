"""The status-bar sentence after Do Not Accept is built in services (STYLE.md layers: no words in ui/), so it can be
read without a window; the words are those round 64 settled (test_key_not_accepted_said_s64 drives the window)."""

from __future__ import annotations

from pathlib import Path

from safer_desk.services.county import KeyOffer, keys_not_accepted_words


def offer(name: str, office: str, fingerprint: str) -> KeyOffer:
    return KeyOffer(Path("/x") / name, fingerprint, office.lower(), f"{office} office", "an officer", (), "why")


def test_one_file_not_accepted():
    said = keys_not_accepted_words([offer("babergh-1.sdx", "Babergh", "AA")])
    assert said == ("Not merged: babergh-1.sdx (Babergh office's key was not accepted). Import it again once its "
                    "fingerprint is confirmed by phone.")


def test_two_files_of_one_key_and_two_offices():
    one_key = keys_not_accepted_words([offer("b-1.sdx", "Babergh", "AA"), offer("b-2.sdx", "Babergh", "AA")])
    assert one_key == ("Not merged: b-1.sdx and b-2.sdx (Babergh office's key was not accepted). Import them again "
                       "once each fingerprint is confirmed by phone.")
    two_keys = keys_not_accepted_words([offer("m.sdx", "Mid Suffolk", "BB"), offer("b.sdx", "Babergh", "AA")])
    assert two_keys == ("Not merged: m.sdx and b.sdx (Babergh office's and Mid Suffolk office's keys were not "
                        "accepted). Import them again once each fingerprint is confirmed by phone.")


def test_nothing_kept_out_says_nothing():
    assert keys_not_accepted_words([]) == ""
