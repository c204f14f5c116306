"""Lint shares of the pages in forked worker processes, where that pays.

A run over a language folder or the whole site spends its time in per-page work
that shares nothing but the (read-only) site model. ``map_shares`` runs the
first share in this process and each other share in a forked child, which
inherits the site model already loaded and sends its result back as JSON in the
declared shape (:mod:`dlc_lint.engine.codec`, as the cache stores it: nothing is
ever unpickled). A child that fails in any way (killed, out of memory, a result
that does not have its shape) has its share redone here, so the result never
depends on the workers.

``DLC_LINT_JOBS=1`` turns this off; ``DLC_LINT_JOBS=N`` sets the number of
processes (default and upper bound: the CPUs this process may use).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
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
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running any clean-up of the parent's
        status = 1
        try:
            os.close(read_end)
            from dlc_lint.engine import codec

            payload = json.dumps(codec.encode(function(share), shape), ensure_ascii=False).encode(
                "utf-8", "surrogatepass"
            )
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
            status = 0
        except BaseException:  # noqa: BLE001 - the parent redoes the share
            pass
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


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
