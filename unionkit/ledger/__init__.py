"""Treasury: append-only hash-chained ledger, dues, payroll check-off and reports."""
