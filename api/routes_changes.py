"""Change reports, timelines and what a resolution's legs rest on, over HTTP:
``GET /v1/changes`` (JSON or CSV), ``GET /v1/timeline`` (one country pair over time) and
``GET /v1/basis`` (per leg: instruments, plain line, duties; the controller per service).

Thin faces over :mod:`xborder.graph.report` and :mod:`xborder.graph.basis`; registered by
:func:`xborder.api.web.register`. Plain ``def`` routes: they run in the thread pool.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response

from xborder.api.problems import problem_responses
from xborder.api.schemas import ref
from xborder.graph.errors import XborderInputError
from xborder.graph.kb import KnowledgeBase

__all__ = ["register"]

_Org = Annotated[str | None, Query(max_length=200, description="organisation id or name",
                                   examples=["huawei"])]
_Service = Annotated[str | None, Query(max_length=200,
                                       description="service id, name, alias or URL (default: "
                                                   "all services)", examples=["cloud"])]

CHANGES_EXAMPLE = {
    "organisation": {"id": "huawei", "name": "Huawei"},
    "service": {"id": "cloud", "name": "cloud"}, "before": "2020-07-15", "after": "2020-07-17",
    "rows": 67,
    "groups": [{"what": "transfer",
                "flow": {"leg": "controller-to-recipient",
                         "from": {"code": "IE", "name": "Ireland"},
                         "to": {"code": "US", "name": "United States"}},
                "before": "adequacy", "after": "safeguards-required",
                "cause": {"kind": "judgment", "name": "Court of Justice, judgment in C-311/18",
                          "date": "2020-07-16",
                          "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri="
                                 "CELEX:62018CJ0311",
                          "text": "Commission Implementing Decision (EU) 2016/1250 … ended"},
                "locations": ["AD", "AL", "AT"], "services": ["Huawei Consumer Cloud Services"],
                "count": 3}],
}

CSV_EXAMPLE = (
    "what,from,to,before,after,cause,cause_url,count,locations,services\n"
    "transfer,IE,US,adequacy,safeguards-required,Commission Implementing Decision (EU) "
    "2016/1250 … ended,https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62018CJ0311,"
    "3,AD AL AT,Huawei Consumer Cloud Services\n")


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def register(app: FastAPI) -> None:
    @app.get("/v1/changes", tags=["changes"],
             summary="What changed for an organisation between two dates, grouped by flow, "
                     "before → after and cause",
             description="Every location whose controller or transfer legs differ between "
                         "`before` and `after`, plus changes of law that keep the same status "
                         "(GB → CN moving from the EU GDPR to the UK GDPR on 2021-01-01), "
                         "grouped; each group names its cause (a judgment with its date, an "
                         "instrument that began or ended, a new policy version) and its "
                         "source. `format=csv` gives one line per group.",
             response_class=Response,
             responses={200: {"description": "The change report (JSON), or one CSV line per "
                                             "group (as an attachment)",
                              "content": {"application/json": {"schema": ref("ChangeReport"),
                                                               "example": CHANGES_EXAMPLE},
                                          "text/csv": {"schema": {"type": "string"},
                                                       "example": CSV_EXAMPLE}}},
                        **problem_responses(400, 404)})
    def changes(request: Request,
                before: Annotated[str, Query(max_length=32, description="the earlier date",
                                             examples=["2020-07-15"])],
                after: Annotated[str, Query(max_length=32, description="the later date",
                                            examples=["2020-07-17"])],
                org: _Org = None, service: _Service = None,
                format: Annotated[str, Query(pattern="^(json|csv)$",
                                             description="json (default) or csv",
                                             examples=["csv"])] = "json",
                ) -> Response:
        from xborder.graph.report import change_report, report_csv

        kb = _kb(request)
        report = change_report(kb, before, after, kb.organisation(org).id, service or None)
        if format == "csv":
            name = f"changes-{report['before']}-{report['after']}.csv"
            return Response(report_csv(report), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})
        return JSONResponse(report)

    @app.get("/v1/timeline", tags=["changes"],
             summary="What allowed transfers from one place to another over time",
             description="One step per period with the same status, adequacy instruments and "
                         "law (DE → US: Safe Harbor → nothing → Privacy Shield → nothing → "
                         "DPF); each step names its basis, its sources and, where a judgment "
                         "ended it, the judgment and its date.",
             response_model=None,
             responses={**problem_responses(400, 404, 409, 422),
                        200: {"description": "The steps, oldest first", "content": {
                            "application/json": {"schema": ref("Timeline"), "example": {
                 "from": "DE", "to": "US", "steps": [
                     {"from": "2000-07-26", "to": "2015-10-05", "status": "adequacy",
                      "basis": "Commission Decision 2000/520/EC (Safe Harbor)",
                      "law": "Directive 95/46/EC", "regime": "EU", "sources": []}]}}}}})
    def timeline(request: Request,
                 from_: Annotated[str, Query(alias="from", max_length=100,
                                             description="exporting place",
                                             examples=["DE"])],
                 to: Annotated[str, Query(max_length=100, description="destination",
                                          examples=["US"])],
                 start: Annotated[str | None, Query(
                     max_length=32, examples=["2000-01-01"],
                     description="the first day, YYYY-MM-DD (default: 1995-01-01)")] = None,
                 end: Annotated[str | None, Query(
                     max_length=32, examples=["2024-12-31"],
                     description="the last day, YYYY-MM-DD (default: today)")] = None
                 ) -> dict[str, Any]:
        from xborder.graph.report import pair_timeline

        kb = _kb(request)
        steps = pair_timeline(kb, from_, to, start or "1995-01-01", end or None)
        return {"from": kb.parse_location(from_).code, "to": kb.parse_location(to).code,
                "steps": steps}

    @app.get("/v1/basis", tags=["resolve"],
             summary="What each leg of a resolution rests on, and the controller per service",
             description="For the same question as `/v1/resolve`: per leg, the instruments "
                         "(name, CELEX, link, scope, validity window, confidence), what ended "
                         "the last decision, the duties that follow and one plain-language "
                         "line; without a service, the controller for each service.",
             response_model=None,
             responses={200: {"description": "Per leg, what it rests on",
                              "content": {"application/json": {"schema": ref("Basis")}}},
                        **problem_responses(400, 404, 409, 422)})
    def basis(request: Request,
              location: Annotated[str, Query(max_length=200, description="the user's place",
                                             examples=["RE"])],
              org: _Org = None, service: _Service = None,
              at: Annotated[str | None, Query(
                  max_length=32, examples=["2020-07-17"],
                  description="the day to answer for, YYYY-MM-DD (default: today)")] = None
              ) -> dict[str, Any]:
        from xborder.graph.basis import leg_bases, per_service

        kb = _kb(request)
        if not location.strip():
            raise XborderInputError("location is required")
        organisation = kb.organisation(org)
        d = kb.resolve(location, service=service or None, org=organisation.id, at=at).to_dict()
        services = [] if d["service"] else per_service(kb, d["location"]["code"],
                                                       organisation.id, d["at"])
        return {"at": d["at"], "location": d["location"]["code"],
                "organisation": d["organisation"], "legs": leg_bases(kb, d),
                "services": services}
