"""The coach's API: the person's energy expenditure, estimated from their own diary."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["coach"])
