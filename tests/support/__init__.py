"""Support code for the tests: the offline harness, HTML checks, PostgreSQL databases."""
