"""Work done beside the main process in a forked copy of it, for the stages after parsing.

A forked child reads the parent's memory as it is: a graph of half a million triples is neither
serialised nor sent, though each page either process writes to is copied then (measured in a
200k-word build: drawing the page took 1.2 s of CPU in a child against 0.8 s in the parent). Used
only where the user has given the build more than one core (--jobs > 1).
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable
from typing import Any


def forked(task: Callable[..., Any], *args, **kwargs) -> Callable[[], Any] | None:
    """Start task(*args, **kwargs) in a forked child; returns a function that waits for it and
    gives its (small, picklable) result or raises its error. None where processes cannot fork
    (the caller then runs the task itself).

    The child's other work is lost with it: its result and the files it writes are what come back.
    """
    if "fork" not in mp.get_all_start_methods():
        return None
    ctx = mp.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)

    def child() -> None:
        try:
            writer.send((True, task(*args, **kwargs)))
        except BaseException as err:  # sent to the parent, which raises it
            try:
                writer.send((False, err))
            except Exception:  # an error that cannot be pickled: its text
                writer.send((False, RuntimeError(f"{type(err).__name__}: {err}")))

    process = ctx.Process(target=child, daemon=True)
    process.start()
    writer.close()

    def wait() -> Any:
        try:
            ok, value = reader.recv()
        except EOFError:
            ok, value = False, RuntimeError(f"the process running {task.__name__} ended with exit code "
                                             f"{process.exitcode}")
        finally:
            process.join()
            reader.close()
        if not ok:
            raise value
        return value

    return wait
