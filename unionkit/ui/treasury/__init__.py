"""The treasury area: ledger, dues, check-off import, month close and reports."""
