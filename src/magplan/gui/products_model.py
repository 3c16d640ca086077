"""The person's own products (bottles) as a table: one row per bottle, with its form, what the
label's number is (elemental magnesium, or the compound's weight), that number of mg per unit,
the unit, whether it can be halved, and a name for the printout. What the number is comes
before it, as a label reads: "500 mg magnesium glycinate" is the compound.

A new row has no form yet ("Choose a form…"): until one is chosen the row is being filled in,
not an error, and the plan is made without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from magplan.core.errors import PlanInputError
from magplan.core.knowledge import Knowledge
from magplan.core.request import Product, make_product
from magplan.core.text import format_mg
from magplan.gui.fields import sentence
from magplan.gui.table_editor import EditorModel
from magplan.present.words import product_form_cell

FORM, MG_OF, MG, UNIT, HALVES, LABEL = range(6)

UNITS = ("capsule", "tablet", "softgel", "scoop", "sachet", "gummy", "teaspoon", "ml")
ELEMENTAL = "elemental"
COMPOUND = "compound"
CHOOSE_FORM = "Choose a form…"
NOT_IN_PLAN = "Not in the plan until a form is chosen."
NO_MG = "Not in the plan until the label's mg are given."
MG_HINT = "mg?"
LABEL_HINT = "optional"


@dataclass
class ProductRow:
    """One bottle as entered in its row."""

    form: str | None = None  # None while the row still shows "Choose a form…"
    mg: float | None = None  # per unit, as the label gives it; None until typed
    compound: bool = False  # the mg are the compound's weight, not elemental magnesium
    unit: str = "capsule"
    halves: bool = False
    label: str = ""

    @classmethod
    def of(cls, p: Product) -> ProductRow:
        compound = p.compound_mg_per_unit is not None
        mg = (
            p.compound_mg_per_unit
            if p.compound_mg_per_unit is not None
            else p.elemental_mg_per_unit
        )
        return cls(p.form, mg, compound, p.unit, p.halves, p.label)


@dataclass(frozen=True)
class ProductReading:
    """What the planner makes of one row: the product (None until a form is chosen, or when
    it cannot be read), the message at each field it cannot read, and the row in words."""

    product: Product | None = None
    problems: dict[int, str] = field(default_factory=dict)
    info: str = ""


def read_product(k: Knowledge, row: ProductRow) -> ProductReading:
    if row.form is None:
        return ProductReading(info=NOT_IN_PLAN)
    if row.mg is None:  # nothing is planned with an amount the person never gave
        return ProductReading(info=NO_MG)
    try:
        product = make_product(
            k,
            row.form,
            row.mg,
            unit=row.unit.strip().lower() or "capsule",
            halves=row.halves,
            compound=row.compound,
            label=row.label.strip(),
            what="mg per unit",
        )
    except PlanInputError as exc:
        return ProductReading(problems={MG: sentence(exc.message)})
    return ProductReading(product, info=_describe(k, product))


def _describe(k: Knowledge, p: Product) -> str:
    form = k.forms[p.form]
    elemental = format_mg(p.elemental_mg_per_unit)
    if p.compound_mg_per_unit is not None:
        return (
            f"{format_mg(p.compound_mg_per_unit)} of {form.name.lower()} = {elemental} "
            f"elemental magnesium per {p.unit} ({form.elemental_fraction:.1%} magnesium)"
        )
    return f"{elemental} elemental magnesium per {p.unit}"


class ProductsModel(EditorModel[ProductRow]):
    """The products table: what each row holds, shows and reads as."""

    HEADERS = ("Form", "Label gives", "mg", "per", "½", "Name")
    FIELDS = ("form", "label gives", "mg per unit", "unit", "can be halved", "name")
    ROW_NOUN = "Product"
    HELP = (
        "The form on the label; the product is not used until a form is chosen",
        "What the label's mg are: “elemental” magnesium, or “compound” when the label gives "
        "e.g. '500 mg magnesium glycinate' (the planner converts it through the form)",
        "The mg per unit the label gives",
        "What one unit is: capsule, tablet, scoop, …",
        "Can be halved",
        "Printed on the schedule",
    )

    def __init__(self, k: Knowledge) -> None:
        super().__init__()
        self._k = k
        self._readings: list[ProductReading] = []

    # ---- reading --------------------------------------------------------------------------

    def _added(self, row: int) -> None:
        self._readings.insert(row, read_product(self._k, self._rows[row]))

    def _removed(self, row: int) -> None:
        del self._readings[row]

    def _reset(self) -> None:
        self._readings = [read_product(self._k, row) for row in self._rows]

    def products(self) -> tuple[Product, ...]:
        """The products the rows give (rows without a form, or that cannot be read, give
        none)."""
        return tuple(r.product for r in self._readings if r.product is not None)

    def load(self, products: tuple[Product, ...]) -> None:
        self.set_rows([ProductRow.of(p) for p in products])

    def first_chosen(self) -> int:
        """The first row with a form chosen, or -1."""
        chosen = [i for i, row in enumerate(self._rows) if row.form is not None]
        return chosen[0] if chosen else -1

    # ---- what the rows say ------------------------------------------------------------------

    def new_row(self) -> ProductRow:
        return ProductRow()

    def display(self, row: int, column: int) -> str:
        product = self._rows[row]
        if column == FORM:
            return (
                product_form_cell(self._k.forms[product.form].name) if product.form else CHOOSE_FORM
            )
        if column == MG:
            return f"{product.mg:g}" if product.mg is not None else MG_HINT
        if column == MG_OF:
            return COMPOUND if product.compound else ELEMENTAL
        if column == UNIT:
            return product.unit
        return product.label or LABEL_HINT

    def is_placeholder(self, row: int, column: int) -> bool:
        product = self._rows[row]
        return (
            (column == FORM and product.form is None)
            or (column == MG and product.mg is None)
            or (column == LABEL and not product.label)
        )

    def edit_value(self, row: int, column: int) -> object:
        product = self._rows[row]
        values = (
            product.form,
            COMPOUND if product.compound else ELEMENTAL,
            product.mg if product.mg is not None else 0.0,  # the editor's "not given"
            product.unit,
            product.halves,
            product.label,
        )
        return values[column]

    def set_value(self, row: int, column: int, value: object) -> bool:
        if self.edit_value(row, column) == value:
            return False
        product = self._rows[row]
        if column == FORM:
            product.form = value if isinstance(value, str) and value else None
        elif column == MG:
            if isinstance(value, int | float):
                product.mg = float(value) or None  # 0: the editor's "not given"
        elif column == MG_OF:
            product.compound = value == COMPOUND
        elif column == UNIT:
            product.unit = str(value)
        elif column == HALVES:
            product.halves = bool(value)
        else:
            product.label = str(value)
        self._readings[row] = read_product(self._k, product)
        return True

    def check_state(self, row: int, column: int) -> bool | None:
        return self._rows[row].halves if column == HALVES else None

    def help_text(self, row: int, column: int) -> str:
        form = self._rows[row].form
        if column == FORM and form is not None:
            return self._k.forms[form].name
        if column == MG and self._readings[row].info:
            return self._readings[row].info
        return super().help_text(row, column)

    def info(self, row: int) -> str:
        return self._readings[row].info

    def problems(self, row: int) -> dict[int, str]:
        return self._readings[row].problems
