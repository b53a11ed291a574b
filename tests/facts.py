"""Facts written down from the source documents, for the tests to check answers against.

- The seed: Huawei's privacy policy, "Last updated: September 2016", archived 2017-12-29,
  section 10.
- EU/EEA membership: europa.eu country list; EEA Agreement (1994-01-01; Liechtenstein 1995-05-01;
  Croatia 2014-04-12); the UK left on 2020-01-31.
"""

HTDG = "huawei-technologies-deutschland"
HDUSA = "huawei-device-usa"
ISSUER = "huawei-device-co"

POLICY_DATE = "2017-06-01"  # inside the policy's known life (2016-09 … seen 2017-12-29)

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
