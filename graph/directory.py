"""Finding the organisation and the service a question names (:class:`Directory`): by id, name
or alias, whitespace and case aside, and a service also by the URL of its site."""

from __future__ import annotations

import re

from xborder.graph.errors import UnknownOrganisation, UnknownService
from xborder.graph.model import Organisation, Service

__all__ = ["Directory"]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())  # (str.split's whitespace is re's \s)


def _url_key(text: str) -> str:
    t = _norm(text)
    t = re.sub(r"^[a-z][a-z0-9+.-]*://", "", t)
    t = t.removeprefix("www.")
    return t.rstrip("/")


class Directory:
    """The organisations of one knowledge base, indexed by every name a question may use."""

    def __init__(self, organisations: dict[str, Organisation]) -> None:
        self._organisations = organisations
        self._org_keys: dict[str, Organisation] = {}
        self._service_keys: dict[tuple[str, str], Service] = {}
        self._service_urls: dict[str, list[tuple[str, Service]]] = {}
        for org in organisations.values():
            for key in (org.id, org.name, *org.aliases):
                self._org_keys[_norm(key)] = org
            for svc in org.services.values():
                for key in (svc.id, svc.name, *svc.aliases):
                    self._service_keys[(org.id, _norm(key))] = svc
                for domain in svc.domains:
                    self._service_urls.setdefault(org.id, []).append((_url_key(domain), svc))

    def organisation(self, org: str | None = None) -> Organisation:
        orgs = self._organisations
        if org is None or not org.strip():
            if len(orgs) == 1:
                return next(iter(orgs.values()))
            raise UnknownOrganisation(
                "several organisations are known; name one with org",
                candidates=[{"id": o.id, "name": o.name} for o in orgs.values()])
        found = self._org_keys.get(_norm(org))
        if found is None:
            raise UnknownOrganisation(
                f"unknown organisation {org!r}",
                candidates=[{"id": o.id, "name": o.name} for o in orgs.values()])
        return found

    def organisation_for(self, org: str | None, service: str | None) -> Organisation:
        """The organisation a question names: ``org`` when given; else the only one known; else
        the one organisation that has ``service`` (an id, name, alias or URL that belongs to
        exactly one organisation names it — several, or none, is an error with candidates)."""
        if (org and org.strip()) or not service or not service.strip() or \
                len(self._organisations) == 1:
            return self.organisation(org)
        owners = []
        for candidate in self._organisations.values():
            try:
                if self.service(candidate, service) is not None:
                    owners.append(candidate)
            except UnknownService:
                continue
        if len(owners) == 1:
            return owners[0]
        if not owners:
            raise UnknownService(
                f"no organisation has a service {service!r}; name the organisation with org",
                candidates=[{"id": o.id, "name": o.name}
                            for o in self._organisations.values()])
        raise UnknownOrganisation(
            f"several organisations have a service {service!r}; name one with org",
            candidates=[{"id": o.id, "name": o.name} for o in owners])

    def service(self, org: Organisation, service: str | None) -> Service | None:
        if service is None or not service.strip():
            return None
        found = self._service_keys.get((org.id, _norm(service)))
        if found is not None:
            return found
        key = _url_key(service)
        for prefix, svc in self._service_urls.get(org.id, ()):
            if key == prefix or key.startswith(prefix + "/") or key.startswith(prefix + "?"):
                return svc
        raise UnknownService(
            f"{org.name} has no service {service!r}",
            candidates=[{"id": s.id, "name": s.name} for s in org.services.values()])
