"""The person's own products (bottles) and the magnesium they get from other products."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from magplan.core.errors import PlanInputError
from magplan.core.knowledge import Knowledge
from magplan.core.request import MAX_OTHER_MG, PlanRequest, Product, make_product
from magplan.core.text import format_mg
from magplan.gui.fields import (
    Errors,
    FieldMarks,
    FieldMessage,
    Reading,
    Values,
    named,
    reading,
    sentence,
)
from magplan.gui.row_list import EditorRow, RowList

UNITS = ("capsule", "tablet", "softgel", "scoop", "sachet", "gummy", "teaspoon", "ml")
MAX_LABEL_MG = 20000.0
CHOOSE_FORM = "Choose a form…"
NOT_IN_PLAN = "Not in the plan until a form is chosen."


class ProductRow(EditorRow):
    """One bottle: form, mg per unit (elemental, or the compound weight from the label), unit,
    whether it can be halved, and an optional name for the printout.

    A new row has no form yet ("Choose a form…"): until one is chosen the row is being filled
    in, not an error, and the plan is made without it."""

    def __init__(self, k: Knowledge, marks: FieldMarks, number: int, form: str | None) -> None:
        super().__init__()
        self._k = k
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.form_combo = QComboBox()
        self.form_combo.addItem(CHOOSE_FORM, None)
        for fid, f in k.forms.items():
            self.form_combo.addItem(f.name, fid)
        self._select_form(form)
        self.form_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.form_combo.setMinimumContentsLength(16)
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText("name on the bottle (optional)")
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Remove this product")
        self.mg_spin = QDoubleSpinBox()
        self.mg_spin.setDecimals(1)
        self.mg_spin.setRange(0, MAX_LABEL_MG)
        self.mg_spin.setValue(100)
        self.mg_spin.setSuffix(" mg")
        self.mg_message = FieldMessage("mg per unit")
        marks.register(self.mg_spin, self.mg_message)
        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(UNITS)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_combo.setMinimumContentsLength(7)
        self.halves_box = QCheckBox("Can be halved")
        self.compound_box = QCheckBox("The label gives the compound weight")
        self.compound_box.setToolTip(
            "Tick when the label says e.g. '500 mg magnesium glycinate' rather than the "
            "elemental magnesium: the planner converts it through the form"
        )
        self.info = QLabel(NOT_IN_PLAN if form is None else "")
        self.info.setWordWrap(True)
        self.info.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        per = QLabel("per")
        grid.addWidget(self.form_combo, 0, 0, 1, 3)
        grid.addWidget(self.remove_button, 0, 3)
        grid.addWidget(self.mg_spin, 1, 0)
        grid.addWidget(per, 1, 1)
        grid.addWidget(self.unit_combo, 1, 2)
        grid.addWidget(self.halves_box, 1, 3)
        grid.addWidget(self.mg_message, 2, 0, 1, 4)
        grid.addWidget(self.compound_box, 3, 0, 1, 4)
        grid.addWidget(self.info, 4, 0, 1, 4)
        name_label = QLabel("&Name:")
        name_label.setBuddy(self.label_edit)
        grid.addWidget(name_label, 5, 0)
        grid.addWidget(self.label_edit, 5, 1, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 2)

        self.form_combo.currentIndexChanged.connect(self.changed)
        self.label_edit.textChanged.connect(self.changed)
        self.mg_spin.valueChanged.connect(self.changed)
        self.unit_combo.currentTextChanged.connect(self.changed)
        self.halves_box.toggled.connect(self.changed)
        self.compound_box.toggled.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.set_number(number)

    def set_number(self, number: int) -> None:
        """Names its controls by their place in the list (renumbered after a removal)."""
        named(
            self.form_combo,
            f"Product {number} form",
            "The form on the label; the product is not used until a form is chosen",
        )
        named(self.label_edit, f"Product {number} name", "Printed on the schedule")
        named(self.remove_button, f"Remove product {number}")
        named(self.mg_spin, f"Product {number} mg per unit")
        named(self.unit_combo, f"Product {number} unit")
        named(self.halves_box, f"Product {number} can be halved")
        named(self.compound_box, f"Product {number}: the label gives the compound weight")
        self.info.setAccessibleName(f"Product {number} elemental magnesium")

    def marked_fields(self) -> list[QWidget]:
        return [self.mg_spin]

    def first_field(self) -> QWidget:
        return self.form_combo

    def _select_form(self, form: str | None) -> None:
        index = self.form_combo.findData(form) if form is not None else 0
        self.form_combo.setCurrentIndex(max(0, index))

    def form(self) -> str | None:
        """The chosen form's id, or None while the row still shows "Choose a form…"."""
        data = self.form_combo.currentData()
        return data if isinstance(data, str) else None

    def read(self, errors: Errors) -> Product | None:
        """The product, or None when the row is not complete (no form) or cannot be read."""
        form = self.form()
        if form is None:
            self.info.setText(NOT_IN_PLAN)
            return None
        unit = self.unit_combo.currentText().strip().lower() or "capsule"
        compound = self.compound_box.isChecked()
        try:
            product = make_product(
                self._k,
                form,
                self.mg_spin.value(),
                unit=unit,
                halves=self.halves_box.isChecked(),
                compound=compound,
                label=self.label_edit.text().strip(),
                what="mg per unit",
            )
        except PlanInputError as exc:
            errors[self.mg_spin] = sentence(exc.message)
            self.info.clear()
            return None
        self.info.setText(self._describe(product))
        return product

    def _describe(self, p: Product) -> str:
        form = self._k.forms[p.form]
        elemental = format_mg(p.elemental_mg_per_unit)
        if p.compound_mg_per_unit is not None:
            return (
                f"{format_mg(p.compound_mg_per_unit)} of {form.name.lower()} = {elemental} "
                f"elemental magnesium per {p.unit} ({form.elemental_fraction:.1%} magnesium)"
            )
        return f"{elemental} elemental magnesium per {p.unit}"

    def load(self, p: Product) -> None:
        self._select_form(p.form)
        self.label_edit.setText(p.label)
        self.compound_box.setChecked(p.compound_mg_per_unit is not None)
        if p.compound_mg_per_unit is not None:
            self.mg_spin.setValue(p.compound_mg_per_unit)
        else:
            self.mg_spin.setValue(p.elemental_mg_per_unit)
        self.unit_combo.setCurrentText(p.unit)
        self.halves_box.setChecked(p.halves)


class ProductsEditor(QGroupBox):
    """The person's bottles and the magnesium already taken from other products."""

    changed = Signal()
    rowsChanged = Signal()

    def __init__(self, k: Knowledge, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__("Your products", parent)
        named(self, "Your products")
        self._k = k
        self._marks = marks
        lay = QVBoxLayout(self)
        hint = QLabel(
            "Without products the schedule is in mg of elemental magnesium. Add your bottles "
            "to see capsules, tablets or scoops."
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        lay.addWidget(hint)
        self._rows_box = QVBoxLayout()
        lay.addLayout(self._rows_box)
        self.add_button = QPushButton("Add &product")
        named(self.add_button, "Add product")
        self.add_button.clicked.connect(self._add_clicked)
        lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._list: RowList[ProductRow] = RowList(
            self._rows_box, marks, self.add_button, self.changed, self.rowsChanged
        )
        form = QFormLayout()
        self.other_spin = QDoubleSpinBox()
        self.other_spin.setDecimals(0)
        self.other_spin.setRange(0, MAX_OTHER_MG)
        self.other_spin.setSingleStep(10)
        self.other_spin.setSuffix(" mg")
        self.other_spin.setToolTip(
            "Elemental magnesium a day from a multivitamin, an antacid or a laxative; it counts "
            "towards the upper limit"
        )
        named(self.other_spin, "Magnesium from other products", self.other_spin.toolTip())
        self.other_message = FieldMessage("Magnesium from other products")
        marks.register(self.other_spin, self.other_message)
        label = QLabel("Magnesium from &other products (a day):")
        label.setWordWrap(True)
        label.setBuddy(self.other_spin)
        form.addRow(label, self.other_spin)
        form.addRow("", self.other_message)
        lay.addLayout(form)
        self.other_spin.valueChanged.connect(self.changed)

    @property
    def rows(self) -> list[ProductRow]:
        return self._list.rows

    def _add_clicked(self) -> None:
        # The plan does not change: the new row counts once its form is chosen.
        self._list.focus_new(self.add_row())

    def add_row(self, form: str | None = None) -> ProductRow:
        number = len(self.rows) + 1
        return self._list.append(ProductRow(self._k, self._marks, number, form))

    def clear(self) -> None:
        self._list.clear()

    def read(self) -> Reading:
        errors: Errors = {}
        products = [row.read(errors) for row in self.rows]
        values: Values = {
            "products": tuple(p for p in products if p is not None),
            "other_magnesium_mg": float(self.other_spin.value()),
        }
        return reading(values, errors)

    def load(self, request: PlanRequest) -> None:
        self.clear()
        for p in request.products:
            self.add_row(p.form).load(p)
        self.other_spin.setValue(request.other_magnesium_mg)


__all__ = ["CHOOSE_FORM", "UNITS", "ProductRow", "ProductsEditor"]
