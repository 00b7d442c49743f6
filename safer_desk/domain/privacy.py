"""One detector of people's names in text: refuse them where a victim could be named, warn where naming
a person or a firm is legitimate (a recommendation's owner, a supplier).

DESIGN §2.3: victims are recorded by a pseudonymous reference and district only, never by name. The
detector looks for the shapes a name takes in case notes, whatever the case of the letters:

- a first name from a list of common first names in England and Wales (``resources/privacy``; see
  its header for the source) followed by a surname: "Jane Smith", "jane smith", "JANE SMITH",
  "Jane Smith 1985", "Mary Ann Jones", "Jane A. Smith";
- initials followed by a capitalised surname: "J. Smith", "J.A. Smith", "J.Smith"; an initial and a space before a
  surname in small letters, as typed quickly: "j smith", "J smith", "visited j smith" (not a letter that labels
  something: "plan b agreed", "e mail", "B and C keep", "Partner B commits"); a capital initial and a capitalised
  surname after a word that says a person comes next (``BEFORE_A_PERSON``): "visited J Smith", "for J Okonkwo";
- a title followed by a surname: "Mrs Smith", "Dr. Patel", "Mrs smith", and the same joined up as in a code:
  "Mrs-Smith", "mrs_smith", "TH-2018-MRS-SMITH";
- a surname, a comma and a first name: "Smith, Jane", "SMITH, JANE", "smith, jane";
- in a code (no word in small letters around it), a surname and initials, either way round, that end it or come
  before a number: "Smith J", "SMITH J.", "SMITH, J" (as police lists write it), "TH-2018-SMITH-J-1985", "J Smith",
  "TH-2018-J-SMITH".

A surname is any word of two letters or more that is not a common English or case-work word
("referral", "review", "risk", "to" …). First names that are also ordinary words ("Mark", "June",
"Grace", "Frank") count only when written with a capital ("Mark Smith", "MARK SMITH"; "mark as done"
is not a name).

Its limits (said in the user guide too): a first name missing from the list ("Oluwaseun Smith") is
found only by the other shapes; a surname alone ("Smith") or a first name alone ("Jane") is not a
name to it (in a reference, ``surname_alone`` finds a word that may be a surname, to ask about, not refuse);
a name written as initials only ("JS") is not found; in capitals or small letters, a word of two
letters, or without a vowel, or of three or four letters starting with a vowel and two consonants, is a code's letters
and not a surname ("MS-TH-2018-01", "MS BDC", "MS-IBC-01", "MS ASB 2018"), so "MR NG" or "MRS ASH" is not found
either ("Mr Ng" is); with a letter, a district's or a county's name in one word ("CCG-Ipswich-A", "Suffolk-A-2019"), a
role ("Mother A", "Son C"), a fund's round or pilot ("Round B") or the letters of a team or scheme ("PPO-A-2019") is a
code, not a surname and its initial, so a surname that is also a district ("Sutton J", "Preston A") is not found,
and a town that is not a district ("Felixstowe-B-02") is taken for a name; a street or place named after a
person can be taken for one ("Victoria Smith Court" would be refused in a note: write it otherwise).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from typing import Iterable

from safer_desk.domain.text import folded as without_accents

NAMES_RESOURCE = ("privacy", "uk-first-names.txt")
# The districts (current and former) and counties of England and Wales: a place's name with a letter is a code.
PLACES_RESOURCES = (("lookups", "lsoa_district_current.csv", ("lsoa_district", "current_name")),
                    ("lookups", "district_county.csv", ("county",)))


# Characters no one sees, which text pasted from an e-mail or a web page can carry: a zero-width space, joiners, a
# word joiner, a byte-order mark, a soft hyphen. "Jane\u200b Smith" reads as Jane Smith wherever it is shown.
_INVISIBLE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# One line break within a paragraph, with the spaces around it: a note pasted from an e-mail keeps the mail's hard
# wrapping, which falls inside a name as often as between sentences ("heard from Jane⏎Smith"). A blank line stays.
_WRAPPED = re.compile(r"(?<=\S)[^\S\n]*\n[^\S\n]*(?=\S)")


def as_read(text: str) -> str:
    """The text as a reader sees it, for the detectors: without invisible characters, and letters in their ordinary
    form (full-width "Ｊａｎｅ" is Jane)."""
    import unicodedata  # a built-in module, off the path to the first paint until a text is checked

    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


class PrivacyError(ValueError):
    """Text that looks like it names a person where no person may be named; the message says which words."""


@dataclass(frozen=True)
class NameFound:
    words: str  # the words that look like a name, as written
    shape: str  # "first name and surname", "initials and surname", "title and surname", "surname, first name",
    # "surname and initial"


# First names that are also ordinary English words: a name only when capitalised.
AMBIGUOUS_FIRST_NAMES = frozenset("""
amber bill carol dale dawn dean frank gail glen grace guy hazel heather holly jack jade jay jean june kim
lee mark max mo nick pat ray rob robin ross sally sandy sue terry victor will summer joy faith hope rose seren
""".split())

# Words that never stand for a surname after a first name or initial: function words, and the words of
# case work, money and places that follow a capitalised word in board papers ("June meeting", "Victoria Road").
NOT_SURNAMES = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
once only or other our out over own same she should so some such than that the their them then there these
they this those through to too under until up very was we were what when where which while who whom why
will with would you your yes via per etc re cc fao attn nb ok tbc tbd nk n/a cr
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
quarter year month week day date today yesterday tomorrow annual monthly weekly
review reviews referral referrals referred refer risk risks high medium low standard case cases note notes
meeting meetings panel panels report reports reporting plan plans action actions recommendation
recommendations owner owners lead leads team teams service services officer officers office offices
partner partners partnership partnerships board boards council councils county district districts borough
police constabulary probation health nhs ccg icb trust hospital clinic gp school schools college university
housing association social care adult adults child children family families victim victims support
perpetrator perpetrators offender offenders idva idvas marac mash dhr dhrs csp csps pcc opcc home qa
chair author writer administration admin legal translation venue travel invoice invoices invoiced payment
payments paid refused refusal reason reasons written share shares cost costs fee fees total totals amount
amounts budget budgets fund funds funding grant grants spend spent item items supplier suppliers provider
providers contract contracts order orders receipt receipts credit debit balance
lock locks door doors chain chains alarm alarms letterbox letterboxes window windows viewer viewers
fireproof replacement personal security camera cameras sanctuary scheme schemes
road street lane avenue close drive way court place square crescent terrace gardens park hill house
houses flat flats estate centre center ward wards station building buildings unit units room rooms wing
north south east west central mid upper lower greater new old great little saint st
agreed agree approved approve completed complete done due overdue pending ongoing open closed hold held
sent received requested request requests awaiting chased chase confirmed confirm cancelled delayed
first second third final draft version update updated updates next last previous new
ambulance fire rescue aid foundation society charity church chapel cathedral abbey academy primary
secondary infant junior nursery surgery practice medical institute college library museum hall
and/or vs
ltd limited plc llp cic inc co corp llc
locksmith locksmiths glazing glaziers electrical electricians plumbing plumbers builders joinery contractors
installations solutions supplies
""".split())

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord", "rev", "revd"})

# Words a single letter follows in documents, funds and case work ("Annex A", "Plan B", "Round B"), the roles a review
# gives its people instead of names ("Mother A", "Son C", "Person B") and the letters of case work's teams and schemes
# ("PPO-A-2019", "MAPPA-B-01"): not a surname and its initial.
NOT_BEFORE_AN_INITIAL = frozenset("""
annex annexe appendix attachment enclosure exhibit option options plan phase part section paragraph para clause
stage level grade type category class tier band zone area block floor table figure page form schedule lot batch
group vitamin hepatitis model route site scenario list box kit pack size rule sheet tab column row
mother father son daughter brother sister sibling parent stepmother stepfather stepson stepdaughter grandmother
grandfather grandparent grandson granddaughter aunt uncle nephew niece husband wife person subject witness member
neighbour colleague employer interpreter translator refuge hostel hotel agency
round tranche pilot wave cohort bid package bundle project programme stream workstream strand pot
ppo iom yot yos dat daat dva vawg cse cce soc sarc dash lado camhs mappa mapp spoc dvpo dvpn rasso sen send pcso
lsab sab mopac idap dapp lac cin iopc hmic pip cbo pspo dppo iris
""".split())

# Words a letter is the first of without naming anyone ("e mail", "x ray", "t shirt", "u turn", "b road", "c section",
# "e safety"), in small letters as people type them: never a surname after an initial.
NOT_AFTER_A_LETTER = frozenset("""
mail mails ray rays shirt shirts turn turns junction junctions road roads section sections safety learning bike bikes
scooter scooters cigarette cigarettes commerce sign signs plus minus level levels list lists number numbers coli
shaped shape bomb flat grade class team teams word words fit day times
""".split())
# Words after which a capital letter and a word in small letters ("visited J smith") is a person, not a label.
BEFORE_A_PERSON = frozenset("""
to with from by for of met saw see seen called phoned rang visited contacted told asked advised victim client re cc
fao attn spoke helped supported emailed texted referred interviewed accompanied informed notified escorted chased
meet call ask tell help support visit contact phone email
""".split())
_UNITS = frozenset("smkghlpt")  # after a number, a unit ("4 s", "608 M", "30 p"), not an initial
# Words a letter follows to name a round, a pilot or a strand ("round b bids", "pilot a ipswich"): not a person's
# initial after them.
LETTERED = frozenset("""
round tranche pilot wave cohort bid package bundle project programme stream workstream strand pot lot phase fund
scheme year quarter week month cluster locality hub patch sector division
""".split())

_SEGMENT = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)  # a code's letters: "TH", "SMITH", "O'Brien"
_JOIN = re.compile(r"[^\S\n]*(?:[._/-][^\S\n]*)*")  # what joins a code's parts: spaces, - . _ /

_COMMA = re.compile(r"[^\S\n]*,[^\S\n]*")  # a surname's comma before its initials: "SMITH, J", "Smith,J"

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*", re.UNICODE)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return self.text.casefold().replace("’", "'")

    @property
    def lower(self) -> bool:
        return self.text == self.text.lower()

    @property
    def capitalised(self) -> bool:  # "Smith", "SMITH", "McDonald", "O'Brien"
        return self.text[:1].isupper()


class NameDetector:
    """Finds a person's name in text, using a set of first names (see the module's notes for the shapes)."""

    def __init__(self, first_names: Iterable[str], places: Iterable[str] = ()):
        # Without accents, as a name is compared ("Siân" is the list's Sian, "Zoë" its Zoe)
        self.first_names = frozenset(without_accents(n.strip()) for n in first_names if n.strip())
        # Places named in one word ("Ipswich", "Suffolk"): with a letter, an area's code ("CCG-Ipswich-A"), not a name.
        self.places = frozenset(p.strip().casefold().replace("’", "'") for p in places if p.strip())

    def is_first_name(self, token: _Token) -> bool:
        plain = without_accents(token.folded)
        parts = plain.split("-")  # Anne-Marie
        if not any(p in self.first_names for p in parts):
            return False
        if plain in AMBIGUOUS_FIRST_NAMES and token.lower:
            return False
        return True

    @staticmethod
    def is_surname(token: _Token, *, need_capital: bool = False) -> bool:
        if len(token.text) < 2 or token.folded in NOT_SURNAMES or token.folded in TITLES:
            return False
        if need_capital and not token.capitalised:
            return False
        return True

    def find(self, text: str | None) -> NameFound | None:
        """The first thing in text that looks like a person's name, or None."""
        if not text or not text.strip():
            return None
        text = _WRAPPED.sub(" ", as_read(text))
        tokens = [_Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        for i, token in enumerate(tokens):
            found = (self._first_and_surname(text, tokens, i) or self._initials(text, tokens, i)
                     or self._initial_and_small_surname(text, tokens, i) or self._surname_comma_first(text, tokens, i))
            if found:
                return found
        parts = [_Token(m.group(0), m.start(), m.end()) for m in _SEGMENT.finditer(text)]  # "MRS-SMITH": two parts
        for i, part in enumerate(parts):
            found = (self._title(text, parts, i) or self._surname_and_initials(text, parts, i)
                     or self._initials_in_code(text, parts, i))
            if found:
                return found
        return None

    @staticmethod
    def _spaces_only(text: str, a: _Token, b: _Token) -> bool:
        gap = text[a.end:b.start]
        return bool(gap) and not gap.strip() and "\n" not in gap

    @staticmethod
    def _initial(text: str, token: _Token) -> bool:
        """A single capital letter followed by a full stop: "J." """
        return len(token.text) == 1 and token.text.isupper() and text[token.end:token.end + 1] == "."

    def _first_and_surname(self, text: str, tokens: list[_Token], i: int) -> NameFound | None:
        first = tokens[i]
        if not self.is_first_name(first):
            return None
        if i > 0 and tokens[i - 1].folded in ("st", "saint") and self._spaces_only(text, tokens[i - 1], first) \
                or i > 0 and text[tokens[i - 1].end:first.start] == ". " and tokens[i - 1].folded == "st":
            return None  # "St John Ambulance", "St. Mary Street": a saint's name, not a person's
        need_capital = first.folded in AMBIGUOUS_FIRST_NAMES
        j = i + 1
        while j < len(tokens):
            prev, nxt = tokens[j - 1], tokens[j]
            gap = text[prev.end:nxt.start]
            if "\n" in gap or gap.strip() not in ("", ".") or (gap.strip() == "." and len(prev.text) != 1):
                return None  # another sentence, a list ("Jane, Smith"), a break
            if self._initial(text, nxt):
                j += 1  # a middle initial: "Jane A. Smith"
                continue
            if not self.is_surname(nxt, need_capital=need_capital):
                return None
            if self.is_first_name(nxt) and j + 1 < len(tokens) and self._spaces_only(text, nxt, tokens[j + 1]) \
                    and self.is_surname(tokens[j + 1], need_capital=need_capital):
                nxt = tokens[j + 1]  # a second first name, then the surname: "Mary Ann Jones"
            return NameFound(text[first.start:nxt.end], "first name and surname")
        return None

    def _initials(self, text: str, tokens: list[_Token], i: int) -> NameFound | None:
        """ "J. Smith", "J.A. Smith", "J.Smith": capital letters each with a full stop, then a capitalised surname."""
        if not self._initial(text, tokens[i]) or (i > 0 and self._initial(text, tokens[i - 1])
                                                  and text[tokens[i - 1].end:tokens[i].start].strip() == "."):
            return None  # not an initial, or not the first of a run of initials (the first is tried)
        j = i
        while j < len(tokens) and self._initial(text, tokens[j]) and \
                (j == i or not text[tokens[j - 1].end:tokens[j].start].strip(". ")):
            j += 1
        if j >= len(tokens):
            return None
        surname = tokens[j]
        gap = text[tokens[j - 1].end:surname.start]
        if gap.strip(". ") or "\n" in gap:
            return None
        if not self.is_surname(surname, need_capital=True):
            return None
        return NameFound(text[tokens[i].start:surname.end], "initials and surname")

    def _initial_and_small_surname(self, text: str, tokens: list[_Token], i: int) -> NameFound | None:
        """ "j smith", "J smith", "j. smith": an initial and a space, then a surname typed in small letters
        ("visited j smith at home"); not "plan b agreed", "e mail", "x ray", "e.g. someone" (``NOT_AFTER_A_LETTER``)."""
        initial = tokens[i]
        if len(initial.text) != 1 or initial.folded in ("a", "i", "o", "x") or i + 1 >= len(tokens):
            return None  # "a smith" is a smith; "i", "o" and "x" (times) are words
        surname = tokens[i + 1]
        gap = text[initial.end:surname.start]
        if " " not in gap or "\n" in gap or gap.strip() not in ("", "."):
            return None  # another line, a list ("j, smith"), a code's dash ("b-road" is the code's)
        before = text[:initial.start].rstrip(" ")
        opening = text[initial.start - 1:initial.start] in "\"'" and text[initial.start - 2:initial.start - 1] in " ("
        if text[initial.start - 1:initial.start] not in ("", " ", "(", "“", "‘", "\n") and not opening \
                or before[-1:].isdigit() and initial.folded in _UNITS:
            return None  # "A&E department", "Ctrl+Z undoes", "round 28's code", "30K aprox", "4.4 s either"
        if i > 0:
            prev = tokens[i - 1]
            between = text[prev.end:initial.start]
            if len(prev.text) == 1 and between.strip() == ".":
                return None  # "e.g. someone", "p.m. visit": an abbreviation's letters
            if "\n" not in between and not between.strip(" -") and (
                    prev.folded in NOT_BEFORE_AN_INITIAL or prev.folded in LETTERED or prev.folded in self.places):
                return None  # "plan b agreed", "round b bids", "ipswich a team"
            if prev.folded in ("and", "or") and i > 1 and len(tokens[i - 2].text) == 1:
                return None  # "B and C keep £500 each": letters naming partners or options, not initials
            if initial.text.isupper() and prev.folded not in BEFORE_A_PERSON:
                return None  # "Partner B commits", "What B means": a capital letter is a label as often as an initial
        if text[surname.end:surname.end + 1] == "." and text[surname.end + 1:surname.end + 2].isalpha():
            return None  # "a.m.", "e.g."
        word = surname.folded
        # A capital letter and a capitalised surname after a word that says a person comes next ("visited J Smith",
        # "for J Okonkwo"); elsewhere a capitalised surname is "J. Smith" (``_initials``) or a code's ("J Smith").
        after_a_person = initial.text.isupper() and i > 0 and tokens[i - 1].folded in BEFORE_A_PERSON \
            and surname.capitalised
        if not (surname.lower or after_a_person) or word in NOT_SURNAMES or word in NOT_AFTER_A_LETTER \
                or word in NOT_BEFORE_AN_INITIAL or word in self.places or not self.surname_like(surname.text):
            return None
        return NameFound(text[initial.start:surname.end], "initials and surname")

    @staticmethod
    def surname_like(word: str) -> bool:
        """A word that can be a surname after a title or before an initial: "Smith", "Ng", "SMITH", "smith"; not a
        code's letters, in capitals or small letters: two letters ("TH", "ES"), no vowel ("BDC", "MSDC", "WSCSP"), or
        three or four starting with a vowel and two consonants ("IBC", "ASB", "ISVA")."""
        folded = word.casefold().replace("’", "'")
        if len(word) < 2 or folded in NOT_SURNAMES or folded in TITLES:
            return False
        if word[:1].isupper() and not word.isupper():
            return True  # "Smith", "Ng", "McDonald"
        if len(word) < 3 or not any(c in "aeiouy" for c in folded):
            return False
        return not (len(word) <= 4 and folded[0] in "aeiou" and folded[1] not in "aeiouy" and folded[2] not in "aeiouy")

    @staticmethod
    def _joined(text: str, a: _Token, b: _Token) -> bool:
        """Two parts of a code next to each other: "Mrs Smith", "MRS-SMITH", "mrs_smith", "Mrs. Smith", "TH/SMITH"."""
        gap = text[a.end:b.start]
        return bool(gap) and _JOIN.fullmatch(gap) is not None

    def _title(self, text: str, parts: list[_Token], i: int) -> NameFound | None:
        """ "Mrs Smith", "Dr. Patel", "Mr J Smith", "MR SMITH", "mrs smith", "Mrs-Smith", "TH-2018-MRS-SMITH"."""
        title = parts[i]
        if title.folded not in TITLES:
            return None
        after = text[title.end:parts[i + 1].start] if i + 1 < len(parts) else ""
        if title.lower and title.folded not in ("mr", "mrs", "ms", "mx", "dr") and "_" not in after:
            return None  # "miss the deadline", "lady chapel"; "miss_brown_2019" is a code
        if "/" in after and any(p.lower and len(p.text) > 2 for k, p in enumerate(parts) if k not in (i, i + 1)):
            return None  # "Dr/Nurse at the practice", "Dr/Cr balance": prose, not a code ("TH/2018/Mrs/Khan")
        j = i + 1
        while j + 1 < len(parts) and len(parts[j].text) == 1 and parts[j].text.isupper() \
                and self._joined(text, parts[j - 1], parts[j]):
            j += 1  # "Mr J Smith", "Mrs J. A. Smith", "MRS-J-SMITH"
        if j >= len(parts) or not self._joined(text, parts[j - 1], parts[j]):
            return None
        surname = parts[j]
        if title.text.isupper() and len(title.text) > 1 and not surname.text.isupper():
            return None  # "MS Word"
        if title.capitalised and not title.text.isupper() and not surname.capitalised \
                and title.folded not in ("mr", "mrs", "ms", "mx"):
            return None  # "Miss-sold", "Dr appointment"; but "Mrs smith", "Mr. jones" are names
        if not self.surname_like(surname.text):
            return None  # "MS-TH-2018-01", "MS ASB 2018"
        return NameFound(text[title.start:surname.end], "title and surname")

    def _surname_and_initials(self, text: str, parts: list[_Token], i: int) -> NameFound | None:
        """In a code, a surname then initials that end it or come before a number: "Smith J", "SMITH J.",
        "TH-2018-SMITH-J-1985"; not in prose ("spoke to Smith J") nor "Plan B", "Annex A"."""
        surname = parts[i]
        if surname.folded in NOT_BEFORE_AN_INITIAL or surname.folded in self.places \
                or not self.surname_like(surname.text):
            return None  # "Plan B", "Ipswich-A"
        j = i + 1
        while j < len(parts) and len(parts[j].text) == 1 and (parts[j].text.isupper() or surname.lower) \
                and (self._joined(text, parts[j - 1], parts[j]) or j == i + 1 and _COMMA.fullmatch(
                    text[surname.end:parts[j].start])) and "/" not in text[parts[j - 1].end:parts[j].start]:
            j += 1  # "J", "J.A.", "J A" ("smith j" in small letters), "SMITH, J" as a police list has it; not "N/A"
        if j == i + 1:
            return None
        rest = text[parts[j - 1].end:].lstrip(" ._/-")
        if rest and not rest[0].isdigit():
            return None  # "Plan B Review", "Smith J, Babergh"
        if any(p.lower and len(p.text) > 1 for k, p in enumerate(parts) if not i <= k < j):
            return None  # prose, not a code
        return NameFound(text[surname.start:parts[j - 1].end], "surname and initial")

    def _initials_in_code(self, text: str, parts: list[_Token], i: int) -> NameFound | None:
        """In a code, initials without full stops then a surname that ends it or comes before a number: "J Smith",
        "J-SMITH-1985", "TH-2018-J-SMITH"; not "Annex A Babergh" nor prose ("see J Smith about it")."""
        if i > 0 and self._joined(text, parts[i - 1], parts[i]) and (
                len(parts[i - 1].text) == 1 or parts[i - 1].folded in NOT_BEFORE_AN_INITIAL):
            return None  # not the first initial, or a document's letter ("Plan B")
        j = i
        while j < len(parts) and len(parts[j].text) == 1 and parts[j].text.isupper() \
                and (j == i or self._joined(text, parts[j - 1], parts[j])):
            j += 1
        if j == i or j >= len(parts) or not self._joined(text, parts[j - 1], parts[j]) \
                or "/" in text[parts[j - 1].end:parts[j].start]:
            return None
        surname = parts[j]
        if not surname.capitalised or surname.folded in self.places or surname.folded in NOT_BEFORE_AN_INITIAL \
                or not self.surname_like(surname.text):
            return None  # "A-Ipswich-2019", "B-MAPPA-01"
        rest = text[surname.end:].lstrip(" ._/-")
        if rest and not rest[0].isdigit():
            return None
        if any(p.lower and len(p.text) > 1 for k, p in enumerate(parts) if not i <= k <= j):
            return None  # prose, not a code
        return NameFound(text[parts[i].start:surname.end], "initials and surname")

    def _surname_comma_first(self, text: str, tokens: list[_Token], i: int) -> NameFound | None:
        """ "Smith, Jane", "smith, jane" (ending there, or with a date or a number after it)."""
        if i + 1 >= len(tokens):
            return None
        surname, first = tokens[i], tokens[i + 1]
        if text[surname.end:first.start].strip() != ",":
            return None
        same_case = (surname.capitalised and first.capitalised) or (surname.lower and first.lower)  # "smith, jane"
        if not same_case or not self.is_surname(surname) or not self.is_first_name(first):
            return None
        after = text[first.end:].lstrip()
        if after and not (after[0].isdigit() or after[0] in ".;)(-"):
            return None  # "Babergh, Mark and Ipswich" is a list, not a name
        return NameFound(text[surname.start:first.end], "surname, first name")


@functools.cache
def default_detector() -> NameDetector:
    """The detector with the shipped first-name list (read once from the package's resources)."""
    from safer_desk.paths import resource

    text = resource(*NAMES_RESOURCE).read_text(encoding="utf-8")
    places: set[str] = set()
    for *path, columns in PLACES_RESOURCES:
        with resource(*path).open(encoding="utf-8", newline="") as fh:
            places.update(row[c] for row in csv.DictReader(fh) for c in columns if " " not in row[c].strip())
    return NameDetector((line for line in text.splitlines() if line.strip() and not line.startswith("#")), places)


def find_name(text: str | None) -> NameFound | None:
    return default_detector().find(text)


def refuse_names(text: str | None, field: str) -> str:
    """The text, stripped; PrivacyError when it looks like it names a person (victim-level fields)."""
    clean = (text or "").strip()
    found = find_name(clean)
    if found:
        raise PrivacyError(
            f"{field}: “{found.words}” looks like a person's name. Never record a victim's name (or anyone's) "
            "here: use the case or referral reference, or a role (\"the victim\", \"the IDVA\").")
    return clean


# Words of a reference's code that look like a surname to ``surname_alone`` but are the code's: what the case is, the
# scheme or the team it belongs to ("REF-2026-01", "DARDR-2026-01", "TARGET-2018-01").
CODE_WORDS = frozenset("""
ref refs reference file case id no num code dhr dhrs dardr darr dahr csr lcsp cspb target hardening harden sanctuary
pilot test demo sample example copy draft joint pseudo anon anonymous
""".split())

# The commonest surnames of England and Wales of three or four letters that are not first names on the list: in
# capitals or small letters such a word is a code's letters as often as not ("BAB", "GLOS"), but not these.
SHORT_SURNAMES = frozenset("""
ali khan shah kaur lee cox kay webb reid nash hart king bell wood hunt cook gray grey rai das lal dey roy
""".split())


def surname_alone(reference: str | None) -> str | None:
    """The word of a reference that may be a surname on its own ("Okonkwo-2026", "OKONKWO-2026", "Ali-2019"), or None.

    Nothing in its shape tells a surname from a town's or a code's word ("Lowestoft-TH-01"), so this is asked about,
    never refused: the words of case work, the districts and counties, a code's letters (``surname_like``) and
    ``CODE_WORDS`` are not asked about."""
    places = _place_words()
    for part in _SEGMENT.finditer(as_read(reference or "")):
        word = part.group(0)
        folded = word.casefold().replace("’", "'")
        if folded in CODE_WORDS or folded in NOT_BEFORE_AN_INITIAL or folded in LETTERED \
                or folded in NOT_AFTER_A_LETTER or folded in places or not NameDetector.surname_like(word):
            continue
        # "Okonkwo", "Ali", "O'Brien" as a name is written; in capitals or small letters a short word is a code's
        # letters as often as not ("BAB-2025-001", "PLY", "GLOS-DHR-2019-01"), a long one a name ("OKONKWO-2026"),
        # unless it is a first name or a common short surname ("ALI-2019").
        if len(word) >= (3 if word[:1].isupper() and not word.isupper() else 5):
            return word
        if len(word) >= 3 and (folded in SHORT_SURNAMES or folded not in AMBIGUOUS_FIRST_NAMES
                               and folded in default_detector().first_names):
            return word  # "ALI-2019", "KHAN-2019", "TH-2018-KAUR"; not "TH-MAX-2018" (``AMBIGUOUS_FIRST_NAMES``)
    return None


@functools.cache
def _place_words() -> frozenset[str]:
    """Every word of the districts' (current and former) and counties' names: "Forest", "Heath", "Suffolk"."""
    from safer_desk.paths import resource

    words: set[str] = set()
    for *path, columns in PLACES_RESOURCES:
        with resource(*path).open(encoding="utf-8", newline="") as fh:
            words.update(w.casefold().replace("’", "'") for row in csv.DictReader(fh) for c in columns
                         for w in _SEGMENT.findall(row[c]))
    return frozenset(words)


def surname_warning(reference: str | None, field: str = "Reference") -> str | None:
    """The warning (not a refusal) for a reference with a word that may be a surname on its own (``surname_alone``)."""
    word = surname_alone(reference)
    if word is None:
        return None
    return (f"{field}: “{word}” may be a surname. A reference is a code with a number (such as TH-2018-001), never "
            "a victim's name: if it is a place's name or the code's own word, go on.")


def name_warning(text: str | None, field: str) -> str | None:
    """A warning (not a refusal) when a field where a person or firm may be named looks like a person's name."""
    found = find_name(text)
    if not found:
        return None
    return (f"{field}: “{found.words}” looks like a person's name. An officer or a firm may be named here, "
            "but never a victim.")
