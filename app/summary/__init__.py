"""Summaries: print or save a reflection summary. Reads the areas through their read ports."""
