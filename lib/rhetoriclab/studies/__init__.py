"""Study-specific helpers for the case-study notebooks, one module per study."""
