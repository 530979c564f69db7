"""The "why it moved" panels (spec §3.15, §3.16): on the dashboard and on each pillar tab."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from ssi_desktop.core.catalogue import PILLARS
from ssi_desktop.core.records import ActivityEntry, TotalsSnapshot
from ssi_desktop.core.validation import today
from ssi_desktop.ui.formatting import MINUS, change, pillar_points
from tests.ui.app_helpers import click_and_wait, open_window, reopen, type_into


def fill(store_path: Path) -> None:
    reopen(store_path).add_records(
        activity=[
            ActivityEntry.create(
                today() - timedelta(days=i),
                {
                    "engage.comments": 1 + (i < 10) * 3,
                    "find.searches": 2,
                    "build.requests_sent": 3,
                    "build.requests_accepted": 2,
                },
            )
            for i in range(90)
        ],
        totals=[TotalsSnapshot.create(today() - timedelta(days=90), {"totals.connections": 400})],
    )


def number(text: str) -> float:
    """The signed number at the end of a change like "▲ +0.32" or "▼ −0.10"."""
    return float(text.split()[-1].replace(MINUS, "-").replace("±", ""))


def test_the_dashboard_splits_the_change_by_pillar_and_names_the_movers(
    qtbot, store_path: Path
) -> None:
    fill(store_path)
    window = open_window(qtbot, store_path)
    panel = window.dashboard.why
    assert panel.isVisible() and panel.days() == 30
    result = window.model.explanation(30)
    assert pillar_points(result.after) in panel.headline.text()
    assert change(result.change, 2) in panel.headline.text()
    for (name, info, value), pillar in zip(panel.row_texts(), PILLARS, strict=True):
        moved = result.pillar(pillar)
        assert value == change(moved.change, 2) and name == pillar.capitalize()
        if moved.movers(1):
            assert moved.movers(1)[0].label in info
    _pillar, top = result.movers(1)[0]
    assert panel.words.text().startswith("Biggest moves: " + top.label)
    # Coverage: what feeds the estimate and what it cannot see.
    assert "Never recorded:" in panel.coverage_line.text()
    assert "Leads saved (Find)" in panel.coverage_line.text()
    assert "Connections (Build)" not in panel.coverage_line.text()

    # The period is chosen with the keyboard; the rows follow.
    panel.period.setFocus()
    qtbot.keyClick(panel.period, Qt.Key.Key_Up)
    assert panel.days() == 7
    week = window.model.explanation(7)
    assert [value for _name, _info, value in panel.row_texts()] == [
        change(week.pillar(p).change, 2) for p in PILLARS
    ]


def test_a_pillar_tab_lists_every_term_and_they_add_up(qtbot, store_path: Path) -> None:
    fill(store_path)
    window = open_window(qtbot, store_path)
    window.show_tab("engage")
    panel = window.pillar_tabs["engage"].why
    assert panel.isVisible()
    engage = window.model.explanation(30).pillar("engage")
    shown = [(name, number(value)) for name, _info, value in panel.row_texts()]
    assert [name for name, _v in shown] == [t.label for t in engage.terms]
    assert abs(sum(v for _n, v in shown) - engage.change) <= 0.02
    assert change(engage.change, 2) in panel.headline.text()
    assert "Reply rate to your messages" in [name for name, _v in shown]
    assert "Never recorded:" in panel.coverage_line.text()
    assert "Messages sent" in panel.coverage_line.text()
    assert "(Engage)" not in panel.coverage_line.text()  # one pillar: no pillar names

    # A saved day moves the panel at once.
    before = panel.row_texts()[0][2]
    type_into(qtbot, window.pillar_tabs["engage"].form.spins["engage.comments"], "60")
    click_and_wait(qtbot, window.pillar_tabs["engage"].form.save_button, window.model)
    assert panel.row_texts()[0][2] != before
    after = window.model.explanation(30).pillar("engage")
    assert panel.row_texts()[0][2] == change(after.terms[0].change, 2)
