import multiprocessing
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from openplate.core import config


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("True", True),
        ("1", True),
        ("yes", True),
        ("ON", True),
        ("false", False),
        ("FALSE", False),
        ("0", False),
        ("no", False),
        ("off", False),
        (" yes ", True),
    ],
)
def test_it_reads_booleans(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("OPENPLATE_TEST_FLAG", value)
    assert config.env_bool("OPENPLATE_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_it_uses_the_boolean_default_when_unset_or_empty(
    monkeypatch: pytest.MonkeyPatch, default: bool
) -> None:
    monkeypatch.delenv("OPENPLATE_TEST_FLAG", raising=False)
    assert config.env_bool("OPENPLATE_TEST_FLAG", default) is default
    monkeypatch.setenv("OPENPLATE_TEST_FLAG", "")
    assert config.env_bool("OPENPLATE_TEST_FLAG", default) is default


@pytest.mark.parametrize("value", ["maybe", "2", "y", "n", "truee", "-1"])
def test_it_refuses_other_booleans(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("OPENPLATE_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured) as raised:
        config.env_bool("OPENPLATE_TEST_FLAG", False)
    assert "OPENPLATE_TEST_FLAG" in str(raised.value)
    assert repr(value) in str(raised.value)


def test_it_reads_whole_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPLATE_TEST_NUMBER", " 42 ")
    assert config.env_int("OPENPLATE_TEST_NUMBER", 7) == 42
    monkeypatch.delenv("OPENPLATE_TEST_NUMBER")
    assert config.env_int("OPENPLATE_TEST_NUMBER", 7) == 7


def test_it_refuses_other_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPLATE_TEST_NUMBER", "4.5")
    with pytest.raises(ImproperlyConfigured, match=r"OPENPLATE_TEST_NUMBER.*'4\.5'"):
        config.env_int("OPENPLATE_TEST_NUMBER", 7)


def test_it_reads_comma_separated_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPLATE_TEST_LIST", " example.org, localhost ,,")
    assert config.env_list("OPENPLATE_TEST_LIST", ["x"]) == ["example.org", "localhost"]
    monkeypatch.delenv("OPENPLATE_TEST_LIST")
    assert config.env_list("OPENPLATE_TEST_LIST", ["x"]) == ["x"]


def test_it_reads_a_secret_from_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret_file = tmp_path / "password"
    secret_file.write_text("s3cret\n")
    monkeypatch.delenv("OPENPLATE_TEST_SECRET", raising=False)
    monkeypatch.setenv("OPENPLATE_TEST_SECRET_FILE", str(secret_file))
    assert config.env_secret("OPENPLATE_TEST_SECRET") == "s3cret"


def test_it_reads_a_secret_from_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPLATE_TEST_SECRET", "plain")
    monkeypatch.delenv("OPENPLATE_TEST_SECRET_FILE", raising=False)
    assert config.env_secret("OPENPLATE_TEST_SECRET") == "plain"


def test_it_gives_no_secret_when_neither_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENPLATE_TEST_SECRET", raising=False)
    monkeypatch.delenv("OPENPLATE_TEST_SECRET_FILE", raising=False)
    assert config.env_secret("OPENPLATE_TEST_SECRET") is None


def test_it_refuses_a_missing_secret_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPENPLATE_TEST_SECRET", raising=False)
    monkeypatch.setenv("OPENPLATE_TEST_SECRET_FILE", str(tmp_path / "absent"))
    with pytest.raises(ImproperlyConfigured, match="OPENPLATE_TEST_SECRET_FILE"):
        config.env_secret("OPENPLATE_TEST_SECRET")


def test_it_refuses_a_secret_set_twice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret_file = tmp_path / "password"
    secret_file.write_text("from file")
    monkeypatch.setenv("OPENPLATE_TEST_SECRET", "from variable")
    monkeypatch.setenv("OPENPLATE_TEST_SECRET_FILE", str(secret_file))
    with pytest.raises(ImproperlyConfigured, match="not both"):
        config.env_secret("OPENPLATE_TEST_SECRET")


def test_it_names_the_configured_data_dir_without_making_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wanted = tmp_path / "nested" / "openplate"
    monkeypatch.setenv("OPENPLATE_DATA_DIR", str(wanted))
    assert config.data_dir() == wanted
    assert not wanted.exists()


def test_preparing_makes_the_data_dir_for_its_owner_only_with_a_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wanted = tmp_path / "nested" / "openplate"
    monkeypatch.setenv("OPENPLATE_DATA_DIR", str(wanted))
    monkeypatch.delenv("OPENPLATE_SECRET_KEY", raising=False)
    monkeypatch.delenv("OPENPLATE_SECRET_KEY_FILE", raising=False)
    assert config.prepare_data_dir() == wanted
    assert stat.S_IMODE(wanted.stat().st_mode) == 0o700
    assert (wanted / "static").is_dir()
    assert config.stored_secret_key(wanted) == (wanted / "secret_key").read_text().strip()
    assert config.prepare_data_dir() == wanted  # a second time changes nothing


def test_it_generates_the_secret_key_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPENPLATE_SECRET_KEY", raising=False)
    monkeypatch.delenv("OPENPLATE_SECRET_KEY_FILE", raising=False)
    key = config.secret_key(tmp_path)
    assert len(key) >= 50
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().strip() == key
    assert config.secret_key(tmp_path) == key


def test_reading_the_stored_key_makes_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPENPLATE_SECRET_KEY", raising=False)
    monkeypatch.delenv("OPENPLATE_SECRET_KEY_FILE", raising=False)
    assert config.stored_secret_key(tmp_path) == ""
    assert list(tmp_path.iterdir()) == []


def test_it_prefers_the_secret_key_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENPLATE_SECRET_KEY", "from-the-environment")
    assert config.secret_key(tmp_path) == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_it_refuses_an_empty_secret_key_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("OPENPLATE_SECRET_KEY", raising=False)
    monkeypatch.delenv("OPENPLATE_SECRET_KEY_FILE", raising=False)
    monkeypatch.setattr(config, "SECRET_KEY_WAIT_SECONDS", 0.1)
    (tmp_path / "secret_key").write_text("")
    with pytest.raises(ImproperlyConfigured, match="empty"):
        config.secret_key(tmp_path)


def _secret_key_after(barrier: Any, folder: Path, results: Any) -> None:
    barrier.wait()
    results.put(config.secret_key(folder))


def test_it_agrees_on_one_secret_key_across_processes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("OPENPLATE_SECRET_KEY", raising=False)
    monkeypatch.delenv("OPENPLATE_SECRET_KEY_FILE", raising=False)
    context = multiprocessing.get_context("spawn")
    count = 6
    barrier = context.Barrier(count)
    results = context.Queue()
    processes = [
        context.Process(target=_secret_key_after, args=(barrier, tmp_path, results))
        for _ in range(count)
    ]
    for process in processes:
        process.start()
    keys = {results.get(timeout=60) for _ in processes}
    for process in processes:
        process.join(timeout=60)
    assert keys == {(tmp_path / "secret_key").read_text().strip()}


@pytest.fixture
def sqlite_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A data folder named but not made, for a SQLite database, under a permissive umask."""
    folder = tmp_path / "openplate"
    monkeypatch.setenv("OPENPLATE_DATA_DIR", str(folder))
    for name in ("OPENPLATE_SECRET_KEY", "OPENPLATE_SECRET_KEY_FILE", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    previous = os.umask(0o022)  # the usual umask, which would give 0644 files and 0755 folders
    yield folder
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_data_folder_made_before_becomes_the_owners_only(sqlite_data_dir: Path) -> None:
    sqlite_data_dir.mkdir(mode=0o755)
    (sqlite_data_dir / "secret_key").write_text("a key made by hand\n")
    (sqlite_data_dir / "secret_key").chmod(0o644)

    config.prepare_data_dir()

    assert mode(sqlite_data_dir) == 0o700
    assert mode(sqlite_data_dir / "secret_key") == 0o600
    assert config.stored_secret_key(sqlite_data_dir) == "a key made by hand"


def test_the_sqlite_file_and_its_wal_and_shm_are_the_owners_only(sqlite_data_dir: Path) -> None:
    config.prepare_data_dir()
    database = sqlite_data_dir / "openplate.sqlite3"
    assert mode(database) == 0o600

    with closing(sqlite3.connect(database)) as connection:  # as Django opens it
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE entry (kcal INTEGER)")
        connection.execute("INSERT INTO entry VALUES (250)")
        connection.commit()
        companions = {path.name: mode(path) for path in sqlite_data_dir.glob("*.sqlite3-*")}

    assert companions == {"openplate.sqlite3-wal": 0o600, "openplate.sqlite3-shm": 0o600}


def test_database_files_left_with_other_modes_are_restricted(sqlite_data_dir: Path) -> None:
    sqlite_data_dir.mkdir(mode=0o700)
    for name in ("openplate.sqlite3", "openplate.sqlite3-wal", "openplate.sqlite3-shm"):
        (sqlite_data_dir / name).touch(mode=0o644)

    config.prepare_data_dir()

    assert {path.name: mode(path) for path in sqlite_data_dir.glob("openplate.sqlite3*")} == {
        "openplate.sqlite3": 0o600,
        "openplate.sqlite3-wal": 0o600,
        "openplate.sqlite3-shm": 0o600,
    }


def test_with_database_url_no_sqlite_file_is_made(
    sqlite_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://plate@db.example.org/openplate")
    config.prepare_data_dir()
    assert not (sqlite_data_dir / "openplate.sqlite3").exists()


def test_it_refuses_debug_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPLATE_DEBUG", "1")
    assert config.debug(production=False) is True
    with pytest.raises(ImproperlyConfigured, match="OPENPLATE_DEBUG cannot be on in production"):
        config.debug(production=True)


def test_it_refuses_negative_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENPLATE_TEST_NUMBER", "-1")
    with pytest.raises(ImproperlyConfigured, match=r"OPENPLATE_TEST_NUMBER.*0 or above, not -1"):
        config.env_non_negative_int("OPENPLATE_TEST_NUMBER", 0)
    monkeypatch.setenv("OPENPLATE_TEST_NUMBER", "0")
    assert config.env_non_negative_int("OPENPLATE_TEST_NUMBER", 5) == 0
