"""How fast Magnesium Planner feels, measured against the floor that Qt itself sets.

Run it by hand from the checkout (``python -m bench``; ``--quick`` for a short run). It is not
part of the program: the wheel and the bundle do not carry it. It measures, side by side in one
run:

1. cold start to the first painted main window (``magplan --smoke-test``) against an empty
   PySide6 ``QMainWindow`` started and shown the same way (:mod:`bench.processes`);
2. one plan computed by the core (``plan_day``): median and 99th percentile, for a typical
   person, a hard case and a crowded day (:mod:`bench.planning`);
3. in the window: an edit in a field until the schedule table shows the new plan
   (:mod:`bench.edit`, which drives the window through :mod:`bench.edit_window`);
4. ``magplan print -o`` wall time against the empty window's start;
5. peak memory of the running window against the empty window.

It prints a table and writes JSON with a description of the machine (:mod:`bench.table`). A
measure that needs a part of the program this build does not have is reported as "not
available".
"""
