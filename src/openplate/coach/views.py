"""The coach's pages: what the diary and the scale say about the person's own energy."""

from __future__ import annotations
