"""Run one query in a forked child process: a timeout that really stops it, a memory cap, a crash that stays there.

pyoxigraph cannot cancel an evaluation and a query may allocate without bound (an ``ORDER BY`` over a
cartesian product grows by about 1 GB/s).  :func:`run_isolated` forks; the child sees the store as it
was at the fork (copy-on-write, so a consistent snapshot), caps its address space with
``resource.setrlimit(RLIMIT_AS)`` at its current size plus ``memory`` bytes, runs the function and sends
the pickled result back through a pipe.  The parent kills the child at the timeout.  An allocation past
the cap aborts only the child; so does a parser stack overflow (SIGSEGV).

Where ``os.fork`` is missing (Windows) the function runs in the calling thread with no cap.  Errors come
back as ``SyntaxError``, ``ValueError``, ``OSError`` or ``KeyError`` with their message, anything else as
``RuntimeError``.

>>> run_isolated(lambda: 6 * 7, timeout=10, memory=256 << 20)
42
>>> run_isolated(lambda: int("x"), timeout=10, memory=256 << 20)
Traceback (most recent call last):
...
ValueError: invalid literal for int() with base 10: 'x'
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

T = TypeVar("T")


class QueryTimeout(Exception):
    """The child ran past the timeout and was killed."""


class QueryKilled(Exception):
    """The child died: memory cap reached (abort) or a crash (e.g. the parser's stack)."""


def _vm_size() -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(fn: Callable[[], Any], memory: int, out: int) -> None:
    try:
        import faulthandler

        faulthandler.disable()  # a crash here is expected and reported by the parent, not dumped to the log
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if memory > 0:
            import resource

            limit = _vm_size() + memory
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            payload = pickle.dumps((True, fn()))
        except BaseException as exc:  # noqa: BLE001 - sent to the parent as a plain exception
            error = exc if isinstance(exc, (SyntaxError, ValueError, OSError, KeyError)) else RuntimeError(str(exc))
            try:
                payload = pickle.dumps((False, type(error)(str(error)) if not isinstance(error, RuntimeError) else error))
            except Exception:  # noqa: BLE001
                payload = pickle.dumps((False, RuntimeError(str(exc))))
        view = memoryview(payload)
        while view:
            view = view[os.write(out, view):]
        os.close(out)  # the parent sees the end now, not after this process has torn down its memory
    finally:
        os._exit(0)


def _reap(pid: int) -> None:
    """Collect a finished child without making the caller wait for its teardown (a few ms per query)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return
    if not done:
        threading.Thread(target=_wait_quietly, args=(pid,), name="kg-reap", daemon=True).start()


def _wait_quietly(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def run_isolated(fn: Callable[[], T], *, timeout: float, memory: int,
                 fork_guard: AbstractContextManager[Any] | None = None) -> T:
    """``fn()`` run in a forked child with ``memory`` more bytes of address space, killed after ``timeout`` s.

    ``fork_guard`` (the store's ``fork_guard`` lock) is held across the fork, so no write is half-way
    through the engine when the child starts.
    """
    if not hasattr(os, "fork"):
        return fn()
    read, write = os.pipe()
    with fork_guard if fork_guard is not None else nullcontext():
        pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        _child(fn, memory, write)
    os.close(write)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise QueryTimeout(f"query timed out after {timeout:g} s (stopped)")
            ready, _, _ = select.select([read], [], [], min(left, 1.0))
            if ready:
                chunk = os.read(read, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    except BaseException:
        os.close(read)
        _reap(pid)
        raise
    os.close(read)
    if chunks:
        _reap(pid)
    else:  # no answer: the child died; its status says why
        _, status = os.waitpid(pid, 0)
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        if sig == signal.SIGABRT:
            raise QueryKilled(f"query stopped: it needed more than {memory >> 20} MB of memory")
        raise QueryKilled(f"query stopped: the worker process died ({signal.Signals(sig).name if sig else status})")
    ok, value = pickle.loads(b"".join(chunks))
    if ok:
        return value  # type: ignore[no-any-return]
    raise value
