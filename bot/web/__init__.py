"""The public record: read-only pages, ClaimReview JSON-LD and the chart, served from the
bot's own process and store when PUBLIC_PORT is set (docs/deploying.md)."""
