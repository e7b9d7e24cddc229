"""Search that stays quick however long an entry is, and never holds up the window."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest

from app.reflect.model import new_entry
from app.reflect.store import ReflectStore
from app.reflect.ui.view import ReflectView
from app.widgets.tasks import TaskRunner

DAY = date(2026, 1, 5)


@pytest.mark.timeout(20)  # FTS5's snippet() took minutes on this entry; a guard, not a measure
def test_a_snippet_costs_the_same_however_many_matches_one_entry_holds(vault):
    store = ReflectStore(vault)
    huge = " ".join(["the kettle sang again"] * 90_000)  # near the largest entry: 90,000 matches
    store.create(new_entry(DAY, body=huge))
    store.create(new_entry(DAY, body="A small kettle of tea by the window."))
    hits = store.search("kettle")
    assert len(hits) == 2
    for hit in hits:
        text = "".join(part.text for part in hit.snippet)
        assert len(text) < 400
        assert [part.text for part in hit.snippet if part.is_match][:1] == ["kettle"]
    (phrase,) = store.search('"small kettle"')
    assert [p.text for p in phrase.snippet if p.is_match] == ["small kettle"]
    (prefix,) = store.search("windo*")
    assert [p.text for p in prefix.snippet if p.is_match] == ["window"]


def test_snippets_fold_case_and_accents_like_the_index(vault):
    store = ReflectStore(vault)
    store.create(new_entry(DAY, title="Café evening", body="We met at the CAFÉ, then walked."))
    (hit,) = store.search("cafe")
    assert [p.text for p in hit.title if p.is_match] == ["Café"]
    assert [p.text for p in hit.snippet if p.is_match] == ["CAFÉ"]
    (none,) = store.search("evening NOT lighthouse")
    assert [p.text for p in none.title if p.is_match] == ["evening"]


class HeldTasks(TaskRunner):
    """Keeps each job until the test lets it run, as a busy worker thread would."""

    def __init__(self) -> None:
        self.jobs: list = []

    def run(self, job, on_done, on_error) -> None:
        self.jobs.append((job, on_done, on_error))

    def finish_next(self) -> None:
        job, on_done, on_error = self.jobs.pop(0)
        try:
            result = job()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    def wait(self) -> None:
        while self.jobs:
            self.finish_next()


def test_a_newer_query_supersedes_an_older_one_still_running(qtbot, context, vault, monkeypatch):
    store = ReflectStore(vault, context.clock)
    store.create(new_entry(DAY, body="We walked by the river at dusk."))
    store.create(new_entry(DAY, body="The rivals made up over tea."))
    held = HeldTasks()
    view = ReflectView(replace(context, tasks=held))
    qtbot.addWidget(view)
    asked: list[str] = []
    search = ReflectStore.search
    monkeypatch.setattr(
        ReflectStore,
        "search",
        lambda store, text, flt: asked.append(text) or search(store, text, flt),
    )
    for text in ("riv", "riva", "rivals"):
        view.search_field.setText(text)
        view.run_search()  # as the typing pause (or Enter) would
    assert len(held.jobs) == 1  # one search at a time; the others wait as one
    assert view.results.count() == 0  # nothing shown while it runs: the window is free
    held.finish_next()  # the first finishes late: its hits are not shown...
    assert view.results.count() == 0
    assert len(held.jobs) == 1  # ...and only the newest query runs next
    held.finish_next()
    assert asked == ["riv", "rivals"]
    assert view.results.count() == 1
    assert "rivals" in view.results.html_of(0).lower()


def test_search_runs_on_a_worker_thread(qtbot, context, vault, monkeypatch):
    store = ReflectStore(vault, context.clock)
    store.create(new_entry(DAY, body="A lantern on the balcony."))
    tasks = TaskRunner()
    view = ReflectView(replace(context, tasks=tasks))
    qtbot.addWidget(view)
    threads: list[int] = []
    search = ReflectStore.search
    monkeypatch.setattr(
        ReflectStore,
        "search",
        lambda store, text, flt: threads.append(threading.get_ident()) or search(store, text, flt),
    )
    view.search_field.setText("lantern")
    view.run_search()
    qtbot.waitUntil(lambda: view.results.count() == 1)
    tasks.wait()
    assert threads
    assert threads[0] != threading.get_ident()


def test_a_word_in_very_many_entries_lists_the_newest_first(vault, monkeypatch):
    from app.reflect import store as store_module

    store = ReflectStore(vault)
    made = [store.create(new_entry(DAY, body=f"tea number {n}, tea again")) for n in range(6)]
    monkeypatch.setattr(store_module, "RANKED_MATCHES", 3)
    assert [hit.row.id for hit in store.search("tea", limit=4)] == [e.id for e in made[::-1][:4]]
    assert [hit.row.id for hit in store.search("number 2")] == [made[2].id]  # few: ranked


def test_search_reads_through_its_own_connection_closed_with_the_vault(qtbot, context, vault):
    ReflectStore(vault, context.clock).create(new_entry(DAY, body="A heron by the pond."))
    view = ReflectView(context)
    qtbot.addWidget(view)
    view.search_field.setText("heron")
    view.run_search()
    qtbot.waitUntil(lambda: view.results.count() == 1)
    reader = view._search_vault
    assert reader is not None
    assert reader is not vault  # never the editor's connection, so never its transaction
    assert reader.read_only
    vault.close()
    assert not reader.is_open
