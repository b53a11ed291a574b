"""xborder.graph.locations: user text → jurisdiction code, against pycountry's real data."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xborder.graph.errors import (
    AmbiguousLocation,
    KnowledgeBaseError,
    UnknownLocation,
    XborderInputError,
)
from xborder.graph.locations import MAX_INPUT_LENGTH, Alias, LocationIndex, ParsedLocation
from xborder.graph.locations import index as index_module

EXTRAS = {
    "XK": "Kosovo",
    "ES-CN": "Canary Islands",
    "ES-CE": "Ceuta",
    "ES-ML": "Melilla",
    "PT-20": "Azores",
    "PT-30": "Madeira",
}
ALIASES = [
    Alias("USA", "US"),
    Alias("UK", "GB"),
    Alias("Korea", ambiguous=("KR", "KP")),
    Alias("Macedonia", "MK"),
    Alias("Vatican", "VA"),
    Alias("Bosnia", "BA"),
    Alias("Congo", ambiguous=("CG", "CD")),
]


def _names() -> dict[str, str]:
    return {**{c.alpha_2: c.name for c in pycountry.countries}, **EXTRAS}


@pytest.fixture(scope="module")
def index() -> LocationIndex:
    return LocationIndex(_names(), ALIASES)


@pytest.fixture(scope="module")
def bare() -> LocationIndex:
    """No aliases: what the data alone decides."""
    return LocationIndex(_names())


def codes(candidates: list[dict[str, str]]) -> list[str]:
    return [c["code"] for c in candidates]


def test_every_iso_3166_1_code_and_name_round_trips(
    index: LocationIndex, bare: LocationIndex
) -> None:
    for c in pycountry.countries:
        for text, how in [
            (c.alpha_2, "ISO 3166-1 alpha-2 code"),
            (c.alpha_2.lower(), "ISO 3166-1 alpha-2 code"),
            (c.alpha_3, "ISO 3166-1 alpha-3 code"),
            (f" {c.alpha_3.lower()} ", "ISO 3166-1 alpha-3 code"),
            (c.numeric, "ISO 3166-1 numeric code"),
            (str(int(c.numeric)), "ISO 3166-1 numeric code"),
        ]:
            assert index.parse(text) == ParsedLocation(text, c.alpha_2, how), text
        for name in (c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", "")):
            assert bare.parse(name or c.name).code == c.alpha_2, name


@pytest.mark.parametrize(
    ("text", "code", "matched"),
    [
        ("Germany", "DE", "English name"),
        ("Deutschland", "DE", "German name"),
        ("Allemagne", "DE", "French name"),
        ("Alemania", "DE", "Spanish name"),
        ("Royaume-Uni", "GB", "French name"),
        ("Réunion", "RE", "English name"),
        ("reunion", "RE", "English name"),
        ("  the  RÉUNION ", "RE", "English name"),
        ("La Réunion", "RE", "English name"),
        ("St. Lucia", "LC", "English name"),
        ("Bosnia & Herzegovina", "BA", "English name"),
        ("Côte d’Ivoire", "CI", "English name"),
        ("cote divoire", "CI", "English name"),
        ("guinea bissau", "GW", "English name"),
        ("Republic of Korea", "KR", "English name"),
        ("Holy See", "VA", "English name"),
        ("Taiwan", "TW", "English name"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB", "English name"),
        ("Kosovo", "XK", "English name"),
        ("XK", "XK", "jurisdiction code"),
        ("Giappone", "JP", "Italian name"),  # a language indexed only on demand
    ],
)
def test_names(index: LocationIndex, text: str, code: str, matched: str) -> None:
    parsed = index.parse(text)
    assert (parsed.input, parsed.code, parsed.matched) == (text, code, matched)


def test_translation_slips_are_outvoted(index: LocationIndex) -> None:
    # Occitan gives Nicaragua's official name as "Paraguai"; eight languages say Paraguay
    parsed = index.parse("Paraguai")
    assert parsed.code == "PY" and parsed.matched.endswith(" name")


@pytest.mark.parametrize(
    ("text", "code"),
    [("USA", "US"), ("UK", "GB"), ("U.K.", "GB"), ("Macedonia", "MK"), ("Vatican", "VA"),
     ("bosnia", "BA")],
)
def test_aliases(index: LocationIndex, text: str, code: str) -> None:
    assert index.parse(text).code == code


@pytest.mark.parametrize(
    ("text", "code", "subdivision", "name"),
    [
        ("FR-75C", "FR", "FR-75C", "Paris"),
        ("DE-BY", "DE", "DE-BY", "Bayern"),
        ("gb-sct", "GB", "GB-SCT", "Scotland"),
        ("US-CA", "US", "US-CA", "California"),
        ("US-GA", "US", "US-GA", "Georgia"),  # not the country Georgia (GE)
        ("GN-ML", "GN", "GN-ML", "Mali"),  # a Guinean prefecture, not Mali (ML)
        ("BE-WLX", "BE", "BE-WLX", "Luxembourg"),
        ("ES-GC", "ES-CN", "ES-GC", "Las Palmas"),  # part of a knowledge-base jurisdiction
    ],
)
def test_subdivision_codes_fold_into_their_jurisdiction(
    index: LocationIndex, text: str, code: str, subdivision: str, name: str
) -> None:
    parsed = index.parse(text)
    assert (parsed.code, parsed.subdivision, parsed.subdivision_name) == (code, subdivision, name)
    assert parsed.matched == "ISO 3166-2 subdivision code"


@pytest.mark.parametrize(
    ("text", "code"),
    [("FR-974", "RE"), ("FR-RE", "RE"), ("FR-971", "GP"), ("FR-GP", "GP"), ("FR-973", "GF"),
     ("FR-PF", "PF"), ("FR-WF", "WF"), ("US-PR", "PR"), ("US-VI", "VI"), ("NL-AW", "AW"),
     ("NL-SX", "SX"), ("CN-HK", "HK"), ("CN-MO", "MO"), ("CN-TW", "TW"), ("FI-01", "AX"),
     ("NO-21", "SJ"), ("NO-22", "SJ")],
)
def test_territories_with_their_own_iso_3166_1_code(
    index: LocationIndex, text: str, code: str
) -> None:
    parsed = index.parse(text)
    assert (parsed.code, parsed.subdivision) == (code, None)
    assert "territory with its own ISO 3166-1 code" in parsed.matched


@pytest.mark.parametrize(
    ("text", "matched"),
    [("ES-CN", "ISO 3166-2 subdivision code"), ("es-cn", "ISO 3166-2 subdivision code"),
     ("ES CN", "ISO 3166-2 subdivision code"), ("es_cn", "ISO 3166-2 subdivision code"),
     ("Canarias", "ISO 3166-2 subdivision name"), ("Canary Islands", "English name"),
     ("the Canary Islands", "English name"), ("Canaries", "French name"),
     ("Kanaren", "German name")],
)
def test_extra_subdivisions(index: LocationIndex, text: str, matched: str) -> None:
    parsed = index.parse(text)
    assert (parsed.code, parsed.matched, parsed.subdivision) == ("ES-CN", matched, None)
    if text == "Canaries":  # also a quarter of Saint Lucia (ISO 3166-2 LC-05): listed, not taken
        assert [o["code"] for o in parsed.others] == ["LC"] and "Saint Lucia" in str(parsed.note)


@pytest.mark.parametrize(
    ("text", "code"),
    [("Azores", "PT-20"), ("Açores", "PT-20"), ("PT-20", "PT-20"), ("Madeira", "PT-30"),
     ("Ceuta", "ES-CE"), ("Melilla", "ES-ML"), ("Svalbard", "SJ"), ("Jan Mayen", "SJ"),
     ("Guyane", "GF")],
)
def test_subdivision_names(index: LocationIndex, text: str, code: str) -> None:
    assert index.parse(text).code == code


def test_ambiguous_alias_lists_both(index: LocationIndex) -> None:
    with pytest.raises(AmbiguousLocation) as err:
        index.parse("Korea")
    assert err.value.detail == (
        "'Korea' is ambiguous: Korea, Republic of (KR), "
        "Korea, Democratic People's Republic of (KP)"
    )
    assert err.value.candidates == [
        {"code": "KR", "name": "Korea, Republic of"},
        {"code": "KP", "name": "Korea, Democratic People's Republic of"},
    ]
    assert err.value.to_problem()["status"] == 409
    with pytest.raises(AmbiguousLocation) as err:
        index.parse("congo")
    assert sorted(codes(err.value.candidates)) == ["CD", "CG"]


def test_collisions_in_the_data(index: LocationIndex, bare: LocationIndex) -> None:
    for text, expected in [("Virgin Islands", ["VG", "VI"]), ("Corée", ["KP", "KR"]),
                           ("Korea", ["KP", "KR"])]:
        with pytest.raises(AmbiguousLocation) as err:
            bare.parse(text)
        assert sorted(codes(err.value.candidates)) == expected
    assert bare.parse("Congo").code == "CG"  # an exact English name beats CD's "Congo, …"
    assert index.parse("Congo, The Democratic Republic of the").code == "CD"


def test_unknown_offers_candidates(index: LocationIndex) -> None:
    with pytest.raises(UnknownLocation) as err:
        index.parse("Germny")
    assert "DE" in codes(err.value.candidates)
    assert {"code": "DE", "name": "Germany"} in err.value.candidates
    assert err.value.detail.startswith("'Germny' is not a known location; did you mean ")
    assert len(err.value.candidates) <= 5
    assert err.value.to_problem()["status"] == 404


def test_unknown_subdivision_code_offers_its_country(index: LocationIndex) -> None:
    # pycountry 26 knows Paris as FR-75C; the department code FR-75 is not an ISO 3166-2 code
    with pytest.raises(UnknownLocation) as err:
        index.parse("FR-75")
    assert codes(err.value.candidates)[0] == "FR"
    assert "ISO 3166-2" in err.value.detail


def test_invalid_input(index: LocationIndex) -> None:
    for empty in ["", "   ", "\t\n"]:
        with pytest.raises(XborderInputError) as err:
            index.parse(empty)
        assert type(err.value) is XborderInputError
        assert "no location given" in err.value.detail
    with pytest.raises(UnknownLocation, match="control characters"):
        index.parse("\x00")
    with pytest.raises(UnknownLocation, match="control characters"):
        index.parse("Ger\x07many")
    with pytest.raises(UnknownLocation, match=r"too long \(10000 characters; at most 200\)"):
        index.parse("x" * 10_000)
    with pytest.raises(UnknownLocation):
        index.parse("x" * (MAX_INPUT_LENGTH - 1))
    with pytest.raises(UnknownLocation):
        index.parse("!!! the ???")
    with pytest.raises(XborderInputError):
        index.parse(None)  # type: ignore[arg-type]


def test_input_is_kept_as_given(index: LocationIndex) -> None:
    assert index.parse("  de ").input == "  de "


def test_candidates_and_suggest(index: LocationIndex) -> None:
    assert codes(index.candidates("Germny"))[0] == "DE"
    assert codes(index.candidates("Korea"))[:2] == ["KR", "KP"]
    assert index.candidates("") == [] and index.candidates("x", limit=0) == []
    assert codes(index.suggest("ger")) == ["DE"]
    assert codes(index.suggest("deu"))[0] == "DE"  # the alpha-3 code, then "Deutschland"
    assert set(codes(index.suggest("united", limit=10))) >= {"AE", "GB", "US", "UM"}
    assert "ES-CN" in codes(index.suggest("Canar"))
    assert len(index.suggest("s", limit=3)) == 3
    assert index.suggest("") == [] and index.suggest("  ") == []


def test_alias_and_constructor_validation() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Alias("Nowhere")
    with pytest.raises(ValueError, match="exactly one"):
        Alias("Both", "DE", ("FR", "IT"))
    with pytest.raises(ValueError, match="at least two"):
        Alias("One", ambiguous=("DE",))
    names = _names()
    with pytest.raises(KnowledgeBaseError, match="unknown codes"):
        LocationIndex(names, [Alias("Atlantis", "QQ")])
    with pytest.raises(KnowledgeBaseError, match="conflicts"):
        LocationIndex(names, [Alias("Holland", "NL"), Alias("holland!", "BE")])
    with pytest.raises(ValueError, match="translations"):
        LocationIndex(names, languages=["xx"])


def test_index_is_compiled_once_and_answers_under_concurrency(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The tables are compiled at most once (nothing compiled on the first question); a second
    index over the same names reads them from the cache instead of compiling again; eight
    threads asking at once for names in the large tables (read on demand) all get them."""
    from xborder.graph.locations import compile as compile_module

    compiled: list[int] = []
    real = compile_module.compile_index

    def counting(*args: Any) -> Any:
        compiled.append(1)
        return real(*args)

    monkeypatch.setattr(compile_module, "compile_index", counting)
    names = {**_names(), "XQ-TEST": "Test subdivision"}
    LocationIndex(names)
    assert len(compiled) <= 1  # none when an earlier run left the cache
    before = len(compiled)
    index = LocationIndex(names)
    assert len(compiled) == before
    start = threading.Barrier(8)

    def parse(text: str) -> str:
        start.wait(30)  # all eight threads ask at once
        return index.parse(text).code

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(parse, ["Giappone", "FR-974", "Москва", "Ponta Delgada"] * 2))
    assert results == ["JP", "RE", "RU", "PT-20"] * 2
    assert len(compiled) == before


def test_a_code_is_answered_without_the_large_tables_and_the_same_either_way(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
) -> None:
    """A new process asked by code ("DE", "FR-974") never reads the ~10 MB of CLDR, pycountry
    and GeoNames names; a name reads them then. The answers do not depend on which came first."""
    names = {**_names(), "XQ-LAZY": "Lazy subdivision"}
    LocationIndex(names)  # compiled (or read from the cache) once
    index_module._MEMO.clear()
    index = LocationIndex(names)
    assert index._shared._large is None
    assert index.parse("DE").code == "DE" and index.parse("FR-974").code == "RE"
    assert index._shared._large is None
    by_name = index.parse("Ponta Delgada")
    assert index._shared._large is not None
    index_module._MEMO.clear()
    fresh = LocationIndex(names)
    assert fresh.parse("Ponta Delgada") == by_name
    assert fresh.parse("DE") == index.parse("DE")


@settings(deadline=None, max_examples=300)
@given(st.one_of(st.text(max_size=250), st.from_regex(r"[A-Za-z]{2}[- _][A-Za-z0-9]{1,4}")))
def test_arbitrary_text_only_raises_input_errors(index: LocationIndex, text: str) -> None:
    try:
        parsed = index.parse(text)
    except XborderInputError as err:
        assert err.detail
    else:
        assert parsed.code in _names()
    assert all(c["code"] in _names() for c in index.candidates(text) + index.suggest(text))


def test_cli_takes_coordinates_south_of_the_equator_and_lists_every_kind(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from xborder.api.cli import build_parser, main

    assert main(["resolve", "-21.1151,55.5364", "--org", "huawei", "--at", "2017-06-01",
                 "--json"]) == 0
    assert '"code": "RE"' in capsys.readouterr().out
    assert build_parser().parse_args(["resolve", "-33.87,151.21"]).location == "-33.87,151.21"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["resolve", "--help"])
    shown = capsys.readouterr().out
    for kind in ("ISO 3166-1 code", "ISO 3166-2 code", "any language", "city", "IP address",
                 "lat,lon"):
        assert kind in shown


def test_the_tables_do_not_depend_on_the_order_aliases_arrive_in(kb) -> None:
    """A replica reads the aliases in the order its store hands the triples over: the same
    aliases in another order share the tables (and their on-disk cache key) and the answers."""
    aliases = list(kb.model.aliases)
    assert len(aliases) > 10
    names = {code: j.name for code, j in kb.model.jurisdictions.items()}
    forward = LocationIndex(names, aliases)
    backward = LocationIndex(names, list(reversed(aliases)))
    assert forward._shared is backward._shared
    for text in ("UK", "Holland", "Macau", "Ivory Coast"):
        assert forward.parse(text) == backward.parse(text)
