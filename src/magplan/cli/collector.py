"""Python's cycle collector around a command: off while it runs, its objects frozen after.

A command imports the planning core, the knowledge base and (to print) Qt: tens of
thousands of objects made at once that live until the process ends, moments later. With the
collector on, batches of new objects trigger collections that walk them again (about seventy
while a command starts), and the interpreter walks every one once more when it exits, to free
next to nothing: about a tenth of ``magplan print -o``. :func:`paused_then_frozen` turns the
collector off for the work, then freezes what exists (:func:`gc.freeze`: never walked again,
at exit either) and turns the collector back on as it was.

The cost: a cycle that became garbage during the work is kept until the process ends. The
window does not use it: measured around the window's loading, it made no difference beyond
the machine's noise.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_then_frozen() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
