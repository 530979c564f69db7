"""The charts against a real store: what they plot, how they react, what they export."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ssi_desktop.core.catalogue import PILLARS
from ssi_desktop.core.changes import AddNote, ApplyImport, PutDay
from ssi_desktop.core.jumps import detect_jumps
from ssi_desktop.core.records import ActivityEntry, Goal, Note, Reading
from ssi_desktop.core.validation import today
from ssi_desktop.storage import Store
from ssi_desktop.ui.charts import HistoryChart, PillarChart, Sparkline
from ssi_desktop.ui.charts.data import day_x
from ssi_desktop.ui.charts.export import HISTORY_HEADER, history_csv, history_rows
from ssi_desktop.ui.charts.small import PILLAR_SCALE
from ssi_desktop.ui.palette import SERIES, note_color, pillar_color
from ssi_desktop.ui.store_model import StoreModel

DAYS = 400


def _day(i: int) -> date:
    return today() - timedelta(days=DAYS - 1 - i)


@pytest.fixture
def model(store_path: Path) -> StoreModel:
    store = Store.open(store_path)
    activity = [
        ActivityEntry.create(
            _day(i),
            {
                "brand.posts": i % 2,
                "find.searches": 1 + i % 4,
                "engage.comments": 2 + i % 3,
                "build.requests_sent": 3 if i % 7 < 5 else 0,
            },
        )
        for i in range(DAYS)
    ]
    readings = [
        Reading.create(_day(i), brand=10.5, find=11, engage=12.25, build=13)
        for i in range(10, DAYS, 30)
    ]
    notes = [Note.create(_day(100), "Holiday"), Note.create(_day(300), "New job")]
    store.add_records(
        activity=activity, readings=readings, notes=notes, goal=Goal.create(80, {"engage": 20})
    )
    return StoreModel(store)


@pytest.fixture
def chart(qtbot, model: StoreModel) -> HistoryChart:
    widget = HistoryChart(model)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _values(model: StoreModel, name: str) -> np.ndarray:
    table = model.scores()
    return table.totals if name == "total" else table.pillars[:, PILLARS.index(name)]


# What is plotted -------------------------------------------------------------------------


def test_history_plots_the_estimate_of_every_day(chart: HistoryChart, model: StoreModel) -> None:
    table = model.scores()
    expected_x = np.array([day_x(d) for d in table.dates()])
    for name in SERIES:
        x, y = chart.series_data(name)
        np.testing.assert_array_equal(x, expected_x)
        np.testing.assert_allclose(y, _values(model, name))
    assert chart.series_data("total")[1][-1] > 0


def test_readings_goal_and_notes_are_drawn_where_they_belong(
    chart: HistoryChart, model: StoreModel
) -> None:
    readings = model.store.readings()
    x, y = chart.reading_data("engage")
    np.testing.assert_array_equal(x, [day_x(r.day) for r in readings])
    np.testing.assert_allclose(y, [12.25] * len(readings))
    np.testing.assert_allclose(chart.reading_data("total")[1], [46.75] * len(readings))
    assert chart.goal_levels() == {"total": 80.0, "engage": 20.0}
    assert chart.markers("note") == [(_day(100), "Holiday"), (_day(300), "New job")]


def test_legend_lists_every_series_and_hides_one_on_click(qtbot, chart: HistoryChart) -> None:
    assert chart.legend_names() == ["Total", "Brand", "Find", "Engage", "Build"]
    qtbot.mouseClick(chart.legend_button("engage"), Qt.MouseButton.LeftButton)
    assert not chart.series_visible("engage")
    assert chart.series_visible("total")
    assert "engage" not in chart.goal_levels()
    qtbot.mouseClick(chart.legend_button("engage"), Qt.MouseButton.LeftButton)
    assert chart.series_visible("engage")
    chart.set_series_visible("total", False)
    assert not chart.legend_button("total").isChecked()
    assert chart.goal_levels() == {"engage": 20.0}


def test_recalibration_jumps_are_marked_and_explained(
    chart: HistoryChart, model: StoreModel
) -> None:
    raised = [
        Reading.create(r.day, brand=15.5, find=16, engage=17.25, build=18)
        for r in model.store.readings()
        if r.day >= _day(250)
    ]

    assert model.push("Readings", ApplyImport(readings=tuple(raised)))
    jumps = detect_jumps(model.scores().raw(), model.store.readings())
    assert any(abs((j.day - _day(250)).days) <= 30 for j in jumps)
    assert chart.markers("jump") == [(j.day, j.label) for j in jumps]
    chart.set_range_days(None)
    _move_mouse_to(chart, jumps[-1].day)
    assert jumps[-1].label in chart.crosshair_text()


# Range and crosshair ---------------------------------------------------------------------


@pytest.mark.parametrize("label, days", [("30 d", 30), ("90 d", 90), ("1 y", 365)])
def test_range_buttons_show_the_last_days_up_to_today(
    qtbot, chart: HistoryChart, label: str, days: int
) -> None:
    button = next(
        b for b in chart.findChildren(type(chart.legend_button("total"))) if b.text() == label
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert chart.visible_range() == (today() - timedelta(days=days - 1), today())
    assert chart.range_days() == days


def test_a_year_in_view_is_drawn_day_by_day_after_a_resize(
    qtbot, chart: HistoryChart, model: StoreModel
) -> None:
    chart.set_range_days(365)
    chart.resize(1200, 700)
    qtbot.wait(10)
    for name in ("total", "engage"):
        x, y = chart._lines[name].getData()  # what is drawn, after clipping and downsampling
        assert np.all(np.diff(x) > 0)  # not min/max pairs of a coarse bin
        assert len(x) >= 365
        start = model.scores().index(today() - timedelta(days=364))
        np.testing.assert_allclose(y[-365:], _values(model, name)[start:])


def test_all_shows_the_whole_history(chart: HistoryChart, model: StoreModel) -> None:
    chart.set_range_days(None)
    assert chart.visible_range() == (model.scores().start, today())


def test_wheel_zoom_leaves_the_range_buttons(chart: HistoryChart) -> None:
    chart.set_range_days(90)
    viewport = chart._view.viewport()
    centre = chart._view.mapFromScene(chart.plots[1].vb.sceneBoundingRect().center())
    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(viewport.mapToGlobal(centre)),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    first, last = chart.visible_range()
    assert (last - first).days < 85
    assert not any(b.isChecked() for b in chart._range_group.buttons())
    # A change in the store no longer snaps the user's zoom back to the button's range.
    chart.reload()
    assert chart.visible_range() == (first, last)


def _move_mouse_to(chart: HistoryChart, day: date) -> None:
    vb = chart.plots[1].vb
    scene_pos = vb.mapViewToScene(QPointF(day_x(day), 10.0))
    chart._view.scene().sigMouseMoved.emit(scene_pos)


def test_crosshair_lists_the_date_and_every_visible_value(
    chart: HistoryChart, model: StoreModel
) -> None:
    chart.set_range_days(90)
    day = model.store.readings()[-1].day
    chart.set_series_visible("build", False)
    _move_mouse_to(chart, day)
    text = chart.crosshair_text()
    row = model.scores().row(day)
    assert QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy") in text
    assert f"Total {float(_values(model, 'total')[model.scores().index(day)]):.1f}" in text
    assert f"Engage {row.engage:.2f}" in text
    assert "official 12.25" in text and "official 46.8" in text
    assert "Build" not in text
    assert chart._crosshair.lines[0].isVisible()


def test_crosshair_names_a_note_and_hides_off_the_data(chart: HistoryChart) -> None:
    chart.set_range_days(None)
    _move_mouse_to(chart, _day(100))
    assert "Note: Holiday" in chart.crosshair_text()
    _move_mouse_to(chart, _day(0) - timedelta(days=20))
    assert chart.crosshair_text() == ""


# Live updates and theme ------------------------------------------------------------------


def test_a_change_through_the_model_redraws_the_same_chart(
    chart: HistoryChart, model: StoreModel
) -> None:
    line = chart._lines["engage"]
    before = chart.series_data("engage")[1][-1]
    entry = ActivityEntry.create(today(), {"engage.comments": 40, "engage.shares": 10})
    assert model.push("Record today", PutDay(entry))
    after = chart.series_data("engage")[1]
    assert chart._lines["engage"] is line
    assert after[-1] > before
    np.testing.assert_allclose(after, _values(model, "engage"))
    model.push("Note", AddNote(Note.create(today(), "Big week")))
    assert (today(), "Big week") in chart.markers("note")


def test_dark_palette_recolours_the_lines(qtbot, chart: HistoryChart) -> None:
    app = QApplication.instance()
    light = app.palette()
    for name in SERIES:
        assert chart.series_pen_color(name) == pillar_color(name, False)
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: chart.series_pen_color("total") == pillar_color("total", True))
        for name in SERIES:
            assert chart.series_pen_color(name) == pillar_color(name, True)
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: chart.series_pen_color("total") == pillar_color("total", False))


def test_a_note_added_in_the_dark_gets_the_dark_colour(
    qtbot, chart: HistoryChart, model: StoreModel
) -> None:
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: chart.series_pen_color("total") == pillar_color("total", True))
        model.push("Note", AddNote(Note.create(today(), "In the dark")))
        marker = next(m for m in chart._markers if m.text == "In the dark")
        assert marker.label.color == note_color(True)
        assert chart.series_pen_color("total") == pillar_color("total", True)
    finally:
        app.setPalette(light)


# Exports ---------------------------------------------------------------------------------


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )


def test_png_export_writes_what_is_on_screen(
    qtbot, monkeypatch, chart: HistoryChart, tmp_path: Path
) -> None:
    _save_as(monkeypatch, tmp_path / "chart")  # no suffix typed: .png is added
    with qtbot.waitSignal(chart.exported) as signal:
        qtbot.mouseClick(chart._png_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "chart.png"
    assert str(written) in signal.args[0]
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(written))
    assert not image.isNull()
    ratio = chart._view.devicePixelRatioF()
    # The chart as on screen, under a title and a legend that name what it shows.
    assert image.width() == round(chart._view.width() * ratio)
    head = image.height() - round(chart._view.height() * ratio)
    assert head > 20
    header_colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(head)
    }
    for name in SERIES:
        assert pillar_color(name, chart.dark()).name() in header_colours
    title = chart.picture_title(*chart.visible_range())
    assert str(chart.visible_range()[0].year) in title


def test_csv_export_holds_the_rows_in_view(
    qtbot, monkeypatch, chart: HistoryChart, model: StoreModel, tmp_path: Path
) -> None:
    chart.set_range_days(30)
    target = tmp_path / "rows.csv"
    _save_as(monkeypatch, target)
    qtbot.mouseClick(chart._csv_button, Qt.MouseButton.LeftButton)
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == HISTORY_HEADER
    body = rows[1:]
    assert [r[0] for r in body] == [
        (today() - timedelta(days=29 - i)).isoformat() for i in range(30)
    ]
    table = model.scores()
    for r in body:
        expected = table.row(date.fromisoformat(r[0]))
        assert float(r[1]) == pytest.approx(expected.total)
        assert [float(v) for v in r[2:6]] == pytest.approx([expected.pillar(p) for p in PILLARS])
    reading_days = {x.day.isoformat() for x in model.store.readings()}
    for r in body:
        if r[0] in reading_days:
            assert r[6:] == ["46.75", "10.5", "11", "12.25", "13"]
        else:
            assert r[6:] == [""] * 5


def test_export_failure_is_reported_with_the_path(
    qtbot, monkeypatch, chart: HistoryChart, tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "rows.csv"
    _save_as(monkeypatch, target)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text))
    )
    qtbot.mouseClick(chart._csv_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and str(target) in warnings[0]
    assert not target.exists()


def test_cancelled_export_writes_nothing(
    qtbot, monkeypatch, chart: HistoryChart, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    with qtbot.assertNotEmitted(chart.exported):
        qtbot.mouseClick(chart._png_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.png")) == []


def test_csv_cells_that_look_like_formulas_are_neutralised() -> None:
    """The chart's export uses the one rule of core.csv_io (spec §7.8, tab and CR too)."""
    cells = ("=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx", "12.5", "")
    lines = history_csv([cells]).decode().split("\r\n")
    assert lines[1] == "'=SUM(A1),'+1,'-2,'@x,'\tx,\"'\rx\",12.5,"


def test_history_rows_leave_the_estimate_blank_before_the_first_day(model: StoreModel) -> None:
    table = model.scores()
    rows = history_rows(table, (), table.start - timedelta(days=2), table.start)
    assert rows[0][1:] == ("",) * 10
    assert rows[2][1] == f"{table.row(table.start).total:.2f}"


# Empty and tiny stores -------------------------------------------------------------------


@pytest.mark.parametrize("make", [HistoryChart, Sparkline, lambda m: PillarChart(m, "find")])
def test_an_empty_store_shows_what_to_do(qtbot, store_path: Path, make) -> None:
    widget = make(StoreModel(Store.open(store_path)))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.is_empty_state()
    assert "No history yet" in widget.empty_text()
    assert "LinkedIn export" in widget.empty_text()


def test_the_first_recorded_day_replaces_the_empty_state(qtbot, store_path: Path) -> None:
    model = StoreModel(Store.open(store_path))
    charts = [HistoryChart(model), Sparkline(model), PillarChart(model, "engage")]
    for widget in charts:
        qtbot.addWidget(widget)
        widget.show()
    entry = ActivityEntry.create(today(), {"engage.comments": 5})
    model.push("Record", PutDay(entry))
    for widget in charts:
        assert not widget.is_empty_state()
    x, y = charts[0].series_data("engage")
    assert x.tolist() == [day_x(today())] and y[0] > 0
    assert charts[0]._lines["engage"].opts["symbol"] == "o"  # one day shows as a point
    first, last = charts[0].visible_range()
    assert last == today() and first < last


# The small charts ------------------------------------------------------------------------


def test_pillar_chart_shows_its_pillar_for_ninety_days(qtbot, model: StoreModel) -> None:
    widget = PillarChart(model, "engage")
    qtbot.addWidget(widget)
    widget.show()
    x, y = widget.series_data("engage")
    assert x.size == 90 and x[-1] == day_x(today())
    np.testing.assert_allclose(y, _values(model, "engage")[-90:])
    rx, ry = widget.reading_data("engage")
    assert rx.size == 3 and np.all(ry == 12.25) and rx.min() >= day_x(today()) - 89 * 86400
    assert widget.goal_levels() == {"engage": 20.0}
    assert widget.visible_range() == (today() - timedelta(days=89), today())
    with pytest.raises(ValueError, match="'reach'"):
        PillarChart(model, "reach")


def test_sparkline_draws_ninety_days_and_emits_clicked(qtbot, model: StoreModel) -> None:
    widget = Sparkline(model)
    qtbot.addWidget(widget)
    widget.resize(500, 140)
    widget.show()
    qtbot.waitExposed(widget)
    np.testing.assert_allclose(widget.series_data("total")[1], _values(model, "total")[-90:])
    np.testing.assert_allclose(
        widget.series_data("find")[1], _values(model, "find")[-90:] * PILLAR_SCALE
    )
    assert widget.reading_data("total")[1].tolist() == [46.75] * 3
    assert widget.goal_levels()["total"] == 80.0
    with qtbot.waitSignal(widget.clicked):
        qtbot.mouseClick(widget._widget.viewport(), Qt.MouseButton.LeftButton)
    widget.setFocus()
    with qtbot.waitSignal(widget.clicked):
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_small_charts_say_what_they_show_on_one_fitted_scale(qtbot, model: StoreModel) -> None:
    spark = Sparkline(model)
    pillar = PillarChart(model, "engage")
    for widget in (spark, pillar):
        qtbot.addWidget(widget)
        widget.resize(600, 220)
        widget.show()
    qtbot.waitExposed(spark)
    legend = spark.caption.text()
    for name in ("Total", "Brand", "Find", "Engage", "Build", "official", "goal"):
        assert name in legend
    assert not spark.plot.getAxis("right").isVisible()  # one scale, not two
    ticks = spark.plot.getAxis("left")._tickLevels[0]
    assert ticks and all(text.endswith("%") for _, text in ticks)
    low, high = spark.plot.vb.viewRange()[1]
    for name in SERIES:  # every line of the window is inside the fitted scale
        values = spark.series_data(name)[1]
        assert low <= values.min() and values.max() <= high
    assert spark._goals["total"].label.format == "Goal 80"
    assert spark._goals["engage"].label.format == "Engage goal 20"
    assert "Engage, last 90 days" in pillar.caption.text()
    assert pillar._goals["engage"].label.format == "Engage goal 20"


# Date labels ------------------------------------------------------------------------------


def _labels(chart: Sparkline | HistoryChart) -> tuple[list[float], list[str], int]:
    """The bottom axis's labelled ticks (pixels from its left end, text) that are drawn whole
    (pyqtgraph hides a label that would stick out past an end), and the widest label's
    pixels."""
    from PySide6.QtGui import QFontMetrics

    plot = chart.plot if isinstance(chart, Sparkline) else chart.plots[-1]
    axis = plot.getAxis("bottom")
    x0, x1 = plot.vb.viewRange()[0]
    width = axis.geometry().width()
    xs: list[float] = []
    texts: list[str] = []
    for spacing, values in axis.tickValues(x0, x1, width):
        xs += values
        texts += axis.tickStrings(values, 1.0, spacing)
    metrics = QFontMetrics(axis.style["tickFont"] or chart.font())
    drawn = sorted(
        ((x - x0) / (x1 - x0) * width, text)
        for x, text in zip(xs, texts, strict=True)
        if metrics.horizontalAdvance(text) / 2
        <= (x - x0) / (x1 - x0) * width
        <= width - metrics.horizontalAdvance(text) / 2
    )
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
    return [x for x, _ in drawn], [t for _, t in drawn], widest


# 560: about the narrowest the dashboard gives it (a 1024-pixel window).
@pytest.mark.parametrize("width", [560, 640, 900, 1200, 1700])
def test_the_ninety_day_axis_is_labelled_often_and_never_crowded(qtbot, model, width) -> None:
    spark = Sparkline(model)
    qtbot.addWidget(spark)
    spark.resize(width, 300)
    spark.show()
    spark.grab()  # drawn once: the axis measures its labels with the painter's font
    pixels, texts, widest = _labels(spark)
    # A label every month at least (it once gave two labels for 90 days at 900 pixels).
    assert len(texts) >= 3, texts
    assert all(b - a >= widest for a, b in pairwise(pixels)), (texts, pixels)
    assert any(str(year) in texts[0] for year in (today().year, today().year - 1)), texts


@pytest.mark.parametrize("width", [700, 1500])
@pytest.mark.parametrize("days", [30, 90, 365, None])
def test_history_dates_are_labelled_at_every_range_without_crowding(
    qtbot, model, width, days
) -> None:
    from ssi_desktop.ui.chart_ranges import RANGE_DAYS

    assert days in RANGE_DAYS
    chart = HistoryChart(model)
    qtbot.addWidget(chart)
    chart.resize(width, 600)
    chart.show()
    chart.set_range_days(days)
    chart.grab()
    pixels, texts, widest = _labels(chart)
    assert len(texts) >= 3, texts
    assert all(b - a >= widest for a, b in pairwise(pixels)), (texts, pixels)
    assert any(str(year) in texts[0] for year in range(today().year - 2, today().year + 1)), texts


@pytest.mark.parametrize(("total", "engage"), [(80, 20), (80, 19.7), (80, 19), (60, 20)])
def test_goal_labels_never_cross_each_other_or_the_other_goal(qtbot, model, total, engage) -> None:
    from ssi_desktop.core.changes import SetGoal

    model.push("Goal", SetGoal(Goal.create(total, {"engage": engage})))
    spark = Sparkline(model)
    qtbot.addWidget(spark)
    spark.resize(700, 300)
    spark.show()
    spark.grab()
    lines = [spark._goals["total"], spark._goals["engage"]]
    rects = [line.label.sceneBoundingRect() for line in lines]
    assert not rects[0].intersects(rects[1]), rects
    vb = spark.plot.vb
    for line, other in ((lines[0], lines[1]), (lines[1], lines[0])):
        y = vb.mapViewToScene(QPointF(vb.viewRange()[0][0], other.value())).y()
        rect = line.label.sceneBoundingRect()
        assert not rect.top() + 1 < y < rect.bottom() - 1, (line.label.format, rect, y)
        assert vb.sceneBoundingRect().contains(rect), "the label stays inside the plot"


def test_dates_never_crowd_at_any_zoom(qtbot, model) -> None:
    """A sweep of widths and zooms, as a user panning and zooming would make them."""
    chart = HistoryChart(model)
    qtbot.addWidget(chart)
    chart.show()
    for width in (480, 820, 1150, 1500, 1900):
        chart.resize(width, 600)
        chart.grab()
        for days in (5, 12, 45, 75, 150, 240, 400):
            end = day_x(today())
            chart.plots[-1].setXRange(end - days * 86400.0, end, padding=0)
            pixels, texts, widest = _labels(chart)
            assert len(texts) >= 2, (width, days, texts)
            assert all(b - a >= widest for a, b in pairwise(pixels)), (width, days, texts)
            assert len(set(texts)) == len(texts), (width, days, texts)  # no label twice
