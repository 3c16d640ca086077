"""The journal's check-ins: the questionnaires a person answers (PHQ-8, GAD-7, WHO-5), the sleep
diary, bowel movements, cramp and migraine days, and the side effects they can note.

Every question, answer, band and phrase is in ``resources/checkins.toml`` (found through
:mod:`magplan.resources`), read once per process by :func:`definitions`. This module scores
answers (:func:`score`), and reads what a person typed, on the command line or in the window,
into checked values: :func:`parse_answers` (``--answers 1,0,2,...``), :func:`parse_sleep`
(``latency=20,wakings=1,hours=6.5,quality=3``), :func:`parse_stools`, :func:`parse_days`,
:func:`parse_side_effect`. A value that cannot be accepted is a :class:`CheckinInputError`
whose message is one line naming what was typed and what is allowed.

Standard library only: no Qt, no pydantic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn

from magplan.core.errors import PlanInputError, shown
from magplan.core.timeofday import MINUTES_PER_DAY, forward_gap
from magplan.resources import resource_path

if TYPE_CHECKING:
    from magplan.core.knowledge import Knowledge

FILE_NAME = "checkins.toml"

SCALE_KINDS = ("phq8", "gad7", "who5")
"""The questionnaires: answered item by item, scored as the sum of the answers."""
COUNT_KINDS = ("cramp_days", "migraine_days")
"""Check-ins that are one number: days with cramps or migraine in the last week."""
KINDS = ("phq8", "gad7", "who5", "sleep", "stools", "cramp_days", "migraine_days")
"""Every kind of check-in the journal keeps."""
SIDE_EFFECTS = ("loose_stools", "nausea", "stomach_cramps", "drowsiness")
"""The side effects a person can note on a day (their words: ``definitions().side_effects``)."""
STOOL_FORMS = ("hard", "firm", "soft", "mushy", "watery")
"""The five stool forms, firmest first (their words: ``definitions().stools.forms``)."""

BandsOn = Literal["score", "percent"]


class CheckinInputError(PlanInputError):
    """A check-in's answer that cannot be accepted. ``field`` names the input (``"answers"``,
    ``"latency"``, ``"stool-form"`` ...); the message is one line, fit for the command line."""


@dataclass(frozen=True)
class Option:
    """One answer a question offers, and the number it scores."""

    value: int
    label: str


@dataclass(frozen=True)
class Band:
    """A named range of a scale's score (or percentage), both ends included, as the scale's
    authors define it."""

    id: str
    low: int
    high: int
    label: str

    def holds(self, number: int) -> bool:
        return self.low <= number <= self.high


@dataclass(frozen=True)
class Scale:
    """A questionnaire, word for word: its stem, items, answers, score range, bands, attribution
    and sources."""

    kind: str
    name: str
    title: str
    stem: str
    items: tuple[str, ...]
    options: tuple[Option, ...]
    min_score: int
    max_score: int
    percent_factor: int | None
    bands_on: BandsOn
    bands: tuple[Band, ...]
    attribution: str
    sources: tuple[str, ...]
    attention: tuple[str, ...] = ()  # ids of the bands that call for the clinician

    @property
    def answer_min(self) -> int:
        return min(o.value for o in self.options)

    @property
    def answer_max(self) -> int:
        return max(o.value for o in self.options)

    def percent(self, value: int) -> int | None:
        """The score as a percentage (WHO-5: raw x 4), or None for a scale without one."""
        return None if self.percent_factor is None else value * self.percent_factor

    def band_for(self, value: int) -> Band:
        """The one band a score falls in (judged on the percentage where the bands are)."""
        judged = self.percent(value) if self.bands_on == "percent" else value
        assert judged is not None  # bands on the percentage need a percent_factor (checked)
        return next(b for b in self.bands if b.holds(judged))


@dataclass(frozen=True)
class DayCount:
    """A check-in that is one number: on how many of the last days something happened."""

    kind: str
    name: str
    question: str
    days_max: int


@dataclass(frozen=True)
class SleepQuestions:
    """The sleep diary's questions, in the project's own words, and what it accepts."""

    name: str
    latency_question: str
    wakings_question: str
    hours_question: str
    quality_question: str
    latency_max_min: int
    wakings_max: int
    hours_max: int
    quality: tuple[Option, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class StoolForm:
    """One of the five stool forms, in the project's own words; loose ones count as loose
    stools."""

    id: str
    label: str
    description: str
    loose: bool


@dataclass(frozen=True)
class StoolQuestions:
    """The bowel-movement check-in: a count for the day and the form."""

    name: str
    count_question: str
    form_question: str
    count_max: int
    forms: tuple[StoolForm, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SideEffect:
    """A side effect a person can note on a day."""

    id: str
    label: str
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class EffectWindow:
    """The weeks within which results were measured in studies (marked on the charts)."""

    from_weeks: int
    to_weeks: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SuggestionWords:
    """One suggestion's words: why (a template), the one action that accepts it, its sources."""

    reason: str
    action: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SuggestionRules:
    """The thresholds and words of the journal's suggestions (``[suggestions]``)."""

    loose_stool_days_min: int
    low_adherence_note: str
    taken_share_below: float
    gentler_weeks: int
    adds_condition: str
    words: Mapping[str, SuggestionWords]


@dataclass(frozen=True)
class Definitions:
    """Everything in ``checkins.toml``, checked."""

    path: Path
    due_every_days: int
    effect_window: EffectWindow
    goal_checkins: Mapping[str, tuple[str, ...]]
    everyone: tuple[str, ...]
    scales: Mapping[str, Scale]
    counts: Mapping[str, DayCount]
    sleep: SleepQuestions
    stools: StoolQuestions
    side_effects: Mapping[str, SideEffect]
    suggestions: SuggestionRules
    attention: SuggestionWords  # said with a score in a band its scale names under attention
    questionnaires_from_age: int = 18  # PHQ-8, GAD-7 and WHO-5 are asked of adults only

    def source_keys(self) -> set[str]:
        """Every source key the file names."""
        keys = {*self.effect_window.sources, *self.sleep.sources, *self.stools.sources}
        keys.update(k for s in self.scales.values() for k in s.sources)
        keys.update(k for e in self.side_effects.values() for k in e.sources)
        keys.update(k for w in self.suggestions.words.values() for k in w.sources)
        keys.update(self.attention.sources)
        return keys


@dataclass(frozen=True)
class Score:
    """A check-in's score: its value, the band it falls in (id and words) and, for WHO-5, the
    percentage. A day count has no band."""

    value: int
    band: str | None
    band_label: str | None
    percent: int | None = None


# --- reading the file -------------------------------------------------------------------------


class _Table:
    """One table of the file: values read by key with their type checked; a key nobody reads
    is refused (a misspelt key is an error, not a silent default)."""

    def __init__(self, path: Path, data: object, where: str) -> None:
        self.path, self.where = path, where
        if not isinstance(data, dict):
            self.fail("", "must be a table")
        self.data: dict[str, object] = data
        self.used: set[str] = set()

    def fail(self, key: str, message: str) -> NoReturn:
        from magplan.core.knowledge import KnowledgeError

        name = ".".join(p for p in (self.where, key) if p)
        raise KnowledgeError(f"{self.path}: field {name or '(top)'}: {message}")

    def get(self, key: str, default: object = None) -> object:
        self.used.add(key)
        if key not in self.data:
            if default is None:
                self.fail(key, "Field required")
            return default
        return self.data[key]

    def text(self, key: str, default: str | None = None) -> str:
        found = self.get(key, default)
        return found if isinstance(found, str) else self.fail(key, "must be text")

    def whole(self, key: str, default: int | None = None) -> int:
        found = self.get(key, default)
        if isinstance(found, bool) or not isinstance(found, int) or found < 0:
            self.fail(key, "must be a whole number, 0 or more")
        return found

    def share(self, key: str) -> float:
        found = self.get(key)
        if isinstance(found, bool) or not isinstance(found, int | float) or not 0 < found < 1:
            self.fail(key, "must be a number between 0 and 1")
        return float(found)

    def texts(self, key: str) -> tuple[str, ...]:
        found = self.get(key)
        if not isinstance(found, list) or not all(isinstance(t, str) for t in found):
            self.fail(key, "must be a list of text")
        return tuple(found)

    def table(self, key: str) -> _Table:
        return _Table(self.path, self.get(key), f"{self.where}.{key}".strip("."))

    def tables(self, key: str) -> list[_Table]:
        found = self.get(key)
        if not isinstance(found, list) or not found:
            self.fail(key, "must be a list of tables")
        return [
            _Table(self.path, t, f"{self.where}.{key}.{i}".strip(".")) for i, t in enumerate(found)
        ]

    def entries(self) -> list[tuple[str, _Table]]:
        """Every key of a table of tables, with its table."""
        return [(key, self.table(key)) for key in list(self.data)]

    def closed(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            self.fail(unknown[0], "Extra inputs are not permitted")


def _options(table: _Table, key: str) -> tuple[Option, ...]:
    options = []
    for row in table.tables(key):
        options.append(Option(value=row.whole("value"), label=row.text("label")))
        row.closed()
    if len({o.value for o in options}) != len(options):
        table.fail(key, "two answers score the same")
    return tuple(options)


def _bands(table: _Table, low: int, high: int) -> tuple[Band, ...]:
    """The bands, checked to cover ``low..high`` in order, without gaps or overlaps."""
    bands: list[Band] = []
    for row in table.tables("bands"):
        band = Band(row.text("id"), row.whole("low"), row.whole("high"), row.text("label"))
        row.closed()
        start = bands[-1].high + 1 if bands else low
        if band.low != start or band.high < band.low:
            table.fail("bands", f"band '{band.id}' must start at {start} and not end before it")
        bands.append(band)
    if bands[-1].high != high:
        table.fail("bands", f"the last band must end at {high}")
    return tuple(bands)


def _scale(kind: str, table: _Table) -> Scale:
    items, options = table.texts("items"), _options(table, "options")
    low = len(items) * min(o.value for o in options)
    high = len(items) * max(o.value for o in options)
    if (table.whole("min_score"), table.whole("max_score")) != (low, high):
        table.fail("max_score", f"the answers add up to {low}..{high}")
    factor = table.whole("percent_factor", 0) or None
    bands_on = table.text("bands_on")
    if bands_on not in ("score", "percent") or (bands_on == "percent" and factor is None):
        table.fail("bands_on", "must be 'score', or 'percent' with a percent_factor")
    scale = Scale(
        kind=kind,
        name=table.text("name"),
        title=table.text("title"),
        stem=table.text("stem"),
        items=items,
        options=options,
        min_score=low,
        max_score=high,
        percent_factor=factor,
        bands_on="percent" if bands_on == "percent" else "score",
        bands=_bands(table, *((low * factor, high * factor) if factor else (low, high))),
        attribution=table.text("attribution"),
        sources=table.texts("sources"),
        attention=table.texts("attention"),
    )
    unknown = set(scale.attention) - {b.id for b in scale.bands}
    if unknown:
        table.fail("attention", f"unknown bands {sorted(unknown)}")
    table.closed()
    return scale


def _sleep(table: _Table) -> SleepQuestions:
    sleep = SleepQuestions(
        name=table.text("name"),
        latency_question=table.text("latency_question"),
        wakings_question=table.text("wakings_question"),
        hours_question=table.text("hours_question"),
        quality_question=table.text("quality_question"),
        latency_max_min=table.whole("latency_max_min"),
        wakings_max=table.whole("wakings_max"),
        hours_max=table.whole("hours_max"),
        quality=_options(table, "quality"),
        sources=table.texts("sources"),
    )
    table.closed()
    return sleep


def _stools(table: _Table) -> StoolQuestions:
    forms = []
    for row in table.tables("forms"):
        loose = row.get("loose")
        if not isinstance(loose, bool):
            row.fail("loose", "must be true or false")
        forms.append(StoolForm(row.text("id"), row.text("label"), row.text("description"), loose))
        row.closed()
    if tuple(f.id for f in forms) != STOOL_FORMS:
        table.fail("forms", f"must be {', '.join(STOOL_FORMS)}, in this order")
    stools = StoolQuestions(
        name=table.text("name"),
        count_question=table.text("count_question"),
        form_question=table.text("form_question"),
        count_max=table.whole("count_max"),
        forms=tuple(forms),
        sources=table.texts("sources"),
    )
    table.closed()
    return stools


def _counts(table: _Table) -> dict[str, DayCount]:
    counts = {}
    for kind, row in table.entries():
        counts[kind] = DayCount(kind, row.text("name"), row.text("question"), row.whole("days_max"))
        row.closed()
    return counts


def _side_effects(table: _Table) -> dict[str, SideEffect]:
    found = {}
    for effect, row in table.entries():
        found[effect] = SideEffect(
            effect, row.text("label"), row.text("description"), row.texts("sources")
        )
        row.closed()
    return found


_SUGGESTION_FIELDS = {
    "low_adherence": (
        frozenset({"week_start", "taken", "planned", "percent", "from_weeks", "to_weeks"}),
        frozenset(),
    ),
    "hold_step": (frozenset({"days", "step"}), frozenset({"step"})),
    "gentler_form": (frozenset({"days_each", "weeks", "forms"}), frozenset()),
    "loose_stools": (frozenset({"days", "week_start"}), frozenset()),
    "side_effects": (frozenset({"effects", "days", "week_start"}), frozenset()),
}
"""What each suggestion's reason and action may fill in."""


def _template(row: _Table, key: str, allowed: frozenset[str]) -> str:
    """A phrase with ``{names}`` to fill in, each one of ``allowed``."""
    import string

    text = row.text(key)
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        row.fail(key, str(exc))
    if not names <= allowed:
        row.fail(key, f"unknown {sorted(names - allowed)}; allowed {sorted(allowed)}")
    return text


def _suggestions(table: _Table) -> SuggestionRules:
    rows = {code: table.table(code) for code in _SUGGESTION_FIELDS}
    words = {
        code: SuggestionWords(
            _template(row, "reason", _SUGGESTION_FIELDS[code][0]),
            _template(row, "action", _SUGGESTION_FIELDS[code][1]),
            row.texts("sources"),
        )
        for code, row in rows.items()
    }
    rules = SuggestionRules(
        loose_stool_days_min=table.whole("loose_stool_days_min"),
        low_adherence_note=table.text("low_adherence_note"),
        taken_share_below=rows["low_adherence"].share("taken_share_below"),
        gentler_weeks=rows["gentler_form"].whole("weeks"),
        adds_condition=rows["gentler_form"].text("adds_condition"),
        words=words,
    )
    if rules.gentler_weeks < 2:
        rows["gentler_form"].fail("weeks", "must be 2 or more (loose stools that persist)")
    for row in rows.values():
        row.closed()
    table.closed()
    return rules


def _attention(table: _Table) -> SuggestionWords:
    words = SuggestionWords(
        _template(table, "text", frozenset({"name", "score", "band"})), "", table.texts("sources")
    )
    table.closed()
    return words


def attention(kind: str, answers: Sequence[int]) -> str | None:
    """What to say with a questionnaire's score when it falls in a band that calls for the
    clinician (PHQ-8 or GAD-7 of 10 or more, WHO-5 of 50% or less), else ``None``."""
    if kind not in SCALE_KINDS:
        return None
    found = score(kind, answers)
    if found.band is None or found.band not in scale(kind).attention:
        return None
    shown = f"{found.value}" + (f" ({found.percent}%)" if found.percent is not None else "")
    return definitions().attention.reason.format(
        name=scale(kind).name, score=shown, band=found.band_label
    )


def _effect_window(table: _Table) -> EffectWindow:
    window = EffectWindow(
        from_weeks=table.whole("from_weeks"),
        to_weeks=table.whole("to_weeks"),
        sources=table.texts("sources"),
    )
    if not 0 < window.from_weeks <= window.to_weeks:
        table.fail("to_weeks", "must be at least from_weeks, which must be more than 0")
    table.closed()
    return window


def _goal_checkins(top: _Table) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    goals = top.table("goals")
    by_goal = {goal: goals.texts(goal) for goal in list(goals.data)}
    everyone = top.table("everyone")
    shared = everyone.texts("checkins")
    everyone.whole("questionnaires_from_age")  # read again by _questionnaires_from_age
    everyone.closed()
    for kind in [*shared, *(k for kinds in by_goal.values() for k in kinds)]:
        if kind not in KINDS:
            goals.fail("", f"unknown check-in '{kind}': the journal keeps {', '.join(KINDS)}")
    return by_goal, shared


def read_definitions(path: Path) -> Definitions:
    """``checkins.toml`` at ``path``, read and checked; a broken file is a
    :class:`~magplan.core.knowledge.KnowledgeError` naming the file and the field."""
    import tomllib

    try:
        with path.open("rb") as fh:
            top = _Table(path, tomllib.load(fh), "")
    except FileNotFoundError as exc:
        from magplan.core.knowledge import KnowledgeError

        raise KnowledgeError(f"{path}: file is missing") from exc
    except tomllib.TOMLDecodeError as exc:
        from magplan.core.knowledge import KnowledgeError

        raise KnowledgeError(f"{path}: not valid TOML: {exc}") from exc
    due = top.table("due")
    scales = {kind: _scale(kind, t) for kind, t in top.table("scales").entries()}
    if tuple(scales) != SCALE_KINDS:
        top.fail("scales", f"must be {', '.join(SCALE_KINDS)}, in this order")
    by_goal, everyone = _goal_checkins(top)
    found = Definitions(
        path=path,
        due_every_days=due.whole("every_days"),
        effect_window=_effect_window(top.table("effect_window")),
        goal_checkins=by_goal,
        everyone=everyone,
        scales=scales,
        counts=_counts(top.table("counts")),
        sleep=_sleep(top.table("sleep")),
        stools=_stools(top.table("stools")),
        side_effects=_side_effects(top.table("side_effects")),
        suggestions=_suggestions(top.table("suggestions")),
        attention=_attention(top.table("attention")),
        questionnaires_from_age=top.table("everyone").whole("questionnaires_from_age"),
    )
    due.closed()
    top.closed()
    for key, listed, expected in (
        ("counts", tuple(found.counts), COUNT_KINDS),
        ("side_effects", tuple(found.side_effects), SIDE_EFFECTS),
    ):
        if listed != expected:
            top.fail(key, f"must be {', '.join(expected)}, in this order")
    return found


def cross_check(found: Definitions, k: Knowledge) -> None:
    """Every source key names a source of the knowledge, every goal is a goal, and the
    condition a suggestion adds avoids laxative forms."""
    from magplan.core.knowledge import KnowledgeError

    unknown = sorted(found.source_keys() - set(k.sources))
    if unknown:
        raise KnowledgeError(f"{found.path}: unknown source '{unknown[0]}'")
    for goal in found.goal_checkins:
        if goal not in k.goals:
            raise KnowledgeError(f"{found.path}: goals: unknown goal '{goal}'")
    condition = k.conditions.get(found.suggestions.adds_condition)
    if condition is None or not condition.avoid_laxative:
        raise KnowledgeError(
            f"{found.path}: suggestions.gentler_form.adds_condition: "
            f"'{found.suggestions.adds_condition}' is not a condition that avoids laxative forms"
        )


@cache
def definitions() -> Definitions:
    """The check-ins of the installed ``checkins.toml``, read and checked once per process
    (against the knowledge base too: sources, goals, conditions)."""
    from magplan.core.knowledge import load_knowledge

    found = read_definitions(resource_path(FILE_NAME))
    cross_check(found, load_knowledge())
    return found


def scale(kind: str) -> Scale:
    """A questionnaire's definition: ``scale("phq8")``."""
    return definitions().scales[kind]


def effect_window_weeks() -> tuple[int, int]:
    """The weeks within which studies measured results, ``(2, 8)``, for the charts (its sources:
    ``definitions().effect_window``; the sentence that says so: the knowledge's
    ``disclaimer.timeframe``)."""
    window = definitions().effect_window
    return window.from_weeks, window.to_weeks


# --- scoring ----------------------------------------------------------------------------------


def score(kind: str, answers: Sequence[int]) -> Score:
    """The score of a questionnaire's answers (one number per item, in order) or of a day
    count (one number). Raises :class:`CheckinInputError` for answers that cannot be scored."""
    found = definitions()
    if kind in found.counts:
        count = found.counts[kind]
        days = _checked_numbers(answers, count.name, 1, 0, count.days_max)
        return Score(value=days[0], band=None, band_label=None)
    if kind not in found.scales:
        raise CheckinInputError("scale", f"'{shown(kind)}' is not a check-in that is scored")
    questionnaire = found.scales[kind]
    numbers = _checked_numbers(
        answers,
        questionnaire.name,
        len(questionnaire.items),
        questionnaire.answer_min,
        questionnaire.answer_max,
    )
    value = sum(numbers)
    band = questionnaire.band_for(value)
    return Score(value, band.id, band.label, questionnaire.percent(value))


def _checked_numbers(
    answers: Sequence[int], name: str, count: int, low: int, high: int
) -> tuple[int, ...]:
    if len(answers) != count:
        needs = "1 answer" if count == 1 else f"{count} answers, one per question, in order"
        raise CheckinInputError("answers", f"{name} needs {needs}; {len(answers)} given")
    for place, answer in enumerate(answers, start=1):
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise CheckinInputError(
                "answers", f"{name} answer {place} '{shown(str(answer))}' is not a whole number"
            )
        if not low <= answer <= high:
            raise CheckinInputError(
                "answers", f"{name} answer {place} is {answer}: allowed {low} to {high}"
            )
    return tuple(answers)


# --- what a person types ----------------------------------------------------------------------

_WHOLE = re.compile(r"[+-]?[0-9]+")
_MOST_DIGITS = 9  # more is out of every range here, and is never turned into a number
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


def _key(text: str) -> str:
    """How names are compared: case, spaces, dashes and underscores do not matter."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def parse_scale(text: str) -> str:
    """The questionnaire a person names: ``"PHQ-8"``, ``"phq8"`` -> ``"phq8"``."""
    found = definitions().scales
    for kind, questionnaire in found.items():
        if _key(text) in (_key(kind), _key(questionnaire.name)):
            return kind
    allowed = ", ".join(found)
    raise CheckinInputError("scale", f"scale '{shown(text)}' is not one of {allowed}")


def parse_answers(kind: str, text: str) -> tuple[int, ...]:
    """``"1,0,2,3,0,1,1,0"`` -> the answers of questionnaire ``kind``, checked for their count
    and range (the command line's ``--answers``)."""
    questionnaire = scale(kind)
    parts = [p.strip() for p in text.split(",")]
    typed = f"answers '{shown(text)}'"
    if len(parts) != len(questionnaire.items):
        raise CheckinInputError(
            "answers",
            f"{typed}: {questionnaire.name} needs {len(questionnaire.items)} answers, one per "
            f"question, in order; {len(parts)} given",
        )
    low, high = questionnaire.answer_min, questionnaire.answer_max
    numbers = []
    for place, part in enumerate(parts, start=1):
        if not _WHOLE.fullmatch(part):
            raise CheckinInputError(
                "answers", f"{typed}: answer {place} '{shown(part)}' is not a whole number"
            )
        if len(part.lstrip("+-")) > _MOST_DIGITS or not low <= int(part) <= high:
            raise CheckinInputError(
                "answers",
                f"{typed}: answer {place} is {shown(part)}: allowed {low} to {high}",
            )
        numbers.append(int(part))
    return tuple(numbers)


def _number(field: str, what: str, text: str, high: float, *, low: float = 0) -> int:
    """A whole number typed for ``what``, within ``low..high``."""
    if not _WHOLE.fullmatch(text.strip()):
        raise CheckinInputError(field, f"{what} '{shown(text)}' is not a whole number")
    if len(text.strip().lstrip("+-")) > _MOST_DIGITS:
        _out_of_range(field, what, text, low, high)
    return int(_in_range(field, what, text, int(text), low, high))


def _decimal(field: str, what: str, text: str, high: float) -> float:
    """A number typed for ``what`` (``6.5``), within ``0..high``."""
    if not _DECIMAL.fullmatch(text.strip()):
        raise CheckinInputError(field, f"{what} '{shown(text)}' is not a number")
    if len(text.strip().lstrip("+-")) > 2 * _MOST_DIGITS:
        _out_of_range(field, what, text, 0, high)
    return _in_range(field, what, text, float(text), 0, high)


def _in_range(field: str, what: str, text: str, number: float, low: float, high: float) -> float:
    finite = isinstance(number, int) or math.isfinite(number)
    if not finite or not low <= number <= high:
        _out_of_range(field, what, text, low, high)
    return number


def _out_of_range(field: str, what: str, text: str, low: float, high: float) -> NoReturn:
    raise CheckinInputError(
        field, f"{what} {shown(text.strip())} is out of range: allowed {low:g} to {high:g}"
    )


def parse_days(kind: str, text: str) -> int:
    """How many days of the last week (``cramp_days``, ``migraine_days``): ``"2"`` -> 2."""
    count = definitions().counts[kind]
    return _number("days", count.name.lower(), text, count.days_max)


def time_in_bed_min(bed_min: int, wake_min: int) -> int:
    """The minutes from going to bed to waking (times of day in minutes): the time in bed a
    sleep diary's efficiency is judged against."""
    return forward_gap(bed_min, wake_min) or MINUTES_PER_DAY


def _find(text: str, names: Mapping[str, str]) -> str | None:
    """The id whose id or label ``text`` names (case, spaces, dashes, underscores aside)."""
    wanted = _key(text)
    return next(
        (ident for ident, label in names.items() if wanted in (_key(ident), _key(label))), None
    )


# --- the sleep diary --------------------------------------------------------------------------

SLEEP_FORMAT = "latency=MIN,wakings=N,hours=H,quality=Q"
"""How the command line's ``--sleep`` is written."""

_SLEEP_KEYS = ("latency", "wakings", "hours", "quality")


@dataclass(frozen=True)
class SleepDiary:
    """One night in the sleep diary: minutes to fall asleep, night wakings, hours slept and
    quality from 1 to 5. Values out of range are refused when it is made."""

    latency_min: int
    wakings: int
    hours_slept: float
    quality: int

    def __post_init__(self) -> None:
        q = definitions().sleep
        quality = [o.value for o in q.quality]
        for field, what, value, low, high in (
            ("latency", "minutes to fall asleep", self.latency_min, 0, q.latency_max_min),
            ("wakings", "night wakings", self.wakings, 0, q.wakings_max),
            ("hours", "hours slept", self.hours_slept, 0, q.hours_max),
            ("quality", "sleep quality", self.quality, min(quality), max(quality)),
        ):
            whole = field != "hours"
            if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
                kind = "a whole number" if whole else "a number"
                raise CheckinInputError(field, f"{what} '{shown(str(value))}' is not {kind}")
            _in_range(field, what, str(value), value, low, high)
        if self.latency_min + self.hours_slept * 60 > 24 * 60:
            raise CheckinInputError(
                "sleep",
                f"{self.latency_min} minutes to fall asleep and {self.hours_slept:g} hours slept"
                " are more than a day",
            )
        if self.hours_slept == 0:
            object.__setattr__(self, "hours_slept", 0.0)  # "-0" is no sleep, not minus none

    def efficiency_pct(self, time_in_bed_min: int) -> float:
        """Sleep efficiency: hours slept over the time in bed (the person's bed-to-wake span),
        in per cent, at most 100 (the Consensus Sleep Diary's total sleep time / time in
        bed)."""
        if time_in_bed_min <= 0:
            raise ValueError(f"time in bed must be more than 0 minutes, not {time_in_bed_min}")
        return min(100.0, self.hours_slept * 60 * 100 / time_in_bed_min)

    def answers(self) -> dict[str, float]:
        """The night as the journal keeps it (JSON)."""
        return {
            "latency_min": self.latency_min,
            "wakings": self.wakings,
            "hours_slept": self.hours_slept,
            "quality": self.quality,
        }

    @classmethod
    def from_answers(cls, answers: Mapping[str, object]) -> SleepDiary:
        """A night back from :meth:`answers`."""
        return cls(**{f: answers[f] for f in ("latency_min", "wakings", "hours_slept", "quality")})  # type: ignore[arg-type]


def parse_sleep(text: str) -> SleepDiary:
    """``"latency=20,wakings=1,hours=6.5,quality=3"`` (any order; the command line's
    ``--sleep``) -> a checked :class:`SleepDiary`."""
    typed: dict[str, str] = {}
    head = f"sleep '{shown(text)}'"
    for part in text.split(","):
        name, equals, number = part.partition("=")
        name = name.strip().casefold()
        if not equals or name not in _SLEEP_KEYS:
            raise CheckinInputError(
                "sleep", f"{head}: '{shown(part.strip())}' is not understood; write {SLEEP_FORMAT}"
            )
        if name in typed:
            raise CheckinInputError("sleep", f"{head}: {name}= is given twice")
        typed[name] = number
    missing = [name for name in _SLEEP_KEYS if name not in typed]
    if missing:
        raise CheckinInputError("sleep", f"{head}: {missing[0]}= is missing; write {SLEEP_FORMAT}")
    q = definitions().sleep
    quality = [o.value for o in q.quality]
    return SleepDiary(
        latency_min=_number(
            "latency", "minutes to fall asleep", typed["latency"], q.latency_max_min
        ),
        wakings=_number("wakings", "night wakings", typed["wakings"], q.wakings_max),
        hours_slept=_decimal("hours", "hours slept", typed["hours"], q.hours_max),
        quality=_number(
            "quality", "sleep quality", typed["quality"], max(quality), low=min(quality)
        ),
    )


# --- bowel movements and side effects ---------------------------------------------------------


def stool_form(form_id: str) -> StoolForm:
    """One of the five stool forms by its id (``"mushy"``)."""
    return next(f for f in definitions().stools.forms if f.id == form_id)


@dataclass(frozen=True)
class StoolEntry:
    """A day's bowel movements: how many, and their form (one of the five, or None when not
    said). A form without any movement is refused."""

    count: int
    form: str | None

    def __post_init__(self) -> None:
        q = definitions().stools
        if isinstance(self.count, bool) or not isinstance(self.count, int):
            raise CheckinInputError(
                "stools", f"stools '{shown(str(self.count))}' is not a whole number"
            )
        _in_range("stools", "stools", str(self.count), self.count, 0, q.count_max)
        if self.form is not None and self.form not in {f.id for f in q.forms}:
            raise CheckinInputError("stool-form", _unknown_form(self.form))
        if self.form is not None and self.count == 0:
            raise CheckinInputError("stool-form", "stool form given for 0 stools: leave it out")

    @property
    def loose(self) -> bool:
        """Whether the form counts as loose stools (mushy or watery)."""
        return self.form is not None and stool_form(self.form).loose

    def answers(self) -> dict[str, object]:
        """The day as the journal keeps it (JSON)."""
        return {"count": self.count, "form": self.form}

    @classmethod
    def from_answers(cls, answers: Mapping[str, object]) -> StoolEntry:
        """A day back from :meth:`answers`."""
        return cls(count=answers["count"], form=answers.get("form"))  # type: ignore[arg-type]


def _unknown_form(text: str) -> str:
    allowed = ", ".join(f.id for f in definitions().stools.forms)
    return f"stool form '{shown(text)}' is not one of {allowed}"


def parse_stool_form(text: str) -> str:
    """``"Mushy"`` -> ``"mushy"``: one of the five forms, by id or label."""
    found = _find(text, {f.id: f.label for f in definitions().stools.forms})
    if found is None:
        raise CheckinInputError("stool-form", _unknown_form(text))
    return found


def parse_stools(count_text: str, form_text: str | None = None) -> StoolEntry:
    """The command line's ``--stools N [--stool-form T]`` -> a checked :class:`StoolEntry`."""
    count = _number("stools", "stools", count_text, definitions().stools.count_max)
    return StoolEntry(count, None if form_text is None else parse_stool_form(form_text))


def parse_side_effect(text: str) -> str:
    """``"loose stools"``, ``"loose-stools"``, ``"Nausea"`` -> the side effect's id."""
    effects = definitions().side_effects
    found = _find(text, {e.id: e.label for e in effects.values()})
    if found is None:
        allowed = ", ".join(e.replace("_", "-") for e in effects)
        raise CheckinInputError(
            "side-effect", f"side effect '{shown(text)}' is not one of {allowed}"
        )
    return found
