"""The coach's API: the person's energy expenditure, estimated from their own diary."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import ValidationError as InvalidRequest

from openplate.coach.check_in_api import add_check_in_routes
from openplate.coach.expenditure import expenditure_of
from openplate.coach.schemas import ExpenditureOut, ExpenditureQuery
from openplate.core.api_support import caller, errors_at, field_errors
from openplate.science.errors import InvalidInput

router = Router(tags=["coach"])


@router.get("/expenditure", response=ExpenditureOut)
def get_expenditure(request: HttpRequest, query: Query[ExpenditureQuery]) -> dict[str, Any]:
    """The caller's energy expenditure, from their diary, weigh-ins and marks on days over the
    window (eight weeks ending today unless asked), with the band around it and each day's
    values. 422 when there is too little to go on (no weigh-in, or no food logged)."""
    with errors_at(("query",)):
        try:
            result = expenditure_of(caller(request), end=query.end, days=query.days)
        except InvalidInput as error:
            message = str(error)
            message = message[:1].upper() + message[1:].rstrip(".") + "."
            raise InvalidRequest(field_errors(ValidationError(message), ("query",))) from None
    return result.as_json()


add_check_in_routes(router)
