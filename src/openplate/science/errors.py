"""The one exception family the science layer raises for input a person got wrong."""


class InvalidInput(ValueError):
    """Input refused for a reason the person can fix; the message says what and why."""
