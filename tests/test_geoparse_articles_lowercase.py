"""English news writes the Arabic article in lower case before a capitalised name ("al-Anbar",
"ad-Dawr"): the name is a proper noun all the same. Texts written for this test."""
from __future__ import annotations

import pytest

from gazetteer.normalize import name_initial
from geoutils import geoparse


@pytest.mark.parametrize("chunk, first", [("al-Harir", "H"), ("ad-Dawr,", "D"), ("Al-Qaim", "Q"),
                                          ("al-harir", "h"), ("el-", "e"), ("Kirkuk", "K"), ("...", None)])
def test_name_initial(chunk, first):
    assert name_initial(chunk) == first


@pytest.mark.parametrize("text, name", [
    ("Two drones struck al-Harir airbase north of Erbil on Sunday.", "Harir Air Base"),
    ("Gunmen attacked a patrol in al-Anbar overnight.", "Al Anbar Governorate"),
    ("Mortar rounds fell on al-Mayadin, east of Deir ez-Zor.", "Mayadin"),
])
def test_lower_case_article_before_a_name(gz, text, name):
    g = geoparse(text, published="2024-03-03", gazetteer=gz)
    assert name in set(g["name"]), list(g["name"])
    row = g[g["name"] == name].iloc[0]
    assert text[row.start_char:row.end_char].lower().startswith("al-")


@pytest.mark.parametrize("text", ["Officials called it an ad-hoc meeting on Sunday.",
                                  "The al-harir spelling in lower case is no proper noun."])
def test_lower_case_name_stays_no_name(gz, text):
    g = geoparse(text, published="2024-03-03", gazetteer=gz)
    assert not any(str(n).lower().startswith(("harir", "ad")) for n in g["name"].dropna()), list(g["name"])
