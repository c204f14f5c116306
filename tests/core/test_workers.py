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


@pytest.mark.parametrize("how", ["exit", "kill", "raise", "wrong-shape"])
def test_a_share_whose_worker_fails_is_redone_here(how):
    def fragile(share):
        if os.getpid() != PARENT:
            if how == "exit":
                os._exit(3)
            if how == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            if how == "raise":
                raise MemoryError("pretend")
            return ["not a number"]  # not the declared shape: decoded as a failure
        return square_all(share)

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
