from magplan.cli import main

raise SystemExit(main())
