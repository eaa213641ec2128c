"""Sub-model nodes: a model placed inside another (``add_dispatcher``).

A sub-model node has ``type`` ``'dispatcher'``; its ``function`` is the child
model itself, ``inputs`` maps parent data ids to child ids and ``outputs`` maps
child ids to parent ids (one id, or a tuple of ids for one-to-many), as in the
reference's ``dmap``. The node runs inside the parent's search (see
``_nested_search.py``): it starts when its first input arrives, later inputs
join the running child, and the child's outputs reach the parent at the
child's distances.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Hashable, Iterable, Mapping
from typing import Any

from . import _checks as check
from ._exceptions import ModelError
from ._ids import unused_node_id
from ._nested import kk_dict
from ._tokens import SINK, Token

__all__ = ["add_dispatcher", "as_ids", "feeds_back", "mapping"]


def as_ids(ids: Any) -> tuple:
    """The ids one mapping entry names: one id, or a tuple/list of them.

    >>> as_ids('a'), as_ids(('a', 'b'))
    (('a',), ('a', 'b'))
    """
    return tuple(ids) if isinstance(ids, (tuple, list)) else (ids,)


def feeds_back(attr: Mapping, p: Hashable, visited: Container) -> bool:
    """Whether parent data node ``p``, given its value by the sub-model node
    of ``attr``, passes it back to that sub-model: only when it feeds a child
    node not ``visited`` yet (the reference's rule: a value is not handed
    back to nodes that are all known, the one it came from among them).

    >>> attr = {'inputs': {'b': ('y', 'y2')}}
    >>> feeds_back(attr, 'b', {'y'}), feeds_back(attr, 'b', {'y', 'y2'})
    (True, False)
    """
    return any(c not in visited for c in as_ids(attr["inputs"][p]))


def mapping(ids: Any, what: str, owner: Hashable) -> dict:
    """``inputs``/``outputs`` of ``add_dispatcher`` as a dict (lists map an
    id to itself; list values become tuples, the reference's form).

    >>> mapping(['a', 'b'], 'inputs', 'S')
    {'a': 'a', 'b': 'b'}
    >>> mapping({'a': ['x', 'y']}, 'inputs', 'S')
    {'a': ('x', 'y')}
    >>> mapping(['a', {'b': ['x', 'y']}], 'outputs', 'S')
    {'a': 'a', 'b': ('x', 'y')}
    """
    if ids is None:
        return {}
    call = f"add_dispatcher({check.short(owner)})"
    if isinstance(ids, Mapping):
        out = {k: tuple(v) if isinstance(v, list) else v for k, v in ids.items()}
    elif isinstance(ids, (str, bytes)) or not isinstance(ids, Iterable):
        raise ModelError(
            f"{call}: {what} must be a list of ids or a "
            f"dict of parent id -> child id, not {check.short(ids)}"
        )
    else:
        entries = list(ids)
        if any(isinstance(k, Mapping) for k in entries):  # ids mixed with dicts
            return mapping(kk_dict(*entries), what, owner)
        out = {k: k for k in check.id_list(entries, what, call)}
    for k, v in out.items():
        check.node_id(k, f"{what} key", call)
        for i in as_ids(v):
            check.node_id(i, f"{what}[{check.short(k, 40)}]", call)
    return out


def _check_child_ids(child: Any, ids: Iterable, what: str, owner: Hashable) -> None:
    """Refuse mapping ids the child model does not have (at build time)."""
    nodes = child.dmap.nodes
    missing = [i for i in ids if i not in nodes or nodes[i]["type"] != "data"]
    if missing:
        raise ModelError(
            f"add_dispatcher({owner!r}): {what} {missing!r} not data nodes of "
            f"the sub-model {getattr(child, 'name', '')!r}"
        )


def add_dispatcher(
    self: Any,
    dsp: Any,
    inputs: Any = None,
    outputs: Any = None,
    dsp_id: Hashable | None = None,
    input_domain: Callable | None = None,
    weight: float | None = None,
    inp_weight: Mapping | None = None,
    description: str | None = None,
    include_defaults: bool = False,
    await_domain: Any = None,
    inputs_prefix: str = "",
    outputs_prefix: str = "",
    **kwargs: Any,
) -> Hashable:
    """Add the model ``dsp`` as a sub-model node; return its id (``dsp.name``
    if no ``dsp_id``; a repeated id gets ``<0>``, ``<1>`` ...).

    ``inputs`` maps parent data ids to child data ids and ``outputs`` child
    ids to parent ids (a list maps each id to itself; a list value maps one
    id to several). The sub-model runs inside the parent's dispatch: it
    starts when its first input arrives (``input_domain`` is called then
    with a dict of the inputs that have arrived), and its outputs reach
    the parent as the child computes them. Its solution is kept in
    ``sol.sub_sol`` under the node's index path. ``include_defaults``
    moves the child's default values of its inputs to the parent (see
    ``_take_defaults``). ``dsp``
    may also be a dict of ``add_from_lists`` arguments (``data_list``,
    ``fun_list``, ``dsp_list``) that builds the sub-model.
    Mapping ids the child does not have are refused here.

    >>> import schedula_nb as sh
    >>> sub = sh.Dispatcher(name='sub')
    >>> sub.add_function('double', lambda x: 2 * x, ['x'], ['y'])
    'double'
    >>> dsp = sh.Dispatcher(name='main')
    >>> dsp.add_dispatcher(sub, inputs={'a': 'x'}, outputs={'y': 'b'})
    'sub'
    >>> sol = dsp.dispatch(inputs={'a': 3})
    >>> sol, sol.sub_sol[(-1, 0)]
    (Solution({'a': 3, 'b': 6}), Solution({'x': 3, 'y': 6}))
    """
    if isinstance(dsp, Mapping):  # the reference's add_from_lists arguments
        dsp = _model_from_lists(self, dsp, dsp_id)
    if not hasattr(dsp, "dmap"):
        raise ModelError(f"add_dispatcher: {dsp!r} is not a model (a Dispatcher)")
    call = f"add_dispatcher({check.short(dsp_id)})"
    _check_options(call, dsp_id, input_domain, weight, inp_weight, description)
    check.flag(include_defaults, "include_defaults", call)
    check.text(inputs_prefix, "inputs_prefix", call)
    check.text(outputs_prefix, "outputs_prefix", call)
    owner = dsp_id if dsp_id is not None else dsp.name or "unknown"
    if not check.is_hashable(owner):
        owner = "unknown"
    inputs, outputs = _mappings(
        self, dsp, owner, inputs, outputs, inputs_prefix, outputs_prefix
    )
    node = unused_node_id(self.dmap.nodes, owner)
    if node in inputs or any(node in as_ids(v) for v in outputs.values()):
        raise ModelError(
            f"{call}: the sub-model's id {node!r} is also one of its parent "
            "inputs or outputs; give it another dsp_id"
        )
    attr: dict[str, Any] = {
        "type": "dispatcher",
        "inputs": inputs,
        "outputs": outputs,
        "function": dsp,
        "wait_inputs": False,
        "index": (self.counter(),),
    }
    optional = {
        "input_domain": input_domain,
        "await_domain": await_domain,
        "description": description,
        "weight": weight,
    }
    attr.update((k, v) for k, v in optional.items() if v is not None)
    attr.update(kwargs)
    self.dmap.add_node(node, **attr)
    _wire(self, node, inputs, outputs, inp_weight)
    if include_defaults:
        _take_defaults(self, dsp, inputs)
    return node


def _model_from_lists(parent: Any, lists: Mapping, dsp_id: Any) -> Any:
    """A sub-model built from ``add_from_lists`` arguments (the reference's
    ``dsp`` given as a dict)."""
    unknown = [k for k in lists if k not in ("data_list", "fun_list", "dsp_list")]
    if unknown:
        raise ModelError(
            f"add_dispatcher: dsp as a dict takes data_list, fun_list and "
            f"dsp_list (add_from_lists' arguments), not {check.short(unknown)}"
        )
    dsp = type(parent)(name=dsp_id or "unknown", executor=parent.executor)
    dsp.add_from_lists(**lists)
    return dsp


def _check_options(
    call: str, dsp_id: Any, domain: Any, weight: Any, inp_weight: Any, text: Any
) -> None:
    """The options of a sub-model node, checked before anything changes."""
    if dsp_id is not None:
        check.node_id(dsp_id, "dsp_id", call)
    check.callable_or_none(domain, "input_domain", call)
    check.weight(weight, "weight", call)
    check.weights(inp_weight, "inp_weight", call)
    check.text(text, "description", call)


def _take_defaults(parent: Any, child: Any, inputs: dict) -> None:
    """``include_defaults``: the child's default of the first id each parent
    id is mapped to moves to the parent; the defaults of the other ids of
    that mapping are dropped (one value enters them all). When the first id
    has no default, the child keeps its own. As the reference does, this
    edits the child given."""
    defaults = child.default_values
    dropped: set = set()
    for p, children in inputs.items():
        first, *others = as_ids(children)
        if first in defaults:
            d = defaults.pop(first)
            parent.set_default_value(p, d["value"], d["initial_dist"])
            dropped.update(others)
    for c in dropped:
        defaults.pop(c, None)


def _mappings(
    parent: Any,
    child: Any,
    owner: Hashable,
    inputs: Any,
    outputs: Any,
    inputs_prefix: str,
    outputs_prefix: str,
) -> tuple[dict, dict]:
    """``inputs`` and ``outputs`` as checked dicts (prefixes applied); none
    given maps every data node of the child (but the special tokens) to
    itself, as the reference does."""
    every = [k for k, a in child.dmap.nodes.items() if a["type"] == "data"]
    every = [k for k in every if not isinstance(k, Token)]
    inputs = mapping(every if inputs is None else inputs, "inputs", owner)
    outputs = mapping(every if outputs is None else outputs, "outputs", owner)
    if inputs_prefix:
        inputs = {f"{inputs_prefix}{k}": v for k, v in inputs.items()}
    if outputs_prefix:
        outputs = {
            k: tuple(f"{outputs_prefix}{i}" for i in v)
            if isinstance(v, tuple)
            else f"{outputs_prefix}{v}"
            for k, v in outputs.items()
        }
    entries = [c for v in inputs.values() for c in as_ids(v)]
    if SINK not in child.dmap.nodes and SINK in (*entries, *outputs):
        child.add_data(SINK)  # as the reference: mapping SINK gives the child one
    _check_child_ids(child, entries, "inputs", owner)
    _check_child_ids(child, list(outputs), "outputs", owner)
    nodes = parent.dmap.nodes
    for p in (*inputs, *(p for v in outputs.values() for p in as_ids(v))):
        if p in nodes and nodes[p]["type"] != "data":
            raise ModelError(
                f"add_dispatcher({owner!r}): {p!r} is a {nodes[p]['type']} "
                "node of the parent, not a data node"
            )
    return inputs, outputs


def _wire(
    parent: Any, node: Hashable, inputs: dict, outputs: dict, inp_weight: Any
) -> None:
    """Edges to and from sub-model ``node``, creating the missing data nodes
    in the order of ``str(id)`` (the reference's); input edges weigh 0.0."""
    nodes = parent.dmap.nodes
    for p in sorted(inputs, key=str):
        if p not in nodes:
            parent.add_data(p)
        w = inp_weight.get(p) if inp_weight else None
        parent.dmap.add_edge(p, node, weight=0.0 if w is None else w)
    parents_out = dict.fromkeys(p for v in outputs.values() for p in as_ids(v))
    for p in sorted(parents_out, key=str):
        if p not in nodes:
            parent.add_data(p)
        parent.dmap.add_edge(node, p)
