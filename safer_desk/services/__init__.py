"""One function per user action, Qt-free: validate, write in one transaction, return what changed.

The window and the command line both call these.
"""
