"""An explorer for stance (or attribution) tables: pick corpus, actor, target, event type and period.

``explore(frame)`` shows, for the selection, a timeline of records per period and the underlying
records with their evidence highlighted (the cue in the quoted or reported words). In a live notebook
it is an ipywidgets panel; with ``static=True`` (or with no widget frontend, or ``RHETORICLAB_STATIC=1``)
it renders once, as a figure and an HTML table, which is what the rendered book and ``nbval`` see.

The pure functions underneath (:func:`standardize`, :func:`select`, :func:`timeline`,
:func:`timeline_figure`, :func:`evidence_table`, :func:`highlight`) work on DataFrames and are what
the widgets call.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd

from rhetoriclab.charts.palette import QUAD_COLOURS as palette_quad_colours

#: Canonical column -> accepted spellings in the pipeline's frames.
COLUMNS = {
    "doc": ("doc", "doc_id", "document"),
    "date": ("date", "doc_date"),
    "corpus": ("corpus",),
    "source_code": ("source_code", "actor_code", "speaker_code"),
    "source_text": ("source_text", "speaker", "source"),
    "target_code": ("target_code",),
    "target_text": ("target_text", "target"),
    "event": ("event", "event_type"),
    "quad": ("quad", "quad_class"),
    "plover_score": ("plover_score",),
    "content": ("content_text", "content", "sentence_text", "text"),
    "cue": ("cue_text", "cue", "evidence"),
}
ALL = "(all)"
#: One colour per quad class and grey for "other", from the project palette (rhetoriclab.charts.palette).
QUAD_COLOURS = dict(palette_quad_colours)


def _scalar_column(col: pd.Series) -> bool:
    """False for columns of nested records (e.g. ``source`` as a dict of text/code/org/sector)."""
    first = col.dropna().head(1)
    return first.empty or not isinstance(first.iloc[0], dict | list)


def standardize(frame: pd.DataFrame, corpus: str | None = None) -> pd.DataFrame:
    """Rename known column spellings to the canonical names, parse dates; add ``corpus`` if given."""
    out = pd.DataFrame(index=frame.index)
    for canon, names in COLUMNS.items():
        col = next((n for n in names if n in frame.columns and _scalar_column(frame[n])), None)
        if col is not None:
            out[canon] = frame[col]
    if "date" not in out:
        raise ValueError(f"the frame needs a date column (one of {COLUMNS['date']}); it has {list(frame.columns)}")
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    if corpus is not None:
        out["corpus"] = corpus
    for canon in COLUMNS:
        if canon not in out:
            out[canon] = None
    out["quad"] = out["quad"].fillna("other").astype(str).str.lower().str.replace(" ", "-")
    return out.reset_index(drop=True)


def combine(frames: pd.DataFrame | Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One standardized frame from a frame or from ``{corpus name: frame}``."""
    if isinstance(frames, pd.DataFrame):
        return standardize(frames)
    parts = [standardize(f, name) for name, f in frames.items()]
    return pd.concat(parts, ignore_index=True) if parts else standardize(pd.DataFrame(columns=["date"]))


def select(frame: pd.DataFrame, *, corpus: str | None = None, actor: str | None = None, target: str | None = None,
           event: str | None = None, start=None, end=None) -> pd.DataFrame:
    """Rows of a standardized frame matching every given choice (``None`` or ``"(all)"`` = any); dates inclusive."""
    keep = pd.Series(True, index=frame.index)
    for col, value in (("corpus", corpus), ("source_code", actor), ("target_code", target), ("event", event)):
        if value not in (None, ALL):
            keep &= frame[col] == value
    if start is not None:
        keep &= frame["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= frame["date"] <= pd.Timestamp(end)
    return frame[keep].sort_values(["date", "doc"], kind="mergesort")


def timeline(selected: pd.DataFrame, freq: str = "W-MON") -> pd.DataFrame:
    """Records per period (rows) and quad class (columns), with every period in the range present."""
    dated = selected.dropna(subset=["date"])
    if dated.empty:
        return pd.DataFrame()
    periods = dated["date"].dt.to_period(freq).dt.start_time
    table = pd.crosstab(periods, dated["quad"]).sort_index()
    full = pd.period_range(table.index.min(), table.index.max(), freq=freq).start_time
    return table.reindex(full, fill_value=0).rename_axis("period")


def _period_label(ts: pd.Timestamp, freq: str) -> str:
    kind = freq[0].upper()
    return f"{ts:%Y}" if kind in ("Y", "A") else f"{ts:%b %Y}" if kind in ("M", "Q") else f"{ts:%d %b %Y}"


def timeline_figure(selected: pd.DataFrame, freq: str = "W-MON", title: str = "Stances over time"):
    """Stacked bars of records per period by quad class; returns the Figure.

    Periods sit at even positions labelled with their start (so a single day is one bar, not a day on an hourly
    axis); at most about twelve labels are written; the legend stands outside the bars, on the right.
    """
    table = timeline(selected, freq)
    fig, ax = plt.subplots(figsize=(8.5, 3.2))
    if table.empty:
        ax.text(0.5, 0.5, "no records in this selection", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
    else:
        positions = range(len(table))
        bottom = None
        for quad in [q for q in QUAD_COLOURS if q in table.columns]:
            ax.bar(positions, table[quad], bottom=bottom, width=0.8, color=QUAD_COLOURS[quad], label=quad)
            bottom = table[quad] if bottom is None else bottom + table[quad]
        step = max(1, -(-len(table) // 12))
        ax.set_xticks(list(positions)[::step])
        ax.set_xticklabels([_period_label(t, freq) for t in table.index[::step]], rotation=30, ha="right",
                           fontsize=8)
        ax.set_xlim(-0.7, max(len(table), 4) - 0.3)
        ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.set_title(title)
    ax.set_xlabel("period start")
    ax.set_ylabel("records per period")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def highlight(content: str | None, cue: str | None) -> str:
    """HTML-escaped ``content`` with each occurrence of the cue word(s) wrapped in ``<mark>``.

    A cue that does not occur in the content (``told`` for a quotation) is shown marked in front of it.
    """
    text = html.escape(content or "")
    words = [w for w in re.split(r"[\s,;|]+", cue or "") if len(w) > 1] if not isinstance(cue, list | tuple) \
        else [str(w) for w in cue]
    marked = 0
    for w in sorted(set(words), key=len, reverse=True):
        text, n = re.subn(rf"(?<![\w>])({re.escape(html.escape(w))})(?![\w<])", r"<mark>\1</mark>", text,
                          flags=re.IGNORECASE)
        marked += n
    if words and not marked:
        text = f"<mark>{html.escape(' '.join(words))}</mark> &middot; {text}"
    return text


def evidence_table(selected: pd.DataFrame, n: int = 10) -> str:
    """The first ``n`` records as an HTML table: date, document, who -> whom, event, PLOVER score, evidence."""
    rows = []
    for r in selected.head(n).itertuples(index=False):
        who = f"{r.source_code or r.source_text or '?'} &rarr; {r.target_code or r.target_text or '-'}"
        score = "" if pd.isna(r.plover_score) else f"{float(r.plover_score):+.1f}"
        date = "" if pd.isna(r.date) else f"{r.date:%Y-%m-%d}"
        rows.append(f"<tr><td>{date}</td><td>{html.escape(str(r.doc or ''))}</td><td>{who}</td>"
                    f"<td>{html.escape(str(r.event or ''))}</td><td>{score}</td>"
                    f"<td>{highlight(r.content, r.cue)}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("date", "document", "who &rarr; whom", "event", "PLOVER score",
                                             "evidence (cue highlighted)"))
    more = f"<p>showing {min(n, len(selected))} of {len(selected)} records</p>"
    return f'<table class="rl-evidence"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{more}'


def _choices(frame: pd.DataFrame, col: str) -> list[str]:
    return [ALL, *sorted(str(v) for v in frame[col].dropna().unique())]


def _no_widget_frontend() -> bool:
    if os.environ.get("RHETORICLAB_STATIC", "").strip() not in ("", "0"):
        return True
    try:
        from IPython import get_ipython
    except ImportError:
        return True
    shell = get_ipython()
    return shell is None or type(shell).__name__ != "ZMQInteractiveShell"


def _show_static(frame: pd.DataFrame, choices: dict, freq: str, n: int) -> None:
    from IPython.display import HTML, display

    selected = select(frame, **choices)
    picked = ", ".join(f"{k}={v}" for k, v in choices.items() if v not in (None, ALL)) or "everything"
    fig = timeline_figure(selected, freq, title=f"Stances over time ({picked})")
    display(fig)
    plt.close(fig)
    display(HTML(evidence_table(selected, n)))


def explore(frames: pd.DataFrame | Mapping[str, pd.DataFrame], *, static: bool | None = None, corpus: str | None = None,
            actor: str | None = None, target: str | None = None, event: str | None = None, start=None, end=None,
            freq: str = "W-MON", n: int = 10):
    """Explore stances by corpus, actor, target, event type and period.

    ``frames`` is a stances (or attributions) DataFrame or ``{corpus name: frame}``. The keyword choices
    set the initial selection. Static mode displays a figure and a table and returns ``None``; widget
    mode returns the ipywidgets panel.
    """
    frame = combine(frames)
    choices = {"corpus": corpus, "actor": actor, "target": target, "event": event, "start": start, "end": end}
    if static or (static is None and _no_widget_frontend()):
        _show_static(frame, choices, freq, n)
        return None
    import ipywidgets as w

    dates = frame["date"].dropna()
    months = pd.period_range(dates.min(), dates.max(), freq="M") if len(dates) else pd.PeriodIndex([], freq="M")
    options = [(str(m), m) for m in months] or [("-", None)]
    widgets = {
        "corpus": w.Dropdown(options=_choices(frame, "corpus"), value=corpus or ALL, description="corpus"),
        "actor": w.Dropdown(options=_choices(frame, "source_code"), value=actor or ALL, description="actor"),
        "target": w.Dropdown(options=_choices(frame, "target_code"), value=target or ALL, description="target"),
        "event": w.Dropdown(options=_choices(frame, "event"), value=event or ALL, description="event"),
        "period": w.SelectionRangeSlider(options=options, index=(0, len(options) - 1), description="period",
                                         layout=w.Layout(width="500px")),
    }
    out = w.Output()

    def redraw(*_):
        lo, hi = widgets["period"].value
        picked = {k: widgets[k].value for k in ("corpus", "actor", "target", "event")}
        picked["start"] = lo.start_time if lo is not None else None
        picked["end"] = hi.end_time if hi is not None else None
        out.clear_output(wait=True)
        with out:
            _show_static(frame, picked, freq, n)

    for widget in widgets.values():
        widget.observe(redraw, names="value")
    redraw()
    return w.VBox([w.HBox([widgets["corpus"], widgets["actor"]]), w.HBox([widgets["target"], widgets["event"]]),
                   widgets["period"], out])
