"""The knowledge base: forms, goals, intakes, medicines, conditions and their sources.

Read once from the TOML files in ``resources/``. Each table is a frozen dataclass whose types
say what a file may hold (unknown keys refused, bounds in :class:`~magplan.core.bounds.Bounds`,
cross-field rules in ``__post_init__``); pydantic validates a file against them, and a broken
file is a :class:`KnowledgeError` naming the file and the field, never a traceback deep in the
planner. The shipped files, byte for byte, load from their validated snapshot instead
(:mod:`magplan.core.snapshot`): no TOML parsing, no pydantic.
"""

from __future__ import annotations

import re
from dataclasses import field, fields
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from magplan.core import snapshot
from magplan.core.bounds import Bounds
from magplan.core.separation import MAX_SEPARATION_MIN, Strength
from magplan.core.values import value
from magplan.core.warning_codes import PHRASES, WARNING_SHAPES, SourcesFrom
from magplan.resources import resource_dir

Severity = Literal["info", "caution", "danger"]
Laxative = Literal["none", "gentle", "moderate", "strong"]
Timing = Literal["bedtime", "early", "any"]
T = TypeVar("T")


class KnowledgeError(RuntimeError):
    """A knowledge file is missing or invalid; the message names the file and the field."""


class _Strict:
    """A table of a knowledge file: a key the program does not know is refused."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}  # read by pydantic


@value(kw_only=True)
class Source(_Strict):
    """A source the knowledge cites (sources.toml): its full title and short name."""

    title: str
    short: str


@value(kw_only=True)
class Disclaimer(_Strict):
    """The words every plan ends with, and their sources (sources.toml)."""

    text: str
    timeframe: str
    sources: list[str]


@value(kw_only=True)
class Form(_Strict):
    """A form of magnesium (forms.toml): its share of elemental magnesium, absorption, laxative
    effect and uses, each with its sources."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    elemental_fraction: Annotated[float, Bounds(gt=0, lt=1)]
    fraction_low: Annotated[float, Bounds(gt=0, lt=1)]
    fraction_high: Annotated[float, Bounds(gt=0, lt=1)]
    fraction_note: str = ""
    absorption: Literal["high", "moderate", "low"]
    laxative: Laxative
    calming: bool
    crosses_bbb: str = ""
    uses: list[str]
    summary: str
    sources: list[str]
    oral: bool = True
    route_note: str = ""
    max_daily_elemental_mg: Annotated[float, Bounds(gt=0)] | None = None
    max_daily_compound_mg: Annotated[float, Bounds(gt=0)] | None = None
    max_daily_sources: list[str] = field(default_factory=list)
    fallback: bool = False  # used when no form suited to the goals can be used
    repletion_warning: str = ""  # said when planned for a goal that restores levels

    def __post_init__(self) -> None:
        if not self.fraction_low <= self.elemental_fraction <= self.fraction_high:
            raise ValueError("elemental_fraction must lie within fraction_low..fraction_high")
        if not self.oral and not self.route_note:
            raise ValueError("a form that is not oral needs a route_note")
        capped = self.max_daily_elemental_mg is not None or self.max_daily_compound_mg is not None
        if capped and not self.max_daily_sources:
            raise ValueError("a daily maximum needs max_daily_sources")

    @property
    def is_laxative(self) -> bool:
        return self.laxative != "none"

    @property
    def marked_laxative(self) -> bool:
        """A moderate or strong laxative: its doses go early in the day, and its warning is a
        caution."""
        return self.laxative in ("moderate", "strong")


@value(kw_only=True)
class Goal(_Strict):
    """What a person takes magnesium for (goals.toml): the forms suited first and also, and when
    in the day its doses go."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str
    first: Annotated[list[str], Bounds(min_length=1)]
    also: list[str] = field(default_factory=list)
    reason: str
    timing: Timing
    sources: list[str]
    note: str = ""
    child_note: str = ""  # said instead of ``note`` for a child, when the note is for adults
    restores_levels: bool = False  # the goal is to restore low magnesium levels
    disclaimer_note: str = ""  # said with the disclaimer on every plan for this goal


@value(kw_only=True)
class RdaRow(_Strict):
    """One age band's recommended daily intake (intakes.toml), by sex, pregnancy and lactation."""

    age_min: int
    age_max: int
    male: int
    female: int
    pregnancy: int | None = None
    lactation: int | None = None
    note: str = ""


@value(kw_only=True)
class Rda(_Strict):
    """The recommended daily intakes by age band, and their source."""

    source: str
    rows: list[RdaRow]


@value(kw_only=True)
class LimitRow(_Strict):
    """One age band's upper limit of magnesium from supplements and medicines."""

    age_min: int
    age_max: int
    mg: Annotated[int, Bounds(gt=0)]
    source: str | None = None


@value(kw_only=True)
class UpperLimits(_Strict):
    """One standard's upper limits (US or EU) by age band, and its source."""

    name: str
    source: str
    rows: list[LimitRow]


@value(kw_only=True)
class Dosing(_Strict):
    """How much the planner plans at most: a day, a dose, and the start-low ramp (intakes.toml)."""

    source: str
    max_daily_mg: Annotated[int, Bounds(gt=0)]
    max_dose_mg: Annotated[int, Bounds(gt=0)]
    max_doses: Annotated[int, Bounds(ge=1, le=6)]
    comfortable_dose_mg: Annotated[int, Bounds(gt=0)]
    titration_start_fraction: Annotated[float, Bounds(gt=0, le=1)]
    titration_steps: Annotated[int, Bounds(ge=1, le=8)]


@value(kw_only=True)
class Intakes(_Strict):
    """Recommended intakes, upper limits and dosing (intakes.toml)."""

    rda: Rda
    ear: Rda  # the Estimated Average Requirements, in the RDA's rows (none for infants)
    upper_limits: dict[str, UpperLimits]
    dosing: Dosing

    def pregnancy_figure_ages(self) -> tuple[int, int]:
        """The youngest and oldest ages ODS gives a pregnancy figure for (14 to 50)."""
        rows = [r for r in self.rda.rows if r.pregnancy is not None]
        return min(r.age_min for r in rows), max(r.age_max for r in rows)


@value(kw_only=True)
class Ages(_Strict):
    """Ages the plan's words and checks change at (planning.toml)."""

    source: str
    young_person_from_years: Annotated[int, Bounds(ge=1)]
    pregnancy_accepted_from_years: Annotated[int, Bounds(ge=1)]


@value(kw_only=True)
class Children(_Strict):
    """The age from which a person is planned for as an adult (planning.toml)."""

    source: str
    adult_from_years: Annotated[int, Bounds(ge=1)]


@value(kw_only=True)
class Amounts(_Strict):
    """The steps amounts are planned and said in (planning.toml)."""

    source: str
    no_product_step_mg: Annotated[float, Bounds(gt=0)]
    compound_rounding_mg: Annotated[int, Bounds(gt=0)]
    low_magnesium_fraction: Annotated[float, Bounds(gt=0, lt=1)]
    studied_amount_slack: Annotated[float, Bounds(ge=1, le=1.1)]


@value(kw_only=True)
class DayTiming(_Strict):
    """How doses are spaced in the person's day (planning.toml), in minutes."""

    source: str
    bedtime_lead_min: Annotated[int, Bounds(ge=0)]
    min_gap_min: Annotated[int, Bounds(gt=0)]
    close_gap_min: Annotated[int, Bounds(gt=0)]
    comfort_gap_min: Annotated[int, Bounds(gt=0)]
    with_food_window_min: Annotated[int, Bounds(ge=0)]
    near_bed_min: Annotated[int, Bounds(ge=0)]
    tight_min: Annotated[int, Bounds(ge=0)]
    short_day_min: Annotated[int, Bounds(gt=0)]
    waking_min_per_dose: Annotated[int, Bounds(gt=0)]
    timed_apart_margin_min: Annotated[int, Bounds(ge=0)]

    def __post_init__(self) -> None:
        if not self.min_gap_min <= self.close_gap_min <= self.comfort_gap_min:
            raise ValueError("min_gap_min <= close_gap_min <= comfort_gap_min must hold")


@value(kw_only=True)
class FoodChoices(_Strict):
    """What the food-first suggestions choose by (planning.toml)."""

    source: str
    fibre_rich_g: Annotated[float, Bounds(gt=0)]  # a serving's fibre that makes a good source


@value(kw_only=True)
class Planning(_Strict):
    """The numbers the planner decides with (planning.toml), each table with its source."""

    ages: Ages
    children: Children
    amounts: Amounts
    day: DayTiming
    food: FoodChoices


@value(kw_only=True)
class MedicineClass(_Strict):
    """A class of medicines (medicines.toml): its names, its spacing from magnesium and the
    warning said about it."""

    id: str
    name: str
    warning_code: str
    severity: Severity
    other_first_min: Annotated[int, Bounds(ge=0, le=MAX_SEPARATION_MIN)] = 0
    mg_first_min: Annotated[int, Bounds(ge=0, le=MAX_SEPARATION_MIN)] = 0
    avoid: bool = False  # the label advises against magnesium with it at any spacing
    stated: bool = False  # a medicine the planner does not know: spacing as the person states
    strength: Strength | None = None
    strength_sources: list[str] = field(default_factory=list)
    unkept: str = ""  # what to do when no time keeps a must rule
    effect: Literal["none", "depleting", "retaining"] = "none"
    message: str
    message_plural: str = ""
    sources: list[str]
    names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.names and not self.stated:
            raise ValueError("a class needs at least one name")
        if (self.separates or self.avoid or self.stated) and (
            self.strength is None or not self.strength_sources
        ):
            raise ValueError("a separation rule needs a strength and its strength_sources")
        if self.strength == "must" and not self.unkept:
            raise ValueError("a must rule needs 'unkept': what to do when no time keeps it")

    @property
    def separates(self) -> bool:
        return self.other_first_min > 0 or self.mg_first_min > 0


@value(kw_only=True)
class Qualifiers(_Strict):
    """Words that may follow a medicine's name (salt, strength unit, form)."""

    words: Annotated[list[str], Bounds(min_length=1)]


@value(kw_only=True)
class MagnesiumNames(_Strict):
    """Names that are magnesium itself: counted as other magnesium, never spaced from it."""

    names: Annotated[list[str], Bounds(min_length=1)]


@value(kw_only=True)
class Condition(_Strict):
    """A health condition (conditions.toml): whether it stops the plan or avoids laxative forms,
    and what is said about it."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    gate: bool = False
    avoid_laxative: bool = False
    warning_code: str
    severity: Severity = "danger"
    message: str
    supervised_message: str = ""
    forced_message: str = ""  # said instead when the user forces a laxative form ({form})
    sources: list[str]


@value(kw_only=True)
class WarningCase(_Strict):
    """Another wording of a warning; what it leaves out, it takes from its warning."""

    message: str = ""
    severity: Severity | None = None
    sources: list[str] | None = None


@value
class WarningWording:
    """What one case of a warning says: its severity, message template and own sources."""

    severity: Severity
    message: str
    sources: tuple[str, ...]


@value(kw_only=True)
class WarningText(_Strict):
    """One of the planner's own warnings (warnings.toml)."""

    severity: Severity
    sources: list[str] = field(default_factory=list)
    sources_from: SourcesFrom = ""
    message: str
    cases: dict[str, WarningCase] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)

    def wording(self, case: str = "") -> WarningWording:
        """The severity, message and sources of ``case`` ("" for the usual wording)."""
        chosen = self.cases[case] if case else WarningCase()
        return WarningWording(
            severity=chosen.severity or self.severity,
            message=chosen.message or self.message,
            sources=tuple(self.sources if chosen.sources is None else chosen.sources),
        )

    def templates(self) -> list[str]:
        return [self.message, *(c.message for c in self.cases.values()), *self.words.values()]

    def source_keys(self) -> list[str]:
        return [*self.sources, *(s for c in self.cases.values() for s in c.sources or [])]


@value(kw_only=True)
class _MedicinesFile(_Strict):
    """medicines.toml as a whole: the words after a name, the names that are magnesium, the
    classes."""

    qualifiers: Qualifiers
    magnesium: MagnesiumNames
    classes: list[MedicineClass]


@value(kw_only=True)
class _WarningsFile(_Strict):
    """warnings.toml as a whole: shared phrases and the planner's own warnings."""

    phrases: dict[str, str]
    warnings: dict[str, WarningText]


@value(kw_only=True)
class _SourcesFile(_Strict):
    """sources.toml as a whole: the sources and the disclaimer."""

    sources: dict[str, Source]
    disclaimer: Disclaimer


_STRENGTH = re.compile(r"[0-9]+([.,][0-9]+)?(mg|mcg|µg|g|iu|%)?")


def _key(text: str) -> str:
    """How names are compared: case, spaces, dashes and underscores do not matter."""
    return "".join(ch for ch in text.casefold() if ch.isalnum() or ch in "+'")


@value(kw_only=True)
class Knowledge:
    """Everything the planner knows, cross-checked so that every reference resolves."""

    forms: dict[str, Form]
    goals: dict[str, Goal]
    intakes: Intakes
    planning: Planning
    medicines: dict[str, MedicineClass]
    magnesium_names: frozenset[str]
    qualifier_words: frozenset[str]
    conditions: dict[str, Condition]
    stated_class: str  # the class of a medicine the planner does not know
    warnings: dict[str, WarningText]
    phrases: dict[str, str]
    sources: dict[str, Source]
    disclaimer: Disclaimer
    form_lookup: dict[str, str]
    goal_lookup: dict[str, str]
    medicine_lookup: dict[str, str]
    condition_lookup: dict[str, str]

    def find_form(self, text: str) -> str | None:
        return self.form_lookup.get(_key(text))

    def find_goal(self, text: str) -> str | None:
        return self.goal_lookup.get(_key(text))

    def find_medicine(self, text: str) -> str | None:
        """The medicine class id for a brand, generic or class name, also when its salt,
        strength or form follows it ("doxycycline hyclate 100 mg" is doxycycline)."""
        found = self.medicine_lookup.get(_key(text))
        if found is not None:
            return found
        words = text.casefold().replace(",", " ").split()
        while words and (words[-1] in self.qualifier_words or _STRENGTH.fullmatch(words[-1])):
            words.pop()
        return self.medicine_lookup.get(_key(" ".join(words))) if words else None

    def is_magnesium(self, text: str) -> bool:
        """Whether a medicine name is magnesium itself (an antacid, a laxative, a supplement)."""
        return _key(text) in self.magnesium_names

    def suggest_medicine(self, text: str) -> str | None:
        """The known name closest to a misspelt one ("sertralin" -> "sertraline"), if any."""
        import difflib

        names = {_key(n): n for n in self.medicine_names()}
        close = difflib.get_close_matches(_key(text), list(names), n=1, cutoff=0.8)
        return names[close[0]] if close else None

    def find_condition(self, text: str) -> str | None:
        return self.condition_lookup.get(_key(text))

    def medicine_names(self) -> list[str]:
        """Every name the planner recognises, for completion in the window."""
        names = {n for c in self.medicines.values() for n in c.names}
        return sorted(names, key=str.casefold)

    def source_title(self, key: str) -> str:
        return self.sources[key].title


KNOWLEDGE_FILES = (
    "forms.toml",
    "goals.toml",
    "intakes.toml",
    "planning.toml",
    "medicines.toml",
    "conditions.toml",
    "sources.toml",
    "warnings.toml",
)


@value(kw_only=True)
class KnowledgeFiles:
    """Every knowledge file, each valid on its own."""

    forms: list[Form]
    goals: list[Goal]
    intakes: Intakes
    planning: Planning
    medicines: _MedicinesFile
    conditions: list[Condition]
    sources: _SourcesFile
    warnings: _WarningsFile


SNAPSHOT_CLASSES = (
    *(Source, Disclaimer, Form, Goal, RdaRow, Rda, LimitRow, UpperLimits, Dosing, Intakes),
    *(Ages, Children, Amounts, DayTiming, FoodChoices, Planning, MedicineClass, Qualifiers),
    MagnesiumNames,
    *(Condition, WarningCase, WarningText, _MedicinesFile, _SourcesFile, _WarningsFile),
    KnowledgeFiles,
)
"""The classes the snapshot of the shipped files is made of (:mod:`magplan.core.snapshot`)."""


def load_knowledge_from(folder: Path) -> Knowledge:
    """Every knowledge file in ``folder``, checked and cross-checked.

    The shipped files, byte for byte, come from their snapshot, validated when it was written;
    any other files (edited, or another folder) are read and validated here.
    """
    files = shipped_files(folder)
    return _knowledge(files if files is not None else checked_files(folder))


def shipped_files(folder: Path) -> KnowledgeFiles | None:
    """The files of ``folder`` from their validated snapshot, or None when the folder has no
    snapshot or a file is not byte for byte the one the snapshot was made from."""
    found = snapshot.read(folder, KNOWLEDGE_FILES, SNAPSHOT_CLASSES)
    return found if isinstance(found, KnowledgeFiles) else None


def checked_files(folder: Path) -> KnowledgeFiles:
    """Read, validate (pydantic) and cross-check every knowledge file in ``folder``."""
    files = KnowledgeFiles(
        forms=_listed(Form, folder, "forms.toml", "forms"),
        goals=_listed(Goal, folder, "goals.toml", "goals"),
        intakes=_validated(Intakes, folder, "intakes.toml"),
        planning=_validated(Planning, folder, "planning.toml"),
        medicines=_validated(_MedicinesFile, folder, "medicines.toml"),
        conditions=_listed(Condition, folder, "conditions.toml", "conditions"),
        sources=_validated(_SourcesFile, folder, "sources.toml"),
        warnings=_validated(_WarningsFile, folder, "warnings.toml"),
    )
    _check_sources(folder, files)
    _check_warnings(folder / "warnings.toml", files.warnings, set(files.sources.sources))
    _check_singles(folder, files)
    return files


def _read(path: Path) -> dict[str, object]:
    import tomllib

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path}: file is missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{path}: not valid TOML: {exc}") from exc


def _validated(cls: type[T], folder: Path, name: str) -> T:
    """One file read and validated by pydantic against ``cls``."""
    from pydantic import TypeAdapter, ValidationError

    data = _read(folder / name)
    try:
        return TypeAdapter(cls).validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = _MESSAGES.get(first["type"], first["msg"])
        raise KnowledgeError(f"{folder / name}: field {where}: {message}") from exc


_MESSAGES = {"unexpected_keyword_argument": "Extra inputs are not permitted"}
"""pydantic's words for a key a table does not have, as a table is a dataclass ("Unexpected
keyword argument"), in the words a file's reader knows."""


def _listed(cls: type[T], folder: Path, name: str, key: str) -> list[T]:
    """A file that is one list of tables (``[[forms]]``), validated by pydantic."""
    from pydantic import ConfigDict, create_model

    tables: dict[str, Any] = {key: list.__class_getitem__(cls)}  # list[cls]: a list of cls
    whole = create_model(f"{key}_file", __config__=ConfigDict(extra="forbid"), **tables)
    found: list[T] = getattr(_validated(whole, folder, name), key)
    return found


def _index(name: str, entries: dict[str, list[str]]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for ident, words in entries.items():
        for word in [ident, *words]:
            key = _key(word)
            if lookup.get(key, ident) != ident:
                raise KnowledgeError(f"{name}: '{word}' names both {lookup[key]} and {ident}")
            lookup[key] = ident
    return lookup


def _check_sources(folder: Path, files: KnowledgeFiles) -> None:
    """Every source key names a source; every goal's forms are forms."""
    sources = files.sources.sources
    form_ids = {f.id for f in files.forms}

    def check(file: str, ident: str, keys: list[str]) -> None:
        for key in keys:
            if key not in sources:
                raise KnowledgeError(f"{folder / file}: {ident}: unknown source '{key}'")

    for form in files.forms:
        check("forms.toml", form.id, [*form.sources, *form.max_daily_sources])
    for goal in files.goals:
        check("goals.toml", goal.id, goal.sources)
        for fid in [*goal.first, *goal.also]:
            if fid not in form_ids:
                raise KnowledgeError(f"{folder / 'goals.toml'}: {goal.id}: unknown form '{fid}'")
    for med in files.medicines.classes:
        check("medicines.toml", med.id, [*med.sources, *med.strength_sources])
    for cond in files.conditions:
        check("conditions.toml", cond.id, cond.sources)
    intakes = files.intakes
    check("intakes.toml", "rda", [intakes.rda.source])
    check("intakes.toml", "ear", [intakes.ear.source])
    check("intakes.toml", "dosing", [intakes.dosing.source])
    for std, limits in intakes.upper_limits.items():
        check("intakes.toml", std, [limits.source, *(r.source for r in limits.rows if r.source)])
    for table in fields(files.planning):
        check("planning.toml", table.name, [getattr(files.planning, table.name).source])


def _check_singles(folder: Path, files: KnowledgeFiles) -> None:
    """What the planner singles out exists once: the fallback form (at most), the class of a
    medicine it does not know, the US limits; a form's repletion warning is a warning."""
    for form in files.forms:
        if form.repletion_warning and form.repletion_warning not in files.warnings.warnings:
            raise KnowledgeError(
                f"{folder / 'forms.toml'}: {form.id}: unknown warning '{form.repletion_warning}'"
            )
    if sum(f.fallback for f in files.forms) > 1:
        raise KnowledgeError(f"{folder / 'forms.toml'}: at most one form may be the fallback")
    if sum(m.stated for m in files.medicines.classes) != 1:
        raise KnowledgeError(f"{folder / 'medicines.toml'}: exactly one class must be stated")
    if "us" not in files.intakes.upper_limits:
        raise KnowledgeError(f"{folder / 'intakes.toml'}: upper_limits.us is required")


def _knowledge(files: KnowledgeFiles) -> Knowledge:
    forms, goals, conditions = files.forms, files.goals, files.conditions
    medicines = files.medicines.classes
    return Knowledge(
        forms={f.id: f for f in forms},
        goals={g.id: g for g in goals},
        intakes=files.intakes,
        planning=files.planning,
        medicines={m.id: m for m in medicines},
        magnesium_names=frozenset(_key(n) for n in files.medicines.magnesium.names),
        qualifier_words=frozenset(w.casefold() for w in files.medicines.qualifiers.words),
        conditions={c.id: c for c in conditions},
        stated_class=next(m.id for m in medicines if m.stated),
        warnings=files.warnings.warnings,
        phrases=files.warnings.phrases,
        sources=files.sources.sources,
        disclaimer=files.sources.disclaimer,
        form_lookup=_index("forms.toml", {f.id: f.aliases for f in forms}),
        goal_lookup=_index("goals.toml", {g.id: [g.name, *g.aliases] for g in goals}),
        medicine_lookup=_index(
            "medicines.toml", {m.id: [m.name, *m.names] for m in medicines if not m.stated}
        ),
        condition_lookup=_index(
            "conditions.toml", {c.id: [c.name, *c.aliases] for c in conditions}
        ),
    )


def _placeholders(path: Path, where: str, template: str) -> set[str]:
    """The names ``template`` fills in; a template that cannot be filled is refused."""
    import string  # the files' own checks, not needed to load the shipped snapshot

    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise KnowledgeError(f"{path}: {where}: {exc}") from exc
    names = {name for _, name, _, _ in parsed if name is not None}
    for name in names:
        if not name.isidentifier():
            raise KnowledgeError(f"{path}: {where}: '{{{name}}}' is not a name to fill in")
    return names


def _check_names(path: Path, what: str, found: set[str], expected: frozenset[str]) -> None:
    if found != expected:
        unknown, missing = sorted(found - expected), sorted(expected - found)
        raise KnowledgeError(
            f"{path}: {what}: "
            + "; ".join(
                [f"unknown {n!r}" for n in unknown] + [f"{n!r} is missing" for n in missing]
            )
        )


def _check_warnings(path: Path, file: _WarningsFile, sources: set[str]) -> None:
    """Every code the planner raises, and no other; their cases, words, placeholders and
    source keys as the program expects them (core/warning_codes.py)."""
    _check_names(path, "warnings", set(file.warnings), frozenset(WARNING_SHAPES))
    _check_names(path, "phrases", set(file.phrases), frozenset(PHRASES))
    for name, template in file.phrases.items():
        extra = _placeholders(path, name, template) - PHRASES[name]
        if extra:
            raise KnowledgeError(f"{path}: phrases.{name}: unknown {sorted(extra)}")
    for code, text in file.warnings.items():
        shape = WARNING_SHAPES[code]
        _check_names(path, f"{code}: cases", set(text.cases), shape.cases)
        _check_names(path, f"{code}: words", set(text.words), shape.words)
        if text.sources_from != shape.sources_from:
            raise KnowledgeError(f"{path}: {code}: sources_from must be '{shape.sources_from}'")
        for key in text.source_keys():
            if key not in sources:
                raise KnowledgeError(f"{path}: {code}: unknown source '{key}'")
        for template in text.templates():
            extra = _placeholders(path, code, template) - shape.fields
            if extra:
                raise KnowledgeError(f"{path}: {code}: unknown {sorted(extra)} in '{template}'")


@cache
def load_knowledge() -> Knowledge:
    """The knowledge base, read once per process."""
    return load_knowledge_from(resource_dir())
