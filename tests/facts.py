"""Facts written down from the source documents, for the tests to check answers against.

- The seed: Huawei's privacy policy, "Last updated: September 2016", archived 2017-12-29,
  section 10. Its successor, the Huawei Consumer Business Privacy Statement "updated on April 15,
  2018" (archived 2018-05-29 and 2019-07-09), section IX, names Aspiegel Limited in Ireland for
  the same places; the next version read, "Last updated: December, 2023", names no controller.
- EU/EEA membership: europa.eu country list; EEA Agreement (1994-01-01; Liechtenstein 1995-05-01;
  Croatia 2014-04-12); the UK left on 2020-01-31.
"""

HTDG = "huawei-technologies-deutschland"
HDUSA = "huawei-device-usa"
ISSUER = "huawei-device-co"
ASPIEGEL = "aspiegel-limited"  # section IX of the April 2018 statement

POLICY_DATE = "2017-06-01"  # inside the policy's known life (2016-09 … seen 2017-12-29)
STATEMENT_2018_DATE = "2019-06-01"  # inside the April 2018 statement's seen life (… 2019-07-09)

# EEA member states on POLICY_DATE: the 28 EU states and the three EEA EFTA states.
EEA_2017 = sorted(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "GB",
        "IS",
        "LI",
        "NO",
    ]
)

# The 18 places section 10 lists besides the EEA, as ISO codes (Bosnia → BA, Macedonia → MK,
# Vatican → VA, Korea → KR, USA → US).
SECTION_10_LISTED = sorted(
    [
        "CH",
        "AL",
        "AD",
        "BA",
        "FO",
        "GI",
        "GL",
        "MK",
        "MD",
        "MC",
        "ME",
        "SM",
        "RS",
        "VA",
        "JP",
        "KR",
        "US",
        "CA",
    ]
)
