"""What the replay tests compare of a solution: everything it records that
does not depend on the clock (values in order, distances, the workflow's
edges, failures, choices, functions not needed, the estimates of every
visited node, raw results, blocked nodes, whether it ran to its end)."""


def record(sol):
    return (
        list(sol.items()),
        dict(sol.dist),
        sorted(map(str, sol.workflow.edges)),
        {n: f.kind for n, f in sol.failures.items()},
        dict(sol.chosen),
        sorted(map(str, sol.not_needed)),
        {n: sol.estimates(n) for n in sol.visit},
        dict(sol.results),
        sorted(map(str, sol.blocked)),
        sol.complete,
    )
