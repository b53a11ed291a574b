"""The clauses of a sentence: where one sentence gives two rules ("If you live in the EEA, X
Ltd is the controller; otherwise Y Inc. is", "… except for users in Japan, where it is provided
by Z")."""

from __future__ import annotations

import re

from xborder.graph.ingest.lexicon import JOINT
from xborder.graph.ingest.places import PlaceFinder

__all__ = ["WHERE_START", "pieces"]

_JOINT = re.compile(JOINT, re.I)
#: "…, except for users in Japan, where it is provided by Y": the excepted places' own clause
_WHERE = (r"(?:where|for\s+whom|in\s+which\s+case|auquel\s+cas|où|wo|donde|dove|waar|onde)\s+"
          r"(?=[^,;.]{0,60}\b(?:provided|operated|offered|controller|responsible|fourni|exploité|"
          r"responsable|bereitgestellt|betrieben|verantwortlich|prestado|titolare|fornito|"
          r"verantwoordelijk|aangeboten|fornecido|responsável)\b)")
_ENTITY_END = r"(?<!&amp)(?<!&nbsp)(?<!&quot)(?<!&apos)(?<!&lt)(?<!&gt)"  # "&amp;" cuts nothing
_SPLIT = re.compile(_ENTITY_END + r"[;；]\s*|,\s*(?:while|whereas|but)\s+|,\s*(?=" + _WHERE + r")|"
                    r",\s*(?:et|und|y|e|en|och|og)\s+(?=[A-Z][\w&.-]*\s+(?:[A-Z][\w&.-]*\s+){0,3}"
                    r"(?:pour|für|para|per|voor|för|for)\s)|"
                    r",\s*and\s+(?=(?:for|if|users|all|everyone|in|we|where|(?:is\s+|are\s+)?(?:operated|"
                    r"provided|offered|run)\s+by)\b|[A-Z])|,?\s*(?<!unless\s)\b[Oo]therwise\b,?\s*|"
                    r",\s*(?:and\s+)?(?=(?:by|par|von|da|por|door)\s+[A-Z])|"
                    r",\s*(?:and|et|und|y|e|en)\s+(?=(?:with|avec|mit|con|com|met)\s+[A-Z])|"
                    r"\s+(?:and|et|und|e|y|en)\s+(?=[A-Z][\w&.-]*(?:,?\s+[A-Z][\w&.-]*){0,4}\s+"
                    r"(?:is|est|ist|es|è|é)\s+"
                    r"(?:\w+\s+){0,3}?(?:controller|responsable|verantwortlich|titolare|"
                    # "X is a controller and Y is a separate controller …": two clauses
                    r"verwerkingsverantwoordelijke|responsável|Verantwortliche))|"
                    r",?\s+(?:and|et|und|e|y|en)\s+(?=(?:\w+\s+){1,3}?(?:representative|représentant|"
                    r"Vertreter|rappresentante|representante|vertegenwoordiger|data\s+protection\s+"
                    r"officer|DPO|délégué|Datenschutzbeauftragte))")
WHERE_START = re.compile(r"^\s*(?:" + _WHERE + r")", re.I)


def pieces(text: str, finder: PlaceFinder | None = None) -> list[tuple[int, int]]:
    """The clauses of a sentence, as (start, end): cut at ";", ", while", ", where … is
    provided", ", and for …", "Otherwise", ", and its representative …" — never inside a list of
    places ("France, Spain, and Italy") nor between joint controllers ("X, an Irish company, and
    Y, a UK company, are the joint controllers")."""
    cuts = [0]
    joint = bool(_JOINT.search(text))
    for m in _SPLIT.finditer(text):
        if joint and m[0].lstrip(", ").startswith("and"):
            continue  # "X, an Irish company, and Y, a UK company, are the joint controllers"
        if finder is not None and _in_list(text, m, finder):
            continue  # "France, Spain, and Italy": one list, not two clauses
        if m.start() > cuts[-1]:
            cuts += [m.start(), m.end()]
    cuts.append(len(text))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=True))
    return [(a, b) for a, b in pairs if text[a:b].strip()]


def _in_list(text: str, m: re.Match[str], finder: PlaceFinder) -> bool:
    if not m[0].lstrip(",; ").startswith("and"):
        return False
    before, after = finder.find(text[max(0, m.start() - 40):m.start()]), finder.find(
        text[m.end():m.end() + 40])
    return bool(before and after and after[0].start == 0 and
                before[-1].end >= min(40, m.start()) - 1)
