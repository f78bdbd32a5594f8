"""`openplate export`: one person's data to a file, through the command line."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import User

from tests.cli.runner import openplate
from tests.yourdata.test_export import COUNTS, fill


@pytest.fixture
def alice(db) -> User:
    user = User.objects.create_user("alice", password="alice-password")
    fill(user, "Alice")
    return user


def test_it_writes_the_json_document(alice, tmp_path):
    out = tmp_path / "alice.json"
    result = openplate("export", "--user", "alice", "--out", str(out))
    assert result.returncode == 0
    document = json.loads(out.read_text())
    assert document["account"]["username"] == "alice"
    assert len(document["diary_entries"]) == COUNTS["diary_entries"]
    assert str(out) in result.stdout
    assert f"{sum(COUNTS.values())} rows" in result.stdout


def test_it_writes_the_zip_from_the_extension(alice, tmp_path):
    out = tmp_path / "alice.zip"
    result = openplate("export", "--user", "alice", "--out", str(out))
    assert result.returncode == 0
    archive = zipfile.ZipFile(io.BytesIO(out.read_bytes()))
    assert "README.txt" in archive.namelist()
    assert "(zip)" in result.stdout


def test_the_format_option_wins_over_the_extension(alice, tmp_path):
    out = tmp_path / "alice.data"
    result = openplate("export", "--user", "alice", "--out", str(out), "--format", "zip")
    assert result.returncode == 0
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
def test_it_refuses_in_one_line_with_exit_code_2(alice, tmp_path, args, message):
    args = tuple(arg.replace("{tmp}", str(tmp_path)) for arg in args)
    result = openplate("export", *args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert result.stdout == ""


def test_it_names_a_missing_person(alice, tmp_path):
    result = openplate("export", "--user", "dave", "--out", str(tmp_path / "dave.json"))
    assert result.returncode == 2
    assert result.stderr.strip() == "openplate: error: no user 'dave'"
    assert not (tmp_path / "dave.json").exists()
