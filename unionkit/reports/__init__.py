"""PDF documents with reportlab platypus: one module per document family (``<area>_*.py``)."""
