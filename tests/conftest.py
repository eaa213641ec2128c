"""Suite-wide settings.

Hypothesis runs derandomized by default, so the suite (and CI) checks the same
examples on every run: a red build means a change, not a lucky draw. To hunt
for new counter-examples, run with ``HYPOTHESIS_PROFILE=explore`` (random
examples, many more of them), e.g. ``--hypothesis-seed=N`` for a given draw.
"""

import os

from hypothesis import settings

settings.register_profile("deterministic", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))
