"""``python -m schedula_nb``: the kernel spec, and code written for schedula.

    python -m schedula_nb install-kernel [--user | --sys-prefix | --prefix PATH]
    python -m schedula_nb uninstall-kernel [--user | --sys-prefix | --prefix PATH]
    python -m schedula_nb run script.py [args ...]
    python -m schedula_nb run -m module [args ...]

``run`` runs a program written for ``schedula`` on schedula_nb, unchanged:
``import schedula`` gives schedula_nb (see ``schedula_nb.alias``). For
example ``python -m schedula_nb run -m pytest tests/`` runs a library's test
suite on it.

``--user`` (the default) needs no administrator rights; ``--sys-prefix`` puts
the kernel in the active environment (a venv, conda, Binder); ``--prefix PATH``
under ``PATH/share/jupyter/kernels``.
"""

from __future__ import annotations

import argparse
import sys

from ._kernel import KERNEL_NAME, install_kernel, uninstall_kernel


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["run"]:
        return run(argv[1:])
    return _kernel_command(argv)


def run(argv: list[str]) -> int:
    """``run script.py args`` / ``run -m module args``, with ``schedula`` aliased.

    The program sees ``sys.argv`` as if started directly; its exit status is
    returned (``SystemExit`` included).
    """
    import runpy

    from ._alias import alias

    usage = "usage: python -m schedula_nb run (script.py | -m module) [args ...]"
    if not argv or argv[0] in {"-h", "--help"} or argv == ["-m"]:
        print(usage, file=sys.stderr if not argv or argv == ["-m"] else sys.stdout)
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    alias()
    try:
        if argv[0] == "-m":
            sys.argv = [argv[1], *argv[2:]]
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = list(argv)
            sys.path.insert(0, _script_folder(argv[0]))
            runpy.run_path(argv[0], run_name="__main__")
    except SystemExit as end:
        code = end.code
        if code is None or isinstance(code, int):
            return code or 0
        print(code, file=sys.stderr)
        return 1
    return 0


def _script_folder(script: str) -> str:
    import os

    return os.path.dirname(os.path.abspath(script))


def _kernel_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m schedula_nb",
        description="Install or remove the Jupyter kernel that loads schedula_nb.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for command, verb in (
        ("install-kernel", "install"),
        ("uninstall-kernel", "remove"),
    ):
        sub = commands.add_parser(command, help=f"{verb} the 'schedula_nb' kernel spec")
        where = sub.add_mutually_exclusive_group()
        where.add_argument(
            "--user", action="store_true", help="for this user (the default)"
        )
        where.add_argument("--sys-prefix", action="store_true", help=f"in {sys.prefix}")
        where.add_argument("--prefix", metavar="PATH", help="under PATH")
        sub.add_argument("--name", default=KERNEL_NAME, help="the kernel's name")
        if command == "install-kernel":
            sub.add_argument("--display-name", help="the name the launcher shows")
    commands.add_parser(
        "run", help="run a program written for schedula: run script.py | run -m module"
    )
    args = parser.parse_args(argv)
    prefix = sys.prefix if args.sys_prefix else args.prefix
    where = {"user": prefix is None, "prefix": prefix, "name": args.name}
    try:
        if args.command == "install-kernel":
            path = install_kernel(display_name=args.display_name, **where)
            print(f"Installed the kernel {args.name!r} in {path}")
        else:
            path = uninstall_kernel(**where)
            print(f"Removed the kernel {args.name!r} from {path}")
    except (OSError, ImportError) as err:
        print(f"python -m schedula_nb {args.command}: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
