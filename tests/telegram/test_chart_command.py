"""/chart in Telegram: a photo with the caveat in its caption."""

from __future__ import annotations

from tests.support.harness import CAVEAT, Harness


async def test_chart_sends_a_png_with_the_caveat_in_its_caption(harness: Harness) -> None:
    await harness.send("/chart")
    photos = [params for method, params in harness.bot_api.calls if method == "sendPhoto"]
    assert len(photos) == 1
    caption = str(photos[0]["caption"])
    assert caption.startswith("Every reported quota figure in dollars")
    assert caption.endswith(f"⚠️ <i>Unverified. {CAVEAT}</i>")
    (upload,) = harness.bot_api.uploaded_files
    assert upload.method == "sendPhoto"
    assert upload.data.startswith(b"\x89PNG\r\n\x1a\n")
