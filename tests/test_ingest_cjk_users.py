"""`ingest` on Chinese, Japanese and Korean pages: the users of a place as the
condition ("欧洲经济区用户的…处理者为 X，其他地区用户为 Y"), and Korean names with a
particle after them ("주식회사 샘플은 …", "샘플 주식회사는 …"). Invented pages, each
with the rules it must give."""

from __future__ import annotations

import pytest

from tests.ingest_support import Rule, explicit_rules

CASES: list[tuple[str, str, set[Rule]]] = [
    ("# 隐私政策", "欧洲经济区用户的个人信息处理者为 Sample Europe B.V.，"
     "其他地区用户为 Sample Pte. Ltd.。",
     {(("EEA",), (), "Sample Europe B.V."), (("*",), ("EEA",), "Sample Pte. Ltd.")}),
    ("# 隐私政策", "中国大陆用户的个人信息处理者为北京样例科技有限公司。",
     {(("CN",), (), "北京样例科技有限公司")}),
    ("# プライバシーポリシー",
     "欧州経済領域のユーザーについては、Sample Europe B.V.が個人情報を取り扱います。",
     {(("EEA",), (), "Sample Europe B.V.")}),
    ("# 개인정보처리방침", "주식회사 샘플은 개인정보 보호법에 따라 이용자의 개인정보를 처리합니다.",
     {(("*",), (), "주식회사 샘플")}),
    ("# 개인정보처리방침", "샘플 주식회사는 이용자의 개인정보를 처리하는 개인정보처리자입니다.",
     {(("*",), (), "샘플 주식회사")}),
]


@pytest.mark.parametrize(("title", "text", "want"), CASES, ids=[c[1][:12] for c in CASES])
def test_a_cjk_page(kb, title: str, text: str, want: set[Rule]) -> None:
    assert explicit_rules(kb, title + "\n\n" + text + "\n") == want
