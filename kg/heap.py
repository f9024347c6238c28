"""The C heap of a process that parses: memory freed after one shard is kept for the next.

A worker parses a shard, sends its records back and frees everything it made; the next shard
makes as much again. glibc's malloc hands the freed top of its heap back to the kernel once more
than its trim threshold is free there, and the next shard faults the same pages in again. A
2-process build of 200k words took 580-860k page faults and 1.4-2.0 s of kernel time in its
children, against 130k and 0.4-0.45 s with the settings below, and ran 0.4-1.1 s faster (3
alternating runs). A worker's peak RSS stayed 414 MB, since what is kept is what the next shard
uses, but a worker now stays near its peak between shards: the process tree's sampled peak rose
from 608-632 MB to 676-686 MB. One process parsing alone gains little (its heap top holds the
records it keeps).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

# mallopt(3) parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Free memory kept at the heap top: a shard of a 200k-word build swings by more than 64 MiB (a
# threshold of 64 MiB left 250-300k faults a worker).
TRIM_THRESHOLD = 256 << 20
# Setting any threshold turns off glibc's own adjustment of the mmap threshold, which would
# otherwise rise as large blocks are freed: fixed at the ceiling that adjustment has on 64-bit
# platforms, so that a model's arrays come from the heap and only blocks above 32 MiB are mapped
# alone (left at its 128 KiB start, every array was mapped and unmapped: 1M faults a process).
MMAP_THRESHOLD = 32 << 20


@functools.cache
def keep_freed_memory() -> bool:
    """Tune this process's malloc as above, once; False where the C library is not glibc (musl,
    macOS, Windows), which is left as it is. Forked children inherit the setting."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
    except (OSError, TypeError):
        return False
    # Only glibc has this function; another C library's mallopt may read these numbers otherwise.
    if not hasattr(libc, "gnu_get_libc_version"):
        return False
    return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) \
        and bool(libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
