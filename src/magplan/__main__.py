"""``python -m magplan``: the same as the ``magplan`` command."""

from magplan.cli import main

raise SystemExit(main())
