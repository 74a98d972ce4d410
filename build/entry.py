"""What the frozen program runs: the same entry point as the `nianbao` console script.

`nianbao audit` and the window's folder import read files in worker processes ("spawn"), which
a frozen program starts as copies of itself with multiprocessing's own arguments:
- a worker: `nianbao --multiprocessing-fork key=value…` (spawn.get_command_line);
- the resource tracker of the pool's semaphores: `nianbao <interpreter flags> -c "from
  multiprocessing.resource_tracker import main;main(fd)"`.
Those copies do that work here and exit, instead of reaching the launcher. This takes the place
of PyInstaller's run-time hook for multiprocessing (build.py: REPLACED_RUNTIME_HOOKS), which
imported multiprocessing at every start: here it is imported only in such a copy.
"""

import sys
from typing import Any

TRACKER_COMMAND = "from multiprocessing.resource_tracker import main"


def run_as_helper_process(argv: list[str]) -> bool:
    """Do a worker's or the resource tracker's work if `argv` starts one; whether it did."""
    if len(argv) >= 2 and argv[1] == "--multiprocessing-fork":
        from multiprocessing import spawn

        options: dict[str, Any] = {}  # pipe_handle=…, tracker_fd=… (parent_pid=… on Windows)
        for arg in argv[2:]:
            name, value = arg.split("=", 1)
            options[name] = None if value == "None" else int(value)
        spawn.spawn_main(**options)  # exits with the worker's status
        return True
    if "-c" in argv[1:-1] and argv[argv.index("-c") + 1].startswith(TRACKER_COMMAND):
        exec(argv[argv.index("-c") + 1])
        return True
    return False


if __name__ == "__main__":
    if run_as_helper_process(sys.argv):
        sys.exit()

    from ui.launcher import main

    sys.exit(main())
