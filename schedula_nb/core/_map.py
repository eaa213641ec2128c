"""A model mapped over a list of inputs (``MapDispatch``), and ``run_model``.

>>> import schedula_nb as sh
>>> dsp = sh.Dispatcher(name='model')
>>> dsp.add_function('add', lambda a, b: a + b, ['a', 'b'], ['c'])
'add'
>>> sh.MapDispatch(dsp, constructor_kwargs={'outputs': ['c'],
...     'output_type': 'values'})([{'a': 1, 'b': 2}, {'a': 2, 'b': 2}])
[3, 4]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._functions import bypass, combine_dicts, partial, selector
from ._nested import combine_nested_dicts
from ._wrappers import SubDispatch, registered, unreachable_error

__all__ = ["MapDispatch", "run_model"]


def _no_kw(index: int, **data: Any) -> dict:
    return {}


def prepare_inputs(inputs: list, defaults: Mapping | None) -> Any:
    """Each input dict merged (level by level) over ``defaults``."""
    out = tuple(combine_nested_dicts(defaults or {}, d) for d in inputs)
    return out[0] if len(out) == 1 else out


def recursive_data(recursive_inputs: Any, input_data: Mapping, outputs: Any) -> dict:
    """``input_data`` updated with the ``recursive_inputs`` of the previous
    ``outputs`` (a dict renames them: ``{output id: input id}``)."""
    if isinstance(recursive_inputs, Mapping):
        data = {v: outputs[k] for k, v in recursive_inputs.items() if k in outputs}
    else:
        data = selector(recursive_inputs, outputs, allow_miss=True)
    return combine_dicts(input_data, data)


class MapDispatch(SubDispatch):
    """Apply a model to each dict of a list of inputs; return the list of
    results.

    ``constructor(dsp, **constructor_kwargs)`` makes the function applied to
    each input (a ``SubDispatch`` returning the solution, by default). Each
    input is merged over ``defaults`` first. With ``recursive_inputs`` (a
    list of ids, or a dict renaming them) each run also takes those outputs
    of the previous run as inputs. At each call an execution model is built
    (``dsp``, a ``Dispatcher(**kwargs)``) with one cluster of nodes per
    input, labelled by ``input_label``, ``data_label``, ``output_label`` and
    ``cluster_label``; ``func_kw(index, **input)`` gives extra keywords for
    each ``run<i>`` node.

    Examples
    --------
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='model')
    >>> dsp.add_func(lambda a, b: (a + b, a - b), ['c', 'd'], inputs=['a', 'b'])
    '<lambda>'
    >>> f = sh.MapDispatch(dsp, constructor_kwargs={
    ...     'outputs': ['c', 'd'], 'output_type': 'list'})
    >>> f([{'a': 1, 'b': 2}, {'a': 2, 'b': 2}])
    [[3, -1], [4, 0]]
    >>> f([{'a': 1}, {'a': 3, 'b': 3}], defaults={'b': 2})
    [[3, -1], [6, 0]]
    >>> g = sh.MapDispatch(dsp, recursive_inputs={'c': 'b'})
    >>> g([{'a': 1, 'b': 1}, {'a': 2}, {'a': 3}])
    [Solution({'a': 1, 'b': 1, 'c': 2, 'd': 0}),
     Solution({'a': 2, 'b': 2, 'c': 4, 'd': 0}),
     Solution({'a': 3, 'b': 4, 'c': 7, 'd': -1})]
    """

    def __init__(
        self,
        dsp: Any,
        defaults: Mapping | None = None,
        recursive_inputs: Any = None,
        constructor: Callable = SubDispatch,
        constructor_kwargs: Mapping | None = None,
        function_id: str | None = None,
        func_kw: Callable[..., dict] = _no_kw,
        input_label: str = "inputs<{}>",
        output_label: str = "outputs<{}>",
        data_label: str = "data<{}>",
        cluster_label: str = "task<{}>",
        **kwargs: Any,
    ) -> None:
        from ._dispatcher import Dispatcher

        model = registered(dsp)
        self.func = constructor(model, **(constructor_kwargs or {}))
        self.model = model
        self.constructor = constructor
        self.constructor_kwargs = dict(constructor_kwargs or {})
        self.kwargs = kwargs
        super().__init__(Dispatcher(**kwargs), function_id=function_id)
        self.__name__ = self.name = function_id or model.name
        self.__doc__ = getattr(model, "__doc__", None)
        self.defaults, self.recursive_inputs = defaults, recursive_inputs
        self.input_label, self.output_label = input_label, output_label
        self.data_label, self.cluster_label = data_label, cluster_label
        self.func_kw = func_kw

    # The reference's helpers, for code that calls them on the class.
    prepare_inputs = staticmethod(prepare_inputs)
    recursive_data = staticmethod(recursive_data)

    @staticmethod
    def format_labels(it: Any, label: str) -> list:
        """``label`` formatted with each ``(index, data dict)`` of ``it``.

        >>> from schedula_nb import MapDispatch
        >>> MapDispatch.format_labels(enumerate([{'a': 1}, {'a': 2}]), 'in<{}:{a}>')
        ['in<0:1>', 'in<1:2>']
        """
        return [label.format(k, **v) for k, v in it]

    @staticmethod
    def format_clusters(it: Any, label: str) -> list:
        """Graphviz cluster attributes labelled as ``format_labels`` does."""
        return [
            {"body": {"label": f'"{name}"', "labelloc": "b"}}
            for name in MapDispatch.format_labels(it, label)
        ]

    def _blue_kwargs(self) -> dict:
        return {
            "dsp": self.model,
            "defaults": self.defaults,
            "recursive_inputs": self.recursive_inputs,
            "constructor": self.constructor,
            "constructor_kwargs": self.constructor_kwargs,
            "function_id": self.function_id,
            "func_kw": self.func_kw,
            "input_label": self.input_label,
            "output_label": self.output_label,
            "data_label": self.data_label,
            "cluster_label": self.cluster_label,
            **self.kwargs,
        }

    def _execution_model(self, inputs: list, recursive_inputs: Any) -> Any:
        """The model that runs ``self.func`` once per input."""
        from ._dispatcher import Dispatcher

        dsp = Dispatcher(**self.kwargs)
        n = len(inputs)
        labels = [self.input_label.format(i) for i in range(1, n + 1)]
        dsp.add_function(
            "prepare_inputs", prepare_inputs, ["inputs", "defaults"], labels
        )
        for i, (label, data) in enumerate(zip(labels, inputs), 1):
            cluster = {"cluster": self.cluster_label.format(i)}
            arg = label
            if recursive_inputs:
                arg = self.data_label.format(i)
                if i == 1:
                    dsp.add_function("bypass", bypass, [label], [arg], **cluster)
                else:
                    dsp.add_function(
                        f"recursive_data<{i}>",
                        partial(recursive_data, recursive_inputs),
                        [label, self.output_label.format(i - 1)],
                        [arg],
                        **cluster,
                    )
            dsp.add_function(
                f"run<{i}>",
                self.func,
                [arg],
                [self.output_label.format(i)],
                **cluster,
                **self.func_kw(i - 1, **data),
            )
        return dsp

    def __call__(  # type: ignore[override]
        self,
        inputs: list,
        defaults: Mapping | None = None,
        recursive_inputs: Any = None,
        _stopper: Any = None,
        _executor: Any = False,
        _sol_name: tuple = (),
        _verbose: bool = False,
    ) -> list:
        inputs = list(inputs)
        if not inputs:
            return []
        recursive = recursive_inputs or self.recursive_inputs
        # Local model and outputs: calls from several threads must not see
        # each other's; the attributes keep the last call's, as the reference.
        dsp = self._execution_model(inputs, recursive)
        outputs = [self.output_label.format(i) for i in range(1, len(inputs) + 1)]
        sol = self._dispatch(
            {"inputs": inputs, "defaults": defaults or self.defaults or {}},
            _stopper,
            _executor,
            _sol_name,
            dsp,
            outputs,
        )
        self.dsp, self.outputs = dsp, outputs
        missing = [k for k in outputs if k not in sol]
        if missing:
            raise unreachable_error(self.name, sol, missing)
        return [sol[k] for k in outputs]


def run_model(
    func: Callable, *args: Any, _init: Callable | None = None, **kwargs: Any
) -> Any:
    """Call ``func`` (a model, a wrapper, any function) on ``args``.

    Handy as a function node whose model is itself an input. ``_init``, if
    given, maps ``(*args, **kwargs)`` to the ``(args, kwargs)`` to call with.

    Examples
    --------
    >>> import schedula_nb as sh
    >>> dsp = sh.Dispatcher(name='Dispatcher')
    >>> dsp.add_function('execute_dsp', sh.run_model, ['dsp_model', 'inputs'],
    ...                  ['outputs'])
    'execute_dsp'
    >>> model = sh.Dispatcher(name='Model')
    >>> model.add_function('max', max, inputs=['a', 'b'], outputs=['c'])
    'max'
    >>> dsp({'dsp_model': model, 'inputs': {'b': 1, 'a': 2}})['outputs']
    Solution({'a': 2, 'b': 1, 'c': 2})
    """
    if _init is not None:
        args, kwargs = _init(*args, **kwargs)
    return func(*args, **kwargs)
