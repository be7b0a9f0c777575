"""Test doubles and helpers shared by tests/ and bench/.

bench/ never imports tests/ (a benchmark must run from a checkout without the test
suite's fixtures), so what both need lives here: offline settings, the fake Bot API
and the real-process runner (``testkit.fakes``), the change-notice helpers and a
seeded answer engine. Nothing here imports tests/ or bench/.
"""
