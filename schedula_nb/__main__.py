"""``python -m schedula_nb``: install or remove the ``schedula_nb`` Jupyter
kernel, or serve a model's app with Voila.

    python -m schedula_nb install-kernel [--user | --sys-prefix | --prefix PATH]
    python -m schedula_nb uninstall-kernel [--user | --sys-prefix | --prefix PATH]
    python -m schedula_nb app MODULE:OBJECT [VOILA OPTIONS ...]

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
    parser = argparse.ArgumentParser(
        prog="python -m schedula_nb",
        description="Install or remove the Jupyter kernel that loads schedula_nb, "
        "or serve a model's app with Voila.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "app",
        help="serve a model's app (sh.app) with Voila",
        description="Serve the app of MODULE:OBJECT (a Dispatcher, a Solution, an "
        "App, or a function returning one) with Voila; other options go to Voila "
        "(e.g. --port=8866 --no-browser).",
    )
    serve.add_argument("target", metavar="MODULE:OBJECT")
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
    args, rest = parser.parse_known_args(argv)
    if args.command == "app":
        from ._serve import serve

        return serve(args.target, rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
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
