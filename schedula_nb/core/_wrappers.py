"""A model used as a function: ``SubDispatch`` and ``SubDispatchFunction``
(the pipes, ``SubDispatchPipe`` and ``DispatchPipe``, are in ``_pipes``).

Each wrapper is a plain callable object: call it directly, or make it a
function node (``dsp.add_function(function=wrapper, ...)``). It pickles when
its model does (the last solution and the pipe caches are dropped).

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='model')
>>> dsp.add_function('add', lambda a, b: a + b, ['a', 'b'], ['c'])
'add'
>>> f = sh.SubDispatchFunction(dsp, 'f', ['a', 'b'], ['c'])
>>> f(1, 2), sh.SubDispatch(dsp, ['c'], output_type='list')({'a': 1, 'b': 2})
(3, [3])
"""

from __future__ import annotations

import inspect
import keyword
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from ._compat import STATE
from ._exceptions import DispatcherError
from ._functions import combine_dicts, selector
from ._reuse import REUSING
from ._solution import Solution

__all__ = ["SubDispatch", "SubDispatchFunction"]


def registered(dsp: Any, memo: dict | None = None) -> Any:
    """The model itself, or the model a blueprint builds."""
    register = getattr(dsp, "register", None)
    return register(memo=memo) if register is not None else dsp


def unreachable_error(name: str, sol: Solution, missing: list) -> DispatcherError:
    """A ``DispatcherError`` for outputs a dispatch did not reach, naming the
    node that failed and chained to its exception."""
    if STATE["reference"]:  # the switch: the reference's words, exactly
        msg = (
            f"\n  Unreachable output-targets: {set(missing)!r}"
            f"\n  Available outputs: {list(sol)!r}"
        )
        return DispatcherError(msg, sol=sol, node_id=missing[0])
    msg = f"{name}: unreachable outputs {missing!r}; computed: {list(sol)!r}"
    failure = next((f for f in sol.failures.values() if f.kind == "error"), None)
    if failure is not None:
        msg += f"\n  node {failure.node!r} failed: {failure.exception!r}"
        err = DispatcherError(msg, sol=sol, ex=failure.exception, node_id=failure.node)
        err.__cause__ = failure.exception
        return err
    domain = sol.out_of_domain
    if domain:
        msg += f"\n  inputs out of the input_domain of {domain!r}"
    return DispatcherError(msg, sol=sol, node_id=missing[0])


class SubDispatch:
    """A model as a function of dicts of inputs.

    Calling it merges the dicts, dispatches the model and returns, by
    ``output_type``: ``'all'`` the solution, ``'dict'`` / ``'list'`` /
    ``'values'`` the ``outputs`` (see ``sh.selector``; ``output_type_kw`` is
    passed to it). A selected output that was not reached raises a
    ``DispatcherError`` (unless ``output_type_kw={'allow_miss': True}``).
    ``solution`` is the last solution.

    Examples
    --------
    >>> import schedula_nb as sh
    >>> sub = sh.Dispatcher(name='sub')
    >>> sub.add_function('fun', lambda a: (a + 1, a - 1), ['a'], ['b', 'c'])
    'fun'
    >>> dispatch = sh.SubDispatch(sub, ['b', 'c'], output_type='dict')
    >>> dispatch({'a': 3}, {'a': 4})
    {'b': 5, 'c': 3}
    >>> dsp = sh.Dispatcher()
    >>> dsp.add_function('sub', dispatch, ['d'], ['e'])
    'sub'
    >>> dsp({'d': {'a': 3}})['e']
    {'b': 4, 'c': 2}

    Given a blueprint, a wrapper is a blueprint of the wrapper:

    >>> blue = sh.BlueDispatcher().add_function('f', abs, ['a'], ['b'])
    >>> pipe = sh.DispatchPipe(blue, 'f', ['a'], ['b'])
    >>> pipe
    <Blueprint of DispatchPipe: 0 calls>
    >>> pipe.register(memo={})(-3)
    3
    """

    #: a function node of it keeps the solution of each call (``sol.pipe``,
    #: the workflow's ``solution``); ``DispatchPipe`` does not
    records_solution = True
    #: requested outputs that the shrunk model no longer has (no path from
    #: the inputs reaches them): a call reports them unreachable
    _cut_outputs: frozenset = frozenset()

    def __new__(cls, dsp: Any = None, *args: Any, **kwargs: Any) -> Any:
        """A wrapper of a blueprint is a blueprint (as in the reference): it
        builds the wrapper, and the model, at ``register(memo=...)``, so
        one blueprint shared by several wrappers builds one model."""
        from ._blue import Blueprint

        if isinstance(dsp, Blueprint):
            return Blueprint(cls, dsp, *args, **kwargs)
        return super().__new__(cls)

    def __init__(
        self,
        dsp: Any,
        outputs: Iterable | None = None,
        inputs_dist: Mapping | None = None,
        wildcard: bool = False,
        no_call: bool = False,
        shrink: bool = False,
        rm_unused_nds: bool = False,
        output_type: str = "all",
        function_id: str | None = None,
        output_type_kw: Mapping | None = None,
    ) -> None:
        self.dsp = registered(dsp)
        self.outputs = None if outputs is None else list(outputs)
        self.inputs_dist = inputs_dist
        self.wildcard, self.no_call, self.shrink = wildcard, no_call, shrink
        self.rm_unused_nds = rm_unused_nds
        self.output_type = output_type
        self.output_type_kw = dict(output_type_kw or {})
        self.function_id = function_id
        self.__name__ = self.name = function_id or self.dsp.name
        self.__doc__ = getattr(self.dsp, "__doc__", None)
        self.solution: Solution = Solution(self.dsp)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.__name__!r}>"

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["solution"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.solution = Solution(self.dsp)

    def __call__(
        self,
        *input_dicts: Mapping,
        copy_input_dicts: bool = False,
        _stopper: Any = None,
        _executor: Any = False,
        _sol_name: tuple = (),
        _verbose: bool = False,
    ) -> Any:
        inputs = combine_dicts(*input_dicts, copy=copy_input_dicts)
        sol = self._dispatch(inputs, _stopper, _executor, _sol_name)
        return self._return(sol)

    def _dispatch(
        self,
        inputs: Mapping,
        stopper: Any,
        executor: Any,
        sol_name: tuple,
        dsp: Any = None,
        outputs: list | None = None,
    ) -> Solution:
        """Dispatch ``inputs`` on ``dsp`` for ``outputs`` (default: this
        wrapper's own, which a call must not change: calls may run at once)."""
        dsp = self.dsp if dsp is None else dsp
        # Inside a dispatch with reuse=, the last solution is reused too
        # (only if it is of the same model: see _reuse.usable).
        reuse = self.solution if REUSING.get() else None
        if outputs is None:
            outputs = self.outputs
            if self._cut_outputs:
                outputs = [k for k in outputs if k not in self._cut_outputs]
        self.solution = sol = dsp._dispatch(
            inputs,
            outputs,
            self.inputs_dist,
            wildcard=self.wildcard,
            no_call=self.no_call,
            shrink=self.shrink,
            rm_unused_nds=self.rm_unused_nds,
            stopper=stopper,
            executor=executor,
            sol_name=sol_name,
            reuse=reuse,
        )
        return sol

    def _return(self, sol: Solution) -> Any:
        outputs, kind, kw = self.outputs, self.output_type, self.output_type_kw
        if kind == "all" or not outputs:
            return sol
        if not kw.get("allow_miss"):
            missing = [k for k in outputs if k not in sol]
            if missing:
                raise unreachable_error(self.name, sol, missing)
        return selector(outputs, sol, output_type=kind, **kw)

    def _blue_kwargs(self) -> dict:
        """The constructor's keywords that rebuild this wrapper."""
        return {
            "dsp": self.dsp,
            "outputs": self.outputs,
            "inputs_dist": self.inputs_dist,
            "wildcard": self.wildcard,
            "no_call": self.no_call,
            "shrink": self.shrink,
            "rm_unused_nds": self.rm_unused_nds,
            "output_type": self.output_type,
            "function_id": self.function_id,
            "output_type_kw": self.output_type_kw,
        }

    def copy(self) -> Any:
        """A deep copy of the wrapper and its model (as the reference's).

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher()
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> wrapper = sh.SubDispatch(dsp)
        >>> wrapper.copy().dsp is not wrapper.dsp
        True
        """
        import copy

        return copy.deepcopy(self)

    def plot(self, workflow: Any = None, *args: Any, **kwargs: Any) -> Any:
        """The drawing of the wrapped model (``workflow=True``: coloured by
        the wrapper's last solution); options as ``Dispatcher.plot``.

        >>> import schedula_nb as sh
        >>> dsp = sh.Dispatcher(name='m')
        >>> dsp.add_function('f', abs, ['a'], ['b'])
        'f'
        >>> fun = sh.DispatchPipe(dsp, 'f', ['a'], ['b'])
        >>> fun(-1), type(fun.plot(workflow=True)).__name__
        (1, 'Plot')
        """
        if workflow and self.solution is not None and self.solution.visit:
            return self.solution.plot(True, *args, **kwargs)
        return self.dsp.plot(bool(workflow), *args, **kwargs)

    def blue(self, memo: dict | None = None, depth: int = -1) -> Any:
        """A ``Blueprint`` that rebuilds this wrapper (and its model).

        >>> import schedula_nb as sh
        >>> f = sh.SubDispatch(sh.Dispatcher(name='m'), output_type='all')
        >>> f.blue().register()
        <SubDispatch 'm'>
        """
        from ._blue import blue_of_wrapper

        return blue_of_wrapper(self, memo, depth)


class SubDispatchFunction(SubDispatch):
    """A model as a function of positional (or keyword) inputs.

    The model is shrunk to what lies between ``inputs`` and ``outputs``
    (``shrink=True``). One output returns its value, several a list (or as
    ``output_type`` says), none the solution. Inputs left out take the
    model's default values. A missing output raises a ``DispatcherError``
    naming the model and the node that failed, chained to its exception.

    Examples
    --------
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='model')
    >>> dsp.add_function('max', max, inputs=['a', 'b'], outputs=['c'])
    'max'
    >>> dsp.add_function('x - 1', lambda c: c - 1, inputs=['c'], outputs=['a'])
    'x - 1'
    >>> fun = sh.SubDispatchFunction(dsp, 'myF', ['a', 'b'], ['a'])
    >>> fun.__name__, fun(2, 1), fun(b=1, a=3)
    ('myF', 1, 2)
    >>> import inspect
    >>> inspect.signature(fun)
    <Signature (a, b, **kw)>
    """

    #: the name of the keyword-arguments parameter (None: keywords refused)
    var_keyword: str | None = "kw"

    def __init__(
        self,
        dsp: Any,
        function_id: str | None = None,
        inputs: Iterable | None = None,
        outputs: Iterable | None = None,
        inputs_dist: Mapping | None = None,
        shrink: bool = True,
        wildcard: bool = True,
        output_type: str | None = None,
        output_type_kw: Mapping | None = None,
        first_arg_as_kw: bool = False,
    ) -> None:
        dsp = original = registered(dsp)
        inputs = _kept(inputs)
        outputs = None if outputs is None else list(outputs)
        cut = frozenset()
        if shrink:
            dsp = dsp.shrink_dsp(inputs, outputs, inputs_dist, wildcard)
            # outputs of the model that no path from the inputs reaches: left
            # out of the dispatch, they are reported unreachable at each call
            cut = frozenset(k for k in outputs or () if k not in dsp.dmap.nodes)
        if output_type is None:
            output_type = "all" if not outputs else "list"
        super().__init__(
            dsp,
            outputs,
            inputs_dist,
            wildcard,
            output_type=output_type,
            function_id=function_id,
            output_type_kw=output_type_kw,
        )
        self.__doc__ = getattr(original, "__doc__", None)
        #: the input ids, in argument order: the object given (a list, a dict
        #: ...) is kept as is, and read at each call, so code that edits it
        #: later (as code written for the reference does) is followed
        self.inputs = inputs
        self.first_arg_as_kw = first_arg_as_kw
        if cut:
            self._cut_outputs = cut

    def _blue_kwargs(self) -> dict:
        return {
            "dsp": self.dsp,  # already shrunk
            "function_id": self.function_id,
            "inputs": self.inputs,
            "outputs": self.outputs,
            "inputs_dist": self.inputs_dist,
            "shrink": False,
            "wildcard": self.wildcard,
            "output_type": self.output_type,
            "output_type_kw": self.output_type_kw,
            "first_arg_as_kw": self.first_arg_as_kw,
        }

    @property
    def __signature__(self) -> inspect.Signature:
        """The inputs as parameters (a trailing run of inputs with default
        values shows them) when every input id is a Python name; otherwise
        ``(*args, **kw)``: ids of any hashable kind are valid node ids, and
        none is ever turned into a parameter name it cannot be."""
        p = inspect.Parameter
        ids = list(self.inputs)
        if not all(_is_parameter_name(k) for k in ids) or len(set(ids)) < len(ids):
            return inspect.Signature(
                [p("args", p.VAR_POSITIONAL), p("kw", p.VAR_KEYWORD)]
            )
        defaults = self.dsp.default_values
        params, trailing = [], True
        for k in reversed(ids):
            trailing = trailing and k in defaults
            default = defaults[k]["value"] if trailing else p.empty
            params.append(p(k, p.POSITIONAL_OR_KEYWORD, default=default))
        params.reverse()
        if self.var_keyword:
            params.append(p(self.var_keyword, p.VAR_KEYWORD))
        return inspect.Signature(params)

    def _parse_inputs(self, args: tuple, kw: dict) -> dict:
        """Positional and keyword arguments -> ``{input id: value}``."""
        names = self.inputs
        if self.first_arg_as_kw and args:
            kw = {**args[0], **kw}
            args = args[1:]
        if len(args) > len(names):
            raise TypeError(
                f"{self.__name__}() takes {len(names)} positional "
                f"arguments but {len(args)} were given"
            )
        inputs = dict(zip(names, args))
        nodes = self.dsp.dmap.nodes
        for k, v in kw.items():
            if k in inputs:
                raise TypeError(f"{self.__name__}() got multiple values for {k!r}")
            if k not in nodes or not (self.var_keyword or k in names):
                raise TypeError(
                    f"{self.__name__}() got an unexpected keyword argument {k!r}"
                )
            inputs[k] = v
        defaults = self.dsp.default_values
        missing = [k for k in names if k not in inputs and k not in defaults]
        if missing:
            raise TypeError(f"{self.__name__}() missing required inputs {missing!r}")
        return inputs

    def __call__(  # type: ignore[override]
        self,
        *args: Any,
        _stopper: Any = None,
        _executor: Any = False,
        _sol_name: tuple = (),
        _verbose: bool = False,
        **kw: Any,
    ) -> Any:
        inputs = self._parse_inputs(args, kw)
        sol = self._dispatch(inputs, _stopper, _executor, _sol_name)
        return self._return(sol)

    def _return(self, sol: Solution) -> Any:
        outputs = self.outputs
        if outputs and self.output_type == "list" and len(outputs) == 1:
            if outputs[0] not in sol:
                raise unreachable_error(self.name, sol, outputs)
            return sol[outputs[0]]
        return super()._return(sol)


def _kept(inputs: Any) -> Any:
    """``inputs`` as given when it is a container that can be read at every
    call (a list, tuple, dict ...); a one-shot iterable becomes a list."""
    if inputs is None:
        return []
    if isinstance(inputs, Collection) and not isinstance(inputs, (str, bytes)):
        return inputs
    if isinstance(inputs, (str, bytes)) or not isinstance(inputs, Iterable):
        raise TypeError(f"inputs must be a list of node ids, not {inputs!r}")
    return list(inputs)


def _is_parameter_name(node_id: Any) -> bool:
    return (
        isinstance(node_id, str)
        and node_id.isidentifier()
        and not keyword.iskeyword(node_id)
    )
