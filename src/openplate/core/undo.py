"""Undo for a deletion made on the pages: the deleted row is kept in the person's session (one
row, the latest), and "Undo" puts it back as it was, with its id, so links to it work again.

The session lives on the server (database sessions), and a restore checks that the row was the
person's own, so a kept row cannot be used to write into someone else's diary.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.contrib import messages
from django.core import serializers
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest

SESSION_KEY = "openplate_undo"
UNDO_TAG = "undo"


def delete_with_undo(request: HttpRequest, instance: models.Model, what: str) -> None:
    """Delete `instance` (which has a `user` field) and say so with an Undo button."""
    # Python objects to JSON by hand: the JSON serializer cuts times to milliseconds.
    kept = json.dumps(serializers.serialize("python", [instance]), default=_text)
    instance.delete()
    request.session[SESSION_KEY] = kept
    messages.success(request, f"Deleted {what}.", extra_tags=UNDO_TAG)


def restore_deleted(request: HttpRequest) -> models.Model | None:
    """Put back the row deleted last, once; None when there is nothing to undo (already undone,
    another person's row, or the row's id has since been taken)."""
    kept = request.session.pop(SESSION_KEY, None)
    if not kept:
        return None
    (restored,) = serializers.deserialize("python", json.loads(kept))
    instance = restored.object
    if getattr(instance, "user_id", None) != request.user.pk:
        return None
    # Saving sets auto_now_add fields to now; the row keeps the moment it was first made.
    first_made = {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if getattr(field, "auto_now_add", False)
    }
    try:
        with transaction.atomic():
            instance.save(force_insert=True)
            type(instance)._default_manager.filter(pk=instance.pk).update(**first_made)
    except IntegrityError:
        return None
    return instance


def _text(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be kept for undo")
