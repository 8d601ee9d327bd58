"""The user-facing surface: the command line and what it prints.

- `cli.py`      argument parsing and printing only.
- `terminal.py` a coloured clause diff for the terminal.
- `demo.py`     an offline run of the whole pipeline on bundled sample pages (`sample/`).
"""
