"""kg.heap: memory a process frees is kept for its next round of work, not faulted in again."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg import heap

# Rounds of work as a parse worker does them: make 96 MiB in 1 MiB blocks, free them all.
_ROUNDS = """
import json, resource, sys
from kg import heap
if sys.argv[1] == "tuned":
    assert heap.keep_freed_memory()
def round_of_work():
    blocks = [bytearray(1 << 20) for _ in range(96)]  # zero-filled: every page is touched
    del blocks
round_of_work()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(4):
    round_of_work()
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before))
"""


def _faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", _ROUNDS, mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_freed_memory_is_reused_without_page_faults():
    if not heap.keep_freed_memory():
        pytest.skip("the C library is not glibc: malloc is left as it is")
    untuned, tuned = _faults("default"), _faults("tuned")
    # glibc's default gives much of each round back and faults it in again (39k faults here, 4 KiB
    # pages); where the kernel backs the heap with huge pages, far fewer faults say the same.
    if untuned < 100:
        pytest.skip(f"this machine's default malloc faulted {untuned} times: nothing to compare")
    assert tuned < untuned // 10


def test_the_setting_is_made_once():
    first = heap.keep_freed_memory()
    assert heap.keep_freed_memory() is first
    assert heap.keep_freed_memory.cache_info().hits >= 1
