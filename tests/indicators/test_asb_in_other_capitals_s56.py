"""A street file whose crime types are in other capitals ("Anti-Social Behaviour", "anti-social behaviour"): its
anti-social behaviour was counted in All crime (Babergh's Jan-25 320 where it is 298), as All crime is every type
but anti-social behaviour, compared letter for letter."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import street_file, suffolk_row


@pytest.mark.parametrize("asb", ["Anti-social behaviour", "Anti-Social Behaviour", "anti-social behaviour",
                                 "ANTI-SOCIAL BEHAVIOUR"])
def test_anti_social_behaviour_in_any_capitals_is_not_counted_in_all_crime(store, tmp_path, asb):
    rows = ([suffolk_row(crime_id=f"b{i}") for i in range(5)]
            + [suffolk_row(crime_id="", crime=asb) for _ in range(3)])
    import_police_files(store, [street_file(tmp_path, "2025-01-suffolk-street.csv", rows)])
    babergh = svc.find_area(store, "Babergh").id
    assert svc.value_rows(store, "indicator:all-crime", babergh, ["2025-01"])["2025-01"]["value"] == 5
