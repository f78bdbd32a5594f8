"""The `openplate` command: a thin layer over `openplate.science` and the Django apps.

Every refusal of bad input ends the same way: one line on stderr, exit code 2, no traceback.
Commands that need Django import it inside the command, so `goal` and `forecast` start fast.
"""

from __future__ import annotations

import sys

import click

from openplate import __version__
from openplate.cli.backup import backup
from openplate.cli.expenditure import expenditure
from openplate.cli.export import export
from openplate.cli.foods import foods
from openplate.cli.forecast import forecast
from openplate.cli.goal import goal
from openplate.cli.log import log
from openplate.cli.parse import parse
from openplate.cli.server import manage, serve
from openplate.science import InvalidInput

USAGE_ERROR = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="openplate")
def cli() -> None:
    """OpenPlate: calorie budgets from real physiology, and a tracker to keep to them."""


cli.add_command(goal)
cli.add_command(forecast)
cli.add_command(expenditure)
cli.add_command(foods)
cli.add_command(export)
cli.add_command(serve)
cli.add_command(manage)
cli.add_command(backup)
cli.add_command(log)
cli.add_command(parse)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; bad input exits 2 with one line on stderr."""
    try:
        result = cli.main(args=argv, prog_name="openplate", standalone_mode=False)
    except click.UsageError as error:
        _refuse(error.format_message())
    except click.ClickException as error:
        click.echo(f"openplate: {error.format_message()}", err=True)
        sys.exit(error.exit_code)
    except InvalidInput as error:
        _refuse(str(error))
    except click.Abort:
        click.echo("openplate: aborted", err=True)
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)


def _refuse(message: str) -> None:
    click.echo(f"openplate: error: {message}", err=True)
    sys.exit(USAGE_ERROR)
