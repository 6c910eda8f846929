"""Votes: rolls (padrones), the 30 % representativeness workbench, consultations and union elections.

Pure calculations live in ``threshold``, ``tally``, ``calendar`` and ``elections`` (no vault needed);
``rolls``, ``consultations`` and ``campaigns`` are the vault services the UI and the CLI call.
"""
