"""The person's own products (bottles), as a table, and the magnesium they get from other
products."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from magplan.core.knowledge import Knowledge
from magplan.core.request import MAX_COMPOUND_MG, MAX_OTHER_MG, PlanRequest
from magplan.gui.fields import (
    Cell,
    FieldMarks,
    FieldMessage,
    Reading,
    named,
    reading,
    when_set,
)
from magplan.gui.products_model import (
    CHOOSE_FORM,
    COMPOUND,
    ELEMENTAL,
    FORM,
    HALVES,
    LABEL,
    MG,
    MG_HINT,
    MG_OF,
    UNIT,
    UNITS,
    ProductsModel,
)
from magplan.gui.table_editor import CellComboBox, CellDelegate, TableEditor

HINT = (
    "Without products the schedule is in mg of elemental magnesium. Add your bottles to see "
    "capsules, tablets or scoops."
)


class ProductDelegate(CellDelegate):
    """The editors of the products table's cells (the ½ column is a check box)."""

    def __init__(self, k: Knowledge, model: ProductsModel) -> None:
        super().__init__(model)
        self._forms = [(f.name, fid) for fid, f in k.forms.items()]

    def make_editor(self, parent: QWidget, index: QModelIndex) -> QWidget:
        column = index.column()
        if column == FORM:
            return self._choice(parent, [(CHOOSE_FORM, None), *self._forms])
        if column == MG_OF:
            return self._choice(parent, [("elemental magnesium", ELEMENTAL), (COMPOUND, COMPOUND)])
        if column == MG:
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(1)
            spin.setRange(0, MAX_COMPOUND_MG)
            spin.setSpecialValueText(MG_HINT)  # 0: not given yet
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            return spin
        if column == UNIT:
            units = CellComboBox(parent)
            units.setEditable(True)
            units.addItems(UNITS)
            units.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            return units
        label = QLineEdit(parent)
        label.setPlaceholderText("name on the bottle (optional)")
        return label

    @staticmethod
    def _choice(parent: QWidget, items: list[tuple[str, str | None]]) -> QComboBox:
        combo = CellComboBox(parent)
        for text, data in items:
            combo.addItem(text, data)
        return combo


class ProductsEditor(TableEditor[ProductsModel]):
    """The person's bottles and the magnesium already taken from other products."""

    def __init__(self, k: Knowledge, marks: FieldMarks) -> None:
        model = ProductsModel(k)
        super().__init__(
            "Your products", HINT, model, ProductDelegate(k, model), marks, "Add &product"
        )
        self.table.empty_text = "None: the schedule is in mg."
        fm = self.fontMetrics()
        self.table.set_columns(
            {
                MG: fm.horizontalAdvance("20000.0") + 12,
                MG_OF: max(fm.horizontalAdvance(t) for t in ("compound", "Label gives")) + 16,
                UNIT: fm.horizontalAdvance("capsule") + 16,
                HALVES: fm.horizontalAdvance("½") + 20,
                LABEL: fm.horizontalAdvance("name on it") + 12,
            },
            stretch=FORM,
        )
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
        form = QFormLayout()
        form.addRow(label, self.other_spin)
        form.addRow("", self.other_message)
        self.panel_layout.addLayout(form)
        when_set(self.other_spin)
        self.other_spin.valueChanged.connect(self.changed)

    # ---- the input panel's contract -----------------------------------------------------

    def read(self) -> Reading:
        values = {
            "products": self.model.products(),
            "other_magnesium_mg": float(self.other_spin.value()),
        }
        return reading(values, self.model.errors())

    def load(self, request: PlanRequest) -> None:
        self.model.load(request.products)
        self.other_spin.setValue(request.other_magnesium_mg)

    def first_product(self) -> Cell | None:
        """Where a message about the products as a whole is marked: the first chosen mg."""
        row = self.model.first_chosen()
        return Cell(self.model, row, MG) if row >= 0 else None
