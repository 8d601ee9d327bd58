"""policy-monitor: watch privacy policies and terms of service, alert when a material term changes.

The library mirrors the CLI: `monitor.engine.diff_files(old, new)` is `policy-monitor diff`.
"""

__version__ = "0.1.0"
