"""How time and memory grow with the length of one document (issue #12, case 5).

>>> result = run_long_bench([d.text for d in load_corpus("kremlin")[:40]])  # doctest: +SKIP
>>> print(format_long_bench(result))  # doctest: +SKIP

Each size is the hard case of the issue: one line of that many characters without punctuation, made of the
words of the given texts. Each is analysed as ``rhetoriclab quotes``/``stances`` would be (``run_corpus``
without cache: parse, attributions, stances) in a fresh child process forked after the model is loaded,
so that the child's peak resident memory (``ru_maxrss``, model included) belongs to that size alone.
Time per 100,000 characters is the child's CPU time (less disturbed by other programs than wall time);
the target is that it stays within :data:`TARGET_LONG_RATIO` of the smallest size's.
"""

from __future__ import annotations

import multiprocessing
import re
import resource
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from rhetoriclab.bench import Target
from rhetoriclab.documents import Corpus, Document

#: Characters of the documents of the long-document table of ``make bench``.
DEFAULT_LONG_SIZES = (100_000, 1_000_000, 3_000_000)
#: Time per 100k characters at the largest size at most this many times that at the smallest.
TARGET_LONG_RATIO = 1.5


@dataclass
class LongRow:
    """One size: characters, sections analysed, windows parsed, CPU and wall seconds, peak memory, records."""

    chars: int
    sections: int
    windows: int
    cpu: float
    wall: float
    peak_mb: float
    attributions: int
    stances: int
    skipped: list[str] = field(default_factory=list)

    @property
    def cpu_per_100k(self) -> float:
        return self.cpu / (self.chars / 100_000)


@dataclass
class LongBenchResult:
    rows: list[LongRow]

    @property
    def ratio(self) -> float:
        """CPU per 100k characters at the largest size over that at the smallest."""
        first, last = self.rows[0], self.rows[-1]
        return last.cpu_per_100k / first.cpu_per_100k if first.cpu_per_100k else float("inf")

    def targets(self) -> list[Target]:
        if len(self.rows) < 2:
            return []
        first, last = self.rows[0], self.rows[-1]
        invalid = "; ".join(f"{r.chars:,} chars: {s}" for r in self.rows for s in r.skipped)
        return [Target(f"CPU/100k chars at {last.chars:,} vs {first.chars:,}", self.ratio, "<=",
                       TARGET_LONG_RATIO, invalid)]

    def to_dict(self) -> dict:
        return {"rows": [{**asdict(r), "cpu_per_100k": r.cpu_per_100k} for r in self.rows], "ratio": self.ratio,
                "targets": [{**asdict(t), "passed": t.passed} for t in self.targets()]}


def long_text(texts: Sequence[str], n_chars: int) -> str:
    """One line of exactly ``n_chars`` characters: the words of ``texts`` (punctuation removed), repeated."""
    words = re.sub(r"[^\w\s]", " ", " ".join(texts)).split()
    if not words:
        raise ValueError("no words in the texts to build a long document from")
    line = " ".join(words)
    return ((line + " ") * (n_chars // (len(line) + 1) + 1))[:n_chars]


def _measure(text: str) -> LongRow:
    """Runs in a child process: the full analysis of one document made of ``text``."""
    from rhetoriclab.nlp import LONG_TEXT_CHARS, split_windows
    from rhetoriclab.pipeline import run_corpus
    from rhetoriclab.sections import document_sections

    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = run_corpus(Corpus([Document(id=f"long-{len(text)}", text=text)], name="long"), cache=False,
                        n_process=1, progress=False)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    sections = document_sections(Document(id="count", text=text))
    windows = sum(len(split_windows(s.clean.text)) if len(s.clean.text) > LONG_TEXT_CHARS else 1 for s in sections)
    return LongRow(chars=len(text), sections=len(sections), windows=windows, cpu=cpu, wall=wall,
                   peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   attributions=len(result.attributions), stances=len(result.stances),
                   skipped=[f"{s['stage']}: {s['reason']}" for s in result.skipped.to_dict("records")])


def run_long_bench(texts: Sequence[str], sizes: Sequence[int] = DEFAULT_LONG_SIZES) -> LongBenchResult:
    """Measure each size in turn (smallest first), each in its own child process."""
    from rhetoriclab.pipeline import run_corpus

    run_corpus([Document(id="warm-up", text=long_text(texts, 2_000))], cache=False, n_process=1, progress=False)
    ctx = multiprocessing.get_context("fork")
    rows = []
    for n in sorted(sizes):
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
            rows.append(pool.submit(_measure, long_text(texts, n)).result())
    return LongBenchResult(rows)


def format_long_bench(result: LongBenchResult) -> str:
    """The long-document table and its target."""
    lines = [
        "long documents (one line without punctuation; full analysis, one child process per size)",
        f"{'chars':>10}{'sections':>9}{'windows':>9}{'CPU s':>9}{'wall s':>9}{'CPU s/100k':>12}{'peak MB':>9}"
        f"{'attrib.':>9}{'stances':>9}",
    ]
    for r in result.rows:
        lines.append(f"{r.chars:>10,}{r.sections:>9,}{r.windows:>9,}{r.cpu:>9.2f}{r.wall:>9.2f}{r.cpu_per_100k:>12.2f}"
                     f"{r.peak_mb:>9.0f}{r.attributions:>9,}{r.stances:>9,}")
        lines += [f"{'':>10}skipped: {s}" for s in r.skipped]
    lines.append("")
    for t in result.targets():
        lines.append(f"{'PASS' if t.passed else 'FAIL'}  {t.name:<46}{t.value:>8.2f} {t.op} {t.limit:g}"
                     + (f"  (not valid: {t.invalid})" if t.invalid else ""))
    return "\n".join(lines)
