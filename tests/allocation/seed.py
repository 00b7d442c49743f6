"""Seed 000, "SSPB financial allocation 2009/10" (Option 2): the inputs and the paper's table."""

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput

# name, fixed units, BCS comparator offences 2007-08, 2008/09 allocation (pounds)
INPUTS = [
    ("Babergh", 1, 2442, 70725),
    ("Ipswich", 1, 7937, 160607),
    ("Waveney", 1, 4857, 113832),
    ("Suffolk Coastal", 1, 3324, 86775),
    ("West", 3, 8335, 223181),
]
# the paper's table: share %, fixed, variable, 2009/10, variance (pounds)
PAPER = {
    "Babergh": ("9.08", 28077, 35691, 63768, -6957),
    "Ipswich": ("29.51", 28077, 115995, 144072, -16535),
    "Waveney": ("18.06", 28077, 70988, 99065, -14767),
    "Suffolk Coastal": ("12.36", 28077, 48583, 76660, -10115),
    "West": ("30.99", 84231, 121812, 206043, -17138),
}
EXACT_VARIABLE = {"Babergh": 35690, "Ipswich": 115999, "Waveney": 70985, "Suffolk Coastal": 48580, "West": 121815}


def partnerships():
    return [PartnershipInput(n, u, {"basis": b}, prev * 100) for n, u, b, prev in INPUTS]


def options(**changes):
    base = dict(previous_total_pence=655_120_00, retain=Fraction(1, 10), fixed_share=Fraction(1, 3),
                rounding="percent-2dp", unit="pound")
    base.update(changes)
    return AllocationOptions(**base)
