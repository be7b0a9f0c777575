"""The chart: every figure in dollars as the reports convert them, before and the implied
after for a doubling, one bar group per place and report, the caveat on the image.

matplotlib is imported only when a chart is drawn (start-up time and memory), with the Agg
backend and no pyplot (no global state, safe off the event loop); the PNG is redrawn only
when the store revision changes.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from decimal import Decimal

from bot.web import record
from db.views import Snapshot

WIDTH_INCHES = 10.0
HEIGHT_INCHES = 6.0
DPI = 100
IMPLIED_LABEL = "implied after “doubled” (our arithmetic)"
# Bar groups on one image: more are unreadable, and drawing 2,000 took 32 s of CPU
# (bench/pages.py at 10,000 claims). The rest are counted on the image.
MAX_GROUPS = 40


@dataclass(frozen=True)
class BarGroup:
    """One place in one report: dollars before, and the implied dollars after (or None)."""

    label: str
    before: Decimal
    after: Decimal | None


@dataclass(frozen=True)
class ChartData:
    groups: list[BarGroup]
    caveat: str
    # Figures in dollars not drawn (beyond MAX_GROUPS); /claims.json has them all.
    left_out: int = 0


def chart_data(snapshot: Snapshot) -> ChartData:
    groups = []
    for claim in snapshot.active_claims:
        pair = record.dollar_pairs(claim) if claim.is_quota else None
        if pair is None:
            continue
        article = snapshot.articles.get(claim.article_id)
        outlet = article.outlet if article is not None else "unknown report"
        place = claim.place or claim.country or record.NO_PLACE
        per = f", per {claim.period}" if claim.period else ""
        label = f"{place}\n({outlet} #{claim.article_id}{per})"
        groups.append(BarGroup(label, pair[0], pair[1]))
    shown = sorted({claim.article_id for claim in snapshot.active_claims})
    caveat = " ".join(f"Unverified. {a.caveat}" for a in record.caveats(snapshot, shown))
    return ChartData(groups[:MAX_GROUPS], caveat or "Unverified.", len(groups[MAX_GROUPS:]))


def draw(data: ChartData) -> bytes:
    """The PNG (WIDTH_INCHES × HEIGHT_INCHES at DPI)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.08, 0.25, 0.9, 0.65))
    positions = list(range(len(data.groups)))
    width = 0.38
    before = [float(group.before) for group in data.groups]
    after = [float(group.after) if group.after is not None else 0.0 for group in data.groups]
    axes.bar([p - width / 2 for p in positions], before, width, label="as reported (before)")
    axes.bar(
        [p + width / 2 for p in positions],
        after,
        width,
        label=IMPLIED_LABEL,
        hatch="//",
        color="white",
        edgecolor="tab:orange",
    )
    axes.set_xticks(positions, [group.label for group in data.groups], fontsize=8)
    axes.set_ylabel("US dollars, as the reports convert them")
    tallest = max([*before, *after, 1.0])
    axes.set_ylim(0, tallest * 1.3)  # room for the legend above the bars
    title = "Reported quota figures"
    if data.left_out:
        title += f" (the first {len(data.groups)}; {data.left_out} more in /claims.json)"
    axes.set_title(title)
    if data.groups:
        axes.legend(loc="upper left")
    else:
        axes.text(0.5, 0.5, "No figures in dollars", ha="center", transform=axes.transAxes)
    figure.text(0.5, 0.03, data.caveat, ha="center", fontsize=11, color="darkred", wrap=True)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


class ChartCache:
    """The latest drawn chart, by store revision: drawn at most once a revision."""

    def __init__(self) -> None:
        self._revision: int | None = None
        self._png = b""
        self._lock = asyncio.Lock()

    async def png(self, snapshot: Snapshot) -> bytes:
        async with self._lock:
            if self._revision != snapshot.revision:
                self._png = await asyncio.to_thread(draw, chart_data(snapshot))
                self._revision = snapshot.revision
            return self._png
