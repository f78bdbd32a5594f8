"""A person's energy expenditure, estimated from their diary and their weigh-ins."""

from __future__ import annotations
