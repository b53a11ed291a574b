"""Reading authoring files: YAML with the line of every mapping, and field checks that name the
file and the place of each problem."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from xborder.graph.errors import SourceError

__all__ = ["Node", "YAMLError", "load_text", "read_yaml"]

YAMLError = yaml.YAMLError

class _Mapping(dict[str, Any]):
    line: int = 0


class _List(list[Any]):
    line: int = 0


# libyaml's C parser where PyYAML was built with it (6-12x faster, same data and line marks);
# the pure-Python one otherwise. The resolvers and constructors below are Python either way.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """YAML 1.2 booleans: only true/false. (YAML 1.1 reads Norway's code ``NO`` as false.)"""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    result = _Mapping()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _List:
    result = _List(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class Node:
    """One mapping of an authoring file, with typed getters that fail with file and line."""

    def __init__(self, data: Any, file: str, line: int, what: str) -> None:
        if not isinstance(data, dict):
            raise SourceError(f"{what} must be a mapping, not {type(data).__name__}", file,
                              f"line {line}")
        self.data: dict[str, Any] = data
        self.file = file
        self.line = getattr(data, "line", line)
        self.what = what

    def error(self, message: str) -> SourceError:
        return SourceError(f"{self.what}: {message}", self.file, f"line {self.line}")

    def check_keys(self, allowed: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.error(f"unknown key {key!r}{hint}; allowed: {', '.join(allowed)}")

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def string(self, key: str, default: str | None = None, *, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(f"{key!r} is required")
            return default if default is not None else ""
        if isinstance(value, (dict, list)):
            raise self.error(f"{key!r} must be text, not a {type(value).__name__}")
        return str(value).strip()

    def required(self, key: str) -> str:
        value = self.string(key, required=True)
        if not value:
            raise self.error(f"{key!r} must not be empty")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(f"{key!r} must be true or false, not {value!r}")
        return value

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.error(f"{key!r} must be a date YYYY-MM-DD, not {value!r}") from None

    def strings(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value.strip()]
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise self.error(f"{key!r} must be a list of texts")
        return [str(v).strip() for v in value]

    def items(self, key: str, what: str) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(f"{key!r} must be a list")
        return value

    def child(self, key: str, what: str) -> Node | None:
        value = self.data.get(key)
        if value is None:
            return None
        return Node(value, self.file, self.line, what)


def load_text(text: str) -> Any:
    """Plain data from YAML text, read as the authoring files are (YAML 1.2 booleans: Norway's
    ``NO`` stays a code)."""
    return yaml.load(text, Loader=_Loader)


def read_yaml(path: Path) -> Node:
    """Parse one authoring file; YAML errors become :class:`SourceError` with the line."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read: {exc}", name) from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise SourceError(f"not valid YAML: {exc.problem or exc}", name, place) from None
    except yaml.YAMLError as exc:
        raise SourceError(f"not valid YAML: {exc}", name) from None
    if data is None:
        data = _Mapping()
    return Node(data, name, 1, "file")
