"""Mutated, truncated and hostile files: the loader gives a clean ProfileError, never a crash,
and never changes the file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from magplan.profiles import Profile, ProfileError, ProfileStore
from magplan.profiles.model import CURRENT_SCHEMA_VERSION, profile_to_data
from tests.profiles.profile_samples import make_profile

VALID = json.dumps(profile_to_data(make_profile()), indent=2).encode()
VERSION = f'"schema_version": {CURRENT_SCHEMA_VERSION}'.encode()
assert VERSION in VALID
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def load_and_check(raw: bytes) -> Profile | None:
    """Load ``raw`` from a fresh folder; only a profile or a ProfileError may come out, and
    the file (and any copy kept aside) keeps its bytes."""
    with tempfile.TemporaryDirectory() as folder:
        store = ProfileStore(Path(folder))
        path = store.folder / "client.json"
        path.write_bytes(raw)
        try:
            result: Profile | None = store.read_file(path)
        except ProfileError as exc:
            assert exc.path == path
            assert str(path) in str(exc)
            result = None
        assert path.read_bytes() == raw
        for other in store.folder.iterdir():
            if other != path:
                assert other.name.startswith("client.json.corrupt-")
                assert other.read_bytes() == raw
        return result


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes(raw: bytes) -> None:
    load_and_check(raw)


@SETTINGS
@given(st.integers(min_value=0, max_value=len(VALID) - 1))
def test_truncated_files(length: int) -> None:
    assert load_and_check(VALID[:length]) is None


@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255), st.sampled_from("sdi")),
        min_size=1,
        max_size=8,
    )
)
def test_mutated_bytes(edits: list[tuple[int, int, str]]) -> None:
    raw = bytearray(VALID)
    for pos, byte, kind in edits:
        pos = min(pos, len(raw) - 1)
        if kind == "s":
            raw[pos] = byte
        elif kind == "d":
            del raw[pos]
        else:
            raw.insert(pos, byte)
    load_and_check(bytes(raw))


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*prefix, i))
    return found


VALID_DATA = json.loads(VALID)
PATHS = [p for p in _paths(VALID_DATA) if p]


@SETTINGS
@given(st.sampled_from(PATHS), json_values)
def test_wrong_types_at_any_place(path: tuple[object, ...], value: object) -> None:
    data = json.loads(VALID)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    load_and_check(json.dumps(data).encode())


@SETTINGS
@given(st.integers(min_value=CURRENT_SCHEMA_VERSION + 1))
def test_newer_schema_versions_are_refused(version: int) -> None:
    data = json.loads(VALID)
    data["schema_version"] = version
    assert load_and_check(json.dumps(data).encode()) is None


@SETTINGS
@given(
    st.sampled_from(
        [
            "NaN",
            "Infinity",
            "-Infinity",
            "1e999",
            "-1e999",
            "1" * 5000,
            "1" * 4000,
            "0.1e-99999",
            '"\\ud800"',
            "[" * 100_000 + "]" * 100_000,
            '{"a":' * 50_000 + "1" + "}" * 50_000,
            "[" * 900 + "]" * 900,
        ]
    ),
    st.sampled_from(PATHS),
)
def test_hostile_values(literal: str, path: tuple[object, ...]) -> None:
    data = json.loads(VALID)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "@@HOLE@@"
    text = json.dumps(data).replace('"@@HOLE@@"', literal)
    load_and_check(text.encode())


def test_hostile_whole_files() -> None:
    for raw in [
        b"",
        b"null",
        b"[]",
        b'"profile"',
        b"\xef\xbb\xbf" + VALID,  # a byte-order mark from a Windows editor is fine
        b"\xff\xfe" + VALID.decode().encode("utf-16-le"),
        VALID.replace(VERSION, VERSION + b', "schema_version": 1'),
        VALID.replace(VERSION, b'"schema_version": true'),
        VALID.replace(VERSION, b'"schema_version": 0'),
        VALID.replace(VERSION, VERSION + b".0"),
        VALID.replace(VERSION, f'"schema_version": "{CURRENT_SCHEMA_VERSION}"'.encode()),
        b"[" * 1_000_000,
    ]:
        load_and_check(raw)
    assert load_and_check(b"\xef\xbb\xbf" + VALID) is not None
