"""The scaling and streamed-memory tables of ``make bench`` (the cluster timing itself is not run here)."""

from __future__ import annotations

from rhetoriclab.bench_scaling import (
    ON_TOPIC_EVERY,
    ScalingResult,
    ScalingRow,
    format_scaling,
    format_stream_memory,
    run_stream_memory_bench,
    synthetic_stream,
)


def test_scaling_table_efficiency_and_dask_overhead():
    result = ScalingResult(40, [ScalingRow("local", 1, 10.0, 20000), ScalingRow("local", 2, 6.0, 20000),
                                ScalingRow("dask LocalCluster", 2, 6.3, 20000)])
    assert round(result.efficiency(result.rows[1]), 3) == round(10 / 6 / 2, 3)
    assert round(result.dask_overhead, 3) == 0.05 and result.target.passed
    text = format_scaling(result)
    assert "dask LocalCluster" in text and "+5.0%  PASS" in text
    slow = ScalingResult(40, [*result.rows[:2], ScalingRow("dask LocalCluster", 2, 7.2, 20000)])
    assert "+20.0%  FAIL" in format_scaling(slow)
    miscounted = ScalingResult(40, [*result.rows[:2], ScalingRow("dask LocalCluster", 2, 6.0, 19000)])
    assert not miscounted.target.passed and "different tokens" in format_scaling(miscounted)


def test_synthetic_stream_is_mostly_off_topic():
    documents = list(synthetic_stream(2 * ON_TOPIC_EVERY))
    assert len({d.id for d in documents}) == len(documents)
    assert sum("Ukraine" in d.text for d in documents) == 2


def test_stream_memory_rows_parse_only_the_on_topic_documents():
    rows = run_stream_memory_bench((ON_TOPIC_EVERY, 3 * ON_TOPIC_EVERY))
    assert [(r.documents, r.parsed) for r in rows] == [(ON_TOPIC_EVERY, 1), (3 * ON_TOPIC_EVERY, 3)]
    assert all(r.peak_mb > 50 for r in rows)  # the model is in every child's resident memory
    assert "peak memory 3000 / 1000 documents" in format_stream_memory(rows)
