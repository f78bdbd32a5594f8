"""Signing in: Django's own username-and-password backend, which also brings the account.

Every signed-in request needs the person's time zone (openplate.accounts.middleware); fetching
the account with the user, in the query Django makes for the user anyway, saves a query a page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AccountBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("account").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    async def aget_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = await model._default_manager.select_related("account").aget(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
