"""Safer Desk: the desktop register, calculator and tracker of a Community Safety Partnership office."""

__version__ = "0.2.8"
APP_NAME = "Safer Desk"
