"""Entry point of the bundled program.

The bundle holds two executables built from this one script: ``magplan`` (console: the
command line, and the window when run without a subcommand) and ``magplan-gui`` (windowed: no
console window on Windows; opens the window). The executable's own name decides which. On
Linux, where no program has a console window to hide, ``magplan-gui`` is a link to
``magplan``: run without a command, both open the window.
"""

import sys
from pathlib import Path

from magplan.cli import gui_main, main

if __name__ == "__main__":
    is_gui = Path(sys.executable).stem.lower() == "magplan-gui"
    sys.exit(gui_main() if is_gui else main())
