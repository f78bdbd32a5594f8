"""An import is written in short batches, the file read between them with no transaction open, and
stays all or nothing: a failure in any batch, a bad row late in the file, or a killed process
leaves the foods as they were (foods.importers.journal)."""

import gzip
import json

import pytest
from django.db import DatabaseError, connection

from openplate.foods import loading
from openplate.foods.importers import journal, saving, upsert
from openplate.foods.importers.saving import BadRowsFound, import_file
from openplate.foods.models import Food, ImportBatch, ImportRun, Serving, ShippedDataset

pytestmark = pytest.mark.django_db

BATCH = 10
HEADER = "source_id,name,brand,kcal_per_100g,protein_g,serving_name,serving_grams\n"


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(saving, "BATCH_SIZE", BATCH)
    monkeypatch.setattr(loading, "BATCH_SIZE", BATCH)
    # The search's refresh after an import (a second a time here) is not what these tests test.
    monkeypatch.setattr(saving, "refresh_after_bulk_change", lambda: None)
    monkeypatch.setattr(loading, "refresh_after_bulk_change", lambda: None)


def foods_csv(path, count, *, kcal=100, bad_line=None):
    """`count` foods; line `bad_line` (the header is line 1) has no energy."""
    rows = []
    for number in range(count):
        energy = "" if number + 2 == bad_line else str(kcal + number)
        rows.append(f"food-{number},Test food {number},Brand,{energy},5,1 bowl,{200 + number}\n")
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def state_of_the_foods():
    """Every food and serving as stored, to compare before and after."""
    foods = list(Food.objects.order_by("pk").values_list("pk", "name", "energy_kcal", "nutrients"))
    servings = list(Serving.objects.order_by("food_id", "position").values_list("food_id", "grams"))
    return foods, servings


def killed(run):
    """What a kill -9 leaves of `run`: its row, with a lock no one holds, of another process."""
    run.close()
    ImportRun.objects.filter(pk=run.record.pk).update(pid=0)
    return str(ImportRun.objects.get(pk=run.record.pk))


def nothing_left_of_a_run():
    return not ImportRun.objects.exists() and not ImportBatch.objects.exists()


def test_each_batch_is_its_own_transaction_and_the_file_is_read_outside_them(tmp_path):
    depth_outside = len(connection.savepoint_ids)
    seen = []
    rows = saving.read("csv", foods_csv(tmp_path / "foods.csv", 35))

    def watched():
        for row in rows:
            seen.append((len(connection.savepoint_ids), ImportBatch.objects.count()))
            yield row

    result = saving.save(watched())
    assert (result.created, result.updated) == (35, 0)
    assert {depth for depth, _ in seen} == {depth_outside}
    # Row 11 is read after the first batch is written and journaled, row 21 after the second.
    assert [batches for _, batches in seen][::BATCH] == [0, 1, 2, 3]
    assert nothing_left_of_a_run()


@pytest.mark.parametrize("failing_batch", [1, 2, 4])
def test_a_failure_in_any_batch_leaves_the_foods_as_they_were(tmp_path, monkeypatch, failing_batch):
    import_file("csv", foods_csv(tmp_path / "first.csv", 15))
    before = state_of_the_foods()
    calls = []

    def fail_at_the_chosen_batch(batch, undo):
        calls.append(len(batch))
        if len(calls) == failing_batch:
            raise DatabaseError("disk I/O error")
        return upsert.write_batch(batch, undo)

    monkeypatch.setattr(saving, "write_batch", fail_at_the_chosen_batch)
    # 15 foods updated (new energy, new serving) and 25 created, in 4 batches.
    with pytest.raises(DatabaseError):
        import_file("csv", foods_csv(tmp_path / "second.csv", 40, kcal=300))
    assert len(calls) == failing_batch
    assert state_of_the_foods() == before
    assert nothing_left_of_a_run()


def test_a_bad_row_in_a_late_batch_imports_nothing(tmp_path):
    before = state_of_the_foods()
    with pytest.raises(BadRowsFound):
        import_file("csv", foods_csv(tmp_path / "foods.csv", 40, bad_line=37))
    assert state_of_the_foods() == before
    assert nothing_left_of_a_run()


def test_a_run_whose_process_is_gone_is_undone_at_the_next_start(tmp_path):
    import_file("csv", foods_csv(tmp_path / "first.csv", 5))
    before = state_of_the_foods()
    rows = list(saving.read("csv", foods_csv(tmp_path / "second.csv", 25, kcal=500)))
    run = journal.Run("killed import")
    saving._write(rows[:BATCH], saving.ImportResult(), run)
    saving._write(rows[BATCH : 2 * BATCH], saving.ImportResult(), run)
    assert Food.objects.filter(source_id="food-19").exists()
    killed_run = killed(run)

    assert journal.recover_abandoned_runs() == [killed_run]
    assert state_of_the_foods() == before
    assert nothing_left_of_a_run()


def test_a_run_still_going_is_left_alone(tmp_path):
    rows = list(saving.read("csv", foods_csv(tmp_path / "foods.csv", 5)))
    run = journal.Run("import under way")
    saving._write(rows, saving.ImportResult(), run)
    try:
        assert journal.recover_abandoned_runs() == []
        assert Food.objects.filter(source_id="food-4").exists()
    finally:
        run.close()


def test_the_next_import_undoes_a_killed_one_first(tmp_path):
    rows = list(saving.read("csv", foods_csv(tmp_path / "killed.csv", 12, kcal=700)))
    run = journal.Run("killed import")
    saving._write(rows[:BATCH], saving.ImportResult(), run)
    killed(run)

    result = import_file("csv", foods_csv(tmp_path / "next.csv", 3))
    assert (result.created, result.updated) == (3, 0)
    assert Food.objects.filter(source="csv").count() == 3
    assert nothing_left_of_a_run()


def test_a_failed_load_of_the_shipped_foods_changes_nothing_and_is_loaded_again(
    tmp_path, monkeypatch
):
    shipped = tmp_path / "foods.jsonl.gz"
    records = [
        {"id": f"9{number:04d}", "name": f"Shipped food {number}", "nutrients": {"energy_kcal": 50}}
        for number in range(25)
    ]
    with gzip.open(shipped, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(record) + "\n" for record in records)
    before = state_of_the_foods()
    digest_before = list(ShippedDataset.objects.values_list("name", "sha256"))
    real_upsert = loading._upsert
    calls = []

    def fail_at_the_third_batch(batch, undo):
        calls.append(1)
        if len(calls) == 3:
            raise DatabaseError("disk full")
        return real_upsert(batch, undo)

    monkeypatch.setattr(loading, "_upsert", fail_at_the_third_batch)
    with pytest.raises(DatabaseError):
        loading.load_shipped_foods(shipped)
    assert state_of_the_foods() == before
    assert list(ShippedDataset.objects.values_list("name", "sha256")) == digest_before
    assert loading.needs_loading(shipped)
    assert nothing_left_of_a_run()
