"""Company names written with a Japanese, Korean or Chinese legal form (株式会社…, …有限公司,
㈜…, … 유한회사): no capitals and no spaces, so found by the form and the punctuation around it;
a topic particle after a Korean name ("주식회사 샘플은") is no part of it."""

from __future__ import annotations

import re

from xborder.graph.ingest.lexicon import CJK_FORMS
from xborder.graph.ingest.mention import Mention

__all__ = ["cjk_mentions"]

#: a verb inside a Chinese run before a name: the name starts after it
_VERB = re.compile(r".*(?:委托|授权|可能|通过|使用|提供|包括|以及)")

_CJK = [(re.compile(p), form, countries) for p, form, countries in CJK_FORMS]
#: a Chinese name of trade words only ("网络科技有限公司"): cut at a particle inside the name
#: ("到家了"); its head runs back to the punctuation or the role word before it
_GENERIC_ZH = re.compile(r"(?:网络|科技|信息|技术|电子|商务|文化|传媒|数字|软件|互联网|智能|服务|"
                         r"发展|贸易|实业|投资|管理|咨询)+有限(?:责任)?公司")
#: a role noun before a Chinese name: the developer, operator, provider of …
_ROLE_ZH = re.compile(r"(?:开发者|运营者|经营者|提供者|运营方|开发商|运营商|所有者|处理者|控制者)")
_HEAD_ZH = re.compile(r"(?:^|[\s，,。、：:（(“”「」]|提供者|运营者|经营者|为|由|是)"
                      r"([\u4e00-\u9fff]{2,12})\Z")


def cjk_mentions(text: str, taken: list[Mention]) -> list[Mention]:
    """Company names written with a Japanese, Korean or Chinese form (株式会社…, …有限公司,
    ㈜…, … 유한회사): no capitals, no spaces, so found by the form and the punctuation."""
    if not re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af㈜]", text):
        return []
    found: list[Mention] = []
    for pattern, form, countries in _CJK:
        for m in pattern.finditer(text):
            name = m[0].strip()
            start = m.start() + (len(m[0]) - len(m[0].lstrip()))
            if (means := re.search(r"[中是系]指|^指", name)) is not None:  # "(本政策中指X有限公司"
                name, start = name[means.end():], start + means.end()
            if (role := _ROLE_ZH.match(name)) is not None and len(name) > role.end() + 4:
                name, start = name[role.end():], start + role.end()  # "的开发者X股份有限公司"
            if form == "주식회사" and (particle := re.search(r"(?<=[가-힣A-Za-z0-9])(?:은|는|을|"
                                                            r"를|의|에서|에게|과|와)$", name)):
                name = name[:particle.start()]  # "주식회사 샘플은 …": the topic particle
            if (verb := _VERB.search(name)) is not None and form == "有限公司":
                name, start = name[verb.end():], start + verb.end()  # "…可能委托X有限公司"
            if form == "有限公司" and _GENERIC_ZH.fullmatch(name) and \
                    (head := _HEAD_ZH.search(text, 0, start)) is not None:
                name, start = head[1] + name, head.start(1)  # "…提供者重庆到家了网络科技有限公司"
            if re.fullmatch(r"(?:㈜|\(주\)|주식회사)\s?(?:은|는|이|가|을|를|의|에서|와|과)?", name):
                continue  # "샘플 주식회사는": the form, a particle, no name after it
            end = start + len(name)
            if name.count(")") + name.count("）") > name.count("(") + name.count("（"):
                continue  # cut at a bracket ("…(上海)有限公司" read from ")"): not a clean name
            if len(name) < 3 or any(x.start < end and start < x.end for x in taken + found):
                continue
            found.append(Mention(name, name, start, end, form, countries, name))
    return sorted(found, key=lambda x: x.start)
