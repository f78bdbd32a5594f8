"""The people every test module may use (tests/people.py); a module may define its own."""

pytest_plugins = ["tests.people"]
