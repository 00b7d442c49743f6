"""Presenters: each screen's state and user actions, without Qt.

A presenter owns what is selected, what is being edited and whether it differs from
the file, the messages tied to fields, and the actions (each an ``Action``: a service's
do/undo pair with a name). Widgets in ``ui/`` only show a presenter's state and forward
clicks and keys; tests drive presenters without a window. See docs/architecture.md.
"""
