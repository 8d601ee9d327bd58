"""The clause engine: two versions in, a `DiffResult` (models.py) out.

Stages, in the order the data flows:
- `segment.py`  Document -> Clauses (sections, numbered items, sentences)
- `align.py`    old Clauses + new Clauses -> Changes (added, removed, modified, moved)
- `facts.py`    one clause -> the facts it states (durations, recipients, places, ages, ...)
- `classify.py` Changes -> material or not, categories, severity, explanation
- `pipeline.py` the whole run as one call, used by the check stage and `policy-monitor diff`
"""

from monitor.engine.pipeline import *  # noqa: F403 - the engine's public calls, listed in pipeline.__all__
from monitor.engine.pipeline import __all__  # noqa: F401
