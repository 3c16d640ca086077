"""The day's doses: how many, of which form, how much in each, and when.

Every must rule is kept. Among the ways to take the whole amount in the preferred number of
doses down to the fewest that can hold it, the one that misses the fewest should and then
precaution minutes wins, then the one that plans the most, then the one without doses close
together. Only when no way keeps every must rule: fewer doses, and a smaller amount; magnesium
binding an antibiotic or levothyroxine matters more than the last mg.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from magplan.core.dose_reasons import dose_reason, meal_names
from magplan.core.forms import FormPick
from magplan.core.knowledge import Knowledge
from magplan.core.plan import Dose, PlanWarning
from magplan.core.request import PlanRequest
from magplan.core.schedule import Day, DoseSlot, Placement, SlotKind, place_doses
from magplan.core.separation import SeparationRule, missed_min
from magplan.core.spacing_warnings import close_doses, no_time, reduced, short, tight
from magplan.core.studied_amounts import cap_below_one_unit, capped, daily_cap_mg, unusable
from magplan.core.units import Portion, SlotProduct, portion_doses, product_for
from magplan.core.values import value


def form_kind(k: Knowledge, form: str, goals: tuple[str, ...]) -> SlotKind:
    """Laxative doses belong early in the day, before any bedtime wish; then bedtime; else any."""
    if k.forms[form].marked_laxative or any(k.goals[g].timing == "early" for g in goals):
        return "early"
    if any(k.goals[g].timing == "bedtime" for g in goals):
        return "bedtime"
    return "any"


def dose_slots(
    k: Knowledge, pick: FormPick, n: int, most: dict[str, int] | None = None
) -> list[DoseSlot]:
    """``n`` doses shared among the forms, in the order they fall in the day; a form with a
    daily maximum gets no more than ``most[form]`` of them while another form can take one."""
    most = most or {}
    counts = dict.fromkeys(pick.forms, 0)
    for _ in range(n):
        open_forms = [f for f in pick.forms if counts[f] < most.get(f, n)] or list(pick.forms)
        counts[min(open_forms, key=lambda f: (counts[f], pick.forms.index(f)))] += 1
    kinds = {f: form_kind(k, f, pick.goals_by_form[f]) for f in pick.forms}
    order: dict[SlotKind, int] = {"early": 0, "any": 1, "bedtime": 2}
    slots: list[DoseSlot] = []
    for f in sorted(pick.forms, key=lambda f: order[kinds[f]]):
        for j in range(counts[f]):
            kind = kinds[f]
            if kind == "bedtime" and j < counts[f] - 1:
                kind = "any"  # only the last dose of the calming form goes at bedtime
            slots.append(DoseSlot(form=f, goals=pick.goals_by_form[f], kind=kind))
    return slots


@value
class DoseCounts:
    """How many doses to try, and how much of each form a day may hold."""

    preferred: int  # doses of about the comfortable size, as many as the day has room for
    fewest: int  # the fewest that hold the amount without a dose above the most in a dose
    caps_mg: dict[str, float]  # forms held to their studied daily amount
    most: dict[str, int]  # the most doses a capped form needs, while another fills the rest


def dose_counts(
    k: Knowledge, req: PlanRequest, pick: FormPick, target: float, day: Day
) -> DoseCounts:
    dosing = k.intakes.dosing
    caps = {
        f: cap
        for f in pick.forms
        if (cap := daily_cap_mg(k, f, product_for(req.products, f, target))) is not None
    }
    most = {f: max(1, math.ceil(cap / dosing.comfortable_dose_mg)) for f, cap in caps.items()}
    reachable = target if len(caps) < len(pick.forms) else min(target, sum(caps.values()))
    fewest = max(len(pick.forms), math.ceil(reachable / dosing.max_dose_mg))
    preferred = min(
        dosing.max_doses, max(fewest, math.ceil(reachable / dosing.comfortable_dose_mg))
    )
    room = 1 + day.waking_min // day.timing.waking_min_per_dose
    return DoseCounts(min(preferred, max(fewest, room)), fewest, caps, most)


@dataclass(frozen=True, order=True)
class AttemptCost:
    """What a way to take the day gives up, compared field by field: the first matters most."""

    should_missed_min: int
    precaution_missed_min: int
    minus_planned_mg: float  # more magnesium planned costs less
    too_close: bool  # doses closer than close_gap_min: fewer, larger doses are better


@value
class Attempt:
    """One way to take the day's amount: its doses, their portions and times."""

    slots: list[DoseSlot]
    portions: list[Portion]
    placed: list[Placement]
    amount: float

    @property
    def times(self) -> list[int]:
        return [p.time_min for p in self.placed]

    @property
    def planned_mg(self) -> float:
        return sum(p.elemental_mg for p in self.portions)

    def cost(self, day: Day, rules: list[SeparationRule]) -> AttemptCost:
        should, precaution = missed_min(self.times, rules)
        gap = day.closest_gap_min(self.times)
        close = gap is not None and gap < day.timing.close_gap_min
        return AttemptCost(should, precaution, -self.planned_mg, close)


@value
class _Ways:
    """What every way to take the day shares: the person, the forms, the day and its rules."""

    k: Knowledge
    req: PlanRequest
    pick: FormPick
    day: Day
    rules: list[SeparationRule]
    counts: DoseCounts

    def attempt(self, n: int, amount: float) -> Attempt | None:
        """``amount`` in ``n`` doses at times that keep every must rule, if there are such."""
        all_slots = dose_slots(self.k, self.pick, n, self.counts.most)
        all_portions = self.portions(all_slots, amount)
        # a slot its product cannot fill is dropped before the times are chosen
        kept = [(s, p) for s, p in zip(all_slots, all_portions, strict=True) if p.units > 0]
        if not kept:
            return None
        slots = [s for s, _ in kept]
        placed = place_doses(self.day, slots, self.rules)
        if placed is None:
            return None
        return Attempt(slots, [p for _, p in kept], placed, amount)

    def portions(self, slots: list[DoseSlot], amount: float) -> list[Portion]:
        per_dose = amount / len(slots)
        return portion_doses(
            [
                SlotProduct(
                    form=s.form,
                    product=product_for(self.req.products, s.form, per_dose),
                    prefer_late=form_kind(self.k, s.form, s.goals) == "bedtime",
                )
                for s in slots
            ],
            target=amount,
            max_dose_mg=self.k.intakes.dosing.max_dose_mg,
            no_product_step_mg=self.k.planning.amounts.no_product_step_mg,
            form_max_mg=self.counts.caps_mg,
        )

    def best(self, target: float) -> Attempt | None:
        """The whole amount in the preferred down to the fewest doses, at the least cost; else
        the most doses (and mg) that keep every must rule."""
        best: Attempt | None = None
        best_cost: AttemptCost | None = None
        for n in range(self.counts.preferred, self.counts.fewest - 1, -1):
            found = self.attempt(n, target)
            if found is None:
                continue
            cost = found.cost(self.day, self.rules)
            if best_cost is None or cost < best_cost:
                best, best_cost = found, cost
        if best is not None:
            return best
        most_mg = self.k.intakes.dosing.max_dose_mg
        for n in range(self.counts.fewest - 1, 0, -1):
            found = self.attempt(n, min(target, n * most_mg))
            if found is not None:
                return found
        return None


def schedule(
    k: Knowledge,
    req: PlanRequest,
    pick: FormPick,
    target: float,
    day: Day,
    rules: list[SeparationRule],
    out: list[PlanWarning],
) -> tuple[tuple[Dose, ...], list[DoseSlot]]:
    """The day's doses and their slots; what the plan says about them goes to ``out``."""
    ways = _Ways(k, req, pick, day, rules, dose_counts(k, req, pick, target, day))
    best = ways.best(target)
    if best is None:
        out.extend(unusable(k, req, pick, [], target))
        out.extend(cap_below_one_unit(k, req, pick, []))
        out.extend(no_time(k, day, rules))
        return (), []
    out.extend(unusable(k, req, pick, best.slots, best.amount))
    out.extend(cap_below_one_unit(k, req, pick, best.slots))
    if best.amount < target:
        out.append(reduced(k, rules, best.planned_mg, target))
    out.extend(capped(k, req, pick, best.slots, best.portions, best.amount, target))
    doses = _doses(k, pick, best, day, rules)
    out.extend(short(k, day, best.times, rules))
    out.extend(tight(k, best.times, rules))
    out.extend(close_doses(k, day, best.times, rules))
    return doses, best.slots


def _doses(
    k: Knowledge, pick: FormPick, best: Attempt, day: Day, rules: list[SeparationRule]
) -> tuple[Dose, ...]:
    meals = meal_names(day)
    return tuple(
        Dose(
            time_min=place.time_min,
            form=slot.form,
            units=portion.units,
            unit=portion.unit,
            unit_step=portion.unit_step,
            elemental_mg_per_unit=portion.elemental_mg_per_unit,
            product_label=portion.label,
            compound_mg=portion.compound_mg,
            with_food=place.meal_index is not None,
            goals=slot.goals,
            reason=dose_reason(k, slot, place, day, meals, rules, pick),
            at_bedtime=slot.kind == "bedtime" and day.near_bed(place.time_min),
            compound_about_mg=_compound_about(k, slot.form, portion),
            compound_about_max_mg=_compound_about(k, slot.form, portion, low_end=True),
        )
        for slot, place, portion in zip(best.slots, best.placed, best.portions, strict=True)
    )


def _compound_about(
    k: Knowledge, form: str, portion: Portion, *, low_end: bool = False
) -> float | None:
    """Elemental mg without a product, as about how much of the compound (to the nearest
    ``compound_rounding_mg``): at the form's usual share, or with ``low_end`` at the lowest
    share products have."""
    if portion.unit != "mg":
        return None
    f = k.forms[form]
    compound = portion.elemental_mg / (f.fraction_low if low_end else f.elemental_fraction)
    rounding = k.planning.amounts.compound_rounding_mg
    return float(round(compound / rounding) * rounding)
