"""The chart: the data series it plots, a PNG of the right size, drawn once a revision."""

from __future__ import annotations

import io
import sys
from decimal import Decimal

import pytest
from PIL import Image

from bot.runtime import Runtime
from bot.web import chart
from bot.web.chart import BarGroup, ChartCache, chart_data, draw
from db import editing
from db.editing import Actor

OWNER = Actor(1001, frozenset({1001}))
CAVEAT = "Unverified. HNGN cannot independently verify the claims."


async def test_the_series_are_the_reports_dollars_and_the_implied_doubling(
    runtime: Runtime,
) -> None:
    data = chart_data(await runtime.facts.current())
    assert data.groups == [
        BarGroup("Sakhalin\n(HNGN #1, per month)", Decimal("730"), Decimal("1460")),
        BarGroup("Dalian\n(HNGN #1, per month)", Decimal("470"), Decimal("940")),
    ]
    assert data.caveat == CAVEAT
    assert data.left_out == 0


async def test_a_retracted_figure_leaves_the_chart_and_an_edit_enters_it(
    runtime: Runtime,
) -> None:
    async with runtime.sessionmaker() as session:
        await editing.retract(session, OWNER, 1, "withdrawn")
        await editing.edit_claim(session, OWNER, 2, {"usd": "480", "change": "increased"})
    data = chart_data(await runtime.facts.current())
    # "increased" implies no new amount: no implied bar.
    assert data.groups == [BarGroup("Dalian\n(HNGN #1, per month)", Decimal("480"), None)]


async def test_figures_beyond_the_cap_are_counted_not_drawn(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chart, "MAX_GROUPS", 1)
    data = chart_data(await runtime.facts.current())
    assert data.groups == [
        BarGroup("Sakhalin\n(HNGN #1, per month)", Decimal("730"), Decimal("1460"))
    ]
    assert data.left_out == 1


def test_the_png_decodes_at_its_size_with_the_caveat_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    from matplotlib.figure import Figure

    original = Figure.text

    def spy(self: Figure, x: float, y: float, s: str, *args: object, **kwargs: object) -> object:
        written.append(s)
        return original(self, x, y, s, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Figure, "text", spy)
    groups = [BarGroup("A", Decimal("730"), Decimal("1460")), BarGroup("B", Decimal("1"), None)]
    png = draw(chart.ChartData(groups, CAVEAT))
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (1000, 600)
    assert written == [CAVEAT]


async def test_the_chart_is_drawn_once_a_revision(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[int] = []

    def fake_draw(data: chart.ChartData) -> bytes:
        drawn.append(len(data.groups))
        return b"png"

    monkeypatch.setattr(chart, "draw", fake_draw)
    cache = ChartCache()
    snapshot = await runtime.facts.current()
    assert await cache.png(snapshot) == b"png"
    assert await cache.png(snapshot) == b"png"
    assert drawn == [2]
    async with runtime.sessionmaker() as session:
        await editing.retract(session, OWNER, 1, "withdrawn")
    await cache.png(await runtime.facts.current())
    assert drawn == [2, 1]


def test_neither_matplotlib_nor_the_templates_are_imported_with_the_app() -> None:
    # Start-up time and memory: only drawing a chart imports matplotlib, and only serving
    # the pages imports Jinja2 (checked in a clean process).
    import subprocess

    code = "import bot.app, sys; print(sorted({'matplotlib', 'jinja2'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
