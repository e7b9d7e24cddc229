"""Reflect: guided, private journaling."""
