"""The Django admin for accounts: the server's admin sets numbers-light mode for a person.

Ticking `numbers_light` in the list or on an account sets it, and the person may turn it off
again on their settings page. The action "Keep numbers-light on" also puts them in the group
`numbers_light.KEPT_ON_GROUP`, so they cannot turn it off until "Let them choose" takes them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest

from openplate.accounts import numbers_light
from openplate.accounts.models import Account, AttemptCount

if TYPE_CHECKING:
    BaseAccountAdmin = admin.ModelAdmin[Account]
else:  # the admin's classes are not generic when the code runs
    BaseAccountAdmin = admin.ModelAdmin


@admin.register(Account)
class AccountAdmin(BaseAccountAdmin):
    list_display = ("user", "numbers_light", "kept_on", "time_zone", "exercise_share")
    list_editable = ("numbers_light",)
    list_filter = ("numbers_light",)
    search_fields = ("user__username", "user__email")
    fields = ("user", "numbers_light", "time_zone", "exercise_share", "check_in_weekday")
    readonly_fields = ("user",)
    actions = ("keep_numbers_light_on", "let_them_choose")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # an account comes with its user, at sign-up

    def get_queryset(self, request: HttpRequest) -> QuerySet[Account]:
        kept_on = Group.objects.filter(name=numbers_light.KEPT_ON_GROUP, user=OuterRef("user"))
        queryset = super().get_queryset(request).select_related("user")
        return queryset.annotate(kept_on=Exists(kept_on))

    @admin.display(boolean=True, description="Kept on by the admin", ordering="kept_on")
    def kept_on(self, account: Account) -> bool:
        return bool(getattr(account, "kept_on", False))

    @admin.action(description="Keep numbers-light on (they cannot turn it off)")
    def keep_numbers_light_on(self, request: HttpRequest, accounts: QuerySet[Account]) -> None:
        for account in accounts.select_related("user"):
            numbers_light.keep_on(account.user)
        self.message_user(request, f"Numbers-light kept on for {len(accounts)} accounts.")

    @admin.action(description="Let them choose numbers-light themselves")
    def let_them_choose(self, request: HttpRequest, accounts: QuerySet[Account]) -> None:
        for account in accounts.select_related("user"):
            numbers_light.let_choose(account.user)
        self.message_user(
            request, f"{len(accounts)} accounts may change numbers-light.", messages.SUCCESS
        )


if TYPE_CHECKING:
    BaseAttemptCountAdmin = admin.ModelAdmin[AttemptCount]
else:
    BaseAttemptCountAdmin = admin.ModelAdmin


@admin.register(AttemptCount)
class AttemptCountAdmin(BaseAttemptCountAdmin):
    """The counts of the limits on guessing, to look at and to delete: deleting a row ends that
    limit for that address at once (an account's lockout is axes' "Access attempts")."""

    list_display = ("limit", "count", "started")
    list_filter = ("limit",)
    readonly_fields = ("limit", "digest", "count", "started")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AttemptCount | None = None) -> bool:
        return False
