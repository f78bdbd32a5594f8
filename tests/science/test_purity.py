"""The science package stands alone: importing every module of it loads no Django (the
imports themselves are checked in tests/test_floors.py; this checks what they load in turn)."""

import subprocess
import sys
from pathlib import Path

import openplate.science

SCIENCE = Path(openplate.science.__file__).parent


def test_the_science_package_imports_without_django():
    modules = sorted(f"openplate.science.{path.stem}" for path in SCIENCE.glob("[!_]*.py"))
    assert "openplate.science.dynamics" in modules
    code = (
        f"import sys, {', '.join(modules)}; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
