"""SQL that differs between SQLite and PostgreSQL, for RunPython in this app's migrations.

(Django's migration loader skips modules whose names start with an underscore.)"""

from collections.abc import Callable
from typing import Any

from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def run_for_vendor(statements_by_vendor: dict[str, list[str]]) -> Callable[..., None]:
    """A RunPython function executing the statements listed for the current database."""

    def apply(apps: Any, schema_editor: BaseDatabaseSchemaEditor) -> None:
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply
