"""Timing shared by the PyTorch peers of the benchmarks (bench/torch_mlp.py, bench/torch_rnn.py)."""
import time


def time_steps(step, budget_ms, min_runs=10):
    """Runs `step()` until `budget_ms` have passed and at least `min_runs` times; returns each run's ms."""
    times = []
    start = time.perf_counter()
    while (time.perf_counter() - start) * 1000 < budget_ms or len(times) < min_runs:
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1000)
    return times
