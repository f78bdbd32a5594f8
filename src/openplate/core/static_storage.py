"""The static files storage of production: WhiteNoise's compressed files with hashed names."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage  # type: ignore[import-untyped]

SOURCE_MAPPED = "*.js"


class HashedStaticFiles(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    """Hashed, compressed static files; a script's `sourceMappingURL` comment is left as it is,
    as the vendored scripts name source maps they do not ship (Django's storage would refuse
    to collect them)."""

    patterns = tuple(
        (files, found)
        for files, found in CompressedManifestStaticFilesStorage.patterns
        if files != SOURCE_MAPPED
    )
