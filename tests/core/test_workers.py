"""Worker processes: results never depend on them, even when a worker dies."""

from __future__ import annotations

import os
import signal

import pytest

from dlc_lint.engine.workers import jobs_wanted, map_shares, split_by_size

PARENT = os.getpid()


def square_all(share):
    return [n * n for n in share]


def test_results_are_those_of_a_plain_loop_in_order():
    shares = [[1, 2], [3], [4, 5, 6]]
    assert map_shares(square_all, shares, list[int]) == [square_all(s) for s in shares]
    assert map_shares(square_all, [[7]], list[int]) == [[49]]
    assert map_shares(square_all, [], list[int]) == []


def fail_in_child(how: str) -> list:
    """A worker's failure of kind ``how``: it exits, is killed, raises, or answers in the wrong shape."""
    if how == "exit":
        os._exit(3)
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "raise":
        raise MemoryError("pretend")
    return ["not a number"]  # not the declared shape: decoded as a failure


@pytest.mark.parametrize("how", ["exit", "kill", "raise", "wrong-shape"])
def test_a_share_whose_worker_fails_is_redone_here(how):
    def fragile(share):
        return fail_in_child(how) if os.getpid() != PARENT else square_all(share)

    assert map_shares(fragile, [[1], [2], [3]], list[int]) == [[1], [4], [9]]


def test_a_worker_result_is_json_never_pickle(monkeypatch):
    """What a child sends is decoded as data of the declared shape; pickle is never called."""
    import pickle

    def refuse(*args, **kwargs):
        raise AssertionError("pickle used")

    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "dumps", refuse)
    shares = [[1, 2], [3], [4]]
    assert map_shares(square_all, shares, list[int]) == [[1, 4], [9], [16]]


def test_an_error_in_this_process_is_not_hidden():
    def broken(share):
        raise ValueError("bug")

    with pytest.raises(ValueError):
        map_shares(broken, [[1], [2]], list[int])


def test_split_by_size_keeps_order_and_balances():
    items = list("abcdefgh")
    sizes = [10, 10, 10, 10, 10, 10, 10, 10]
    shares = split_by_size(items, sizes, 2)
    assert shares == [list("abcd"), list("efgh")]
    shares = split_by_size(items, [100, 1, 1, 1, 1, 1, 1, 1], 2)
    assert [x for share in shares for x in share] == items and len(shares) == 2
    assert shares[0] == ["a"]
    assert split_by_size(items, sizes, 1) == [items]
    assert split_by_size([], [], 4) == []
    assert len(split_by_size(items, [0] * 8, 3)) <= 3


def test_jobs_from_the_environment(monkeypatch):
    monkeypatch.setenv("DLC_LINT_JOBS", "1")
    assert jobs_wanted() == 1
    monkeypatch.setenv("DLC_LINT_JOBS", "three")
    assert jobs_wanted() == 1
    monkeypatch.delenv("DLC_LINT_JOBS")
    assert jobs_wanted() >= 1


def test_queued_shares_give_the_results_of_a_plain_loop_in_order():
    from dlc_lint.engine.workers import map_queue

    shares = [[1, 2], [3], [], [4, 5, 6], [7]]
    for jobs in (1, 2, 3):
        assert map_queue(square_all, shares, list[int], jobs) == [square_all(s) for s in shares]
    assert map_queue(square_all, [[7]], list[int], 2) == [[49]]
    assert map_queue(square_all, [], list[int], 2) == []


def test_queued_shares_are_taken_by_the_children():
    from dlc_lint.engine.workers import map_queue

    def where(share):
        return [os.getpid() != PARENT] * len(share)

    assert map_queue(where, [[1], [2], [3]], list[bool], 2) == [[True], [True], [True]]


@pytest.mark.parametrize("how", ["exit", "kill", "raise", "wrong-shape"])
def test_a_queued_share_whose_worker_fails_is_redone_here(how):
    from dlc_lint.engine.workers import map_queue

    def fragile(share):
        return fail_in_child(how) if os.getpid() != PARENT and share == [2] else square_all(share)

    assert map_queue(fragile, [[1], [2], [3], [4]], list[int], 2) == [[1], [4], [9], [16]]


def test_cut_by_group_keeps_groups_whole_unless_too_large_and_puts_the_largest_first():
    from dlc_lint.engine.workers import cut_by_group

    items = list("abcdefgh")
    groups = ["x", "x", "y", "y", "y", "z", "z", "z"]
    sizes = [1, 1, 1, 1, 1, 1, 1, 1]
    runs = cut_by_group(items, groups, sizes, 1)  # a group may hold half of the total
    assert runs == [list("cde"), list("fgh"), list("ab")]
    runs = cut_by_group(items, ["x"] * 8, sizes, 2)  # one group: cut into quarters for two processes
    assert runs == [list("ab"), list("cd"), list("ef"), list("gh")]
    assert sorted(x for run in cut_by_group(items, groups, [5, 1, 1, 9, 1, 2, 2, 2], 2) for x in run) == items
    assert cut_by_group([], [], [], 2) == []


def test_more_shares_than_the_queue_holds_are_cut_in_runs(monkeypatch):
    from dlc_lint.engine import workers

    monkeypatch.setattr(workers, "MAX_QUEUED", 3)
    shares = [[n] for n in range(10)]
    assert workers.map_queue(square_all, shares, list[int], 2) == [square_all(s) for s in shares]
