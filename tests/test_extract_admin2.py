"""Incident rows carry the district (``admin2``) of their place, as ACLED rows do: for Iraq the
official COD-AB district that holds the point. Texts written for this test."""
from __future__ import annotations

import pandas as pd

from geoutils import extract_incidents


def test_rows_name_the_district(gz):
    g = extract_incidents("A roadside bomb hit an army vehicle in Tarmiyah on Sunday, wounding two soldiers.",
                          published="2024-03-05", gazetteer=gz)
    row = g.iloc[0]
    assert (row["location"], row["admin1"], row["admin2"]) == ("Tarmiyah", "Baghdad", "Al-Kadhmiyah")


def test_a_province_row_has_no_district(gz):
    g = extract_incidents("Mortar shells fell on a village in Diyala province on Sunday.", published="2024-03-05",
                          gazetteer=gz)
    row = g.iloc[0]
    assert row["admin1"] == "Diyala" and pd.isna(row["admin2"])
