"""Content and types several areas share (feelings, repair phrases). Qt-free, no SQL.

An area never imports another area; what two areas both need lives here.
"""
