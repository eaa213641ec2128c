"""The model: a graph of data and function nodes (``Dispatcher``'s building half).

Node attribute dicts keep the reference's keys (``type``, ``inputs``,
``outputs``, ``function``, ``wait_inputs``, ``index``, ``weight`` ...), so code
that introspects ``dsp.dmap`` keeps working. The dispatch half lives in
``_dispatch.py`` and reads the same dicts.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from ._exceptions import ModelError
from ._functions import bypass, parent_func
from ._graph import DiGraph
from ._ids import unused_node_id
from ._submodel import add_dispatcher as _add_dispatcher
from ._tokens import EMPTY, NONE, PLOT, SELF, SINK, START

__all__ = ["ModelBuilder", "add_function", "unused_node_id"]


def _id_list(ids: Any, what: str) -> list:
    """Validate a list of node ids given as ``inputs`` or ``outputs``: a
    list or tuple is kept, any other iterable (a dict's keys, a generator,
    taken once) becomes a list, so the node's ids can be indexed."""
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Iterable):
        raise ModelError(f"{what} must be a list of node ids, not {ids!r}")
    return ids if isinstance(ids, (list, tuple)) else list(ids)


class ModelBuilder:
    """The construction API shared by ``Dispatcher``: nodes, edges, defaults."""

    dmap: DiGraph
    default_values: dict
    _counter: int

    # -- introspection -------------------------------------------------------
    @property
    def nodes(self) -> dict:
        """Node id -> attribute dict (the same dict as ``dmap.nodes``)."""
        return self.dmap.nodes

    @property
    def data_nodes(self) -> dict:
        """The data nodes: id -> attributes."""
        return {k: v for k, v in self.dmap.nodes.items() if v["type"] == "data"}

    @property
    def function_nodes(self) -> dict:
        """The function nodes: id -> attributes."""
        return {k: v for k, v in self.dmap.nodes.items() if v["type"] == "function"}

    @property
    def sub_dsp_nodes(self) -> dict:
        """The sub-model nodes: id -> attributes."""
        return {k: v for k, v in self.dmap.nodes.items() if v["type"] == "dispatcher"}

    def counter(self) -> int:
        """The next node index (insertion order, kept by copies)."""
        self._counter += 1
        return self._counter - 1

    # -- data ----------------------------------------------------------------
    def add_data(
        self,
        data_id: Hashable | None = None,
        default_value: Any = EMPTY,
        initial_dist: float = 0.0,
        wait_inputs: bool = False,
        wildcard: bool | None = None,
        function: Callable | None = None,
        callback: Callable | None = None,
        description: str | None = None,
        filters: list | None = None,
        await_result: Any = None,
        **kwargs: Any,
    ) -> Hashable:
        """Add a data node and return its id (``'unknown'`` when none is given).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_data('a', default_value=1), dsp.add_data(), dsp.add_data()
        ('a', 'unknown', 'unknown<0>')
        >>> dsp.default_values['a']
        {'value': 1, 'initial_dist': 0.0}
        """
        if data_id is START:
            default_value, description = NONE, START.__doc__
        elif data_id is SINK:
            wait_inputs, function, description = True, bypass, SINK.__doc__
        elif data_id is SELF:
            default_value, description = self, SELF.__doc__
        elif data_id is PLOT:
            description = PLOT.__doc__
        for name, f in (("function", function), ("callback", callback)):
            if f is not None and not callable(f):
                raise ModelError(
                    f"add_data({data_id!r}): {name} must be callable, not {f!r}"
                )
        attr: dict[str, Any] = {
            "type": "data",
            "wait_inputs": wait_inputs,
            "index": (self.counter(),),
        }
        optional = {
            "function": function,
            "callback": callback,
            "wildcard": wildcard,
            "description": description,
            "filters": filters,
            "await_result": await_result,
        }
        attr.update((k, v) for k, v in optional.items() if v is not None)
        attr.update(kwargs)
        if data_id is None:
            data_id = unused_node_id(self.dmap.nodes)
        elif data_id in self.dmap.nodes and self.dmap.nodes[data_id]["type"] != "data":
            raise ModelError(
                f"Invalid data id: {data_id!r} is already a "
                f"{self.dmap.nodes[data_id]['type']} node"
            )
        self.dmap.add_node(data_id, **attr)
        self.set_default_value(data_id, default_value, initial_dist)
        return data_id

    def set_default_value(
        self, data_id: Hashable, value: Any = EMPTY, initial_dist: float = 0.0
    ) -> None:
        """Set (or with ``EMPTY`` remove) the default value of a data node.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_data('a')
        'a'
        >>> dsp.set_default_value('a', 3, initial_dist=1)
        >>> dsp.default_values
        {'a': {'value': 3, 'initial_dist': 1}}
        """
        node = self.dmap.nodes.get(data_id)
        if node is None or node["type"] != "data":
            raise ModelError(
                f"set_default_value: {data_id!r} is not a data node; "
                "add it with add_data() first"
            )
        if value is EMPTY:
            self.default_values.pop(data_id, None)
        else:
            self.default_values[data_id] = {
                "value": value,
                "initial_dist": initial_dist,
            }
        # Defaults are read at each dispatch: the search tables stay valid.

    # -- functions -----------------------------------------------------------
    def add_function(
        self,
        function_id: Hashable | None = None,
        function: Callable | None = None,
        inputs: Iterable | None = None,
        outputs: Iterable | None = None,
        input_domain: Callable | None = None,
        weight: float | None = None,
        inp_weight: Mapping | None = None,
        out_weight: Mapping | None = None,
        description: str | None = None,
        filters: list | None = None,
        await_domain: Any = None,
        await_result: Any = None,
        **kwargs: Any,
    ) -> Hashable:
        """Add a function node and return its id (the function's name if none).

        No ``inputs`` means the function starts from ``START``; no ``outputs``
        sends its result to ``SINK``. A repeated id gets ``<0>``, ``<1>`` ...
        With a ``function_id`` and no ``function`` the node is a placeholder
        (as in the reference): the model's shape is complete, and a dispatch
        that reaches the node records its failure (no function to call).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function(function=max, inputs=['a', 'b'], outputs=['c'])
        'max'
        >>> dsp.add_function(function=max, inputs=['c', 'b'], outputs=['d'])
        'max<0>'
        >>> dsp.dispatch(inputs={'a': 1, 'b': 2})
        Solution({'a': 1, 'b': 2, 'c': 2, 'd': 2})
        """
        if function is None and function_id is None:
            raise ModelError(
                "add_function: give a function, or a function_id for a "
                "placeholder node (its function set later)"
            )
        for name, f in (("function", function), ("input_domain", input_domain)):
            if f is not None and not callable(f):
                raise ModelError(
                    f"add_function({function_id!r}): {name} must be callable, not {f!r}"
                )
        inputs = [START] if inputs is None else _id_list(inputs, "inputs")
        outputs = [SINK] if outputs is None else _id_list(outputs, "outputs")
        added: list = [
            t
            for t in (START, SINK)
            if t in (*inputs, *outputs) and t not in self.dmap.nodes
        ]
        for token in added:  # before the function, as the reference orders them
            self.add_data(token)
        attr: dict[str, Any] = {
            "type": "function",
            "inputs": inputs,
            "outputs": outputs,
            "function": function,
            "wait_inputs": True,
            "index": (self.counter(),),
        }
        optional = {
            "input_domain": input_domain or None,
            "await_domain": await_domain,
            "await_result": await_result,
            "description": description,
            "filters": filters or None,
            "weight": weight,
        }
        attr.update((k, v) for k, v in optional.items() if v is not None)
        attr.update(kwargs)
        if function_id is None:
            function_id = getattr(parent_func(function), "__name__", "unknown")
        fun_id = unused_node_id(self.dmap.nodes, function_id)
        self.dmap.add_node(fun_id, **attr)
        added.append(fun_id)
        try:
            self._link(fun_id, inputs, inp_weight, True, added)
            self._link(fun_id, outputs, out_weight, False, added)
        except ModelError:
            self.dmap.remove_nodes_from(added)
            for token in (START, SINK):
                if token not in self.dmap.nodes:
                    self.default_values.pop(token, None)
            raise
        return fun_id

    def _link(
        self,
        fun_id: Hashable,
        ids: Iterable,
        weights: Mapping | None,
        is_input: bool,
        added: list,
    ) -> None:
        """Wire a function to its data nodes, creating the missing ones."""
        nodes = self.dmap.nodes
        for u in ids:
            try:
                kind = nodes[u]["type"] if u in nodes else None
            except TypeError as err:
                raise ModelError(f"{fun_id!r}: node id {u!r} is not hashable") from err
            if kind is None:
                added.append(self.add_data(u))
            elif kind != "data":
                side = "input" if is_input else "output"
                raise ModelError(
                    f"Invalid {side} id of {fun_id!r}: {u!r} is a "
                    f"{kind} node, not a data node"
                )
            w = weights.get(u) if weights else None
            attr = {} if w is None else {"weight": w}
            if is_input:
                self.dmap.add_edge(u, fun_id, **attr)
            else:
                self.dmap.add_edge(fun_id, u, **attr)

    def add_func(
        self,
        function: Callable,
        outputs: Iterable | None = None,
        weight: float | None = None,
        inputs_defaults: bool = False,
        inputs_kwargs: bool = False,
        filters: list | None = None,
        input_domain: Callable | None = None,
        await_domain: Any = None,
        await_result: Any = None,
        inp_weight: Mapping | None = None,
        out_weight: Mapping | None = None,
        description: str | None = None,
        inputs: Iterable | None = None,
        function_id: Hashable | None = None,
        **kwargs: Any,
    ) -> Hashable:
        """Add a function whose inputs are its parameter names.

        Parameters with a default value are inputs only with ``inputs_kwargs``;
        ``inputs_defaults`` then makes their defaults the data nodes' defaults.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> def f(a, b=2):
        ...     return a + b
        >>> dsp.add_func(f, outputs=['c'])
        'f'
        >>> dsp.add_func(f, outputs=['d'], inputs_kwargs=True, inputs_defaults=True)
        'f<0>'
        >>> dsp.nodes['f']['inputs'], dsp.nodes['f<0>']['inputs']
        (('a',), ('a', 'b'))
        >>> sol = dsp.dispatch(inputs={'a': 1})
        >>> sol['c'], sol['d']
        (3, 3)
        """
        if not callable(function):
            raise ModelError(f"add_func: function must be callable, not {function!r}")
        if inputs is None:
            inputs = tuple(_parameters(function, inputs_kwargs)) or None
        fun_id = self.add_function(
            function_id,
            function,
            inputs,
            outputs,
            input_domain,
            weight,
            inp_weight,
            out_weight,
            description,
            filters,
            await_domain,
            await_result,
            **kwargs,
        )
        if inputs_defaults and inputs:
            for k, p in zip(inputs, _parameters(function, True).values()):
                if p.default is not p.empty:
                    self.set_default_value(k, p.default)
        return fun_id

    def add_from_lists(
        self,
        data_list: Iterable[dict] | None = None,
        fun_list: Iterable[dict] | None = None,
        dsp_list: Iterable[dict] | None = None,
    ) -> tuple:
        """Add data, function and sub-model nodes from lists of keyword dicts.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_from_lists([{'data_id': 'a', 'default_value': 1}],
        ...     [{'function': abs, 'inputs': ['a'], 'outputs': ['b']}])
        (['a'], ['abs'], [])
        """
        data_ids = [self.add_data(**v) for v in data_list or ()]
        fun_ids = [self.add_function(**v) for v in fun_list or ()]
        dsp_ids = [self.add_dispatcher(**v) for v in dsp_list or ()]
        return data_ids, fun_ids, dsp_ids

    #: ``add_dispatcher(dsp, inputs, outputs, dsp_id, ...)``: see ``_submodel``
    add_dispatcher = _add_dispatcher


def _parameters(function: Callable, with_defaulted: bool) -> dict:
    """The leading positional parameters of ``function`` that become inputs:
    up to ``*args`` or a keyword-only one, and (unless ``with_defaulted``) up
    to the first with a default value -- the reference's rule."""
    try:
        sig = inspect.signature(function)
    except (TypeError, ValueError) as err:
        raise ModelError(
            f"add_func: cannot read the signature of {function!r}; give inputs=[...]"
        ) from err
    params = {}
    for name, p in sig.parameters.items():
        if p.kind >= p.VAR_POSITIONAL or (
            not with_defaulted and p.default is not p.empty
        ):
            break
        params[name] = p
    return params


def add_function(
    dsp: Any, inputs_kwargs: bool = False, inputs_defaults: bool = False, **kw: Any
) -> Callable:
    """Decorator: add the function to ``dsp`` (see ``Dispatcher.add_func``).

    The function itself is returned unchanged.

    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher()
    >>> @sh.add_function(dsp, outputs=['c'])
    ... def add(a, b):
    ...     return a + b
    >>> add(1, 2), dsp(inputs={'a': 1, 'b': 2})['c']
    (3, 3)
    """

    def decorator(f: Callable) -> Callable:
        dsp.add_func(
            f, inputs_kwargs=inputs_kwargs, inputs_defaults=inputs_defaults, **kw
        )
        return f

    return decorator
