"""Breathe's Qt widgets. Everything outside this package in the area is Qt-free."""
