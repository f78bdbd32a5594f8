"""The science package stands alone: importing it loads no Django."""

import subprocess
import sys


def test_the_science_package_imports_without_django():
    code = (
        "import sys, openplate.science.units, openplate.science.energy, "
        "openplate.science.goals, openplate.science.dynamics; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
