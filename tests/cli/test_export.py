"""`openplate export`: one person's data to a file, through the command line."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import User

from openplate.cli import main
from tests.cli.console import fresh_data_dir, run
from tests.yourdata.test_export import COUNTS, fill


@pytest.fixture
def alice(db) -> User:
    user = User.objects.create_user("alice", password="alice-password")
    fill(user, "Alice")
    return user


def openplate(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in this process, on the test database."""
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    captured = capsys.readouterr()
    return stopped.value.code, captured.out, captured.err


def test_it_writes_the_json_document(alice, tmp_path, capsys):
    out = tmp_path / "alice.json"
    code, stdout, _ = openplate(capsys, "export", "--user", "alice", "--out", str(out))
    assert code == 0
    document = json.loads(out.read_text())
    assert document["account"]["username"] == "alice"
    assert len(document["diary_entries"]) == COUNTS["diary_entries"]
    assert str(out) in stdout
    assert f"{sum(COUNTS.values())} rows" in stdout


def test_it_writes_the_zip_from_the_extension(alice, tmp_path, capsys):
    out = tmp_path / "alice.zip"
    code, stdout, _ = openplate(capsys, "export", "--user", "alice", "--out", str(out))
    assert code == 0
    archive = zipfile.ZipFile(io.BytesIO(out.read_bytes()))
    assert "README.txt" in archive.namelist()
    assert "(zip)" in stdout


def test_the_format_option_wins_over_the_extension(alice, tmp_path, capsys):
    out = tmp_path / "alice.data"
    code, _, _ = openplate(
        capsys, "export", "--user", "alice", "--out", str(out), "--format", "zip"
    )
    assert code == 0
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--user", "nobody", "--out", "{tmp}/x.json"), "no user 'nobody'"),
        (("--user", "alice", "--out", "{tmp}/missing/x.json"), "no folder"),
        (("--user", "alice", "--out", "{tmp}/x.txt"), "--format json or zip"),
        (("--user", "alice", "--out", "{tmp}/x.json", "--format", "xml"), "xml"),
        (("--user", "alice", "--out", "{tmp}"), "directory"),
    ],
)
def test_it_refuses_in_one_line_with_exit_code_2(alice, tmp_path, capsys, args, message):
    args = tuple(arg.replace("{tmp}", str(tmp_path)) for arg in args)
    code, stdout, stderr = openplate(capsys, "export", *args)
    assert code == 2
    assert len(stderr.strip().splitlines()) == 1
    assert message in stderr
    assert stdout == ""


@pytest.mark.slow
def test_the_installed_command_exports_a_person(tmp_path):
    """Through the console script, on a data folder of its own."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with fresh_data_dir(data_dir):
        assert run(data_dir, "manage", "migrate", "--verbosity", "0").returncode == 0
        made = run(
            data_dir,
            "manage",
            "shell",
            "-c",
            "from django.contrib.auth.models import User; User.objects.create_user('carol')",
        )
        assert made.returncode == 0, made.stderr
        out = tmp_path / "carol.json"
        result = run(data_dir, "export", "--user", "carol", "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert json.loads(out.read_text())["account"]["username"] == "carol"
        missing = run(data_dir, "export", "--user", "dave", "--out", str(out))
        assert missing.returncode == 2
        assert missing.stderr.strip() == "openplate: error: no user 'dave'"
