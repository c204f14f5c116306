"""Lint shares of the pages in forked worker processes, where that pays.

A run over a language folder or the whole site spends its time in per-page work
that shares nothing but the (read-only) site model. ``map_shares`` runs the
first share in this process and each other share in a forked child;
``map_queue`` lets forked children take the next share of a list whenever they
are free (the shares cost what they cost: a fixed cut leaves one
process waiting for the other). A child inherits the site model already loaded
and sends its results back as JSON in the declared shape
(:mod:`dlc_lint.engine.codec`, as the cache stores it: nothing is ever
unpickled). A child that fails in any way (killed, out of memory, a result that
does not have its shape) has its shares redone here, so the result never
depends on the workers.

``DLC_LINT_JOBS=1`` turns this off; ``DLC_LINT_JOBS=N`` sets the number of
processes (default and upper bound: the CPUs this process may use).
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_FAILED: Any = object()  # a child that failed: its share is done here instead


def jobs_wanted() -> int:
    """The number of processes to use: ``DLC_LINT_JOBS``, else the usable CPUs; never more than the
    usable CPUs (more processes than CPUs only add forks, copies and waiting)."""
    cpus = usable_cpus()
    value = os.environ.get("DLC_LINT_JOBS", "").strip()
    if value:
        try:
            return max(1, min(int(value), cpus))
        except ValueError:
            return 1
    return cpus


def usable_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def split_by_size(items: Sequence[T], sizes: Sequence[int], parts: int) -> list[list[T]]:
    """``items`` cut into at most ``parts`` runs of consecutive items of about equal total size.

    Consecutive, because neighbouring pages share the English pages they are compared with.
    """
    if parts <= 1 or len(items) <= 1:
        return [list(items)] if items else []
    total = sum(sizes) or 1
    shares: list[list[T]] = [[]]
    done = 0
    for item, size in zip(items, sizes):
        if shares[-1] and len(shares) < parts and done >= total * len(shares) / parts:
            shares.append([])
        shares[-1].append(item)
        done += size
    return shares


def map_shares(function: Callable[[list[T]], R], shares: list[list[T]], shape: Any) -> list[R]:
    """``[function(share) for share in shares]``, the shares after the first in forked children;
    ``shape`` is the type of a result (what the children's JSON is decoded as)."""
    if len(shares) <= 1 or not hasattr(os, "fork"):
        return [function(share) for share in shares]
    children: list[tuple[list[T], tuple[int, int] | None]] = []
    for share in shares[1:]:
        try:
            children.append((share, _fork(function, share, shape)))
        except OSError:
            children.append((share, None))
    results = [function(shares[0])]
    for share, child in children:
        result = _collect(*child, shape) if child is not None else _FAILED
        results.append(function(share) if result is _FAILED else result)
    return results


def _fork(function, share, shape) -> tuple[int, int]:
    return _fork_call(lambda: function(share), shape)


def _fork_call(compute: Callable[[], Any], shape) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running any clean-up of the parent's
        status = 1
        try:
            os.close(read_end)
            from dlc_lint.engine import codec

            payload = json.dumps(codec.encode(compute(), shape), ensure_ascii=False).encode("utf-8", "surrogatepass")
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
            status = 0
        except BaseException:  # noqa: BLE001 - the parent redoes the share
            pass
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


_TICKET = struct.Struct("<I")
MAX_QUEUED = 1024  # tickets of 4 bytes: 4 KiB, what a Linux pipe holds even at its smallest (PIPE_BUF)


def map_queue(function: Callable[[list[T]], R], shares: list[list[T]], shape: Any, jobs: int) -> list[R]:
    """``[function(share) for share in shares]``, each share taken, in order, by whichever of ``jobs``
    forked children is free first.

    The queue is a pipe holding one ticket (a share's index) per share, written before the children
    start: a read of one ticket takes it whole, so no share is taken twice. A child sends the results
    of the shares it took; a share whose child failed is redone here. This process only waits and
    gathers: at the end it holds every result, so it had better not hold a language's worth of
    pages as well (its peak memory stays that of the largest child).
    """
    if len(shares) > MAX_QUEUED:  # (a fixed cut of the shares instead)
        runs = map_shares(lambda run: [function(share) for share in run], _runs(shares, jobs), list[shape])
        return [result for run in runs for result in run]
    if jobs <= 1 or len(shares) <= 1 or not hasattr(os, "fork"):
        return [function(share) for share in shares]
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"".join(_TICKET.pack(index) for index in range(len(shares))))
    finally:
        os.close(write_end)

    def take() -> list[tuple[int, R]]:
        done: list[tuple[int, R]] = []
        while True:
            ticket = os.read(read_end, _TICKET.size)
            if len(ticket) < _TICKET.size:
                return done
            index = _TICKET.unpack(ticket)[0]
            done.append((index, function(shares[index])))

    children: list[tuple[int, int]] = []
    try:
        for _ in range(jobs):
            try:
                children.append(_fork_call(take, list[tuple[int, shape]]))
            except OSError:
                break
        results: dict[int, R] = {} if children else dict(take())
    finally:
        os.close(read_end)
    for child in children:
        found = _collect(*child, list[tuple[int, shape]])
        if found is not _FAILED:
            results.update((index, result) for index, result in found if 0 <= index < len(shares))
    return [results[index] if index in results else function(share) for index, share in enumerate(shares)]


def _runs(shares: list[list[T]], parts: int) -> list[list[list[T]]]:
    """``shares`` cut into at most ``parts`` runs of consecutive shares of about equal total length."""
    return split_by_size(shares, [len(share) for share in shares], parts)


def cut_by_group(items: Sequence[T], groups: Sequence[Hashable], sizes: Sequence[int], parts: int) -> list[list[T]]:
    """``items`` cut into runs of consecutive items of one group, largest first, for :func:`map_queue`.

    A group (a language folder, whose folder-wide results its pages share) stays whole unless it is
    larger than a ``2 * parts``-th of the total, so that the last runs taken are small enough to keep
    every process busy to the end; a larger group is cut into runs of about that size.
    """
    total = sum(sizes)
    largest = max(1, total // (2 * max(1, parts)))
    runs: list[tuple[int, list[T]]] = []
    previous: Hashable = object()
    for item, group, size in zip(items, groups, sizes):
        if not runs or group != previous or (runs[-1][0] >= largest and runs[-1][1]):
            runs.append((0, []))
        runs[-1][1].append(item)
        runs[-1] = (runs[-1][0] + size, runs[-1][1])
        previous = group
    order = sorted(range(len(runs)), key=lambda index: -runs[index][0])  # (stable: ties in page order)
    return [runs[index][1] for index in order]


def _collect(pid: int, read_end: int, shape):
    payload = bytearray()  # grown in place: no second copy of the (megabytes of) result
    try:
        while True:
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            payload += chunk
    except OSError:
        payload = bytearray()
    finally:
        os.close(read_end)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        status = 1
    if status != 0 or not payload:
        return _FAILED
    from dlc_lint.engine import codec

    try:
        return codec.decode(json.loads(payload.decode("utf-8", "surrogatepass")), shape)
    except (ValueError, codec.ShapeError):  # a truncated or broken payload: redo the share
        return _FAILED
