"""``python -m rhetoriclab`` runs the command-line interface."""

from rhetoriclab.cli import main

raise SystemExit(main())
