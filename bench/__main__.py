"""``python -m bench``: the whole benchmark, from the checkout (see :mod:`bench.run`)."""

from bench.run import main

raise SystemExit(main())
