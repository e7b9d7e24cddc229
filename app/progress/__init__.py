"""Progress: see the way you have come. Reads the areas through their read ports."""
