"""The Food page's bar: magnesium a day from food and from supplements side by side, with the
person's EAR and RDA marked on it (:class:`IntakeBar`).

Its colours come from the palette (:func:`bar_colours`): the highlight's hue at three
lightnesses, so that the food, the supplements and the empty track each stand at least 3:1
against the others (WCAG 2.1's contrast for graphics that carry meaning), in a light palette
and a dark one. Where each word goes is worked out before anything is drawn
(:meth:`IntakeBar.bar_layout`): a segment's words keep clear of the EAR's and RDA's marks, and
the two marks' names under the bar never run into each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from magplan.gui.theme import MIN_MARK_CONTRAST, contrast_ratio, relative_luminance

BAR_ROOM = 1.25  # the bar reaches this share past the RDA (or the total, when higher)
STEP_CONTRAST = 3.2  # between neighbouring colours of the bar: 3:1 with room to spare
TEXT_CONTRAST = 4.5  # a segment's words against the segment (WCAG 2.1 AA, body text)
TEXT_PAD_PX = 4  # room between a segment's words and its ends or a mark
MARK_GAP_PX = 6  # the least room between the names of the EAR and the RDA
MARK_PX = 2  # a mark's width


@dataclass(frozen=True)
class BarColours:
    """The bar's colours on one palette."""

    track: QColor  # the bar where nothing reaches
    food: QColor
    supplement: QColor
    food_text: QColor  # words and marks on the food segment
    supplement_text: QColor
    track_text: QColor  # marks on the track, and the marks' names under the bar


@dataclass(frozen=True)
class BarLayout:
    """Where everything of the bar goes, in the widget's coordinates."""

    bar: QRectF
    food: QRectF
    supplement: QRectF
    words: tuple[tuple[QRectF, str], ...]  # a segment's words where they fit
    marks: tuple[float, ...]  # the x of the EAR's and RDA's marks
    names: tuple[tuple[QRectF, str], ...]  # "EAR 265", "RDA 320" under the bar


def bar_colours(palette: QPalette) -> BarColours:
    """The track in the palette's base colour; the food and the supplements in its highlight's
    hue, each at least :data:`STEP_CONTRAST` from the track and from each other: darker on a
    light base, lighter on a dark one (a mid-grey base: the food lighter, the supplements
    darker). The words on each are the palette's text colours where they stand out enough,
    else black or white."""
    track = palette.color(QPalette.ColorRole.Base)
    hue = palette.color(QPalette.ColorRole.Highlight)
    base = relative_luminance(track)
    light_first = base < 0.5  # a dark base: the bar's colours are lighter
    orders = (("up", "up"), ("up", "down")) if light_first else (("down", "down"), ("up", "down"))
    chosen: tuple[QColor, QColor] | None = None
    for food_way, supplement_way in (*orders, ("down", "up")):
        food_l = _step(base, food_way)
        supplement_l = _step(food_l if food_way == supplement_way else base, supplement_way)
        if food_l is None or supplement_l is None:
            continue
        food, supplement = _with_luminance(hue, food_l), _with_luminance(hue, supplement_l)
        if _apart(track, food, supplement):
            chosen = (food, supplement)
            break
    if chosen is None:  # no palette of Qt's comes here: a plain grey ladder that holds
        chosen = (QColor("#767676"), QColor("#000000") if base > 0.5 else QColor("#ffffff"))
    food, supplement = chosen
    words = (
        palette.color(QPalette.ColorRole.Text),
        palette.color(QPalette.ColorRole.HighlightedText),
        palette.color(QPalette.ColorRole.WindowText),
    )
    return BarColours(
        track=track,
        food=food,
        supplement=supplement,
        food_text=_readable(words, food),
        supplement_text=_readable(words, supplement),
        track_text=_readable(words, track),
    )


def _step(luminance: float | None, way: str) -> float | None:
    """The luminance :data:`STEP_CONTRAST` above or below ``luminance`` (None: past the
    ends)."""
    if luminance is None:
        return None
    if way == "up":
        stepped = STEP_CONTRAST * (luminance + 0.05) - 0.05
    else:
        stepped = (luminance + 0.05) / STEP_CONTRAST - 0.05
    return stepped if 0.0 <= stepped <= 1.0 else None


def _apart(*colours: QColor) -> bool:
    return all(
        contrast_ratio(a, b) >= MIN_MARK_CONTRAST
        for i, a in enumerate(colours)
        for b in colours[i + 1 :]
    )


def _with_luminance(color: QColor, luminance: float) -> QColor:
    """``color``'s hue and saturation at the lightness that gives ``luminance``."""
    hue, saturation = color.hslHueF(), color.hslSaturationF()
    low, high = 0.0, 1.0
    for _ in range(30):
        middle = (low + high) / 2
        if relative_luminance(QColor.fromHslF(max(hue, 0.0), saturation, middle)) < luminance:
            low = middle
        else:
            high = middle
    return QColor.fromHslF(max(hue, 0.0), saturation, high)


def _readable(candidates: tuple[QColor, ...], background: QColor) -> QColor:
    """The first of ``candidates`` that reads on ``background`` as text should, else black or
    white, whichever stands out more."""
    for color in candidates:
        if contrast_ratio(color, background) >= TEXT_CONTRAST:
            return color
    black, white = QColor("#000000"), QColor("#ffffff")
    return max((black, white), key=lambda c: contrast_ratio(c, background))


class IntakeBar(QWidget):
    """Magnesium a day from food and from supplements (the plan and the person's other
    products) as one bar, with the person's EAR and RDA marked on it (what the sentences
    beside it say, at a glance)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Magnesium a day from food and supplements, against the EAR and RDA")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.food_mg = 0.0
        self.supplement_mg = 0.0
        self.ear_mg: int | None = None
        self.rda_mg = 0

    def show_amounts(
        self, food_mg: float, supplement_mg: float, ear_mg: int | None, rda_mg: int
    ) -> None:
        self.food_mg, self.supplement_mg = food_mg, supplement_mg
        self.ear_mg, self.rda_mg = ear_mg, rda_mg
        ear = f"EAR {ear_mg} mg, " if ear_mg is not None else ""
        self.setAccessibleDescription(
            f"Food {food_mg:g} mg, supplements {supplement_mg:g} mg a day; {ear}RDA {rda_mg} mg"
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, self.fontMetrics().height() * 3)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def colours(self) -> BarColours:
        return bar_colours(self.palette())

    # ---- where things go ----------------------------------------------------------------

    def _x(self, mg: float, width: float) -> float:
        whole = max(self.rda_mg * BAR_ROOM, self.food_mg + self.supplement_mg, 1.0)
        return width * min(mg, whole) / whole

    def bar_layout(self) -> BarLayout:
        """The bar, its two segments, their words, the marks and the marks' names."""
        fm = self.fontMetrics()
        text_px = fm.height()
        bar = QRectF(0.5, 0.5, self.width() - 1.0, self.height() - text_px - 3.0)
        food_w = self._x(self.food_mg, bar.width())
        supplement_w = self._x(self.food_mg + self.supplement_mg, bar.width()) - food_w
        food = QRectF(bar.left(), bar.top(), food_w, bar.height())
        supplement = QRectF(food.right(), bar.top(), supplement_w, bar.height())
        named = [(n, mg) for n, mg in (("EAR", self.ear_mg), ("RDA", self.rda_mg)) if mg]
        marks = tuple(bar.left() + self._x(mg, bar.width()) for _, mg in named)
        words = []
        for room, long, short in (
            (food, f"Food {self.food_mg:g} mg", f"{self.food_mg:g} mg"),
            (supplement, f"Supplements {self.supplement_mg:g} mg", f"{self.supplement_mg:g} mg"),
        ):
            placed = _words_between_marks(fm, room, marks, (long, short))
            if placed is not None:
                words.append(placed)
        texts = [(f"{n} {mg}", n) for n, mg in named]
        names = _mark_names(fm, marks, texts, bar.bottom() + 2, self.width())
        return BarLayout(bar, food, supplement, tuple(words), marks, names)

    # ---- drawing ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = self.colours()
        layout = self.bar_layout()
        painter = QPainter(self)
        painter.fillRect(layout.bar, colours.track)
        painter.fillRect(layout.food, colours.food)
        painter.fillRect(layout.supplement, colours.supplement)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid)))
        painter.drawRect(layout.bar)
        for rect, text in layout.words:
            on_food = layout.food.contains(rect.center())
            painter.setPen(colours.food_text if on_food else colours.supplement_text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        for x in layout.marks:
            self._mark(painter, layout, colours, x)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for rect, text in layout.names:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()

    def _mark(self, painter: QPainter, layout: BarLayout, colours: BarColours, x: float) -> None:
        """A mark across the bar, in the colour that reads on what it crosses, and down to
        its name."""
        bar = layout.bar
        if layout.food.left() <= x < layout.food.right():
            across = colours.food_text
        elif layout.supplement.left() <= x < layout.supplement.right():
            across = colours.supplement_text
        else:
            across = colours.track_text
        painter.setPen(QPen(across, MARK_PX))
        painter.drawLine(int(x), int(bar.top()), int(x), int(bar.bottom()))
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), MARK_PX))
        painter.drawLine(int(x), int(bar.bottom()), int(x), int(bar.bottom() + 2))


def _words_between_marks(
    fm: QFontMetrics, room: QRectF, marks: tuple[float, ...], texts: tuple[str, ...]
) -> tuple[QRectF, str] | None:
    """The first of ``texts`` that fits in ``room`` clear of every mark, as near the middle
    of ``room`` as it can be, with where it goes; None when none fits."""
    inside = sorted(x for x in marks if room.left() < x < room.right())
    edges = [(room.left(), 0.0), *[(x, float(TEXT_PAD_PX)) for x in inside], (room.right(), 0.0)]
    gaps = [(a + clear_a, b - clear_b) for (a, clear_a), (b, clear_b) in pairwise(edges)]
    middle = room.center().x()
    for text in texts:
        width = fm.horizontalAdvance(text) + 2 * TEXT_PAD_PX
        fitting = [(a, b) for a, b in gaps if b - a >= width]
        if not fitting:
            continue
        best = min(fitting, key=lambda gap: _distance(middle, gap, width))
        left = min(max(middle - width / 2, best[0]), best[1] - width)
        return QRectF(left, room.top(), width, room.height()), text
    return None


def _distance(middle: float, gap: tuple[float, float], width: float) -> float:
    """How far from ``middle`` text of ``width`` must be moved to sit in ``gap``."""
    lowest, highest = gap[0] + width / 2, gap[1] - width / 2
    return max(lowest - middle, 0.0, middle - highest)


def _mark_names(
    fm: QFontMetrics,
    marks: tuple[float, ...],
    texts: list[tuple[str, str]],
    top: float,
    width: float,
) -> tuple[tuple[QRectF, str], ...]:
    """Each mark's name centred under it where it has room, else the two pushed apart from
    the middle between the marks (the EAR's to the left, the RDA's to the right), shortened
    to "EAR" and "RDA" where even that does not fit; the lower one is left out only when the
    widget is too narrow for both (the sentences say it)."""
    height = fm.height()
    for shortened in (False, True):
        shown = [short if shortened else long for long, short in texts]
        rects = [
            _inside(QRectF(x - _w(fm, t) / 2, top, _w(fm, t), height), width)
            for x, t in zip(marks, shown, strict=True)
        ]
        if len(rects) == 2 and rects[0].right() + MARK_GAP_PX > rects[1].left():
            middle = (marks[0] + marks[1]) / 2
            left, right = rects
            left = _inside(left.translated(middle - MARK_GAP_PX / 2 - left.right(), 0), width)
            right = _inside(right.translated(middle + MARK_GAP_PX / 2 - right.left(), 0), width)
            rects = [left, right]
        if len(rects) < 2 or rects[0].right() + MARK_GAP_PX <= rects[1].left():
            return tuple(zip(rects, shown, strict=True))
    return ((rects[-1], shown[-1]),)


def _w(fm: QFontMetrics, text: str) -> float:
    return float(fm.horizontalAdvance(text) + 2)


def _inside(rect: QRectF, width: float) -> QRectF:
    """``rect`` moved sideways to lie within 0..``width``."""
    if rect.right() > width:
        rect = rect.translated(width - rect.right(), 0)
    if rect.left() < 0:
        rect = rect.translated(-rect.left(), 0)
    return rect
