"""The clause engine: two versions in, a `DiffResult` (models.py) out.

Stages, in the order the data flows:
- `segment.py`  Document -> Clauses (sections, numbered items, sentences)
- `align.py`    old Clauses + new Clauses -> Changes (added, removed, modified, moved)
- `facts.py`    one clause -> the facts it states (durations, recipients, places, ages, ...)
- `classify/`   Changes -> material or not, categories, severity (one module per kind of check,
                listed in its docstring); `restated.py` answers whether a term still stands
                elsewhere in a version, `tokendiff.py` diffs a clause's words
- `explain.py`  the findings -> one plain sentence per change (`subject.py` names what it is about)
- `pipeline.py` the whole run as one call, used by the check stage and `policy-monitor diff`
"""

from monitor.engine.pipeline import *  # noqa: F403 - the engine's public calls, listed in pipeline.__all__
from monitor.engine.pipeline import __all__  # noqa: F401
